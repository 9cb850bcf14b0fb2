// The FEED: public events (and the player's own private ones) by day, newest first. Each item shows
// the actor's colour, the text and whether it is sourced; clicking it opens the source: the quote,
// who said it, the publication and date — or "simulated" when the model made it up.
import type { Session, SessionStore } from '../store/session';
import { actors, displayDate, pairLabels, sourceOf } from '../store/ui-view';
import { h, replace } from './dom';
import { signed } from './format';
import { closePopover, isPopoverFor, openPopover } from './popover';

type FeedEvent = Session['days'][number]['events'][number];

const KIND_LABEL: Record<string, string> = { scripted: 'timeline', action: 'action', incident: 'incident', band: 'ladder', outcome: 'outcome' };
const MAX_ITEMS = 160;

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
    const body: Node[] = [h('p', { class: 'pop-text' }, e.text)];
    if (e.source) {
      const src = sourceOf(s, e.source.ref);
      body.push(h('blockquote', { class: 'pop-quote' }, `“${e.source.quote}”`));
      if (e.source.speaker) body.push(h('div', { class: 'pop-speaker' }, `— ${e.source.speaker}${e.source.date ? `, ${displayDate(e.source.date)}` : ''}`));
      if (src) body.push(h('div', { class: 'pop-src' }, h('strong', {}, src.publication), src.author ? ` · ${src.author}` : '', src.title ? ` · “${src.title}”` : '', ` · ${displayDate(src.date)}`));
      if (e.plan) body.push(h('div', { class: 'pop-note' }, 'A plan announced before the article was written: the model may change it.'));
      if (e.source.note) body.push(h('div', { class: 'pop-note' }, `Modeller’s note: ${e.source.note}`));
    } else {
      body.push(h('div', { class: 'pop-sim' }, 'Simulated'), h('div', { class: 'pop-note' }, 'The model generated this event; no source reports it.'));
    }
    if (e.goldstein !== null) body.push(h('div', { class: 'pop-meta mono' }, `Goldstein ${signed(e.goldstein)}${e.cameo ? ` · CAMEO ${e.cameo}` : ''}${e.actionKind ? ` · ${e.actionKind}` : ''}`));
    if (moved.length) body.push(h('div', { class: 'pop-k' }, 'Tension it moved'), h('ul', { class: 'pop-moves' }, ...moved));
    openPopover(anchor, `${displayDate(e.date)} · ${e.source ? 'Source' : 'Simulated'}`, ...body);
  }

  /** Builds one day's header and items (public events, plus the player's own private ones). */
  function dayNodes(s: Session, turn: number, colours: Map<string, string>): HTMLElement[] {
    const rec = s.days[turn];
    if (!rec) return [];
    const events = rec.events.filter((e) => e.visibility === 'public' || e.actor === s.role);
    if (events.length === 0) return [];
    const out: HTMLElement[] = [h('div', { class: 'feed-day', role: 'presentation' }, h('span', { class: 'mono' }, `Day ${rec.turn}`), ` ${displayDate(rec.date)}`)];
    for (const e of events) {
      const item: HTMLButtonElement = h(
        'button',
        {
          class: `feed-item kind-${e.kind}${e.source ? ' sourced' : ''}${e.visibility === 'private' ? ' private' : ''}`,
          role: 'listitem',
          'aria-haspopup': 'dialog',
          'aria-expanded': 'false',
          'aria-label': `${e.text} — ${e.source ? 'show source' : 'simulated'}`,
          onclick: () => showSource(item, e),
        },
        h('i', { class: 'feed-dot', style: `background:${(e.actor && colours.get(e.actor)) || '#7d8a97'}` }),
        h('span', { class: 'feed-text' }, e.text),
        h('span', { class: 'feed-tags' }, e.visibility === 'private' ? h('span', { class: 'tag private' }, 'private') : null, h('span', { class: `tag k-${e.kind}` }, KIND_LABEL[e.kind] ?? e.kind), h('span', { class: e.source ? 'tag src' : 'tag sim' }, e.source ? 'source ▸' : 'simulated')),
      );
      out.push(item);
    }
    return out;
  }

  // Incremental: a new day's items are prepended; the list is rebuilt only for a new game.
  let game: unknown = null;
  let shownDays = 0;
  let total = 0;
  const empty = h('div', { class: 'feed-empty' }, 'The crisis begins. Press ▶ Next day, or ▶▶ to watch it unfold.');
  function update(s: Session): void {
    const first = s.days[0];
    if (first !== game || s.days.length < shownDays) {
      game = first;
      shownDays = 1;
      total = 0;
      replace(list, empty);
    }
    if (s.days.length === shownDays) return;
    const colours = new Map(actors(s).map((a) => [a.id, a.colour]));
    const fresh: HTMLElement[] = [];
    for (let t = s.days.length - 1; t >= shownDays; t--) fresh.push(...dayNodes(s, t, colours));
    shownDays = s.days.length;
    if (fresh.length === 0) return;
    empty.remove();
    total += fresh.filter((n) => n.classList.contains('feed-item')).length;
    list.prepend(...fresh);
    while (list.childElementCount > MAX_ITEMS) list.lastElementChild!.remove();
    count.textContent = `${total} events`;
  }
  return { el, update };
}
