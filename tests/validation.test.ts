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

  it('points an unclosed bracket at the bracket itself, not at the line after', () => {
    // The parser notices on line 4, column 1; the '[' is on line 3, column 10.
    const errs = errorsOf({ 's/test.yaml': 'meta:\n  id: x\n  title: [unclosed\nactors: []\n' });
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ line: 3, column: 10, message: "syntax error: the '[' here is not closed" });
    expect(errs[0]!.hint).toMatch(/^add '\]' where the list ends/);
    // A mapping, in JSON: the '{' that opens the file.
    expect(errorsOf({ 's/test.json': '{"meta": {"id": "x"}\n' }, 's/test.json')).toEqual([
      expect.objectContaining({ line: 1, column: 1, message: "syntax error: the '{' here is not closed", hint: expect.stringMatching(/^add '\}' where the mapping ends/) }),
    ]);
    // Closed by the wrong kind of bracket: one error, at the '[', naming the '}' that took its place
    // (not a second one for the '{' whose '}' it took).
    const wrong = errorsOf({ 's/test.json': '{"meta": {"sources": [1, 2}\n}\n' }, 's/test.json');
    expect(wrong).toHaveLength(1);
    expect(wrong[0]).toMatchObject({ line: 1, column: 22, message: "syntax error: the '[' here is not closed: the '}' at line 1, column 27 comes before its ']'" });
    // Two separate unclosed lists: both, each at its own bracket.
    expect(errorsOf({ 's/test.yaml': 'meta: [1\nactors: [2\n' }).map((e) => [e.line, e.column])).toEqual([
      [1, 7],
      [2, 9],
    ]);
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

  it('explains a comma inside { } that started a new key, and shows the line with the text quoted', () => {
    const line = '  - { id: camp, name: Homestead, south Florida staging, lon: 10, lat: 51.2, country: north, kind: base }';
    const text = mini.replace('  - { id: camp, name: Border Camp, lon: 10, lat: 51.2, country: north, kind: base }', line);
    const [e, ...rest] = errorsOf({ 's/test.yaml': text });
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ line: lineOf(text, 'south Florida'), column: line.indexOf('south') + 1, path: 'places[camp].south Florida staging', message: "unknown field 'south Florida staging'" });
    expect(e!.hint).toBe('the comma after \'Homestead\' started a new key inside { }: text that contains a comma needs quotes. Fixed: - { id: camp, name: "Homestead, south Florida staging", lon: 10, lat: 51.2, country: north, kind: base }');
    // Two commas: both keys get the hint, with the whole text quoted; a key written with ':' keeps the usual hint.
    const two = errorsOf({ 's/test.yaml': mini.replace('name: Border Camp,', 'name: Camp, north, side,') });
    expect(two.map((x) => x.hint)).toEqual([0, 1].map(() => expect.stringContaining('Fixed: - { id: camp, name: "Camp, north, side", lon: 10')));
    expect(errorsOf({ 's/test.yaml': mini.replace('name: Border Camp,', 'name: Border Camp, capitol: true,') })[0]!.hint).toBe("did you mean 'capital'?");
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

  it('says once that a file with none of the sections is not a scenario at all', () => {
    const pkg = '{\n  "name": "brink",\n  "version": "0.1.0",\n  "private": true,\n  "type": "module",\n  "scripts": { "dev": "vite" }\n}\n';
    const errs = errorsOf({ 's/package.json': pkg }, 's/package.json');
    expect(errs).toEqual([
      {
        file: 's/package.json',
        line: 1,
        column: 1,
        path: '',
        message: 'not a Brink scenario: none of its top-level keys (name, version, private, type, …) is a scenario section',
        hint: "a scenario's top level holds meta:, places:, actors:, pairs:, actions: and outcomes: (a variant holds extends: and what it changes); see docs/scenario-format.md for a worked example",
      },
    ]);
    // YAML too, pointed at its first key (after any comments); and a base reached through extends.
    const [y] = errorsOf({ 's/test.yaml': '# notes\nitems: [a, b]\n' });
    expect(y).toMatchObject({ line: 2, column: 1, message: "not a Brink scenario: its only top-level key, items, is not a scenario section" });
    const [b] = errorsOf({ 's/v.yaml': 'extends: ./list.yaml\nmeta: { id: v }\n', 's/list.yaml': 'name: x\nitems: []\n' }, 's/v.yaml');
    expect(b).toMatchObject({ file: 's/list.yaml', message: expect.stringMatching(/^not a Brink scenario/) });
    // A misspelt section is a scenario with a typo, not another kind of file.
    const typo = errorsOf({ 's/test.yaml': 'mata: { id: x }\n' });
    expect(typo.some((e) => e.message === "unknown field 'mata'" && e.hint === "did you mean 'meta'?")).toBe(true);
    expect(typo.some((e) => /not a Brink scenario/.test(e.message))).toBe(false);
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

  it('says when a variant entry matches nothing in the base (a mistyped id or pair), with the closest one', () => {
    const variant = 'extends: ./mini.yaml\nmeta: { id: v, title: V }\npairs:\n  - between: [north, soutth]\n    fear: 0.2\nactions: [{ id: thraeten, cooldown: 2 }]\n';
    const errs = errorsOf({ ...base, 's/v.yaml': variant }, 's/v.yaml');
    // One error per entry, at the entry, and no "missing required field" for the fields it lacks.
    expect(errs).toEqual([
      {
        file: 's/v.yaml',
        line: 4,
        column: 5,
        path: 'pairs[north-soutth]',
        message: '[north, soutth] matches no pair in the base, and as a new pair it lacks tension',
        hint: 'did you mean [north, south]? Fix the actors to change that pair, or give every required field to add a new pair',
      },
      {
        file: 's/v.yaml',
        line: 6,
        column: 11,
        path: 'actions[thraeten]',
        message: "'thraeten' matches no action in the base, and as a new action it lacks name, actors, kind, goldstein, text",
        hint: "did you mean 'threaten'? Fix the id to change that action, or give every required field to add a new action",
      },
    ]);
    // Other errors of the file are still reported, after these.
    const more = errorsOf({ ...base, 's/v.yaml': `${variant}actors:\n  - id: south\n    traits: { aggression: 2 }\n` }, 's/v.yaml');
    expect(more.map((e) => e.path)).toEqual(['pairs[north-soutth]', 'actions[thraeten]', 'actors[south].traits.aggression']);
    // Nothing close: the actor that does not exist, or the ids there are.
    const far = errorsOf({ ...base, 's/v.yaml': 'extends: ./mini.yaml\nmeta: { id: v, title: V }\npairs:\n  - { between: [north, westland], fear: 0.2 }\nactions:\n  - { id: something-else, cooldown: 2 }\n' }, 's/v.yaml');
    expect(far.map((e) => e.hint)).toEqual([
      "unknown actor 'westland': known actors: north, south; fix the actors to change that pair, or give every required field to add a new pair",
      'known actions: threaten, talk, call-reserve, publish, shots; fix the id to change that action, or give every required field to add a new action',
    ]);
  });

  it('adds a complete new entry as before, and reports a complete one with a wrong reference as before', () => {
    const add = 'extends: ./mini.yaml\nmeta: { id: v, title: V }\nactions:\n  - { id: sulk, name: Sulk, actors: [south], kind: rhetoric, goldstein: -1, text: "{actor} sulks" }\n';
    const r = loadScenario('s/v.yaml', memoryReader({ ...base, 's/v.yaml': add }));
    expect(r.ok && r.scenario.data.actions.map((a) => a.id)).toEqual(['threaten', 'talk', 'call-reserve', 'publish', 'shots', 'sulk']);
    const pair = 'extends: ./mini.yaml\nmeta: { id: v, title: V }\npairs:\n  - { between: [north, soutth], tension: 10 }\n';
    const [e] = errorsOf({ ...base, 's/v.yaml': pair }, 's/v.yaml');
    expect(e).toMatchObject({ path: 'pairs[north-soutth].between[1]', message: "unknown actor 'soutth'", hint: "did you mean 'south'?" });
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
