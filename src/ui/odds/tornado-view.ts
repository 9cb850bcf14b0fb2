// What the tornado chart draws, read from a ranked sensitivity study (pure, no DOM): one bar per parameter
// in the ranking's order, with its readable title, the values played, each side's change against the base
// in percentage points with its error, whether the effect is within noise, and the chart's scale and ticks.
import type { RankedSensitivity, SensitivityMetric } from '../../store/sensitivity';

export interface TornadoBar {
  key: string;
  /** 1 for the largest effect. */
  rank: number;
  /** e.g. "Russia – Ukraine · fear" (the folder it sits in and its label), and its group ("Pairs"). */
  title: string;
  group: string;
  /** The readable name a modder writes, e.g. "pairs.russia-ukraine.fear". */
  name: string;
  base: number;
  below: number;
  above: number;
  /** Each side's change from the base (for 'outcomes', its distance from the base), in percentage points. */
  downPoints: number;
  downError: number;
  upPoints: number;
  upError: number;
  /** The ranking's effect (above − below; for 'outcomes' how far the distribution moves) ± error, in points. */
  effectPoints: number;
  errorPoints: number;
  /** No game changed, or the effect is under two standard errors. */
  noise: boolean;
}

export function tornadoBars(ranked: RankedSensitivity): TornadoBar[] {
  return ranked.result.ranking.map((row, i) => {
    const s = ranked.steps.get(row.key);
    const effect = row.effect * 100;
    const error = row.error * 100;
    return {
      key: row.key,
      rank: i + 1,
      title: `${row.folder[row.folder.length - 1] ?? ''} · ${row.label}`,
      group: row.folder[0] ?? '',
      name: row.name,
      base: row.base,
      below: row.below,
      above: row.above,
      downPoints: (s?.below.change ?? 0) * 100,
      downError: (s?.below.error ?? 0) * 100,
      upPoints: (s?.above.change ?? 0) * 100,
      upError: (s?.above.error ?? 0) * 100,
      effectPoints: effect,
      errorPoints: error,
      noise: effect === 0 || Math.abs(effect) < 2 * error,
    };
  });
}

/**
 * How the bars are laid out. A share (an outcome's, a role's wins) changes either way, so zero is in the
 * middle and each side is drawn from it with its sign. How far the whole distribution moves is a
 * distance, ≥ 0: the step below is drawn to the left and the step above to the right, both as distances.
 */
export interface TornadoScale {
  /** Points at the left and right edges. */
  min: number;
  max: number;
  ticks: number[];
  /** True for a distance (mirrored), false for a signed change. */
  mirrored: boolean;
}

/** The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k at or above x (so that half of it is a round tick too). */
function niceCeiling(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  const m = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((c) => c * p >= x - 1e-9) ?? 10;
  return m * p;
}

/** The scale of the bars shown: their reach (a side's change and its error) to a round edge, ticks at the halves. */
export function tornadoScale(bars: TornadoBar[], metric: SensitivityMetric): TornadoScale {
  let reach = 0;
  for (const b of bars) reach = Math.max(reach, Math.abs(b.downPoints) + b.downError, Math.abs(b.upPoints) + b.upError);
  const edge = niceCeiling(Math.max(reach, 1));
  const ticks = [-edge, -edge / 2, 0, edge / 2, edge].map((t) => Number(t.toFixed(6)));
  return { min: -edge, max: edge, ticks, mirrored: metric.kind === 'outcomes' };
}

/** Where a side's change sits on the scale (0–100 % of the width): a mirrored scale puts the step below left. */
export function sideAt(scale: TornadoScale, points: number, side: 'down' | 'up'): number {
  const x = scale.mirrored && side === 'down' ? -Math.abs(points) : points;
  return (100 * (x - scale.min)) / (scale.max - scale.min);
}

/** Percentage points for the chart: "+12.4", "−0.5", "0" (unsigned for a distance). */
export function formatPoints(p: number, signed = true): string {
  const r = Math.round(p * 10) / 10;
  if (r === 0) return '0';
  const s = Math.abs(r).toFixed(1);
  return signed ? `${r > 0 ? '+' : '−'}${s}` : s;
}

/** An axis tick in points: "+30", "−7.5", "0" (unsigned for a distance). */
export function formatTick(t: number, signed = true): string {
  const s = String(Number(Math.abs(t).toFixed(2)));
  return t === 0 || !signed ? s : `${t > 0 ? '+' : '−'}${s}`;
}

/** A value as the panel shows a parameter's (at most 4 significant decimals, no float noise). */
export function formatValue(v: number): string {
  return String(Number(v.toPrecision(6)));
}

/** A duration as "0:42" or "1:05:00". */
export function formatClock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}
