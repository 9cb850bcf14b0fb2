// The game state: plain, JSON-serialisable data (numbers, strings, arrays), including the generator's
// state. Save it, load it, continue, and the run is identical. Indices follow the compiled model's tables.
import type { RngState } from './rng';
import { seedRng } from './rng';
import { type Model, compile, forceSlot, meterSlot } from './model';
import type { Scenario } from './scenario/load';
import { bandIndex } from './ladder';
import { FIXED_SLOTS } from './ledger';

export const STATE_FORMAT = 'brink-state';
export const STATE_VERSION = 2;

export interface GameState {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  scenario: { id: string; hash: string };
  seed: string;
  rng: RngState;
  /** Turns completed; the next step plays turn + 1. */
  turn: number;
  /** Actors played by people (their actions come from orders). */
  humans: string[];
  /** Per pair, 0–100. */
  tension: number[];
  /** The ledger: pair × (ledgerSize + 1) slots of causes (numbers into the model's causeNames; −1 = free) and amounts; a pair's amounts times its scale sum to its tension. */
  ledgerCauses: number[];
  ledgerAmounts: number[];
  /** Per pair: the factor every stored ledger amount is multiplied by (fatigue applied lazily). */
  ledgerScale: number[];
  /** actor × meter. */
  meters: number[];
  forces: { strength: number[]; place: number[]; active: boolean[] };
  /** observer actor × force: what each actor believes a force's strength to be. */
  estimates: number[];
  /** What each goal with an ideal aims for now (by the model's idealRanges): drawn at the start where the
   * scenario gives a range (hidden from the other actors), moved by aim effects. */
  ideals: number[];
  /** Per slot of ideals: how far aim effects have moved it in all. */
  aims: number[];
  /** Only in scenarios with moves not everyone sees (the model's `secrets`): per actor × slot of ideals,
   * the part of `aims` that actor did not see (it fades with it). */
  unseenAims?: number[];
  /** The same: per actor × use slot, how often that actor saw the action taken (its `used` requirements read this for moves that are not public). */
  seenUses?: number[];
  /** Per actor: its victory points so far (0 for actors without a role score). */
  score: number[];
  /** Per stated position (actor × topic with a stance; see the model's commitSlot): how committed the actor is to it (audience costs). */
  commitment: number[];
  /** Per use slot (an actor–action combination that can happen; see the model's useSlot): the turn it was last taken deliberately (0: never; −turn: a scripted event took it that day and no cooldown runs), and how often (scripted uses included). */
  lastUsed: number[];
  uses: number[];
  /** Per scripted event: 0 pending, 1 resolved without happening (its condition or chance failed), 2 fired. */
  fired: number[];
  /** Per outcome: the turns in a row its condition has held. */
  sustain: number[];
  /** The overall band shown on the ladder (it falls back only past a firebreak). */
  band: number;
  outcome: { id: string; turn: number; blame: string | null } | null;
}

export interface GameOptions {
  /** The actor a person plays; undefined or "observer" for none. */
  role?: string;
}

/** The seeded draw of a value that may be a [low, high] range. */
export function drawRange(r: number | [number, number], next: () => number): number {
  return Array.isArray(r) ? r[0] + (r[1] - r[0]) * next() : r;
}

/** The opening ledger: per pair, its fixed slots (the starting tension on the first), then free slots.
 * (Loops, not spreads: this was most of the cost of a new game.) */
function openingLedger(pairs: readonly { tension: number }[], size: number): { causes: number[]; amounts: number[] } {
  const causes: number[] = [];
  const amounts: number[] = [];
  for (const p of pairs) {
    for (let j = 0; j <= size; j++) {
      causes.push(j < FIXED_SLOTS.length ? FIXED_SLOTS[j]! : -1);
      amounts.push(j === 0 ? p.tension : 0);
    }
  }
  return { causes, amounts };
}

/** A new game: the scenario's opening position, with the true values of uncertain numbers drawn from the seed. */
export function createGame(scenario: Scenario, seed: string | number, options: GameOptions = {}): GameState {
  const m: Model = compile(scenario);
  const d = m.data;
  const seedText = String(seed);
  const rng = seedRng(seedText);
  const role = options.role && options.role !== 'observer' ? options.role : undefined;
  if (role !== undefined && !m.actorIndex.has(role)) {
    throw new Error(`unknown role '${role}': playable roles are ${d.actors.filter((a) => a.playable).map((a) => a.id).join(', ')}`);
  }
  const meters = new Array<number>(m.nA * m.nM);
  d.actors.forEach((a, i) => d.meters.forEach((def, j) => (meters[meterSlot(m, i, j)] = a.meters[def.id] ?? def.initial)));
  const strength = d.forces.map((f) => drawRange(f.strength, () => rng.next()));
  const ideals = m.idealRanges.map((r) => drawRange(r, () => rng.next()));
  const estimates = new Array<number>(m.nA * m.nF);
  for (let o = 0; o < m.nA; o++) {
    d.forces.forEach((f, j) => {
      const guess = Array.isArray(f.strength) ? (f.strength[0] + f.strength[1]) / 2 : f.strength;
      estimates[forceSlot(m, o, j)] = m.forceOwner[j] === o ? strength[j]! : guess;
    });
  }
  const commitment = m.commitOf.map((i) => Math.abs(m.stance[i]!));
  const ledger = openingLedger(d.pairs, d.rules.ledgerSize);
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    scenario: { id: d.meta.id, hash: scenario.hash },
    seed: seedText,
    rng: rng.state(),
    turn: 0,
    humans: role ? [role] : [],
    tension: d.pairs.map((p) => p.tension),
    ledgerCauses: ledger.causes,
    ledgerAmounts: ledger.amounts,
    ledgerScale: d.pairs.map(() => 1),
    meters,
    forces: { strength, place: d.forces.map((f) => m.placeIndex.get(f.location)!), active: d.forces.map((f) => f.active) },
    estimates,
    ideals,
    aims: ideals.map(() => 0),
    ...(m.secrets ? { unseenAims: new Array<number>(m.nA * ideals.length).fill(0), seenUses: new Array<number>(m.nA * m.nUseSlots).fill(0) } : {}),
    score: new Array<number>(m.nA).fill(0),
    commitment,
    lastUsed: new Array<number>(m.nUseSlots).fill(0),
    uses: new Array<number>(m.nUseSlots).fill(0),
    fired: new Array<number>(d.events.length).fill(0),
    sustain: new Array<number>(d.outcomes.length).fill(0),
    band: bandIndex(m, Math.max(0, ...d.pairs.filter((p) => p.counts).map((p) => p.tension))),
    outcome: null,
  };
}

/** A deep copy made for one step: arrays are copied, so the input state is never changed. (Written out
 * field by field: an object spread here made the copy three times slower.) */
export function cloneState(s: GameState): GameState {
  const out: GameState = {
    format: s.format,
    version: s.version,
    scenario: s.scenario,
    seed: s.seed,
    rng: s.rng,
    turn: s.turn,
    humans: s.humans.slice(),
    tension: s.tension.slice(),
    ledgerCauses: s.ledgerCauses.slice(),
    ledgerAmounts: s.ledgerAmounts.slice(),
    ledgerScale: s.ledgerScale.slice(),
    meters: s.meters.slice(),
    forces: { strength: s.forces.strength.slice(), place: s.forces.place.slice(), active: s.forces.active.slice() },
    estimates: s.estimates.slice(),
    ideals: s.ideals.slice(),
    aims: s.aims.slice(),
    score: s.score.slice(),
    commitment: s.commitment.slice(),
    lastUsed: s.lastUsed.slice(),
    uses: s.uses.slice(),
    fired: s.fired.slice(),
    sustain: s.sustain.slice(),
    band: s.band,
    outcome: s.outcome ? { ...s.outcome } : null,
  };
  // Only where the scenario has secrets: absent keys keep every other scenario's states (and hashes) as they were.
  if (s.unseenAims) out.unseenAims = s.unseenAims.slice();
  if (s.seenUses) out.seenUses = s.seenUses.slice();
  return out;
}
