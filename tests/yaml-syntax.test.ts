// YAML syntax errors, as a modder meets them: each common mistake is reported once, at the line to fix
// (not the line where the parser tripped), with what to do. A named table: each case says what it shows.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/sim/index';
import { cli, memoryReader } from './helpers';

function errorsOf(text: string) {
  const r = loadScenario('s/test.yaml', memoryReader({ 's/test.yaml': text }));
  if (r.ok) throw new Error('expected errors');
  return r.errors.map((e) => ({ line: e.line, column: e.column, message: e.message, hint: e.hint ?? '' }));
}

interface Case {
  name: string;
  text: string;
  /** The one error: line, column, message and a word of its hint. */
  line: number;
  column: number;
  message: RegExp;
  hint: RegExp;
}

const CASES: Case[] = [
  {
    name: 'a key indented deeper than the key above, which has a value: the deeper line, not the value above',
    text: 'meta:\n  id: x\n  start: 2022-01-01\n   summary: one too many\nactors: []\n',
    line: 4,
    column: 4,
    message: /^line 4 \('summary:'\) is indented deeper than 'start:' on line 3, which already has a value$/,
    hint: /2 spaces before 'start:'/,
  },
  {
    name: 'the same inside a list item',
    text: 'actors:\n  - id: a\n    name: A\n      colour: red\n',
    line: 4,
    column: 7,
    message: /^line 4 \('colour:'\) is indented deeper than 'name:' on line 3/,
    hint: /line it up/,
  },
  {
    name: 'a key indented less than its neighbours',
    text: 'meta:\n  id: x\n  title: T\n summary: one too few\nactors: []\n',
    line: 4,
    column: 2,
    message: /^line 4 starts at column 2, out of line with the keys above it \(line 3 starts at column 3\)$/,
    hint: /indent it like the other keys/,
  },
  {
    name: "a list item's field indented less than its other fields",
    text: 'actors:\n  - id: a\n    name: A\n   colour: red\n',
    line: 4,
    column: 4,
    message: /^line 4 is inside a list but lines up with neither its items nor their fields$/,
    hint: /indent it like line 3 \(4 spaces\)/,
  },
  { name: 'a tab as indentation', text: 'meta:\n\tid: x\n', line: 2, column: 1, message: /^line 2 is indented with a tab$/, hint: /spaces only/ },
  { name: 'no space after the colon', text: 'meta:\n  id:x\n  title: T\n', line: 2, column: 3, message: /^'id:x' on line 2 has no space after the colon$/, hint: /write 'id: …'/ },
  { name: 'a colon and a space inside a plain value', text: 'meta:\n  title: War: the sequel\n', line: 2, column: 10, message: /contains ': ', which YAML reads as a second key$/, hint: /title: "War: the sequel"/ },
  { name: 'a quote never closed: the line that opens it', text: "meta:\n  id: 'x\n  title: T\n", line: 2, column: 7, message: /^the quote opened on line 2 is never closed$/, hint: /end the text with '/ },
];

describe('YAML syntax errors', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const errs = errorsOf(c.text);
      expect(errs).toHaveLength(1);
      expect(errs[0]).toMatchObject({ line: c.line, column: c.column });
      expect(errs[0]!.message).toMatch(c.message);
      expect(errs[0]!.hint).toMatch(c.hint);
    });
  }

  it('reports the bad-indent fixture once, at its own line, with what to do (npm run validate)', () => {
    const r = cli('validate', ['tests/fixtures/bad-indent.yaml']);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^tests\/fixtures\/bad-indent\.yaml:11:7 line 11 \('fatigue:'\) is indented deeper than 'fear:' on line 10, which already has a value — line it up/), '1 of 1 file invalid']);
  });
});
