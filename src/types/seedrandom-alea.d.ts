// Types for seedrandom's alea module, imported directly (not through seedrandom's index, which pulls in node's crypto).
declare module 'seedrandom/lib/alea.js' {
  export interface AleaState {
    c: number;
    s0: number;
    s1: number;
    s2: number;
  }
  export interface AleaPrng {
    (): number;
    int32(): number;
    double(): number;
    quick(): number;
    state(): AleaState;
  }
  export default function alea(seed?: string, options?: { state?: boolean | AleaState }): AleaPrng;
}
