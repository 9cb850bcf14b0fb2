// The scenario linter (`validate --lint`, src/sim/scenario/lint.ts): on a fixture with one of each
// mistake it gives exactly the warnings of a named table (rule, line, text), each as
// file:line:col path: message [rule] — hint; a scenario's lint.allow acknowledges a warning (a variant's
// list adds to its base's) and a stale entry is reported; the lint section leaves the hash alone;
// warnings do not fail validation; the bundled scenarios give no warning that they do not explain.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError, lintFile, LINT_SEEDS, type LintReport, type LintWarning } from '../src/sim/index';
import { LINT_RULES } from '../src/sim/scenario/schema';
import { diskReader } from '../src/cli/files';
import { cli, load, memoryReader } from './helpers';

const FIXTURE = 'tests/fixtures/lint-mistakes.yaml';
const fixture = readFileSync(FIXTURE, 'utf8');

function reportOf(file: string, reader = diskReader): LintReport {
  const r = lintFile(file, reader);
  if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
  return r.report;
}

/**
 * The golden table: one case per mistake in the fixture. `line` is where the warning points (the entry
 * the mistake is in), `at` what that line of the fixture holds, `text` a fragment of the message.
 */
const MISTAKES: { name: string; rule: LintWarning['rule']; line: number; at: string; text: string }[] = [
  { name: 'an actor no action lists', rule: 'idle-actor', line: 61, at: '- id: monitors', text: "'The monitors' has nothing to do: no action lists it among its actors" },
  { name: 'a public boast before the news breaks', rule: 'early-public-move', line: 110, at: '- id: boast', text: "'Boast of the army' is a public move that North can make on day 1 (2030-03-01), before the event 'news-breaks' makes the crisis public on day 4 (2030-03-04)" },
  { name: 'a reserve of 3,000 that must reach 30,000', rule: 'unreachable-action', line: 131, at: '- id: call-reserve', text: "no actor can take 'call-reserve': it was available to none of its actors (north) on any day of" },
  { name: 'an ultimatum that starts the war', rule: 'losing-card', line: 154, at: '- id: ultimatum', text: "South loses 100% of 40 games when it plays 'Send an ultimatum' whenever it can" },
  { name: 'the scripted shots that can also happen at random', rule: 'duplicate-incident', line: 166, at: '- id: shots', text: "the incident 'shots' can happen at random as well as in the scripted event 'first-shots' (it performs the incident)" },
  { name: 'a 40-day condition in a 30-day game', rule: 'outcome-never-fires', line: 205, at: '- id: frozen', text: "the outcome 'frozen' ended none of" },
  { name: 'an acknowledgement of a warning that does not come', rule: 'stale-allow', line: 226, at: 'rule: unreachable-action, path: "actions[talk]"', text: "lint.allow acknowledges 'unreachable-action' at actions[talk], but the linter gives no such warning" },
];

describe('the linter on a fixture with each mistake', () => {
  const report = reportOf(FIXTURE);

  it.each(MISTAKES)('$rule: $name (line $line)', (c) => {
    expect(fixture.split('\n')[c.line - 1], `line ${c.line} of the fixture`).toContain(c.at);
    const w = report.warnings.find((x) => x.rule === c.rule);
    expect(w, `no ${c.rule} warning`).toBeDefined();
    expect({ file: w!.file, line: w!.line, rule: w!.rule }).toEqual({ file: FIXTURE, line: c.line, rule: c.rule });
    expect(w!.message).toContain(c.text);
    expect(w!.hint.length).toBeGreaterThan(20);
  });

  it('gives those warnings and no other, in file order, each as file:line:col path: message [rule] — hint', () => {
    expect(report.warnings.map((w) => [w.rule, w.line])).toEqual([...MISTAKES].sort((a, b) => a.line - b.line).map((c) => [c.rule, c.line]));
    for (const w of report.warnings) expect(formatError(w)).toMatch(new RegExp(`^${FIXTURE}:\\d+:\\d+ [a-z]+(\\.allow)?\\[[a-z0-9-]+\\]: .+ \\[${w.rule}\\] — .+`));
    expect(report.publicEvent).toEqual({ id: 'news-breaks', named: false });
    expect(report.observerGames).toBe(LINT_SEEDS);
  });

  it('keeps an acknowledged warning out of the warnings, with its reason', () => {
    expect(report.acknowledged).toEqual([
      { warning: expect.objectContaining({ rule: 'idle-actor', path: 'actors[press]', line: 66 }), reason: 'The press is only acted upon in this crisis.' },
    ]);
  });

  it('checks the card of every role and gives the same report twice (fixed seeds)', () => {
    expect(report.cardsSkipped).toEqual([]);
    expect(report.cardGames).toBeGreaterThan(40);
    expect(reportOf(FIXTURE)).toEqual(report);
  });
});

describe('lint.allow', () => {
  const base = fixture.replace(/^lint:\n[\s\S]*$/m, '');
  const variant = (allow: string): string => `extends: ./base.yaml\nmeta: { id: v, title: V }\n${allow}`;

  it("adds a variant's own acknowledgements to its base's; only the file's own stale ones are reported", () => {
    const files = {
      's/base.yaml': `${base}lint:\n  allow:\n    - { rule: idle-actor, reason: Nobody watches here. }\n    - { rule: losing-card, path: "actions[talk]", reason: Stale in the base. }\n`,
      's/v.yaml': variant('lint:\n  allow:\n    - { rule: early-public-move, path: "actions[boast]", reason: Boasting is meant. }\n'),
    };
    const r = reportOf('s/v.yaml', memoryReader(files));
    expect(r.acknowledged.map((a) => [a.warning.rule, a.warning.path, a.warning.file])).toEqual([
      ['idle-actor', 'actors[monitors]', 's/base.yaml'],
      ['idle-actor', 'actors[press]', 's/base.yaml'],
      ['early-public-move', 'actions[boast]', 's/base.yaml'],
    ]);
    expect(r.warnings.map((w) => w.rule)).not.toContain('stale-allow');
    expect(r.warnings.map((w) => w.rule)).not.toContain('early-public-move');
    // The base linted by itself reports its stale entry.
    expect(reportOf('s/base.yaml', memoryReader(files)).warnings.filter((w) => w.rule === 'stale-allow').map((w) => w.path)).toEqual(['lint.allow[1]']);
  });

  it('names the public event when the rule would pick another (lint.publicFrom), and the hash ignores the section', () => {
    const files = { 's/base.yaml': `${base}lint: { publicFrom: first-shots }\n` };
    const r = reportOf('s/base.yaml', memoryReader(files));
    expect(r.publicEvent).toEqual({ id: 'first-shots', named: true });
    // Talks open on day 4, threats and the ultimatum once the news breaks: before the shots of day 6, so now they warn too.
    expect(r.warnings.filter((w) => w.rule === 'early-public-move').map((w) => w.path)).toEqual(['actions[threaten]', 'actions[talk]', 'actions[boast]', 'actions[ultimatum]']);
    expect(r.warnings.find((w) => w.path === 'actions[talk]')?.message).toMatch(/North can make on day 4 \(2030-03-04\), before the event 'first-shots'/);
    const noLint = lintFile('s/x.yaml', memoryReader({ 's/x.yaml': base }));
    const withLint = lintFile('s/base.yaml', memoryReader(files));
    expect(noLint.ok && withLint.ok && noLint.scenario.hash === withLint.scenario.hash).toBe(true);
  });

  it('refuses an unknown rule and an unknown publicFrom event, as errors', () => {
    const errorsOf = (lint: string): string[] => {
      const r = lintFile('s/x.yaml', memoryReader({ 's/x.yaml': `${base}${lint}` }));
      return r.ok ? [] : r.errors.map(formatError);
    };
    expect(errorsOf('lint:\n  allow:\n    - { rule: dull-card, reason: x }\n')).toEqual([expect.stringMatching(/^s\/x\.yaml:\d+:15 lint\.allow\[0\]\.rule: must be one of: "early-public-move", /)]);
    expect(errorsOf('lint: { publicFrom: news-brakes }\n')).toEqual([expect.stringMatching(/^s\/x\.yaml:\d+:\d+ lint\.publicFrom: unknown event 'news-brakes' — did you mean 'news-breaks'\?$/)]);
  });
});

describe('npm run -s validate -- --lint', () => {
  it('prints the warnings on stderr and still exits 0; an invalid file still exits 1', () => {
    const r = cli('validate', ['--lint', FIXTURE]);
    expect(r.status).toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(MISTAKES.length);
    expect(r.stderr).toContain(`${FIXTURE}:110:5 actions[boast]: 'Boast of the army' is a public move`);
    expect(r.stdout).toMatch(/lint-mistakes\.yaml:66:5 actors\[press\]: acknowledged \[idle-actor\] — The press is only acted upon/);
    expect(r.stdout).toMatch(/lint — 7 warnings, 1 acknowledged in lint\.allow \(200 observer games on seeds 1–200; the card check: \d+ games, at most 40 seeds per card/);
    const bad = cli('validate', ['--lint', 'tests/fixtures/does-not-exist.yaml']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/does-not-exist\.yaml:1:1 file not found/);
  });
});

describe('the bundled scenarios', () => {
  const files = readdirSync('scenarios').filter((f) => /\.ya?ml$/.test(f));

  it.each(files)('scenarios/%s gives no warning it does not explain in lint.allow', (f) => {
    const r = reportOf(`scenarios/${f}`);
    expect(r.warnings.map(formatError)).toEqual([]);
    for (const a of r.acknowledged) expect(a.reason.length).toBeGreaterThan(40);
  }, 120_000);

  it('are the files the guide documents the rules for: every rule has its line in docs/scenario-format.md', () => {
    const guide = readFileSync('docs/scenario-format.md', 'utf8');
    for (const rule of [...LINT_RULES, 'stale-allow']) expect(guide, rule).toContain(`| \`${rule}\``);
    expect(load('scenarios/allied-resolve-2022.yaml').data.lint?.allow.length).toBeGreaterThan(0);
  });
});
