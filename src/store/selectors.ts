// Read-only views of the session for the screens: the ladder, pairs, "why?", the player's cards, the
// events a viewer may see and the units as the player sees them. The model's view (viewOf) gives what
// the role may see; this file only adds what comparing the recorded days gives (the change since the
// day before) and the symbols turned to the player's side. Plain data out.
import { swapIdentity, swapsFor } from './affiliation';
import { viewOf, canSee, debriefOf, type DebriefView, type RoleView, type PairView as ModelPairView, type UnitView, type OptionView, type HoldView, type BlockedView, type ScoreTrack, type TurnEvent, type Contributor, type BandDef, type RoleTrackView, type MeterView } from '../sim/index';
import type { SessionData } from './session';

export type { UnitView, RoleTrackView, MeterView, OptionView, BlockedView, DebriefView };

/** The viewer's view of the game on screen (null before a game). */
export function roleView(s: SessionData): RoleView | null {
  return s.scenario && s.game ? viewOf(s.scenario, s.game, s.role) : null;
}

export interface PairView extends ModelPairView {
  /** Change since the day before. */
  delta: number;
}

export function pairs(s: SessionData): PairView[] {
  const v = roleView(s);
  if (!v) return [];
  const prev = s.days[s.days.length - 2];
  return v.pairs.map((p) => ({ ...p, delta: prev ? p.tension - prev.tensions[p.index]! : 0 }));
}

export interface LadderView {
  overall: number;
  band: BandDef;
  bands: BandDef[];
}

export function ladder(s: SessionData): LadderView | null {
  return roleView(s)?.ladder ?? null;
}

/** The top contributors to a pair's tension (the hottest counting pair when none is given). */
export function why(s: SessionData, pairId?: string): { pair: PairView; causes: Contributor[] } | null {
  const v = roleView(s);
  const all = pairs(s);
  const counting = all.filter((p) => p.counts);
  if (!v || counting.length === 0) return null;
  const pair = (pairId ? all.find((p) => p.id === pairId) : undefined) ?? counting.reduce((x, y) => (y.tension > x.tension ? y : x));
  return { pair, causes: v.why[pair.id] ?? [] };
}

/** The player's cards for the coming day, what holding is expected to bring (the model's lookahead), and
 * the actions it cannot take now with the reason. */
export function cards(s: SessionData): { list: OptionView[]; hold: HoldView; blocked: BlockedView[]; track: ScoreTrack | null } {
  if (!s.scenario || !s.game || s.role === 'observer') return { list: [], hold: { value: 0, loses: 0 }, blocked: [], track: null };
  const v = viewOf(s.scenario, s.game, s.role, { cards: true });
  return { list: v.cards?.list ?? [], hold: v.cards?.hold ?? { value: 0, loses: 0 }, blocked: v.cards?.blocked ?? [], track: v.track };
}

/** The goals on screen: the player's own track and meters, or every role's track for an observer. */
export function goals(s: SessionData): { tracks: RoleTrackView[]; meters: MeterView[] } | null {
  const v = roleView(s);
  return v ? { tracks: v.tracks, meters: v.meters } : null;
}

/** Which lines stand near or past their mark: "outcome:level" for each stake of each role on screen,
 * ("belarus:regime-crisis:near"). The alerts compare it day to day. */
export function alarms(s: SessionData): Set<string> {
  const out = new Set<string>();
  for (const t of goals(s)?.tracks ?? []) {
    for (const k of t.stakes) if (k.level !== 'far' && k.reading === 'loss') out.add(`${t.id}:${k.outcome}:${k.level}`);
  }
  return out;
}

/** The events of a recorded day the viewer may see (public ones, plus the player's own private ones). */
export function visibleEvents(s: SessionData, turn: number): TurnEvent[] {
  return (s.days[turn]?.events ?? []).filter((e) => canSee(s.role, e));
}

/** The units as the viewer sees them, with symbols turned so the player's own side is friendly. */
export function units(s: SessionData): UnitView[] {
  const v = roleView(s);
  if (!v || !s.scenario) return [];
  const swap = s.role !== 'observer' && swapsFor(v.units.filter((u) => u.own).map((u) => u.symbol));
  return swap ? v.units.map((u) => ({ ...u, symbol: swapIdentity(u.symbol) })) : v.units;
}

const debriefMemo = new WeakMap<object, Map<string, DebriefView>>();

/** The debrief of the game on screen once it has ended: the model plays it again from its seed and the
 * player's orders (its points day by day, what decided it) and plays the counterfactuals with the same
 * seed. Kept per final state and role. */
export function debrief(s: SessionData): DebriefView | null {
  if (!s.scenario || !s.game?.outcome) return null;
  let byRole = debriefMemo.get(s.game);
  if (!byRole) debriefMemo.set(s.game, (byRole = new Map()));
  let d = byRole.get(s.role);
  if (!d) {
    d = debriefOf(s.scenario, s.seed, s.role, s.orders, s.game.turn, s.earlierRoles);
    byRole.set(s.role, d);
  }
  return d;
}
