// The Tweak panel's live odds: one row per outcome, its name over a bar of its estimated share with its
// 95 % interval as a band around it, the change from the scenario as written in points, and a tick where the scenario as written stands; a line saying how many games the
// estimate rests on (a quick one on 200, refined up to 1,000 in the background). It renders the
// live-odds store (src/store/live-odds.ts); the numbers, intervals included, are the model's.
import type { LiveEstimate, LiveOddsState } from '../../store/live-odds';
import { FULL_SEEDS } from '../../store/live-odds';
import { h, replace } from '../dom';
import { outcomeColour } from '../odds/colours';

const num = (n: number) => n.toLocaleString('en-US');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const at = (x: number) => `${Math.max(0, Math.min(100, 100 * x)).toFixed(2)}%`;

/** A change in percentage points, e.g. "+7.8", "−0.4", "±0". */
function delta(pp: number): string {
  const r = Math.round(pp * 10) / 10;
  return r === 0 ? '±0' : `${r > 0 ? '+' : '−'}${Math.abs(r).toFixed(1)}`;
}

export interface LiveOddsView {
  el: HTMLElement;
  render(s: LiveOddsState): void;
}

/** The section; `collapsed` and `onToggle` keep its open state with the panel. */
export function createLiveOddsView(collapsed: boolean, onToggle: (collapsed: boolean) => void): LiveOddsView {
  const status = h('span', { class: 'tw-live-status' });
  const toggle = h('button', { class: 'tw-live-toggle', 'aria-expanded': String(!collapsed), 'aria-controls': 'tw-live-body', onclick: () => setCollapsed(toggle.getAttribute('aria-expanded') === 'true') }, collapsed ? 'Show' : 'Hide');
  const rows = h('div', { class: 'tw-live-rows', role: 'list', 'aria-label': 'Outcome shares' });
  const key = h('p', { class: 'tw-live-key' });
  const said = h('p', { class: 'sr-only', 'aria-live': 'polite' });
  const body = h('div', { class: 'tw-live-body', id: 'tw-live-body', hidden: collapsed }, rows, key);
  const el = h('section', { class: 'tw-live', 'aria-label': 'Live odds', 'data-status': 'idle' }, h('header', { class: 'tw-live-head' }, h('h3', { class: 'tw-live-title' }, 'Live odds'), status, toggle), body, said);

  function setCollapsed(c: boolean): void {
    toggle.setAttribute('aria-expanded', String(!c));
    toggle.textContent = c ? 'Show' : 'Hide';
    body.hidden = c;
    el.classList.toggle('collapsed', c);
    onToggle(c);
  }
  el.classList.toggle('collapsed', collapsed);

  let drawn: LiveEstimate | null | undefined;
  let drawnBase: LiveEstimate | null | undefined;
  let announced = '';

  function render(s: LiveOddsState): void {
    const shown = s.shown;
    const current = !!shown && shown.key === s.targetKey;
    const tweaked = s.targetKey !== '{}';
    el.dataset.status = s.status;
    el.dataset.current = String(current);
    el.dataset.n = String(current ? shown!.n : 0);
    el.dataset.key = s.targetKey;
    el.dataset.baseN = String(s.base?.n ?? 0);
    status.textContent =
      s.status === 'error'
        ? `failed: ${s.error ?? 'unknown error'}`
        : !shown
          ? 'estimating…'
          : !current
            ? 'updating…'
            : `${tweaked ? '' : 'as written · '}${shown.n < FULL_SEEDS ? `${num(shown.n)} of ${num(FULL_SEEDS)} games, refining` : `${num(shown.n)} games`}`;
    status.classList.toggle('busy', !current && s.status !== 'error');
    if (shown !== drawn || s.base !== drawnBase) {
      drawn = shown;
      drawnBase = s.base;
      draw(s, shown, tweaked);
    }
    rows.classList.toggle('stale', !current);
    // Said once per value, when its quick estimate is in (not at every refinement or drag step).
    if (current && tweaked && announced !== s.targetKey) {
      announced = s.targetKey;
      said.textContent = `Estimate for the tweak, ${num(shown!.n)} games: ${shown!.outcomes.filter((o) => o.count > 0).map((o) => `${nameOf(s, o.id)} ${pct(o.share)}`).join(', ')}.`;
    }
  }

  const nameOf = (s: LiveOddsState, id: string) => s.outcomes.find((o) => o.id === id)?.name ?? id;

  function draw(s: LiveOddsState, shown: LiveEstimate | null, tweaked: boolean): void {
    const base = s.base;
    const baseOf = (id: string) => base?.outcomes.find((o) => o.id === id);
    replace(
      rows,
      ...s.outcomes.map((o, i) => {
        const e = shown?.outcomes.find((x) => x.id === o.id);
        const b = baseOf(o.id);
        const c = outcomeColour(i);
        const track = h('span', { class: 'tw-lo-track' });
        if (e) {
          track.append(
            h('span', { class: 'tw-lo-ci', style: `left:${at(e.low)};width:${at(e.high - e.low)};background:${c}` }),
            h('span', { class: 'tw-lo-bar', style: `width:${at(e.share)};background:${c}` }),
          );
        }
        if (b && tweaked) track.append(h('span', { class: 'tw-lo-base', style: `left:${at(b.share)}` }));
        const label = e
          ? `${o.name}: ${pct(e.share)}, 95% interval ${pct(e.low)} to ${pct(e.high)}${b && tweaked ? `; as written ${pct(b.share)}` : ''}`
          : `${o.name}: not estimated yet`;
        const d = e && b && tweaked ? (e.share - b.share) * 100 : null;
        return h(
          'div',
          { class: `tw-lo-row${e && e.count === 0 ? ' zero' : ''}`, role: 'listitem', 'aria-label': label, 'data-tip': label, 'data-outcome': o.id, 'data-share': e?.share ?? '', 'data-low': e?.low ?? '', 'data-high': e?.high ?? '', 'data-base': b?.share ?? '' },
          h('span', { class: 'tw-lo-name' }, h('i', { class: 'tw-lo-swatch', style: `background:${c}` }), h('span', { class: 'tw-lo-name-t' }, o.name)),
          h('span', { class: 'tw-lo-pct mono' }, e ? pct(e.share) : '–'),
          h('span', { class: `tw-lo-delta mono${d === null ? '' : Math.round(d * 10) > 0 ? ' up' : Math.round(d * 10) < 0 ? ' down' : ''}` }, d === null ? '' : delta(d)),
          track,
        );
      }),
    );
    replace(
      key,
      h('span', { class: 'tw-key-i bar' }),
      'share  ',
      h('span', { class: 'tw-key-i ci' }),
      '95% interval  ',
      tweaked ? h('span', { class: 'tw-key-i base' }) : null,
      tweaked ? `as written${base ? ` (${num(base.n)} games)` : ''}, change in points` : '',
    );
    key.title = 'Observer games (the AI plays every side) on seeds 1, 2, 3 …, the same seeds for the tweak and the scenario as written.';
  }

  return { el, render };
}
