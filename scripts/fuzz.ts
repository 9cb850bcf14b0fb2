// `npm run fuzz [-- N]`: the scenario fuzzer at full strength (default 100,000 cases, a fresh seed each
// run, printed so a failure can be replayed with `-- N SEED`). Exit 1 on the first failing case.
import fc from 'fast-check';
import { baseData, check, mutate, mutationArb } from '../tests/fuzz-core';

const runs = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? Math.floor(Math.random() * 2 ** 31));
const base = baseData();
let done = 0;
const t0 = performance.now();
process.stdout.write(`fuzzing the scenario loader: ${runs} cases, seed ${seed}\n`);
const result = fc.check(
  fc.property(mutationArb, (muts) => {
    const problem = check(mutate(base, muts));
    if (++done % 5000 === 0) process.stderr.write(`${done} cases (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
    if (problem) throw new Error(problem);
  }),
  { numRuns: runs, seed },
);
const secs = ((performance.now() - t0) / 1000).toFixed(1);
if (result.failed) {
  process.stdout.write(`${fc.defaultReportMessage(result)}\n`);
  process.exitCode = 1;
} else process.stdout.write(`${runs} passed, 0 failed (${secs} s)\n`);
