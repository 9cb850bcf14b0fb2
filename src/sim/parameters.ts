// The tweakable parameters of a scenario, in one place for the Tweak panel, the sensitivity runs and the
// sweeps: each pair's Richardson fear, fatigue and grievance; each actor's risk tolerance and aggression;
// the incident odds; the estimate ranges of forces and goal ideals. Each parameter has its key (the path
// of the value in the scenario data, "pairs.0.fear"), the readable name a modder writes
// ("pairs.russia-ukraine.fear"), a slider's range and step, what it means in a sentence, and the step the
// sensitivity runs take around it. Reading and writing values is pure: a write copies only the objects on
// the value's path, so a tweaked scenario shares the rest with its base.
import type { ScenarioData } from './scenario/schema';
import type { Scenario } from './scenario/load';
import { closest } from './scenario/errors';
import { hashValue } from './hash';

export interface Parameter {
  /** The path of the value in the scenario data, e.g. "pairs.3.fear". */
  key: string;
  /** The same in words a modder writes: ids for indices, low/high for ranges, e.g. "pairs.russia-ukraine.fear". */
  name: string;
  /** Folders from the top, e.g. ["Pairs", "Russia – Ukraine"]. */
  folder: string[];
  label: string;
  /** The slider's range (widened to hold the base value) and step. */
  min: number;
  max: number;
  step: number;
  /** What the number does, in one sentence. */
  meaning: string;
  /** The sensitivity step: the runs play the base value − delta and + delta (SENSITIVITY_SHARE, in slider steps). */
  delta: number;
}

export type ParameterValues = Record<string, number>;

export interface ParameterSet {
  parameters: Parameter[];
  /** The base scenario's values, by key (a pair without its own fear shows the rules' default). */
  values: ParameterValues;
}

/** The sensitivity step as a share of the value: ±10 %, rounded to whole slider steps, at least one step. */
export const SENSITIVITY_SHARE = 0.1;

/** Keeps a value free of float noise from sliders and steps (12 significant digits). */
export const tidy = (v: number): number => Number(v.toPrecision(12));

type Path = (string | number)[];

const parsePath = (key: string): Path => key.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/** The number of decimals a value is written with. */
function decimals(v: number): number {
  const s = String(v);
  if (s.includes('e-')) return Number(s.split('e-')[1]);
  return s.includes('.') ? s.split('.')[1]!.length : 0;
}

/** The default step, or a finer one when the base value is not a multiple of it. */
function stepFor(v: number, step: number): number {
  return decimals(v) > decimals(step) ? 10 ** -Math.min(decimals(v), 8) : step;
}

/** The sensitivity step of a value: SENSITIVITY_SHARE of it in whole slider steps, at least one (so also at 0). */
export function sensitivityDelta(value: number, step: number): number {
  return tidy(Math.max(1, Math.round((SENSITIVITY_SHARE * Math.abs(value)) / step + 1e-9)) * step);
}

const actorName = (d: ScenarioData, id: string): string => d.actors.find((a) => a.id === id)?.name ?? id;
const pairName = (d: ScenarioData, between: readonly [string, string]): string => between.map((id) => actorName(d, id)).join(' – ');

/** A pair's readable id: its own id, or its two actors joined by "-". */
function pairRef(d: ScenarioData, between: readonly [string, string]): string {
  const p = d.pairs.find((x) => (x.between[0] === between[0] && x.between[1] === between[1]) || (x.between[0] === between[1] && x.between[1] === between[0]));
  return p?.id ?? between.join('-');
}

/** Every tweakable parameter of a scenario, with the base values. */
export function scenarioParameters(d: ScenarioData): ParameterSet {
  const parameters: Parameter[] = [];
  const values: ParameterValues = {};
  const add = (key: string, name: string, folder: string[], label: string, value: number, min: number, max: number, step: number, meaning: string) => {
    const s = stepFor(value, step);
    parameters.push({ key, name, folder, label, min: Math.min(min, value), max: Math.max(max, value), step: s, meaning, delta: sensitivityDelta(value, s) });
    values[key] = value;
  };
  const defs = d.rules.pairDefaults;
  d.pairs.forEach((p, i) => {
    const who = pairName(d, p.between);
    const f = ['Pairs', who];
    const ref = `pairs.${p.id ?? p.between.join('-')}`;
    add(`pairs.${i}.fear`, `${ref}.fear`, f, 'fear', p.fear ?? defs.fear, 0, 0.2, 0.001,
      `Richardson's reaction (his "defence") coefficient: each day ${who} tension grows by this share of itself, each side arming against the other's arming; once fear reaches fatigue the spiral runs away.`);
    add(`pairs.${i}.fatigue`, `${ref}.fatigue`, f, 'fatigue', p.fatigue ?? defs.fatigue, 0, 0.2, 0.001,
      `Richardson's fatigue (the cost of keeping up hostility): each day ${who} tension falls by this share of itself, so fatigue − fear sets how fast a push wears off.`);
    add(`pairs.${i}.grievance`, `${ref}.grievance`, f, 'grievance', p.grievance ?? defs.grievance, -2, 2, 0.01,
      `Richardson's grievance: points of ${who} tension added every day whatever anyone does (negative: goodwill), so that left alone tension rests near grievance ÷ (fatigue − fear).`);
  });
  d.actors.forEach((a, i) => {
    const f = ['Actors', a.name];
    add(`actors.${i}.traits.riskTolerance`, `actors.${a.id}.traits.riskTolerance`, f, 'risk tolerance', a.traits.riskTolerance, 0, 1, 0.01,
      `How near the brink ${a.name}'s AI will go: its fear of pushing a pair toward war weighs (1 − this), so 0 backs away from any risky move and 1 ignores the risk.`);
    add(`actors.${i}.traits.aggression`, `actors.${a.id}.traits.aggression`, f, 'aggression', a.traits.aggression, 0, 1, 0.01,
      `How far ${a.name}'s AI leans toward conflictual moves (threats, deployments) over cooperative ones: 0.5 is neutral, 1 favours the most hostile.`);
  });
  const inc = d.rules.incidents;
  add('rules.incidents.base', 'rules.incidents.base', ['Incidents'], 'base odds', inc.base, 0, 0.05, 0.0005,
    `The daily odds of an incident (shots, a border clash) on each pair while its tension is at or below ${inc.pivot}.`);
  add('rules.incidents.perPoint', 'rules.incidents.perPoint', ['Incidents'], 'per point', inc.perPoint, 0, 0.01, 0.0001,
    `The extra daily odds of an incident for each point of a pair's tension above ${inc.pivot}: how much a hot crisis jumps on its own.`);
  add('rules.incidents.nearBorder', 'rules.incidents.nearBorder', ['Incidents'], 'near border', inc.nearBorder, 0, 10, 0.1,
    'Multiplies a pair\'s incident odds by 1 + this while it has forces near a shared border.');
  d.forces.forEach((f, i) => {
    if (!Array.isArray(f.strength)) return;
    const [lo, hi] = f.strength;
    const folder = ['Estimate ranges', f.name];
    const max = Math.max(1000, hi * 3);
    const what = `of the sources' estimates of ${f.name}'s strength: its true size is a seeded draw in the range, and the other side sees only an estimate of it`;
    add(`forces.${i}.strength.0`, `forces.${f.id}.strength.low`, folder, 'strength low', lo, 0, max, 100, `The low end ${what}.`);
    add(`forces.${i}.strength.1`, `forces.${f.id}.strength.high`, folder, 'strength high', hi, 0, max, 100, `The high end ${what}.`);
  });
  d.actors.forEach((a, i) => {
    const refs = a.goals.map((g) => ('tension' in g ? (g.tension === 'overall' ? 'overall' : pairRef(d, g.tension.map((x) => (x === 'self' ? a.id : x)) as [string, string])) : `meter-${g.meter}`));
    a.goals.forEach((g, j) => {
      if (!('ideal' in g) || !Array.isArray(g.ideal)) return;
      const what = g.tension === 'overall' ? 'overall' : pairName(d, g.tension.map((x) => (x === 'self' ? a.id : x)) as [string, string]);
      const folder = ['Estimate ranges', `${a.name} goal: ${what}`];
      const ref = refs.filter((r) => r === refs[j]).length === 1 ? refs[j]! : String(j);
      const aim = `of the range ${a.name}'s hidden aim for ${what} tension is drawn from: its AI steers that tension toward the drawn aim, which no one else sees`;
      add(`actors.${i}.goals.${j}.ideal.0`, `actors.${a.id}.goals.${ref}.ideal.low`, folder, 'ideal low', g.ideal[0], 0, 100, 1, `The low end ${aim}.`);
      add(`actors.${i}.goals.${j}.ideal.1`, `actors.${a.id}.goals.${ref}.ideal.high`, folder, 'ideal high', g.ideal[1], 0, 100, 1, `The high end ${aim}.`);
    });
  });
  return { parameters, values };
}

/** A parameter by its key or its readable name (names also match in any case). */
export function findParameter(set: ParameterSet, keyOrName: string): Parameter | undefined {
  const lower = keyOrName.toLowerCase();
  return set.parameters.find((p) => p.key === keyOrName || p.name === keyOrName) ?? set.parameters.find((p) => p.name.toLowerCase() === lower);
}

/** The readable name closest to a mistyped one (a likely typo), if any. */
export function closestParameter(set: ParameterSet, keyOrName: string): string | undefined {
  const byName = closest(keyOrName, set.parameters.map((p) => p.name));
  if (byName) return byName;
  const byKey = closest(keyOrName, set.parameters.map((p) => p.key));
  return byKey && set.parameters.find((p) => p.key === byKey)!.name;
}

/** The value at a parameter's key (a pair's fear, fatigue or grievance falls back to the rules' default). */
export function readParameter(d: ScenarioData, key: string): number {
  const path = parsePath(key);
  let o: unknown = d;
  for (const k of path) o = (o as Record<string | number, unknown> | undefined)?.[k];
  if (typeof o === 'number') return o;
  if (path[0] === 'pairs' && path.length === 3) return d.rules.pairDefaults[path[2] as 'fear' | 'fatigue' | 'grievance'];
  throw new Error(`no number at ${key}`);
}

/** A copy of the data with the values written at their keys; only the objects on each path are copied. */
export function writeParameters(d: ScenarioData, values: ParameterValues): ScenarioData {
  const root = { ...d } as Record<string | number, unknown>;
  for (const [key, value] of Object.entries(values)) {
    const path = parsePath(key);
    let o = root;
    for (const k of path.slice(0, -1)) {
      const child = o[k];
      if (!child || typeof child !== 'object') throw new Error(`no parameter at ${key}`);
      const copy = Array.isArray(child) ? [...child] : { ...(child as object) };
      o[k] = copy;
      o = copy as Record<string | number, unknown>;
    }
    o[path[path.length - 1]!] = tidy(value);
  }
  return root as unknown as ScenarioData;
}

/**
 * The scenario with the values written, for batches of games (sensitivity, sweeps): no revalidation, so
 * it costs microseconds instead of a validation's tens of milliseconds. It trusts the values to be within
 * what the scenario's rules allow — inside the slider's range, or checked by validateData as a sweep's
 * grid is — and checks what a parameter can still get wrong: a value that is not a number, and a range
 * whose low end passes its high end. The data then equals what validateData gives (tests/sensitivity).
 * Its hash is derived from the base's and the values (an exported variant has its own content hash).
 */
export function withParameters(scenario: Scenario, values: ParameterValues, set: ParameterSet = scenarioParameters(scenario.data)): Scenario {
  const keys = Object.keys(values);
  if (keys.length === 0) return scenario;
  for (const k of keys) {
    const p = set.parameters.find((x) => x.key === k);
    if (!p) throw new Error(`unknown parameter ${k}`);
    if (!Number.isFinite(values[k])) throw new Error(`${p.name} = ${values[k]} is not a number`);
  }
  const data = writeParameters(scenario.data, values);
  for (const k of keys) {
    const m = /^(.*)\.([01])$/.exec(k);
    if (!m) continue;
    const [lo, hi] = [readParameter(data, `${m[1]}.0`), readParameter(data, `${m[1]}.1`)];
    if (lo > hi) throw new Error(`${set.parameters.find((x) => x.key === k)!.name}: the range's low end ${lo} is above its high end ${hi}`);
  }
  const sorted = Object.fromEntries(keys.sort().map((k) => [k, tidy(values[k]!)]));
  return { data, hash: hashValue({ base: scenario.hash, values: sorted }), files: scenario.files };
}

/**
 * The two values the sensitivity runs play for a parameter: base ∓ delta, kept within the slider's range
 * and, for an end of a range, on its own side of the other end. A side that cannot move stays at the base.
 */
export function sensitivitySides(p: Parameter, values: ParameterValues): { below: number; above: number } {
  const base = values[p.key]!;
  let lo = p.min;
  let hi = p.max;
  const m = /^(.*)\.([01])$/.exec(p.key);
  if (m) {
    const other = values[`${m[1]}.${m[2] === '0' ? 1 : 0}`];
    if (other !== undefined) {
      if (m[2] === '0') hi = Math.min(hi, other);
      else lo = Math.max(lo, other);
    }
  }
  return { below: tidy(Math.max(lo, Math.min(base, base - p.delta))), above: tidy(Math.min(hi, Math.max(base, base + p.delta))) };
}
