// The commands of `brink` (./brink.ts): each one's line in `brink help` and its entry file under src/cli (the
// file `npm run <command>` runs), imported only when that command runs; and the help text and the
// "did you mean" for a mistyped name.

/** A command: the one line `brink help` shows, and its entry module (run by importing it). */
export interface Command {
  summary: string;
  load: () => Promise<unknown>;
}

/** Every command, in the order `brink help` lists them. */
export const COMMANDS: Record<string, Command> = {
  validate: { summary: 'check scenario files: file:line:col errors with a hint; exit 1 when one is invalid (--lint: also warn about likely mistakes)', load: () => import('./validate') },
  sim: { summary: 'play one game (a per-turn table, or --json), the odds over --runs N seeds, which parameters matter (--sensitivity) or a --sweep', load: () => import('./sim') },
  replay: { summary: 'verify a replay file against its scenario (--notes: print its notes); A.json B.json, --twin or --variant FILE compare two runs', load: () => import('./replay') },
  balance: { summary: 'play every role with every bot over 400 seeds: the balance report', load: () => import('./balance') },
  calibrate: { summary: "play a scenario and its variants over 2,000 seeds against its calibration: targets", load: () => import('./calibrate') },
  bench: { summary: "measure the model's speed and the built game's in headless Chromium", load: () => import('./bench') },
  schema: { summary: 'write (or --check) scenarios/scenario.schema.json and docs/scenario-fields.md', load: () => import('./schema') },
};

/** The list of commands, as `brink help` prints it. */
export function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    'usage: brink <command> [args…]',
    '',
    'commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    "brink <command> --help gives a command's options (sim, replay, balance, calibrate). The same commands run as",
    'npm run -s <command> -- [args…].',
  ].join('\n');
}

/** The edit distance between two short words (for "did you mean"). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length]!;
}

/** The command a mistyped name most likely meant, if one is close. */
export function closest(name: string): string | undefined {
  const near = Object.keys(COMMANDS)
    .map((c) => ({ c, d: c.startsWith(name) ? 0 : distance(name, c) }))
    .sort((x, y) => x.d - y.d)[0];
  return near && near.d <= 2 ? near.c : undefined;
}

