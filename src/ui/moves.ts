// YOUR MOVE: the player's cards for the coming day, all in sight at once in a grid. Each card leads with
// what it does for the role's goals ("+0.4 legitimacy · +2.6 tension with NATO", green when it helps,
// red when it hurts) and its outlook (what the lookahead expects it to do for the role's points at the
// end, against holding), and says so when it leads toward a loss. Its details (every target, the
// Goldstein weight, the CAMEO code, the source quote) open from its ⓘ. The role's actions it cannot take
// now are listed greyed, with the reason. The order line shows the chosen move (and its targets), and
// under it the result of yesterday's move: the tension and meter changes booked to it.
import type { Session, SessionStore } from '../store/session';
import { cards as cardsOf, type OptionView } from '../store/selectors';
import { actorName, lastMove, sourceOf } from '../store/ui-view';
import { h, replace } from './dom';
import { signed } from './format';
import { closePopover, isPopoverFor, openPopover } from './popover';

type Option = OptionView;
type Order = Parameters<Session['setOrder']>[0];

const KIND_TIP: Record<string, string> = {
  deployment: 'Moves forces: felt across nearby borders for as long as they stay.',
  exercise: 'A show of force.',
  rhetoric: 'Words: cheap, but they commit you (audience costs).',
  diplomacy: 'Talks and offers: a lever to lower tension.',
  information: 'Controls what others can see and say.',
  domestic: 'Acts at home: legitimacy and control.',
  incident: 'Happens rather than being chosen.',
};

const orderOf = (o: Option): Order => (o.target ? { action: o.action, target: o.target } : { action: o.action });
const vp = (v: number): string => {
  const r = Math.round(v * 10) / 10;
  return r === 0 ? '±0' : signed(r);
};

/** The card's lead: its warning, or its effects on the role's goals (up to three). */
function lead(o: Option, limit = 3): HTMLElement {
  const items: HTMLElement[] = [];
  if (o.toward.length) items.push(h('span', { class: 'fx bad warn-k' }, `⚠ Toward ${o.toward[0]}`));
  else if (o.warn) items.push(h('span', { class: 'fx bad warn-k' }, '⚠ Leads toward a loss'));
  for (const e of o.effects.slice(0, limit - items.length)) items.push(h('span', { class: `fx ${e.good > 0 ? 'good' : e.good < 0 ? 'bad' : ''}` }, `${signed(e.delta)} ${e.label}`));
  if (items.length === 0) items.push(h('span', { class: 'fx muted' }, 'No direct effect'));
  return h('div', { class: 'card-lead' }, ...items.flatMap((x, i) => (i ? [h('span', { class: 'fx-sep', 'aria-hidden': 'true' }, ' · '), x] : [x])));
}

/** The words a screen reader hears for a card. */
function spoken(o: Option, s: Session): string {
  const fx = o.effects.slice(0, 4).map((e) => `${signed(e.delta)} ${e.label}${e.good > 0 ? ' (good for you)' : e.good < 0 ? ' (bad for you)' : ''}`);
  const warn = o.toward.length ? `Warning: toward ${o.toward.join(', ')}. ` : o.warn ? 'Warning: leads toward a loss. ' : '';
  return `${o.name}${o.target ? ` against ${actorName(s, o.target)}` : ''}. ${warn}${fx.join(', ') || 'No direct effect'}. Outlook ${vp(o.outlook)} VP against holding.`;
}

export function createMoves(store: SessionStore) {
  const cards = h('div', { class: 'cards', role: 'radiogroup', 'aria-label': 'Your options for the coming day' });
  const blocked = h('div', { class: 'blocked', 'aria-label': 'Not available today' });
  const order = h('div', { class: 'move-order' });
  const result = h('div', { class: 'move-result', 'aria-live': 'polite' });
  const end = h('button', { class: 'btn primary end-day', 'aria-keyshortcuts': 'E', 'data-tip': 'Play the day with your chosen move (or hold if none). Key: E (or Space when no card has focus).', onclick: () => store.getState().nextDay() }, 'End day ▸', h('kbd', { class: 'key-hint', 'aria-hidden': 'true' }, 'E'));
  const who = h('span', { class: 'panel-sub' });
  // On a phone the panel is a bottom sheet: its head (order, End day) stays in reach, the cards open above it.
  const sheetToggle = h('button', { class: 'btn sheet-toggle', 'aria-expanded': 'false', 'aria-controls': 'cards-sheet', onclick: () => setSheet(!el.classList.contains('open')) }, 'Cards');
  const el = h(
    'section',
    { class: 'panel moves', 'aria-label': 'Your move' },
    h(
      'div',
      { class: 'moves-head' },
      h('h2', { class: 'panel-title', 'data-tip': 'Choose what your actor does on the coming day. Each card leads with what it does: green helps your goals, red hurts them. The number is its outlook: what the lookahead expects it to do for your victory points at the end, against holding. ⓘ opens the details.' }, 'Your move', who),
      order,
      sheetToggle,
      end,
    ),
    result,
    h('div', { class: 'cards-scroll', id: 'cards-sheet' }, cards, blocked),
  );
  function setSheet(open: boolean): void {
    el.classList.toggle('open', open);
    sheetToggle.setAttribute('aria-expanded', String(open));
    sheetToggle.textContent = open ? 'Hide cards' : `Cards (${cards.querySelectorAll('.card').length})`;
  }

  const select = (o: Order) => store.getState().setOrder(o);

  /** Who would see a private card's move: "only you", or the actors its visibility names (its target's name where that differs by target). */
  function secrecy(s: Session, group: Option[]): string {
    const lists = group.map((o) => o.seenBy.map((id) => actorName(s, id)).join(', '));
    if (lists.every((x) => x === '')) return 'private: only you see it';
    if (lists.every((x) => x === lists[0])) return `secret: only you and ${lists[0]} see it`;
    return 'secret: only you and those it names see it (its target among them)';
  }

  function details(anchor: HTMLElement, group: Option[]): void {
    if (isPopoverFor(anchor)) return closePopover();
    const s = store.getState();
    const first = group[0]!;
    const src = first.source ? sourceOf(s, first.source.ref) : null;
    const body: Node[] = [
      h('div', { class: 'pop-tags' }, h('span', { class: `tag k-${first.kind}`, 'data-tip': KIND_TIP[first.kind] ?? first.kind }, first.kind), first.visibility === 'private' ? h('span', { class: 'tag private' }, secrecy(s, group)) : null),
      h('p', { class: 'pop-text' }, first.description || first.name),
      ...group.map((o) =>
        h(
          'div',
          { class: 'pop-option' },
          h('div', { class: 'pop-k' }, o.target ? `Against ${actorName(s, o.target)}` : 'What it does', h('span', { class: `mono ${o.outlook > 0.05 ? 'up' : o.outlook < -0.05 ? 'down' : ''}` }, ` ${vp(o.outlook)} VP vs hold`)),
          o.toward.length ? h('div', { class: 'pop-warn' }, `⚠ Pushes toward ${o.toward.join(', ')}, whose line is near.`) : null,
          o.warn ? h('div', { class: 'pop-warn' }, `⚠ Ended the game in a loss in ${Math.round(o.loses * 6)} of the lookahead's 6 worlds.`) : null,
          h('ul', { class: 'pop-moves' }, ...(o.effects.length ? o.effects.map((e) => h('li', {}, h('span', {}, e.label), h('span', { class: `mono ${e.good > 0 ? 'good' : e.good < 0 ? 'bad' : ''}` }, signed(e.delta)))) : [h('li', { class: 'muted' }, 'No direct effect')])),
        ),
      ),
      h('div', { class: 'pop-meta mono' }, `Goldstein ${signed(first.goldstein)}${first.cameo ? ` · CAMEO ${first.cameo}` : ''}`),
      h('div', { class: 'pop-note' }, 'Goldstein: how conflictual (−10) or cooperative (+10) a move of this kind is; CAMEO: its event code (as used by GDELT). A public move with a target shifts that pair’s tension by its weight.'),
    ];
    if (first.source) {
      body.push(h('blockquote', { class: 'pop-quote' }, `“${first.source.quote}”`));
      if (src) body.push(h('div', { class: 'pop-src' }, h('strong', {}, src.publication), src.title ? ` · “${src.title}”` : ''));
    } else body.push(h('div', { class: 'pop-note' }, 'No source reports this move: the scenario’s modeller added it.'));
    body.push(h('div', { class: 'pop-note' }, 'Outlook: the model plays 6 possible worlds to the end with this move and with holding (the AI acts for you after today), and compares your victory points; a war or collapse that loses you the game counts as a full band below your loss line.'));
    openPopover(anchor, first.name, ...body);
  }

  /** Keeps keyboard focus on the card (or chip, or i) it was on while the panel is drawn again. */
  function update(s: Session): void {
    const active = document.activeElement as HTMLElement | null;
    const kept = active && el.contains(active) ? { cls: ['chip-t', 'card-info', 'card-main', 'end-day', 'sheet-toggle'].find((c) => active.classList.contains(c)), action: active.closest('[data-action]')?.getAttribute('data-action') ?? null, target: active.getAttribute('data-target') } : null;
    render(s);
    if (!kept?.cls || (document.activeElement && document.activeElement !== document.body && el.contains(document.activeElement))) return;
    const sel = `.${kept.cls}${kept.action && kept.cls !== 'end-day' && kept.cls !== 'sheet-toggle' ? `[data-action="${CSS.escape(kept.action)}"]` : ''}${kept.cls === 'chip-t' && kept.target ? `[data-target="${CSS.escape(kept.target)}"]` : ''}`;
    const again = el.querySelector<HTMLElement>(sel) ?? el.querySelector<HTMLElement>(kept.cls === 'card-info' ? `.card[data-action="${CSS.escape(kept.action ?? '')}"] .card-main` : '.card.sel .card-main');
    again?.focus({ preventScroll: true });
  }

  let key = '';
  let shownDays = -1;
  function render(s: Session): void {
    // A new day folds the phone's card sheet, so the map shows what the day did.
    if (s.days.length !== shownDays) {
      if (shownDays >= 0 && el.classList.contains('open')) setSheet(false);
      shownDays = s.days.length;
    }
    const k = `${s.days.length}|${s.role}|${s.order?.action}|${s.order?.target}|${s.scenario?.data.meta.id}|${s.game?.outcome?.id}|${s.autoplay}`;
    if (k === key) return;
    key = k;
    who.textContent = actorName(s, s.role);
    if (s.autoplay && !s.game?.outcome) {
      // While the days run on their own the seat holds: the cards (and their lookahead) wait for a pause.
      order.hidden = end.hidden = false;
      end.disabled = true;
      replace(order, h('span', { class: 'mo-k' }, 'Your order'), h('span', { class: 'mo-name none' }, 'Hold (autoplay)'));
      result.hidden = true;
      replace(cards, h('div', { class: 'moves-over' }, h('strong', {}, 'Autoplay is on: '), 'you hold every day. Pause (P) to choose a move.'));
      replace(blocked);
      return;
    }
    const view = cardsOf(s);
    const opts = view.list;
    const groups = new Map<string, Option[]>();
    for (const o of opts) groups.set(o.action, [...(groups.get(o.action) ?? []), o]);
    const best = opts.reduce<Option | null>((x, o) => (!x || o.outlook > x.outlook ? o : x), null);
    const o = s.order;
    const sel = o ? opts.find((x) => x.action === o.action && (x.target ?? undefined) === o.target) : undefined;
    const over = s.game?.outcome;
    end.disabled = !!over;
    order.hidden = end.hidden = !!over;

    // Yesterday's move and what it did.
    const last = lastMove(s);
    result.hidden = !last;
    if (last) {
      const fx = [...last.tension.map(([l, v]) => `${signed(v)} ${l}`), ...last.meters.map(([l, v]) => `${signed(v)} ${l.charAt(0).toLowerCase()}${l.slice(1)}`)];
      replace(
        result,
        h('span', { class: 'mr-k' }, `Day ${last.day} · your move`),
        last.held ? h('span', { class: 'mr-name' }, 'You held: no move') : h('span', { class: 'mr-name' }, `${last.name}${last.target ? ` → ${last.target}` : ''}`),
        last.held ? null : h('span', { class: 'mr-fx' }, fx.length ? fx.join(' · ') : 'it moved nothing directly'),
      );
    }

    if (over) {
      const name = s.scenario?.data.outcomes.find((x) => x.id === over.id)?.name ?? over.id;
      replace(cards, h('div', { class: 'moves-over' }, h('strong', {}, name), ` on day ${over.turn}. The game is over: open the debrief to see how it came to this.`));
      replace(blocked);
      return;
    }

    // The order line: the chosen card, and its targets to choose from.
    const selGroup = sel ? groups.get(sel.action) ?? [] : [];
    replace(
      order,
      h('span', { class: 'mo-k' }, 'Your order'),
      h('span', { class: `mo-name${sel ? '' : ' none'}` }, sel ? sel.name : 'Hold (no move)'),
      selGroup.length > 1
        ? h(
            'span',
            { class: 'chips', role: 'group', 'aria-label': 'Target' },
            h('span', { class: 'chips-k' }, 'at'),
            ...selGroup.map((t) =>
              h(
                'button',
                {
                  class: `chip-t${t === sel ? ' sel' : ''}`,
                  'aria-pressed': String(t === sel),
                  'aria-label': `${t.name} against ${actorName(s, t.target)}`,
                  'data-action': t.action,
                  'data-target': t.target ?? '',
                  'data-tip': `${t.effects.map((e) => `${signed(e.delta)} ${e.label}`).join(' · ') || 'No direct effect'} · ${vp(t.outlook)} VP vs hold${t.toward.length ? ` · ⚠ toward ${t.toward[0]}` : t.warn ? ' · ⚠ leads toward a loss' : ''}`,
                  onclick: () => select(orderOf(t)),
                },
                actorName(s, t.target),
              ),
            ),
          )
        : sel?.target
          ? h('span', { class: 'mo-target' }, `→ ${actorName(s, sel.target)}`)
          : null,
    );

    const ranked = [...groups.values()].sort((a, b) => Math.max(...b.map((x) => x.outlook)) - Math.max(...a.map((x) => x.outlook)));
    const hold = h(
      'div',
      { class: `card hold${!o ? ' sel' : ''}`, 'data-action': 'hold' },
      h(
        'button',
        { class: 'card-main', role: 'radio', 'aria-checked': String(!o), 'aria-label': `Hold: do nothing today. At the end about ${Math.round(view.hold.value)} VP.`, 'data-action': 'hold', onclick: () => select(null) },
        h('div', { class: 'card-line' }, h('span', { class: 'card-name' }, 'Hold')),
        h('div', { class: 'card-line' }, h('span', { class: 'card-outlook mono', 'data-tip': 'Your victory points at the end if you hold today, as the lookahead sees them (6 possible worlds played to the end). Every card says how it changes them.' }, `≈ ${Math.round(view.hold.value)} VP`), h('div', { class: 'card-lead' }, h('span', { class: 'fx muted' }, 'at the end'))),
      ),
    );
    replace(
      cards,
      hold,
      ...ranked.map((group) => {
        const first = group[0]!;
        const current = group.find((x) => x.action === o?.action && (x.target ?? undefined) === o?.target);
        const shown = current ?? group.reduce((x, y) => (y.outlook > x.outlook ? y : x));
        const isBest = !!best && best.action === first.action && best.outlook > 0;
        const info = h('button', { class: 'card-info', 'aria-label': `Details: ${first.name}`, 'aria-haspopup': 'dialog', 'aria-expanded': 'false', 'data-tip': 'Details: every target, the Goldstein weight, the CAMEO code and the source', onclick: () => details(info, group) }, 'i');
        return h(
          'div',
          { class: `card k-${first.kind}${current ? ' sel' : ''}${shown.warn || shown.toward.length ? ' warn' : ''}`, 'data-action': first.action },
          h(
            'button',
            {
              class: 'card-main',
              role: 'radio',
              'aria-checked': String(!!current),
              'aria-label': spoken(shown, s),
              'data-action': first.action,
              'data-target': shown.target ?? '',
              'data-tip': `${first.description}${group.length > 1 ? ` (${group.length} targets: choose in the order line)` : ''}`,
              onclick: () => select(orderOf(shown)),
            },
            h('div', { class: 'card-line' }, h('span', { class: 'card-name' }, first.name), group.length > 1 ? h('span', { class: 'card-targets', 'aria-hidden': 'true' }, `×${group.length}`) : null),
            h(
              'div',
              { class: 'card-line' },
              h('span', { class: `card-outlook mono ${shown.outlook > 0.05 ? 'up' : shown.outlook < -0.05 ? 'down' : 'flat'}` }, isBest ? h('span', { class: 'best', 'aria-hidden': 'true' }, '★') : null, `${vp(shown.outlook)} VP`),
              lead(shown),
            ),
          ),
          info,
        );
      }),
    );
    if (!el.classList.contains('open')) sheetToggle.textContent = `Cards (${ranked.length + 1})`;
    replace(
      blocked,
      ...(view.blocked.length
        ? [
            h('span', { class: 'blocked-k' }, 'Not today'),
            ...view.blocked.map((b) => h('span', { class: 'card-off', 'data-action': b.action, 'data-tip': `${b.name}: ${b.reason}` }, h('b', {}, b.name), ` — ${b.reason}`)),
          ]
        : []),
    );
  }
  return { el, update };
}
