// The outcomes' colours in the Odds panel: a fixed categorical palette by the outcome's place in the
// scenario (so "after" and "before", bars and histogram agree), readable on the dark panels and never
// contrasting red with green. Scenarios list the dramatic ends first, so they get the warm colours.
const PALETTE = ['#e8605a', '#f08a3c', '#b48ce6', '#5aa9e6', '#d9c9a3', '#8593a8', '#f2b33d', '#6fc2d9', '#e28bb8', '#a3b86c'];

/** The colour of the outcome at `index` in the scenario's outcome order. */
export function outcomeColour(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}
