// The model's one source of randomness: seedrandom's alea, whose state is plain data kept in the game state.
// seedrandom seeds the generator (Baagoe's Mash); each step then continues the stream from the stored
// state with alea's own recurrence, restated here so that a turn does not rebuild the library's closures.
// A test checks draw for draw that this continuation equals seedrandom's.
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

/** Alea's recurrence (Johannes Baagoe), exactly as seedrandom/lib/alea.js computes it. */
class AleaStream implements Rng {
  private c: number;
  private s0: number;
  private s1: number;
  private s2: number;

  constructor(state: RngState) {
    this.c = state.c;
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
  }

  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return this.s2;
  }

  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  state(): RngState {
    return { c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 };
  }
}

/** A generator seeded from a seed string (any text: "7", "2022-02-09", "my class"). */
export function seedRng(seed: string): Rng {
  return new AleaStream(alea(seed, { state: true }).state());
}

/** A generator that continues from a stored state. */
export function restoreRng(state: RngState): Rng {
  return new AleaStream(state);
}
