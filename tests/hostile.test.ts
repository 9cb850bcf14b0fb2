// Hostile scenario files: each class gets a clear error naming the file, exit 1 from validate, no stack
// trace, and no prototype pollution (timings are in docs/robustness.md, not asserted here) — empty, binary, wrong root type, alias bomb, deep nesting,
// huge strings and files, __proto__/constructor keys, NaN/Infinity/1e308, duplicate keys, extends tricks.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cli, MINI } from './helpers';
import { loadScenario } from '../src/sim/index';

const dir = mkdtempSync(join(tmpdir(), 'brink-hostile-'));
const mini = readFileSync(MINI, 'utf8');

function bomb(): string {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let prev = 'a';
  for (const n of 'bcdefghi') {
    text += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
    prev = n;
  }
  return text;
}

const FILES: Record<string, [string | Buffer, RegExp]> = {
  'empty.yaml': ['', /file is empty/],
  'binary.yaml': [Buffer.concat([randomBytes(500), Buffer.from([0]), randomBytes(500)]), /binary/],
  'string.yaml': ['"just text"\n', /top level must be a mapping.*got string/],
  'list.yaml': ['- 1\n- 2\n', /top level must be a mapping.*got a list/],
  'bomb.yaml': [bomb(), /alias/],
  'deep.yaml': [`a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, /nesting is too deep|syntax error/],
  'bigstring.yaml': [`meta:\n  id: x\n  title: "${'x'.repeat(1_500_000)}"\n`, /too long/],
  'huge.yaml': [`# ${'x'.repeat(3_000_000)}\n`, /too large/],
  'proto.yaml': ['__proto__:\n  polluted: true\nmeta: {id: p}\n', /'__proto__' is not allowed/],
  'constructor.yaml': [mini.replace('meta:\n', 'constructor:\n  prototype: { polluted: true }\nmeta:\n'), /unknown field 'constructor'/],
  'numbers.yaml': [mini.replace('tension: 30,', 'tension: .nan,').replace('fatigue: 0.05', 'fatigue: .inf').replace('forceThreat: 0.1', 'forceThreat: 1e308'), /finite number, got NaN/],
  'negative.yaml': [mini.replace('cooldown: 2', 'cooldown: -3').replace('strength: [2000, 6000]', 'strength: [6000, 2000]'), /inverted range|at least 0/],
  'dupkeys.yaml': ['meta: {id: a}\nmeta: {id: b}\n', /duplicate key/],
  'cycle-a.yaml': ['extends: ./cycle-b.yaml\nmeta: {id: a}\n', /extends cycle/],
  'cycle-b.yaml': ['extends: ./cycle-a.yaml\nmeta: {id: b}\n', /extends cycle/],
  'escape.yaml': ['extends: ../../../../etc/passwd\nmeta: {id: e}\n', /leaves the scenarios folder/],
  'nobase.yaml': ['extends: ./missing.yaml\nmeta: {id: n}\n', /not found/],
  'badref.yaml': [mini.replace('location: camp }', 'location: cmap }'), /unknown place 'cmap'/],
};

describe('hostile scenario files', () => {
  for (const [name, [content]] of Object.entries(FILES)) writeFileSync(join(dir, name), content);

  it('each gets exit 1 and a clear error naming the file, no stack trace', () => {
    const names = Object.keys(FILES);
    const r = cli('validate', names.map((n) => join(dir, n)));
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    for (const [name, [, expected]] of Object.entries(FILES)) {
      const lines = r.stderr.split('\n').filter((l) => l.startsWith(join(dir, name) + ':'));
      expect(lines.length, `${name} has no error line`).toBeGreaterThan(0);
      expect(lines.join('\n'), name).toMatch(expected);
    }
    expect(r.stderr).toMatch(new RegExp(`${names.length} of ${names.length} files invalid`));
  });

  it('pollutes no prototype when loaded in this process', () => {
    for (const name of ['proto.yaml', 'constructor.yaml']) {
      const text = readFileSync(join(dir, name), 'utf8');
      const r = loadScenario('s/x.yaml', { read: (p) => (p === 's/x.yaml' ? text : undefined) });
      expect(r.ok).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});
