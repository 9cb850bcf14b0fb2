// The FEED: public events (and the private ones the player sees: its own, and those that name it) by day, newest first. Each item shows
// the actor's colour, the text and whether the source reports it; clicking it opens the source: the
// quote, who said it, the publication and date. Events of the article's timeline are "source"; moves
// the model chose (and incidents) are "simulated", even when the article reports moves of that kind,
// whose quote the popover then shows as the basis of the move.
import { whenIdle } from './idle';
import type { Session, SessionStore } from '../store/session';
import { actors, displayDate, meterMoves, pairLabels, playerOn, seenByLabel, sourceOf } from '../store/ui-view';
import { visibleEvents } from '../store/selectors';
import { h, replace } from './dom';
import { signed } from './format';
import { closePopover, isPopoverFor, openPopover } from './popover';

type FeedEvent = Session['days'][number]['events'][number];

/** Whether the source reports this very event (the article's timeline), not only moves of its kind. */
const reported = (e: FeedEvent): boolean => e.source !== null && e.kind === 'scripted';

/** Whether the event is the player's own chosen move. */
// The player's own move: by the role that held the seat that day (a game played on as another role).
const yours = (s: Session, e: FeedEvent): boolean => e.kind === 'action' && e.actor !== null && e.actor === playerOn(s, e.turn);

const KIND_LABEL: Record<string, string> = { scripted: 'timeline', action: 'action', incident: 'incident', band: 'ladder', outcome: 'outcome' };
/** Items the feed builds at first; scrolling down loads this many more each time. */
const PAGE = 30;
/**
 * On a jump (a replay's timeline, a new game) the feed builds this many items (whole days) at once, more
 * than its panel shows on any screen, and the rest of the first page once the page is idle: laying out
 * 30 new items was a third of a jump's frame (issue 16, docs/performance.md).
 */
const FIRST = 12;
/** At the latest, the rest of the page is built this long after a jump. */
const IDLE_MS = 300;

export function createFeed(store: SessionStore) {
  const list = h('div', { class: 'feed-list', role: 'list' });
  const count = h('span', { class: 'panel-sub mono' });
  const el = h(
    'section',
    { class: 'panel feed', 'aria-label': 'Feed' },
    h('h2', { class: 'panel-title', 'data-tip': 'What happened, newest first. Click an item to see its source: a quote from the article, or "simulated" when the model made it up.' }, 'Feed', count),
    list,
  );

  function showSource(anchor: HTMLElement, e: FeedEvent): void {
    if (isPopoverFor(anchor)) return closePopover();
    const s = store.getState();
    const labels = pairLabels(s);
    const moved = Object.entries(e.deltas)
      .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
      .slice(0, 4)
      .map(([p, v]) => h('li', {}, h('span', {}, labels.get(p) ?? p), h('span', { class: `mono ${v > 0 ? 'up' : 'down'}` }, signed(v))));
    const mine = yours(s, e);
    const body: Node[] = [h('p', { class: 'pop-text' }, e.text)];
    if (mine) body.push(h('div', { class: 'pop-note' }, 'Your move: you chose it for this day.'));
    if (e.source && !reported(e) && !mine) body.push(h('div', { class: 'pop-sim' }, 'Simulated'), h('div', { class: 'pop-note' }, 'The model chose this move on this day; no source reports it. The source reports moves of this kind:'));
    if (e.source) {
      const src = sourceOf(s, e.source.ref);
      body.push(h('blockquote', { class: 'pop-quote' }, `“${e.source.quote}”`));
      if (e.source.speaker) body.push(h('div', { class: 'pop-speaker' }, `— ${e.source.speaker}${e.source.date ? `, ${displayDate(e.source.date)}` : ''}`));
      if (src) body.push(h('div', { class: 'pop-src' }, h('strong', {}, src.publication), src.author ? ` · ${src.author}` : '', src.title ? ` · “${src.title}”` : '', src.date ? ` · ${displayDate(src.date)}` : ''));
      if (e.plan) body.push(h('div', { class: 'pop-note' }, 'A plan announced before the article was written: the model may change it.'));
      if (e.source.note) body.push(h('div', { class: 'pop-note' }, `Modeller’s note: ${e.source.note}`));
    } else if (!mine) {
      body.push(h('div', { class: 'pop-sim' }, 'Simulated'), h('div', { class: 'pop-note' }, 'The model generated this event; no source reports it.'));
    }
    if (e.goldstein !== null) body.push(h('div', { class: 'pop-meta mono' }, `Goldstein ${signed(e.goldstein)}${e.cameo ? ` · CAMEO ${e.cameo}` : ''}${e.actionKind ? ` · ${e.actionKind}` : ''}`));
    if (moved.length) body.push(h('div', { class: 'pop-k' }, 'Tension it moved'), h('ul', { class: 'pop-moves' }, ...moved));
    const meters = meterMoves(s, e);
    if (meters.length) body.push(h('div', { class: 'pop-k' }, 'Meters it moved'), h('ul', { class: 'pop-moves' }, ...meters.map(([label, v]) => h('li', {}, h('span', {}, label), h('span', { class: `mono ${v > 0 ? 'up' : 'down'}` }, signed(v))))));
    openPopover(anchor, `${displayDate(e.date)} · ${mine ? 'Your move' : reported(e) ? 'Source' : e.source ? 'Simulated, based on the source' : 'Simulated'}`, ...body);
  }

  /** The events of a day the player sees: public ones, its own private ones, and those that name it. */
  const shown = (s: Session, turn: number): FeedEvent[] => visibleEvents(s, turn);

  /** Builds one day's header and items. */
  function dayNodes(s: Session, turn: number, colours: Map<string, string>): HTMLElement[] {
    const rec = s.days[turn];
    const events = shown(s, turn);
    if (!rec || events.length === 0) return [];
    const out: HTMLElement[] = [h('div', { class: 'feed-day', role: 'presentation' }, h('span', { class: 'mono' }, `Day ${rec.turn}`), ` ${displayDate(rec.date)}`)];
    for (const e of events) {
      const item: HTMLButtonElement = h(
        'button',
        {
          class: `feed-item kind-${e.kind}${reported(e) ? ' sourced' : ''}${e.visibility === 'private' ? ' private' : ''}${yours(s, e) ? ' mine' : ''}`,
          role: 'listitem',
          'aria-haspopup': 'dialog',
          'aria-expanded': 'false',
          'aria-label': `${e.text} — ${yours(s, e) ? 'your move; show what it did' : reported(e) ? 'show source' : e.source ? 'simulated; show what it is based on' : 'simulated'}`,
          onclick: () => showSource(item, e),
        },
        h('i', { class: 'feed-dot', style: `background:${(e.actor && colours.get(e.actor)) || '#7d8a97'}` }),
        h('span', { class: 'feed-text' }, e.text),
        h('span', { class: 'feed-tags' }, e.visibility === 'private' ? h('span', { class: 'tag private' }, seenByLabel(s, e.seenBy)) : null, h('span', { class: `tag k-${e.kind}` }, KIND_LABEL[e.kind] ?? e.kind), yours(s, e) ? h('span', { class: 'tag mine' }, 'your move ▸') : h('span', { class: reported(e) ? 'tag src' : 'tag sim' }, reported(e) ? 'source ▸' : e.source ? 'simulated ▸' : 'simulated')),
      );
      out.push(item);
    }
    return out;
  }

  // The list holds whole days, newest first: at least `limit` items (PAGE at first) and more as the
  // reader scrolls down to older days. A new day is prepended and the oldest days beyond the limit
  // dropped; a jump back (a replay's timeline) removes the days after it and fills in older ones.
  // A jump far ahead, or a new game, builds only the newest days again.
  interface Block {
    turn: number;
    nodes: HTMLElement[];
    items: number;
  }
  let blocks: Block[] = [];
  let game: unknown = null;
  /** Days before this turn are accounted for (in the list, or older than it). */
  let top = 1;
  let limit = PAGE;
  let total = 0;
  const empty = h('div', { class: 'feed-empty' });
  const more = h('div', { class: 'feed-more', role: 'presentation' }, 'Older days load as you scroll');
  const items = () => blocks.reduce((n, b) => n + b.items, 0);
  const oldest = () => blocks[blocks.length - 1]?.turn ?? top;
  const drop = (b: Block) => b.nodes.forEach((n) => n.remove());
  /** A day's block; a day with nothing to show has none, and still counts as reached. */
  const block = (s: Session, turn: number, colours: Map<string, string>): Block => {
    const nodes = dayNodes(s, turn, colours);
    return { turn, nodes, items: Math.max(0, nodes.length - 1) };
  };
  const colourMap = (s: Session) => new Map(actors(s).map((a) => [a.id, a.colour]));

  /** Appends older days until the list holds `upto` items (the limit) or reaches day 1. */
  function fill(s: Session, colours: Map<string, string>, upto = limit): void {
    let n = items();
    for (let t = oldest() - 1; t >= 1 && n < upto; t--) {
      const b = block(s, t, colours);
      more.before(...b.nodes);
      blocks.push(b);
      n += b.items;
    }
  }

  // Whether the reader has scrolled the list (kept from scroll events: reading scrollTop in an update
  // would force a layout). A jump or a new game shows the newest events from the top; a single new day
  // leaves the reader where they are.
  let scrolled = false;
  list.addEventListener('scroll', () => (scrolled = list.scrollTop > 0), { passive: true });

  // After a jump the list holds its first FIRST items; the rest of the page follows when idle (the list
  // is aria-busy meanwhile).
  let completing: (() => void) | null = null;
  function complete(): void {
    completing = null;
    const s = store.getState();
    if (s.days[0] === game && s.days.length === top) {
      fill(s, colourMap(s));
      more.hidden = oldest() <= 1;
    }
    list.removeAttribute('aria-busy');
    // Observed again, so that an end of the list already in sight loads older days.
    seen.unobserve(more);
    seen.observe(more);
  }

  function update(s: Session): void {
    const len = s.days.length;
    let jump = false;
    if (s.days[0] === game && len !== top && len !== top + 1) {
      // A jump: back to the top of the list, and to the first page.
      limit = PAGE;
      jump = true;
      if (scrolled) list.scrollTop = 0;
      scrolled = false;
    }
    if (s.days[0] !== game) {
      jump = true;
      game = s.days[0];
      blocks = [];
      top = 1;
      limit = PAGE;
      total = 0;
      if (scrolled) list.scrollTop = 0;
      scrolled = false;
      empty.textContent = s.role === 'observer' || s.viewer ? 'The crisis begins. Press ▶ Next day, or ▶▶ to watch it unfold.' : 'The crisis begins. Choose your move below, then End day.';
      replace(list, empty, more);
      more.hidden = true;
      count.textContent = '';
    }
    if (len === top) return;
    // A pending completion is for the list as it was: this update builds its own.
    completing?.();
    completing = null;
    const upto = jump ? Math.min(FIRST, limit) : limit;
    const colours = colourMap(s);
    if (len < top) {
      // Back: the days after the new last day go; the count is taken again.
      while (blocks.length && blocks[0]!.turn >= len) drop(blocks.shift()!);
      top = len;
      total = 0;
      for (let t = 1; t < len; t++) total += shown(s, t).length;
    } else {
      const fresh: Block[] = [];
      let n = 0;
      let t = len - 1;
      for (; t >= top && n < upto; t--) {
        const b = block(s, t, colours);
        fresh.push(b);
        n += b.items;
      }
      for (let u = top; u < len; u++) total += shown(s, u).length;
      if (t >= top) {
        // Far ahead: the days in between are not built; the list starts again from the newest.
        blocks.forEach(drop);
        blocks = [];
      }
      list.prepend(...fresh.flatMap((b) => b.nodes));
      blocks = [...fresh, ...blocks];
      top = len;
      // Drop the oldest whole days beyond the limit.
      let kept = items();
      while (blocks.length > 1 && kept - blocks[blocks.length - 1]!.items >= limit) {
        const b = blocks.pop()!;
        kept -= b.items;
        drop(b);
      }
    }
    fill(s, colours, upto);
    if (upto < limit && oldest() > 1 && items() < limit) {
      list.setAttribute('aria-busy', 'true');
      completing = whenIdle(complete, IDLE_MS);
    } else list.removeAttribute('aria-busy');
    const shownItems = items();
    if (shownItems === 0) list.prepend(empty);
    else empty.remove();
    more.hidden = oldest() <= 1;
    count.textContent = total ? `${total} events` : '';
  }

  // Scrolling near the end of the list loads older days.
  const seen = new IntersectionObserver(
    (entries) => {
      // While the first page completes, that comes first (and observes the end again).
      if (!entries.some((e) => e.isIntersecting) || more.hidden || completing) return;
      limit += PAGE;
      const s = store.getState();
      fill(s, colourMap(s));
      more.hidden = oldest() <= 1;
      // Observed again, so that a list still short of the bottom keeps loading.
      seen.unobserve(more);
      seen.observe(more);
    },
    { root: list, rootMargin: '0px 0px 240px 0px' },
  );
  seen.observe(more);
  return { el, update };
}
