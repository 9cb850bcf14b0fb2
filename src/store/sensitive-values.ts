// Which Tweak slider values sit where the sensitivity study found steep effects, as plain data for the
// panel's warnings. It reads the study of the scenario ("Which numbers matter?" in Odds, ./sensitivity.ts)
// by the model's steep rule (src/sim/steep.ts: an effect of at least 5 percentage points across a step
// below to a step above, and at least 2 standard errors; a value at least one step from the base the
// study measured around). Without a study it says nothing: no warning is ever made up.
import { inSteepRegion, steepness, stepsFrom, STEEP_EFFECT, type Steepness } from '../sim/index';
import type { SensitivityRecord } from './sensitivity';

export { STEEP_EFFECT };

/** One slider's reading of the study. */
export interface SliderSensitivity extends Steepness {
  /** How far the value is from the measured base, in sensitivity steps. */
  steps: number;
  /** The value is in the steep region: warn. */
  warn: boolean;
}

/** A study, read for the sliders. */
export interface SensitivityReading {
  /** Seeds per side, parameters ranked, the scenario it was run on ("Allied Resolve 2022 · 3f9a12c0"). */
  runs: number;
  parameters: number;
  label: string;
  /** The keys of the steep parameters, most effect first. */
  steep: string[];
  /** A slider's reading at a value (undefined for a parameter the study did not rank). */
  at(key: string, value: number): SliderSensitivity | undefined;
}

const readings = new WeakMap<SensitivityRecord, SensitivityReading>();

/** The study read for the sliders (once per study), or null without one. */
export function readSensitivity(record: SensitivityRecord | null): SensitivityReading | null {
  if (!record) return null;
  let r = readings.get(record);
  if (!r) {
    const by = steepness(record.overall);
    r = {
      runs: record.runs,
      parameters: record.overall.ranking.length,
      label: record.label,
      steep: [...by.values()].filter((s) => s.steep).map((s) => s.key),
      at(key, value) {
        const s = by.get(key);
        return s && { ...s, steps: stepsFrom(s, value), warn: inSteepRegion(s, value) };
      },
    };
    readings.set(record, r);
  }
  return r;
}
