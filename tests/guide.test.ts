// The scenario guide holds: its worked example validates and runs from the command line, a variant with
// one changed number validates and changes the run, and every error message it explains is one the
// loader (or npm run calibrate) can really print.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runGame } from '../src/sim/index';
import { cli, load } from './helpers';

const EXAMPLE = 'docs/examples/river-dam.yaml';
const VARIANT = 'docs/examples/river-dam-fearful.yaml';

describe('docs/scenario-format.md', () => {
  it('has a worked example that validates and runs (npm run -s sim -- <it> --seed 1)', () => {
    expect(cli('validate', [EXAMPLE, VARIANT]).status).toBe(0);
    const r = cli('sim', [EXAMPLE, '--seed', '1']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^outcome: /m);
  });

  it('has a variant with only extends and one changed number that changes the trace', () => {
    const text = readFileSync(VARIANT, 'utf8');
    expect(text).toMatch(/^extends: \.\/river-dam\.yaml$/m);
    const base = runGame(load(EXAMPLE), '1');
    const variant = runGame(load(VARIANT), '1');
    expect(variant.turns.map((t) => t.hash)).not.toEqual(base.turns.map((t) => t.hash));
    expect(load(VARIANT).data.pairs[0]!.fear).toBe(0.045);
  });

  it('explains only error messages the loader (or npm run calibrate) can print', () => {
    const guide = readFileSync('docs/scenario-format.md', 'utf8');
    // The first cells of the tables headed "| message |" (part 4, and calibrate's in part 6).
    const messages = guide
      .split(/\n(?=\| message \|)/)
      .slice(1)
      .flatMap((t) => [...t.split('\n\n')[0]!.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]!));
    const source = [...readdirSync('src/sim/scenario').map((f) => `src/sim/scenario/${f}`), 'src/sim/calibration.ts']
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // Each documented message, and where the loader writes it (so the guide cannot drift from the code).
    const PROBES: [RegExp, RegExp][] = [
      [/^syntax error/, /`syntax error: \$\{e\.message\}`/],
      [/^duplicate key/, /`duplicate key: /],
      [/is indented deeper than 'other:'/, /is indented deeper than '\$\{key\}:' on line/],
      [/out of line with the keys above it$/, /out of line with the keys above it/],
      [/^line N is inside a list but lines up/, /is inside a list but lines up with neither its items nor their fields/],
      [/^line N is indented with a tab/, /is indented with a tab`/],
      [/which YAML reads as a second key$/, /contains ': ', which YAML reads as a second key/],
      [/has no space after the colon$/, /has no space after the colon`/],
      [/^the quote opened on line N is never closed/, /the quote opened on line \$\{i \+ 1\} is never closed/],
      [/^the top level must be a mapping/, /the top level must be a mapping/],
      [/^file is empty/, /'file is empty'/],
      [/^missing required field/, /missing required field/],
      [/^unknown field/, /unknown field '\$\{k\}'/],
      [/^expected number, got/, /expected \$\{issue\.expected\}, got/],
      [/^must be at most/, /must be at most/],
      [/^must be one of/, /must be one of/],
      [/^this entry matches none/, /this entry matches none of the allowed shapes/],
      [/^unknown place/, /unknown \$\{what\.replace/],
      [/^duplicate id/, /duplicate id '\$\{item\.id\}'/],
      [/^unknown country code/, /unknown country code '\$\{code\}'/],
      [/is already ukraine's$/, /is already \$\{owner\.get\(code\)\}'s/],
      [/has no countries to take it from the atlas$/, /has no line, and \$\{lacking\} has no countries to take it from the atlas/],
      [/share no land border with b's in the atlas$/, /countries share no land border with \$\{c\}'s in the atlas/],
      [/^south \(N\) is not below north/, /is not below north \(\$\{bounds\.north\}\)/],
      [/^no pair is defined between/, /no pair is defined between/],
      [/^a pair needs two different actors/, /a pair needs two different actors/],
      [/^inverted range/, /inverted range/],
      [/is not a calendar date/, /is not a calendar date/],
      [/^until .* is before from .*: the window is empty/, /until \$\{w\.until\} is before from \$\{w\.from\}: the window is empty/],
      [/^a dated event fires on its date/, /a dated event fires on its date: from and until are for events with a when and no date/],
      [/^no reading for the playable role/, /no reading for the playable role/],
      [/^'score' needs a victory-point track/, /'score' needs a victory-point track for \$\{a\}/],
      [/^loss \(N\) must be below win/, /loss \(\$\{score\.loss\}\) must be below win/],
      [/^a score line reads either a meter or a tension/, /a score line reads either a meter or a tension/],
      [/has no tension goal with an ideal on/, /has no tension goal with an ideal on \[/],
      [/^no outcome has atLimit/, /no outcome has atLimit: true/],
      [/^an event needs a date/, /an event needs a date, a when condition, or both/],
      [/^a playable actor needs a role/, /a playable actor needs a role with a goal/],
      [/^extends cycle/, /extends cycle: /],
      [/^base scenario/, /base scenario '\$\{current\}' not found/],
      [/leaves the scenarios folder/, /leaves the scenarios folder/],
      [/^a variant needs its own meta\.id/, /a variant needs its own meta\.id/],
      [/^not a Brink scenario/, /not a Brink scenario: /],
      [/matches no action in the base, and as a new action it lacks/, /matches no \$\{noun\} in the base, and as a new \$\{noun\} it lacks/],
      [/^'\$remove' names/, /'\$remove' names '\$\{key\}'/],
      [/does not come after/, /\$\{d\} does not come after \$\{prev\}/],
      [/^the variant '.*' is listed twice/, /the variant '\$\{v\.file\}' is listed twice/],
      [/^no calibration section/, /'no calibration section: nothing to calibrate'/],
      [/^variant file '.*' not found/, /variant file '\$\{vFile \?\? v\.file\}' not found/],
      [/is not a variant of this scenario/, /'\$\{v\.file\}' is not a variant of this scenario/],
      [/^the variant '.*' has no pair/, /the variant '\$\{d\.meta\.id\}' has no pair \$\{pairName\} to follow/],
      [/^the variant '.*' has no outcome/, /the variant '\$\{d\.meta\.id\}' has no outcome '\$\{v\.expect\.outcome\}'/],
    ];
    for (const msg of messages) {
      const probe = PROBES.find(([doc]) => doc.test(msg));
      expect(probe, `the guide explains '${msg}', which no probe covers`).toBeDefined();
      expect(probe![1].test(source), `the loader does not print '${msg}'`).toBe(true);
    }
    expect(messages.length).toBe(PROBES.length);
  });
});
