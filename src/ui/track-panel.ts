// The goals panel, always in sight on the play screen. Playing a role: its victory points against its
// win and loss lines (with where today's rate takes them), what each score line pays today and the value
// it reads, the outcomes that would end the game for it as lines on the numbers they watch (warned when
// near: "Legitimacy 20 — at 15 or below for 3 days: Regime crisis in Minsk"), and its other meters.
// Watching: every role's points, course and nearest danger in a compact row each. Its header holds the
// alerts switch (autoplay pauses when the band changes or a losing line comes near).
import type { Session, SessionStore } from '../store/session';
import { goals, type RoleTrackView } from '../store/selectors';
import { actorName } from '../store/ui-view';
import { h, replace } from './dom';

type Stake = RoleTrackView['stakes'][number];

const num = (v: number, d = 1): string => (v < 0 ? `−${Math.abs(v).toFixed(d)}` : v.toFixed(d));
const signedNum = (v: number, d = 2): string => (v >= 0 ? `+${v.toFixed(d)}` : `−${Math.abs(v).toFixed(d)}`);

/** A bar from below the loss line to above the win line: the points now, and where today's rate leads. */
function vpBar(t: RoleTrackView, compact = false): HTMLElement {
  const tr = t.track!;
  const band = tr.win - tr.loss;
  const lo = tr.loss - band * 0.5;
  const hi = tr.win + band * 0.5;
  const at = (v: number) => `${(100 * (Math.min(hi, Math.max(lo, v)) - lo)) / (hi - lo)}%`;
  const course = t.course;
  return h(
    'div',
    { class: `vp-bar${compact ? ' compact' : ''}`, 'aria-hidden': 'true' },
    h('span', { class: 'vp-zone loss', style: `left:0;width:${at(tr.loss)}` }),
    h('span', { class: 'vp-zone win', style: `left:${at(tr.win)};right:0` }),
    h('span', { class: 'vp-line', style: `left:${at(tr.loss)}` }),
    h('span', { class: 'vp-line', style: `left:${at(tr.win)}` }),
    course ? h('span', { class: `vp-ghost ${course.heading}`, style: `left:${at(course.projected)}` }) : null,
    h('span', { class: 'vp-mark', style: `left:${at(tr.points)}` }),
    compact ? null : h('span', { class: 'vp-tick mono', style: `left:${at(tr.loss)}` }, `loss ${num(tr.loss, 0)}`),
    compact ? null : h('span', { class: 'vp-tick mono', style: `left:${at(tr.win)}` }, `win ${num(tr.win, 0)}`),
  );
}

function stakeRow(k: Stake): HTMLElement {
  const sign = k.level === 'far' ? '·' : '⚠';
  return h(
    'li',
    { class: `stake ${k.level} r-${k.reading}`, 'data-tip': `${k.name} ends the game: ${k.reading === 'loss' ? 'a loss for you' : k.reading === 'win' ? 'a win for you' : 'a draw for you'}, whatever your points. ${k.level === 'holding' ? `The line is crossed: ${k.held} of ${k.sustained} days.` : k.level === 'near' ? `Only ${Math.round(k.gap)} points from the line.` : `${Math.round(k.gap)} points from the line.`}` },
    h('span', { class: 'stake-k', 'aria-hidden': 'true' }, sign),
    h('span', { class: 'stake-text' }, k.text),
  );
}

function courseLine(t: RoleTrackView): HTMLElement | null {
  const c = t.course;
  const tr = t.track;
  if (!c || !tr) return null;
  const text =
    c.heading === 'loss'
      ? `At today's rate you end near ${num(c.projected)} VP: at or below ${num(tr.loss, 0)} you lose.`
      : c.heading === 'win'
        ? `At today's rate you end near ${num(c.projected)} VP: a win (${num(tr.win, 0)} or more).`
        : `At today's rate you end near ${num(c.projected)} VP: a draw (between ${num(tr.loss, 0)} and ${num(tr.win, 0)}).`;
  return h('div', { class: `course ${c.heading}` }, c.heading === 'loss' ? '⚠ ' : '', text);
}

export function createTrackPanel(store: SessionStore) {
  const title = h('h2', { class: 'panel-title' }, 'Your goals');
  const alerts = h(
    'button',
    {
      class: 'alerts-toggle',
      'aria-pressed': 'true',
      'aria-label': 'Alerts',
      'data-tip': 'Alerts: autoplay pauses, and says why, when the overall band changes or a line that ends the game comes near. Click to turn the pausing off or on.',
      onclick: () => store.getState().setAlerts(!store.getState().alerts),
    },
    '⚑ Alerts',
  );
  const body = h('div', { class: 'goals-body' });
  const el = h('section', { class: 'panel track-panel', 'aria-label': 'Your goals', 'aria-live': 'off' }, h('div', { class: 'goals-head' }, title, alerts), body);

  let key = '';
  function update(s: Session): void {
    alerts.setAttribute('aria-pressed', String(s.alerts));
    alerts.classList.toggle('on', s.alerts);
    const g = goals(s);
    const k = `${s.days.length}|${s.role}|${s.scenario?.data.meta.id}|${s.viewer?.cursor}|${s.game?.turn}`;
    if (k === key) return;
    key = k;
    if (!g) return replace(body);
    const observer = s.role === 'observer';
    el.classList.toggle('observer', observer);
    el.setAttribute('aria-label', observer ? 'Every role’s goals' : 'Your goals');
    title.textContent = observer ? 'Roles’ goals' : `Your goals · ${actorName(s, s.role)}`;
    title.setAttribute('data-tip', observer ? 'Each role’s victory points against its win and loss lines (the dot: where today’s rate takes them by the last day), and the nearest outcome that would end the game for it.' : 'Your role’s own scoring. Every day each line below pays victory points (VP). If the game ends without a decisive outcome, at or above the win line you win, at or below the loss line you lose. The outcomes listed at the bottom end the game whatever your points.');
    if (observer) return replace(body, ...g.tracks.map(compactRow));
    const t = g.tracks[0];
    if (!t?.track) return replace(body, h('div', { class: 'muted' }, 'This role has no score track.'));
    const tr = t.track;
    const shownIds = new Set(tr.lines.map((l) => l.label.toLowerCase()));
    const extra = g.meters.filter((m) => ![...shownIds].some((l) => l.startsWith(m.name.toLowerCase())));
    replace(
      body,
      h(
        'div',
        { class: 'vp-head' },
        h('span', { class: 'vp-now mono' }, num(tr.points)),
        h('span', { class: 'vp-unit' }, 'VP'),
        h('span', { class: `vp-today mono ${tr.today >= 0 ? 'up' : 'down'}`, 'data-tip': 'What your lines pay today, in victory points.' }, `${signedNum(tr.today)} today`),
      ),
      vpBar(t),
      courseLine(t),
      h(
        'ul',
        { class: 'goal-lines', 'aria-label': 'What each line pays today' },
        ...tr.lines.map((l) =>
          h(
            'li',
            {},
            h('span', { class: 'gl-label' }, l.label),
            h('span', { class: 'gl-value mono' }, Math.round(l.value)),
            h('span', { class: `gl-today mono ${l.today > 0.005 ? 'up' : l.today < -0.005 ? 'down' : ''}` }, signedNum(l.today)),
          ),
        ),
      ),
      t.stakes.length ? h('ul', { class: 'stakes', 'aria-label': 'Outcomes that end the game' }, ...t.stakes.map(stakeRow)) : null,
      extra.length ? h('div', { class: 'goal-meters' }, ...extra.map((m) => h('span', { class: 'gm', 'data-tip': m.description ?? m.name }, `${m.name} `, h('b', { class: 'mono' }, Math.round(m.value))))) : null,
    );
  }

  /** An observer's row: a role's points, its bar and its nearest danger when near. */
  function compactRow(t: RoleTrackView): HTMLElement {
    const near = t.stakes.find((k) => k.level !== 'far' && k.reading === 'loss');
    const tr = t.track;
    return h(
      'div',
      { class: 'goal-row', 'data-role': t.id },
      h('span', { class: 'gr-name' }, h('i', { class: 'dot', style: `background:${t.colour}` }), t.name),
      tr ? h('span', { class: 'gr-vp mono' }, `${num(tr.points)} VP`) : h('span', { class: 'gr-vp muted' }, '—'),
      tr ? vpBar(t, true) : h('span', {}),
      t.course ? h('span', { class: `gr-course ${t.course.heading}`, 'data-tip': `At today's rate ${t.name} ends near ${num(t.course.projected)} VP.` }, t.course.heading) : h('span', {}),
      near ? h('div', { class: `gr-stake ${near.level}` }, `⚠ ${near.text}`) : null,
    );
  }
  return { el, update };
}
