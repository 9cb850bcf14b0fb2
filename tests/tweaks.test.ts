// The tweak logic (src/store/tweaks.ts) in Node: tweaking a pair's fear and an actor's aggression gives a
// valid scenario whose run differs from the base; the exported variant (extends the base, only the changed
// values) written next to a copy of the base loads with the same hash and the same trace, and passes
// `npm run -s validate`. Estimate ranges (a force's strength, a goal's ideal) export and reload too.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadScenario, runGame, type ScenarioData } from '../src/sim/index';
import { diskReader } from '../src/cli/files';
import { applyTweaks, changedKeys, cliFile, cliSource, createTweaks, tweakables, tweakFile, variantFileName, variantYaml } from '../src/store/tweaks';
import { createUserScenarios } from '../src/ui/load/user-scenarios';
import { cli, DEFAULT, load } from './helpers';

const base = load(DEFAULT);
const d: ScenarioData = base.data;
const pairIndex = d.pairs.findIndex((p) => p.id === 'russia-ukraine');
const actorIndex = d.actors.findIndex((a) => a.id === 'belarus');

/** Writes the variant next to a copy of the base in a fresh folder; returns the variant's path. */
function writeVariant(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'brink-tweak-'));
  copyFileSync(DEFAULT, join(dir, 'allied-resolve-2022.yaml'));
  const file = join(dir, variantFileName(DEFAULT));
  writeFileSync(file, text);
  return file;
}

describe('tweaks', () => {
  it('lists every pair, actor, the incident odds and the estimate ranges', () => {
    const t = tweakables(d);
    expect(t.controls.filter((c) => c.key.startsWith('pairs.')).length).toBe(d.pairs.length * 3);
    expect(t.controls.filter((c) => /^actors\.\d+\.traits\./.test(c.key)).length).toBe(d.actors.length * 2);
    expect(t.values['rules.incidents.base']).toBe(d.rules.incidents.base);
    // A pair without its own fear shows the rules' default.
    expect(t.values[`pairs.${pairIndex}.fear`]).toBe(d.pairs[pairIndex]!.fear ?? d.rules.pairDefaults.fear);
    const ranges = t.controls.filter((c) => c.folder[0] === 'Estimate ranges');
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.some((c) => c.key.includes('.goals.'))).toBe(true);
    for (const c of t.controls) expect(t.values[c.key]! >= c.min && t.values[c.key]! <= c.max, c.key).toBe(true);
  });

  it('a tweaked pair fear and actor aggression give a valid scenario, a different run, and a variant that reproduces it', () => {
    const tw = createTweaks();
    tw.getState().setBase(DEFAULT, d);
    tw.getState().set(`pairs.${pairIndex}.fear`, 0.049);
    tw.getState().set(`actors.${actorIndex}.traits.aggression`, 0.95);
    const { base: b, values } = tw.getState();
    expect(changedKeys(b, values)).toEqual([`pairs.${pairIndex}.fear`, `actors.${actorIndex}.traits.aggression`]);

    const r = applyTweaks(d, b, values);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.scenario.hash).not.toBe(base.hash);
    expect(r.scenario.data.meta.id).toBe('allied-resolve-2022-tweak');
    const tweakedRun = runGame(r.scenario, '7', { turns: 40 });
    const baseRun = runGame(base, '7', { turns: 40 });
    expect(tweakedRun.turns.map((t) => t.hash)).not.toEqual(baseRun.turns.map((t) => t.hash));

    const text = variantYaml(DEFAULT, d, b, values);
    expect(text.startsWith('# yaml-language-server: $schema=./scenario.schema.json\n')).toBe(true);
    const overlay = parse(text) as Record<string, unknown>;
    expect(Object.keys(overlay)).toEqual(['extends', 'meta', 'actors', 'pairs']);
    expect(overlay.extends).toBe('./allied-resolve-2022.yaml');
    expect(overlay.pairs).toEqual([{ id: 'russia-ukraine', fear: 0.049 }]);
    expect(overlay.actors).toEqual([{ id: 'belarus', traits: { aggression: 0.95 } }]);

    const file = writeVariant(text);
    const loaded = loadScenario(file, diskReader);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.scenario.hash).toBe(r.scenario.hash);
    expect(runGame(loaded.scenario, '7', { turns: 40 }).turns.map((t) => t.hash)).toEqual(tweakedRun.turns.map((t) => t.hash));

    const v = cli('validate', [file]);
    expect(v.stderr).toBe('');
    expect(v.status).toBe(0);
    expect(v.stdout).toContain(`hash ${r.scenario.hash}`);
  });

  it('estimate ranges and incident odds export as whole ranges, goal lists and rules.incidents', () => {
    const t = tweakables(d);
    const values = { ...t.values };
    const force = t.controls.find((c) => c.key.startsWith('forces.') && c.key.endsWith('.1'))!;
    const goal = t.controls.find((c) => c.key.includes('.goals.') && c.key.endsWith('.0'))!;
    values[force.key] = t.values[force.key]! + 5000;
    values[goal.key] = t.values[goal.key]! + 10;
    values['rules.incidents.perPoint'] = 0.002;
    const r = applyTweaks(d, t.values, values);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const text = variantYaml(DEFAULT, d, t.values, values);
    const overlay = parse(text) as { rules: unknown; forces: { strength: number[] }[]; actors: { goals: unknown[] }[] };
    expect(overlay.rules).toEqual({ incidents: { perPoint: 0.002 } });
    expect(overlay.forces[0]!.strength).toHaveLength(2);
    const ai = Number(goal.key.split('.')[1]);
    expect(overlay.actors[0]!.goals).toHaveLength(d.actors[ai]!.goals.length);
    const loaded = loadScenario(writeVariant(text), diskReader);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.scenario.hash).toBe(r.scenario.hash);
  });

  it('an invalid tweak (a range whose low is above its high) is reported, not thrown', () => {
    const t = tweakables(d);
    const lo = t.controls.find((c) => c.key.startsWith('forces.') && c.key.endsWith('.0'))!;
    const r = applyTweaks(d, t.values, { ...t.values, [lo.key]: t.values[lo.key.replace(/0$/, '1')]! + 1000 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toContain('strength');
  });
});

describe('the command line for a tweak', () => {
  it('names the file "Export as variant" gives, saved beside its base; other files as they are', () => {
    expect(tweakFile('scenarios/allied-resolve-2022.yaml')).toBe('scenarios/allied-resolve-2022.tweak.yaml');
    expect(cliFile(tweakFile('scenarios/allied-resolve-2022.yaml'))).toEqual({ file: 'scenarios/allied-resolve-2022-tweak.yaml', exported: true });
    expect(cliFile(tweakFile('scenarios/allied-resolve-2022.yaml')).file.endsWith(variantFileName('scenarios/allied-resolve-2022.yaml'))).toBe(true);
    expect(cliFile('scenarios/fast-spiral.yaml')).toEqual({ file: 'scenarios/fast-spiral.yaml', exported: false });
  });

  // The Odds panel's command: a bundled file by its path; the player's own file by the name it was loaded
  // as (the page never learns its folder, and scenarios/ is only where the page keeps it), quoted for a
  // shell when it needs to be; a tweak by the variant "Export as variant" downloads.
  it('names the real source: a bundled path, your file as loaded, or the exported variant', () => {
    const users = createUserScenarios({ 'scenarios/allied-resolve-2022.yaml': 'bundled' }, null);
    const add = (name: string) => {
      const file = users.pathFor(name);
      users.add(file, 'text', 'file', name);
      return file;
    };
    const gulf = add('/home/me/crises/gulf-1987.yaml');
    const spaced = add('C:\\Users\\me\\My Crisis.yaml');
    const clash = add('allied-resolve-2022.yaml');
    users.add(tweakFile(gulf), 'text', 'tweak');
    const table: [string, string, ReturnType<typeof cliSource>][] = [
      ['bundled file', 'scenarios/allied-resolve-2022.yaml', { file: 'scenarios/allied-resolve-2022.yaml', note: null, exported: false }],
      ['your file, by the name it was loaded as', gulf, { file: 'gulf-1987.yaml', note: 'give the path to your file gulf-1987.yaml', exported: false }],
      ['your file with a space, quoted', spaced, { file: "'My Crisis.yaml'", note: 'give the path to your file My Crisis.yaml', exported: false }],
      ['your file named like a bundled one', clash, { file: 'allied-resolve-2022.yaml', note: 'give the path to your file allied-resolve-2022.yaml', exported: false }],
      ['a tweak of a bundled file', tweakFile('scenarios/allied-resolve-2022.yaml'), { file: 'scenarios/allied-resolve-2022-tweak.yaml', note: 'export the tweak as a variant into scenarios/ first', exported: true }],
      ['a tweak of your file', tweakFile(gulf), { file: 'gulf-1987-tweak.yaml', note: 'export the tweak as a variant beside your file gulf-1987.yaml first', exported: true }],
    ];
    expect(gulf).toBe('scenarios/gulf-1987.yaml');
    expect(clash).toBe('scenarios/allied-resolve-2022-yours.yaml');
    for (const [name, file, want] of table) expect(cliSource(file, users.loadedAs), name).toEqual(want);
    expect(users.loadedAs(tweakFile(gulf))).toBeNull();
  });
});
