// YOUR MOVE: the player's action cards for the coming day. One card per action (targets as chips),
// showing its kind, Goldstein weight and CAMEO code, what it does, its expected effect on each pair, and
// its outlook: what the model's lookahead expects it to do for the role's points at the end, against
// holding, with a warning when it leads to a decisive loss far more often than holding. Selecting a card
// sets the store's order, and "End day" plays the day with it.
import type { Session, SessionStore } from '../store/session';
import { cards as cardsOf } from '../store/selectors';
import { actorName, pairLabels } from '../store/ui-view';
import { h, replace } from './dom';
import { signed } from './format';
import { COOPERATION, CONFLICT } from './palette';

type Option = ReturnType<typeof cardsOf>['list'][number];
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

export function createMoves(store: SessionStore) {
  const cards = h('div', { class: 'cards', role: 'radiogroup', 'aria-label': 'Your options for the coming day' });
  const chosen = h('div', { class: 'move-chosen' });
  const end = h('button', { class: 'btn primary end-day', 'aria-label': 'End day', 'data-tip': 'Play the day with your chosen move (or hold if none). Space does the same.', onclick: () => store.getState().nextDay() }, 'End day ▸');
  const who = h('span', { class: 'panel-sub' });
  const vp = h('span', { class: 'moves-vp mono', 'data-tip': 'Your victory points: earned each day from your role\'s own goals. Where the ending leaves it to the score, at or above the win line you win, at or below the loss line you lose.' });
  const el = h(
    'section',
    { class: 'panel moves', 'aria-label': 'Your move' },
    h('div', { class: 'moves-head' }, h('h2', { class: 'panel-title', 'data-tip': 'Choose what your actor does today. Goldstein: the CAMEO event weight from −10 (war) to +10 (cooperation). Effects are the expected tension change per pair; the outlook is what the lookahead expects the move to do for your victory points at the end.' }, 'Your move', who), vp, chosen, end),
    cards,
  );

  const select = (order: Order) => store.getState().setOrder(order);

  function effects(o: Option, labels: Map<string, string>): HTMLElement {
    const list = Object.entries(o.tension)
      .filter(([, v]) => Math.abs(v) >= 0.05)
      .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
      .slice(0, 3);
    if (list.length === 0) return h('ul', { class: 'card-fx' }, h('li', { class: 'muted' }, 'No direct effect on tension'));
    return h('ul', { class: 'card-fx' }, ...list.map(([p, v]) => h('li', {}, h('span', {}, labels.get(p) ?? p), h('span', { class: `mono ${v > 0 ? 'up' : 'down'}` }, signed(v)))));
  }

  /** The outlook line of a card: what the lookahead expects it to do for the role's points at the end,
   * against holding, and a warning when it led to a decisive loss (war, a collapse) far more often. */
  function outlook(o: Option): HTMLElement {
    const pts = Math.round(o.outlook * 10) / 10;
    const shown = pts === 0 ? '±0 VP' : `${signed(pts)} VP`;
    return h(
      'div',
      { class: `card-outlook ${o.warn ? 'warn' : pts > 0 ? 'up' : pts < 0 ? 'down' : 'flat'}`, 'data-tip': `What the model's lookahead (6 possible worlds, played to the end of the game with the AI acting for you after today) expects this move to do for your victory points at the end, against holding: ${shown}. A war or a collapse that loses you the game counts as a full band below your loss line.${o.loses > 0 ? ` It ended the game in such a loss in ${Math.round(o.loses * 6)} of 6.` : ''}` },
      o.warn ? h('span', { class: 'warn-k' }, '⚠ Leads toward a loss') : h('span', { class: 'outlook-k' }, 'Outlook'),
      h('span', { class: 'mono' }, `${shown} vs hold`),
    );
  }

  let key = '';
  let day = -1;
  function update(s: Session): void {
    const k = `${s.days.length}|${s.role}|${s.order?.action}|${s.order?.target}|${s.scenario?.data.meta.id}|${s.game?.outcome?.id}`;
    if (k === key) return;
    key = k;
    const view = cardsOf(s);
    who.textContent = actorName(s, s.role);
    const t = view.track;
    vp.hidden = !t;
    if (t) vp.textContent = `${t.points.toFixed(1)} VP · ${t.today >= 0 ? '+' : '−'}${Math.abs(t.today).toFixed(2)} today · win ≥ ${t.win}`;
    const opts = view.list;
    const labels = pairLabels(s);
    const groups = new Map<string, Option[]>();
    for (const o of opts) groups.set(o.action, [...(groups.get(o.action) ?? []), o]);
    const best = opts.reduce<Option | null>((x, o) => (!x || o.outlook > x.outlook ? o : x), null);
    const order = s.order;
    const sel = order ? opts.find((o) => o.action === order.action && (o.target ?? undefined) === order.target) : undefined;
    chosen.textContent = sel ? `${sel.name}${sel.target ? ` → ${actorName(s, sel.target)}` : ''}` : 'No move: hold';
    chosen.classList.toggle('none', !sel);
    end.disabled = !!s.game?.outcome;
    const over = s.game?.outcome;
    chosen.hidden = end.hidden = !!over;
    if (over) {
      // The game is over: no cards to choose from, only what happened.
      const name = s.scenario?.data.outcomes.find((o) => o.id === over.id)?.name ?? over.id;
      replace(cards, h('div', { class: 'moves-over' }, h('strong', {}, name), ` on day ${over.turn}. The game is over: open the debrief to see how it came to this.`));
      return;
    }

    const ranked = [...groups.values()].sort((a, b) => Math.max(...b.map((o) => o.outlook)) - Math.max(...a.map((o) => o.outlook)));
    const hold = h(
      'button',
      { class: `card hold${!order ? ' sel' : ''}`, role: 'radio', 'aria-checked': String(!order), 'aria-label': 'Hold: do nothing today', 'data-action': 'hold', onclick: () => select(null) },
      h('div', { class: 'card-top' }, h('span', { class: 'tag k-hold' }, 'hold')),
      h('div', { class: 'card-name' }, 'Hold'),
      h('div', { class: 'card-outlook flat', 'data-tip': 'Your victory points at the end if you hold today, as the lookahead sees them (6 possible worlds played to the end). Every card says how it changes them.' }, h('span', { class: 'outlook-k' }, 'At the end'), h('span', { class: 'mono' }, `≈ ${view.hold.value.toFixed(0)} VP`)),
      h('div', { class: 'card-desc' }, 'Take no action today. Tension keeps moving on its own: fatigue calms it, fear feeds it.'),
    );
    if (s.days.length !== day) {
      day = s.days.length;
      cards.scrollLeft = 0;
    }
    replace(
      cards,
      hold,
      ...ranked.map((group) => {
        const first = group[0]!;
        const current = group.find((o) => o.action === order?.action && (o.target ?? undefined) === order?.target);
        const shown = current ?? group.reduce((x, o) => (o.outlook > x.outlook ? o : x));
        const isSel = !!current;
        const g = first.goldstein;
        const card = h(
          'div',
          { class: `card${isSel ? ' sel' : ''}`, 'data-action': first.action },
          h(
            'button',
            {
              class: 'card-main',
              role: 'radio',
              'aria-checked': String(isSel),
              'aria-label': `${first.name}${shown.target ? ` against ${actorName(s, shown.target)}` : ''}: ${first.description}`,
              'data-action': first.action,
              'data-target': shown.target ?? '',
              onclick: () => select(shown.target ? { action: shown.action, target: shown.target } : { action: shown.action }),
            },
            h(
              'div',
              { class: 'card-top' },
              h('span', { class: `tag k-${first.kind}`, 'data-tip': KIND_TIP[first.kind] ?? first.kind }, first.kind),
              best && best.action === first.action && best.outlook > 0 ? h('span', { class: 'tag advisor', 'data-tip': 'The move the lookahead rates best today.' }, '★') : null,
              first.visibility === 'private' ? h('span', { class: 'tag private', 'data-tip': 'Only you see it; it does not move others’ tension directly.' }, 'private') : null,
              h('span', { class: 'gold-wrap' }, h('span', { class: 'gold mono', style: `color:${g < 0 ? CONFLICT : g > 0 ? COOPERATION : '#a9b4bf'}`, 'data-tip': `Goldstein weight ${signed(g)}: the conflict (−10) to cooperation (+10) scale of its CAMEO code${first.cameo ? ` ${first.cameo}` : ''}.` }, `G ${signed(g)}`),
              first.cameo ? h('span', { class: 'cameo mono', 'data-tip': 'CAMEO event code (as used by GDELT/ICEWS)' }, first.cameo) : null),
            ),
            h('div', { class: 'card-name' }, first.name),
            outlook(shown),
            h('div', { class: 'card-desc' }, first.description || '—'),
            effects(shown, labels),
          ),
          group.some((o) => o.target)
            ? h(
                'div',
                { class: 'chips', role: 'group', 'aria-label': 'Target' },
                h('span', { class: 'chips-k' }, 'at'),
                ...group.map((o) =>
                  h(
                    'button',
                    {
                      class: `chip-t${current === o ? ' sel' : ''}`,
                      'aria-pressed': String(current === o),
                      'aria-label': `${first.name} against ${actorName(s, o.target)}`,
                      'data-action': o.action,
                      'data-target': o.target ?? '',
                      'data-tip': `${Object.entries(o.tension)
                        .filter(([, v]) => Math.abs(v) >= 0.05)
                        .map(([p, v]) => `${labels.get(p) ?? p} ${signed(v)}`)
                        .join(' · ') || 'No direct effect on tension'} · ${signed(Math.round(o.outlook * 10) / 10)} VP vs hold${o.warn ? ' · ⚠ leads toward a loss' : ''}`,
                      onclick: () => select(o.target ? { action: o.action, target: o.target } : { action: o.action }),
                    },
                    actorName(s, o.target),
                  ),
                ),
              )
            : null,
        );
        return card;
      }),
    );
  }
  return { el, update };
}
