// Validation: each class of scenario error is reported with file, line, column, field path, message
// and hint; all errors at once; never an exception.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, type ScenarioError } from '../src/sim/index';
import { MINI, memoryReader } from './helpers';

const mini = readFileSync(MINI, 'utf8');

function errorsOf(files: Record<string, string>, entry = 's/test.yaml'): ScenarioError[] {
  const r = loadScenario(entry, memoryReader(files));
  if (r.ok) throw new Error('expected errors, got a valid scenario');
  return r.errors;
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('scenario validation', () => {
  it('accepts the mini fixture', () => {
    const r = loadScenario('s/test.yaml', memoryReader({ 's/test.yaml': mini }));
    expect(r.ok).toBe(true);
  });

  it('reports a YAML syntax error with its line and column', () => {
    const [e] = errorsOf({ 's/test.yaml': 'meta:\n  id: x\n  title: [unclosed\n' });
    expect(e!.file).toBe('s/test.yaml');
    expect(e!.message).toMatch(/syntax error/);
    expect(e!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports duplicate keys', () => {
    const [e] = errorsOf({ 's/test.yaml': 'meta: {id: a}\nmeta: {id: b}\n' });
    expect(e!.message).toMatch(/duplicate key/);
    expect(e!.line).toBe(2);
  });

  it('reports a wrong root type and an empty file', () => {
    expect(errorsOf({ 's/test.yaml': '- a\n- b\n' })[0]!.message).toMatch(/top level must be a mapping/);
    expect(errorsOf({ 's/test.yaml': '  \n' })[0]!.message).toMatch(/empty/);
    expect(errorsOf({ 's/test.yaml': '"just a string"' })[0]!.message).toMatch(/top level must be a mapping/);
  });

  it('names an unknown field and suggests the right one, at its line and column', () => {
    const text = mini.replace('fatigue: 0.05', 'fatuige: 0.05');
    const [e] = errorsOf({ 's/test.yaml': text });
    expect(e!.path).toBe('pairs[north-south].fatuige');
    expect(e!.message).toBe("unknown field 'fatuige'");
    expect(e!.hint).toBe("did you mean 'fatigue'?");
    expect(e!.line).toBe(lineOf(text, 'fatuige'));
    expect(e!.column).toBe(text.split('\n')[e!.line - 1]!.indexOf('fatuige') + 1);
  });

  it('reports a missing required field', () => {
    const text = mini.replace('  turnLimit: 30\n', '');
    const e = errorsOf({ 's/test.yaml': text }).find((x) => x.path === 'meta.turnLimit');
    expect(e?.message).toMatch(/missing required field/);
  });

  it('reports a wrong type and an out-of-range number', () => {
    const errs = errorsOf({ 's/test.yaml': mini.replace('tension: 30', 'tension: high').replace('aggression: 0.3', 'aggression: 3') });
    expect(errs.find((x) => x.path === 'pairs[north-south].tension')?.message).toMatch(/expected number, got the text "high"/);
    expect(errs.find((x) => x.path === 'actors[south].traits.aggression')?.message).toMatch(/at most 1/);
  });

  it('suggests the closest id for an unknown reference', () => {
    const text = mini.replace('location: camp }', 'location: cmap }');
    const [e] = errorsOf({ 's/test.yaml': text });
    expect(e!.path).toBe('forces[garrison].location');
    expect(e!.message).toBe("unknown place 'cmap'");
    expect(e!.hint).toBe("did you mean 'camp'?");
    expect(e!.line).toBe(lineOf(text, 'cmap'));
  });

  it('reports inverted ranges, duplicate ids and undefined pairs', () => {
    const text = mini
      .replace('strength: [2000, 6000]', 'strength: [6000, 2000]')
      .replace('  - id: talk\n', '  - id: threaten\n')
      .replace('blame: [north, south]', 'blame: [north, north]');
    const errs = errorsOf({ 's/test.yaml': text });
    expect(errs.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        'inverted range [6000, 2000]',
        expect.stringMatching(/^duplicate id 'threaten'/),
        'a pair needs two different actors, got [north, north]',
      ]),
    );
  });

  it('reports every error at once, schema and references together', () => {
    const text = mini.replace('fatigue: 0.05', 'fatuige: 0.05').replace('capital: south-city', 'capital: sout-city').replace('location: camp }', 'location: cmap }');
    const errs = errorsOf({ 's/test.yaml': text });
    expect(errs.map((e) => e.path).sort()).toEqual(['actors[south].capital', 'forces[garrison].location', 'pairs[north-south].fatuige']);
  });

  it('requires a reading of every outcome for every playable role, and one atLimit outcome', () => {
    const text = mini.replace('roles: { north: loss, south: loss }', 'roles: { north: loss }').replace('    atLimit: true\n', '');
    const errs = errorsOf({ 's/test.yaml': text });
    expect(errs.some((e) => e.path === 'outcomes[war].roles' && /south/.test(e.message))).toBe(true);
    expect(errs.some((e) => /no outcome has atLimit/.test(e.message))).toBe(true);
  });

  it('rejects dates that do not exist or fall outside the game', () => {
    const errs = errorsOf({ 's/test.yaml': mini.replace('date: 2030-03-03', 'date: 2030-02-30') });
    expect(errs[0]!.message).toMatch(/not a calendar date/);
    const late = errorsOf({ 's/test.yaml': mini.replace('date: 2030-03-03', 'date: 2031-03-03') });
    expect(late[0]!.message).toMatch(/after the last turn/);
  });

  it('reads JSON files with line numbers too', () => {
    const json = '{\n  "meta": {\n    "id": "j",\n    "title": 5\n  }\n}\n';
    const errs = errorsOf({ 's/test.json': json }, 's/test.json');
    const e = errs.find((x) => x.path === 'meta.title')!;
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/expected string/);
  });
});

describe('extends', () => {
  const base = { 's/mini.yaml': mini };

  it('merges a variant: lists by id (pairs by their actors), with its own meta', () => {
    const variant = 'extends: ./mini.yaml\nmeta: { id: v, title: Variant }\npairs:\n  - between: [south, north]\n    fear: 0.2\nactors:\n  - id: south\n    traits: { aggression: 0.9 }\n';
    const r = loadScenario('s/v.yaml', memoryReader({ ...base, 's/v.yaml': variant }));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const d = r.scenario.data;
    expect(d.meta.id).toBe('v');
    expect(d.meta.summary).toContain('Two neighbours');
    expect(d.pairs).toHaveLength(1);
    expect(d.pairs[0]!.fear).toBe(0.2);
    expect(d.pairs[0]!.tension).toBe(30);
    expect(d.actors.find((a) => a.id === 'south')!.traits.aggression).toBe(0.9);
    expect(d.actors.find((a) => a.id === 'south')!.traits.intel).toBe(0.8);
  });

  it('removes an entry with $remove, and says so when there is nothing to remove', () => {
    const ok = 'extends: ./mini.yaml\nmeta: { id: v, title: V }\nactions:\n  - { id: publish, $remove: true }\n';
    const r = loadScenario('s/v.yaml', memoryReader({ ...base, 's/v.yaml': ok }));
    expect(r.ok && r.scenario.data.actions.map((a) => a.id)).toEqual(['threaten', 'talk', 'call-reserve', 'shots']);
    const bad = ok.replace('id: publish', 'id: pubish');
    const errs = errorsOf({ ...base, 's/v.yaml': bad }, 's/v.yaml');
    expect(errs[0]!.message).toMatch(/'\$remove' names 'pubish'/);
    expect(errs[0]!.file).toBe('s/v.yaml');
  });

  it('locates an error in the variant file when the variant wrote the bad value', () => {
    const variant = 'extends: ./mini.yaml\nmeta: { id: v, title: V }\nactors:\n  - id: south\n    traits: { aggression: 2 }\n';
    const [e] = errorsOf({ ...base, 's/v.yaml': variant }, 's/v.yaml');
    expect(e).toMatchObject({ file: 's/v.yaml', line: 5, path: 'actors[south].traits.aggression' });
  });

  it('reports cycles, missing bases, escapes and a variant without its own id', () => {
    expect(errorsOf({ 's/a.yaml': 'extends: ./b.yaml\nmeta: {id: a}\n', 's/b.yaml': 'extends: ./a.yaml\nmeta: {id: b}\n' }, 's/a.yaml')[0]!.message).toMatch(/extends cycle/);
    expect(errorsOf({ 's/a.yaml': 'extends: ./nope.yaml\n' }, 's/a.yaml')[0]!.message).toMatch(/not found/);
    expect(errorsOf({ 's/a.yaml': 'extends: ../../etc/passwd\n' }, 's/a.yaml')[0]!.message).toMatch(/leaves the scenarios folder/);
    expect(errorsOf({ ...base, 's/a.yaml': 'extends: ./mini.yaml\n' }, 's/a.yaml')[0]!.message).toMatch(/needs its own meta.id/);
  });
});
