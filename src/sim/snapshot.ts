// Saving and hashing the game state: the canonical hash of every turn, and JSON round-trips that
// check the shape of what they read.
import { hashValue } from './hash';
import { STATE_FORMAT, STATE_VERSION, type GameState } from './state';

/**
 * The state's stable hash: the same state gives the same hash in Node and in any browser. It covers the
 * state of play, not which scenario it belongs to (replays carry that apart), so an edited scenario shows
 * the first day it actually changed.
 */
export function hashState(state: GameState): string {
  const { scenario: _scenario, ...play } = state;
  return hashValue(play);
}

/** The state as JSON text. */
export function saveState(state: GameState): string {
  return JSON.stringify(state);
}

/** Reads a saved state back, or throws with what is wrong. */
export function loadState(text: string): GameState {
  const s = JSON.parse(text) as Partial<GameState> | null;
  if (!s || typeof s !== 'object' || s.format !== STATE_FORMAT) throw new Error('not a Brink game state');
  if (s.version !== STATE_VERSION) throw new Error(`state version ${String(s.version)} is not supported (this build reads version ${STATE_VERSION})`);
  return s as GameState;
}
