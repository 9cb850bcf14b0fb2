// The model's one source of randomness: seedrandom's alea, whose state is plain data kept in the game state.
// A step restores the generator from that state, draws, and writes the new state back, so steps stay pure.
import alea, { type AleaState } from 'seedrandom/lib/alea.js';

export type RngState = AleaState;

export interface Rng {
  /** A uniform draw in [0, 1). */
  next(): number;
  /** A uniform draw in [lo, hi). */
  between(lo: number, hi: number): number;
  /** A uniform integer in [0, n). */
  int(n: number): number;
  /** The generator's state now, to store in the game state. */
  state(): RngState;
}

function wrap(prng: ReturnType<typeof alea>): Rng {
  return {
    next: () => prng(),
    between: (lo, hi) => lo + (hi - lo) * prng(),
    int: (n) => Math.floor(prng() * n),
    state: () => prng.state(),
  };
}

/** A generator seeded from a seed string (any text: "7", "2022-02-09", "my class"). */
export function seedRng(seed: string): Rng {
  return wrap(alea(seed, { state: true }));
}

/** A generator that continues from a stored state. */
export function restoreRng(state: RngState): Rng {
  return wrap(alea('', { state: { c: state.c, s0: state.s0, s1: state.s1, s2: state.s2 } }));
}
