// Fuzzing the scenario loader (1,000 cases in CI; `npm run fuzz` runs 100,000): every mutation of the
// default scenario is either valid or rejected with located scenario errors — never another exception.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { baseData, check, mutate, mutationArb } from './fuzz-core';

describe('scenario fuzz', () => {
  const base = baseData();

  it('the unmutated scenario loads', () => {
    expect(check(base)).toBeNull();
  });

  it('1,000 mutated scenarios validate or fail with scenario errors, never an exception', () => {
    fc.assert(
      fc.property(mutationArb, (muts) => {
        const problem = check(mutate(base, muts));
        if (problem) throw new Error(problem);
      }),
      { numRuns: 1000, seed: 20220209 },
    );
  });

  it('20 of them also go through the whole file loader (YAML text, line and column)', () => {
    fc.assert(
      fc.property(mutationArb, (muts) => {
        const problem = check(mutate(base, muts), true);
        if (problem) throw new Error(problem);
      }),
      { numRuns: 20, seed: 9 },
    );
  });
});
