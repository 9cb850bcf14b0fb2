// What each Tweak slider means, in sight: under each slider its base value and range, the model's
// one-sentence meaning, and, once a sensitivity study of the scenario exists, whether the number is steep
// and a warning when the value has gone a sensitivity step or more from where the study measured. The base
// is also a tick on the slider's track. The folders of pairs, actors, incidents and estimate ranges open
// with a line saying what their numbers are (Richardson's terms in plain words for the pairs). Text only:
// the facts come from the parameter list and the study's reading (src/store/sensitive-values.ts).
import type { TweakControl } from '../../store/tweaks';
import type { SensitivityReading } from '../../store/sensitive-values';
import { h } from '../dom';

/** The explanation a top folder opens with. */
export const FOLDER_INTROS: Record<string, string> = {
  Pairs:
    "Each pair's tension follows Richardson's arms race. Fear: every day tension grows by this share of itself, each side arming because the other does. Fatigue: every day it falls by this share, the cost of keeping hostility up. Grievance: points added every day whatever anyone does. Left alone, tension settles near grievance ÷ (fatigue − fear); once fear reaches fatigue it runs away.",
  Actors: "How each actor's AI plays: risk tolerance, how near the brink of war it will go; aggression, how far it leans toward threats and deployments over talks.",
  Incidents: 'Incidents are chance clashes on a pair (shots, a border scuffle). Their daily odds rise with the pair\'s tension and with forces near a shared border.',
  'Estimate ranges': 'Where the sources disagree, a number is a range: each game draws its true value inside it, and the other sides see only an estimate.',
};

function decimals(step: number): number {
  const s = String(step);
  if (s.includes('e-')) return Number(s.split('e-')[1]);
  return s.includes('.') ? s.split('.')[1]!.length : 0;
}

/** A value as the slider shows it: the step's decimals ("0.040"), thousands grouped ("10,000"). */
export function formatValue(v: number, step: number): string {
  return v.toLocaleString('en-US', { minimumFractionDigits: Math.min(8, decimals(step)), maximumFractionDigits: Math.min(8, decimals(step)) });
}

/** A range's end, without trailing zeros ("0.2", "30,000"). */
function formatEnd(v: number, step: number): string {
  return Number(v.toFixed(Math.min(8, decimals(step)))).toLocaleString('en-US', { maximumFractionDigits: 8 });
}

export interface SliderNote {
  el: HTMLElement;
  /** Shows the value's state: changed from the base, and the study's reading (null: no study). */
  render(value: number, reading: SensitivityReading | null): void;
}

/** The note under one slider; `id` names it for aria-describedby. */
export function createSliderNote(c: TweakControl, base: number, id: string): SliderNote {
  const tag = h('span', { class: 'tw-steep-tag', hidden: true });
  const warn = h('p', { class: 'tw-warn', hidden: true });
  const el = h(
    'div',
    { class: 'tw-row-note', id, 'data-note': c.key },
    h('div', { class: 'tw-facts mono' }, h('span', { class: 'tw-base' }, `base ${formatValue(base, c.step)}`), h('span', { class: 'tw-range' }, `range ${formatEnd(c.min, c.step)}–${formatEnd(c.max, c.step)}`), tag),
    h('p', { class: 'tw-meaning' }, c.meaning),
    warn,
  );

  let last = '';
  function render(value: number, reading: SensitivityReading | null): void {
    const s = reading?.at(c.key, value);
    const sig = `${value}|${reading ? reading.label + reading.runs : ''}`;
    if (sig === last) return;
    last = sig;
    el.classList.toggle('changed', value !== base);
    tag.hidden = !s?.steep;
    tag.textContent = s?.steep ? `steep · #${s.rank} of ${s.of}` : '';
    warn.hidden = !s?.warn;
    el.classList.toggle('warned', !!s?.warn);
    if (s?.warn) {
      const moved = `${Math.round(Math.abs(s.effect) * 1000) / 10} points (±${Math.round(s.error * 1000) / 10})`;
      const from = formatValue(s.base, c.step);
      const far = s.steps < 1.5 ? 'This value is one step out: about half that shift.' : `This value is ${Math.round(s.steps)} steps out; past one step nothing was measured, so watch the live odds.`;
      warn.textContent = `⚠ Steep. A step either side of ${from} (±${formatValue(s.step, c.step)}) shifted the outcome shares by ${moved}: #${s.rank} of ${s.of} numbers. ${far}`;
    } else warn.textContent = '';
  }

  return { el, render };
}

/** The tick on a slider's track where the base value sits. */
export function baseTick(track: HTMLElement, c: TweakControl, base: number): HTMLElement {
  const span = c.max - c.min;
  const left = span > 0 ? ((base - c.min) / span) * 100 : 0;
  const tick = h('span', { class: 'tw-base-tick', 'aria-hidden': 'true', style: `left:${left.toFixed(3)}%` });
  track.append(tick);
  return tick;
}
