// The escalation ladder: named bands over tension (after Kahn's 44 rungs), per pair and overall.
import type { Model } from './model';

export interface BandDef {
  id: string;
  name: string;
  from: number;
  rungs?: string;
}

/** The default mapping of 0–100 tension onto Kahn's groups, with firebreaks at the thresholds. */
export const DEFAULT_BANDS: BandDef[] = [
  { id: 'routine', name: 'Routine', from: 0, rungs: 'no crisis' },
  { id: 'subcrisis', name: 'Subcrisis manoeuvring', from: 10, rungs: 'rungs 1–3: ostensible crisis, political, economic and diplomatic gestures, solemn declarations' },
  { id: 'traditional', name: 'Traditional crisis', from: 30, rungs: 'rungs 4–9: hardening of positions, show of force, significant mobilization, harassment, dramatic confrontation' },
  { id: 'intense', name: 'Intense crisis', from: 60, rungs: 'rungs 10–20: provocative breaking off of diplomatic relations, superready status, large conventional war looms' },
  { id: 'war', name: 'War', from: 85, rungs: 'beyond the firebreak: conventional war' },
];

/** The index of the band a tension falls in. */
export function bandIndex(model: Model, tension: number): number {
  const bands = model.bands;
  let i = bands.length - 1;
  while (i > 0 && tension < bands[i]!.from) i--;
  return i;
}

/** The band a tension falls in. */
export function bandOf(model: Model, tension: number): BandDef {
  return model.bands[bandIndex(model, tension)]!;
}
