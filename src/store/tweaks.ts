// Tweaks: a scenario's key parameters as plain data (each pair's fear, fatigue and grievance; each
// actor's risk tolerance and aggression; the incident odds; the estimate ranges of forces and goal
// ideals: the model's list, src/sim/parameters.ts), the tweaked scenario they give (validated with
// validateData), and the variant file that reproduces it (`extends` the base, with only the changed values). A small vanilla store holds the
// panel's state — the base file, its values and the current ones — so the panel only renders it.
import { createStore } from 'zustand/vanilla';
import { Document, isSeq, isScalar, visit } from 'yaml';
import { validateData, scenarioParameters, writeParameters, tidy, type LoadResult, type ScenarioData, type Parameter, type ParameterValues } from '../sim/index';

/** One control: a parameter of the model (src/sim/parameters.ts): its key, e.g. "pairs.3.fear", folder,
 * label, range, step, meaning and sensitivity step. */
export type TweakControl = Parameter;

export type TweakValues = ParameterValues;

export interface Tweakables {
  controls: TweakControl[];
  /** The base scenario's values, by key (a pair without its own fear shows the rules' default). */
  values: TweakValues;
}

type Path = (string | number)[];

const parsePath = (key: string): Path => key.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));

export { tidy };

/** The pair's key in a variant: its id, or (without one) its two actors. */
const pairRef = (p: ScenarioData['pairs'][number]): { id: string } | { between: [string, string] } => (p.id ? { id: p.id } : { between: p.between });

/** Every tweakable parameter of a scenario, with the base values. */
export function tweakables(d: ScenarioData): Tweakables {
  const { parameters, values } = scenarioParameters(d);
  return { controls: parameters, values };
}

/** The keys whose value differs from the base, in control order. */
export function changedKeys(base: TweakValues, values: TweakValues): string[] {
  return Object.keys(base).filter((k) => values[k] !== undefined && tidy(values[k]) !== tidy(base[k]!));
}

/** The tweaked variant's meta: its own id, a "(tweaked)" title and a summary naming what changed. */
export function variantMeta(d: ScenarioData, changed: string[]): { id: string; title: string; summary: string } {
  const { controls } = tweakables(d);
  const names = changed.map((k) => {
    const c = controls.find((x) => x.key === k)!;
    return `${c.folder.slice(1).join(' › ') || c.folder[0]} ${c.label}`;
  });
  const list = names.length > 12 ? `${names.slice(0, 12).join('; ')}; and ${names.length - 12} more` : names.join('; ');
  return {
    id: `${d.meta.id.slice(0, 58)}-tweak`,
    title: `${d.meta.title.slice(0, 68)} (tweaked)`,
    summary: `${d.meta.title}, tweaked in the game: ${list || 'no changes'}.`.slice(0, 2000),
  };
}

/** The tweaked scenario's data (before validation): the base with the changed values and the variant's meta. */
export function tweakedData(d: ScenarioData, base: TweakValues, values: TweakValues): ScenarioData {
  const changed = changedKeys(base, values);
  const out = writeParameters(d, Object.fromEntries(changed.map((k) => [k, values[k]!])));
  out.meta = { ...out.meta, ...variantMeta(d, changed) };
  return out;
}

/** The tweaked scenario, validated (a new hash), or every error. */
export function applyTweaks(d: ScenarioData, base: TweakValues, values: TweakValues, label = 'tweaks'): LoadResult {
  return validateData(tweakedData(d, base, values), [], label);
}

/** The variant's content: only the changed values, keyed the way `extends` merges them. */
export function variantOverlay(baseFile: string, d: ScenarioData, base: TweakValues, values: TweakValues): Record<string, unknown> {
  const changed = changedKeys(base, values);
  const t = tweakedData(d, base, values);
  const out: Record<string, unknown> = { extends: `./${baseFile.slice(baseFile.lastIndexOf('/') + 1)}`, meta: variantMeta(d, changed) };
  const incidents: Record<string, number> = {};
  const actors = new Map<number, Record<string, unknown>>();
  const pairs = new Map<number, Record<string, unknown>>();
  const forces = new Map<number, Record<string, unknown>>();
  const entry = <T>(m: Map<number, Record<string, unknown>>, i: number, first: () => T) => {
    if (!m.has(i)) m.set(i, first() as Record<string, unknown>);
    return m.get(i)!;
  };
  for (const k of changed) {
    const p = parsePath(k);
    const v = tidy(values[k]!);
    const i = p[1] as number;
    if (p[0] === 'rules') incidents[p[2] as string] = v;
    else if (p[0] === 'pairs') entry(pairs, i, () => ({ ...pairRef(d.pairs[i]!) }))[p[2] as string] = v;
    else if (p[0] === 'forces') entry(forces, i, () => ({ id: d.forces[i]!.id })).strength = t.forces[i]!.strength;
    else if (p[0] === 'actors') {
      const a = entry(actors, i, () => ({ id: d.actors[i]!.id }));
      if (p[2] === 'traits') a.traits = { ...(a.traits as object), [p[3] as string]: v };
      // A list without ids is replaced whole: the actor's goals are written out in full.
      else a.goals = t.actors[i]!.goals;
    }
  }
  if (Object.keys(incidents).length) out.rules = { incidents };
  const sorted = (m: Map<number, Record<string, unknown>>) => [...m.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  if (actors.size) out.actors = sorted(actors);
  if (pairs.size) out.pairs = sorted(pairs);
  if (forces.size) out.forces = sorted(forces);
  return out;
}

/** The variant as a YAML file (editor schema comment first; short lists of numbers written inline). */
export function variantYaml(baseFile: string, d: ScenarioData, base: TweakValues, values: TweakValues): string {
  const doc = new Document(variantOverlay(baseFile, d, base, values));
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((x) => isScalar(x))) node.flow = true;
    },
    Map(_, node, path) {
      // Goal entries read best on one line each, as in the bundled files.
      const parent = path[path.length - 1];
      if (isSeq(parent) && node.items.every((x) => isScalar(x.value) || isSeq(x.value))) {
        if (node.items.some((x) => isScalar(x.key) && (x.key.value === 'tension' || x.key.value === 'meter'))) node.flow = true;
      }
    },
  });
  const changed = changedKeys(base, values).length;
  return [
    '# yaml-language-server: $schema=./scenario.schema.json',
    '#',
    `# A variant of ${d.meta.title}, exported from Brink's tweak panel: ${changed} changed value${changed === 1 ? '' : 's'}.`,
    '# Entries merge by id; lists without ids (an actor\'s goals) are replaced whole.',
    '',
    doc.toString({ lineWidth: 0, flowCollectionPadding: false }),
  ].join('\n');
}

/** The name the game keeps a tweak made in the panel under, beside its base: x.yaml → x.tweak.yaml. */
export function tweakFile(baseFile: string): string {
  return baseFile.replace(/(\.[A-Za-z]+)?$/, '.tweak.yaml');
}

/**
 * The file a command line reaches a scenario by: itself, or for a tweak made in the panel the variant
 * "Export as variant" downloads, saved beside its base (x.tweak.yaml → x-tweak.yaml).
 */
export function cliFile(file: string): { file: string; exported: boolean } {
  if (!file.endsWith('.tweak.yaml')) return { file, exported: false };
  const base = file.slice(0, -'.tweak.yaml'.length) + '.yaml';
  return { file: base.slice(0, base.lastIndexOf('/') + 1) + variantFileName(base), exported: true };
}

/** A file name as one shell word: quoted when it holds anything but letters, digits and . _ / - */
function shellWord(name: string): string {
  return /^[A-Za-z0-9._/-]+$/.test(name) ? name : `'${name.replace(/'/g, "'\\''")}'`;
}

/**
 * How the Odds panel names the scenario on the command line, and what to do first (or null). A bundled
 * file by its path (scenarios/…); the player's own file by the name it was loaded as, since the page does
 * not know its folder (`loadedAs` gives that name, or null for a file that is not the player's); a tweak
 * by the variant "Export as variant" downloads, kept beside its base.
 */
export function cliSource(file: string, loadedAs: (file: string) => string | null): { file: string; note: string | null; exported: boolean } {
  const c = cliFile(file);
  if (c.exported) {
    const own = loadedAs(file.slice(0, -'.tweak.yaml'.length) + '.yaml');
    if (own === null) return { file: c.file, note: 'export the tweak as a variant into scenarios/ first', exported: true };
    return { file: shellWord(c.file.slice(c.file.lastIndexOf('/') + 1)), note: `export the tweak as a variant beside your file ${own} first`, exported: true };
  }
  const own = loadedAs(file);
  return own === null ? { file, note: null, exported: false } : { file: shellWord(own), note: `give the path to your file ${own}`, exported: false };
}

/** The file name the variant downloads as: allied-resolve-2022.yaml → allied-resolve-2022-tweak.yaml. */
export function variantFileName(baseFile: string): string {
  const name = baseFile.slice(baseFile.lastIndexOf('/') + 1).replace(/\.(ya?ml|json)$/i, '');
  return `${name}-tweak.yaml`;
}

// ---------------------------------------------------------------------------------------------------
// The panel's state.

export interface TweakState {
  /** The file the tweaks apply to (the variant `extends` it), or null before a game. */
  baseFile: string | null;
  /** The base scenario's data, as loaded. */
  data: ScenarioData | null;
  controls: TweakControl[];
  base: TweakValues;
  values: TweakValues;
  open: boolean;
}

export interface TweakActions {
  /** Takes a scenario as the base; `current` are the values of the run shown (default: the base's). */
  setBase(file: string, data: ScenarioData, current?: TweakValues): void;
  set(key: string, value: number): void;
  reset(): void;
  setOpen(open: boolean): void;
}

export function createTweaks() {
  return createStore<TweakState & TweakActions>()((set, get) => ({
    baseFile: null,
    data: null,
    controls: [],
    base: {},
    values: {},
    open: false,
    setBase(file, data, current) {
      const t = tweakables(data);
      const values = { ...t.values };
      // A tweaked run shows its own values (same keys: a tweak never changes the scenario's shape).
      if (current) for (const k of Object.keys(values)) if (typeof current[k] === 'number') values[k] = tidy(current[k]);
      const old = get();
      const same = old.baseFile === file && JSON.stringify(old.base) === JSON.stringify(t.values) && JSON.stringify(old.values) === JSON.stringify(values);
      if (same && JSON.stringify(old.controls) === JSON.stringify(t.controls)) return;
      set({ baseFile: file, data, controls: t.controls, base: t.values, values });
    },
    set(key, value) {
      if (!(key in get().base) || !Number.isFinite(value)) return;
      set({ values: { ...get().values, [key]: tidy(value) } });
    },
    reset() {
      set({ values: { ...get().base } });
    },
    setOpen(open) {
      set({ open });
    },
  }));
}

export type TweakStore = ReturnType<typeof createTweaks>;
