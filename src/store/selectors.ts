// Read-only views of the session for the screens: the ladder, pairs, "why?", the player's options, the
// feed and the units as the player sees them. Plain data out; the screens never touch the model's state.
import { swapIdentity, swapsFor } from './affiliation';
import { compile, explainPair, cardsFor, scoreTrack, bandOf, type OptionView, type HoldView, type ScoreTrack, type TurnEvent, type Contributor, type BandDef } from '../sim/index';
import type { SessionData } from './session';

export interface PairView {
  id: string;
  a: string;
  b: string;
  label: string;
  tension: number;
  /** Change since the day before. */
  delta: number;
  band: BandDef;
  counts: boolean;
}

export function pairs(s: SessionData): PairView[] {
  if (!s.scenario || !s.game) return [];
  const m = compile(s.scenario);
  const prev = s.days[s.days.length - 2];
  return m.pairIds.map((id, p) => {
    const a = m.actorIds[m.pairA[p]!]!;
    const b = m.actorIds[m.pairB[p]!]!;
    const t = s.game!.tension[p]!;
    return {
      id,
      a,
      b,
      label: `${m.data.actors[m.pairA[p]!]!.name}–${m.data.actors[m.pairB[p]!]!.name}`,
      tension: t,
      delta: prev ? t - prev.tensions[p]! : 0,
      band: bandOf(m, t),
      counts: m.counts[p]!,
    };
  });
}

export interface LadderView {
  overall: number;
  band: BandDef;
  bands: BandDef[];
}

export function ladder(s: SessionData): LadderView | null {
  if (!s.scenario || !s.game) return null;
  const m = compile(s.scenario);
  const day = s.days[s.days.length - 1]!;
  return { overall: day.overall, band: m.bands[s.game.band]!, bands: m.bands };
}

/** The top contributors to a pair's tension (the hottest counting pair when none is given). */
export function why(s: SessionData, pairId?: string): { pair: PairView; causes: Contributor[] } | null {
  const list = pairs(s).filter((p) => p.counts);
  if (!s.scenario || !s.game || list.length === 0) return null;
  const pair = (pairId ? pairs(s).find((p) => p.id === pairId) : undefined) ?? list.reduce((x, y) => (y.tension > x.tension ? y : x));
  return { pair, causes: explainPair(s.scenario, s.game, pair.a, pair.b, 6) };
}

/** The player's cards for the coming day and what holding is expected to bring (the model's lookahead). */
export function cards(s: SessionData): { list: OptionView[]; hold: HoldView; track: ScoreTrack | null } {
  if (!s.scenario || !s.game || s.role === 'observer') return { list: [], hold: { value: 0, loses: 0 }, track: null };
  const track = scoreTrack(s.scenario, s.game, s.role);
  if (s.game.outcome) return { list: [], hold: { value: 0, loses: 0 }, track };
  return { ...cardsFor(s.scenario, s.game, s.role), track };
}

/** Public events, newest day first, plus the player's own private ones. */
export function feed(s: SessionData): TurnEvent[] {
  const out: TurnEvent[] = [];
  for (let i = s.days.length - 1; i >= 1; i--) {
    for (const e of s.days[i]!.events) if (e.visibility === 'public' || e.actor === s.role) out.push(e);
  }
  return out;
}

export interface UnitView {
  id: string;
  name: string;
  owner: string;
  ownerName: string;
  symbol: string;
  place: string;
  lon: number;
  lat: number;
  origin: { lon: number; lat: number } | null;
  active: boolean;
  /** The strength as the viewer sees it: the role's estimate, or for an observer the range of estimates. */
  strength: { low: number; high: number };
  /** Distance to the nearest border the scenario names, and which. */
  border: { km: number; name: string } | null;
  /** Where the unit comes from: a source, the scenario's stated assumption, or neither. */
  basis: 'source' | 'assumption' | 'none';
}

export function units(s: SessionData): UnitView[] {
  if (!s.scenario || !s.game) return [];
  const m = compile(s.scenario);
  const g = s.game;
  const viewer = s.role === 'observer' ? -1 : (m.actorIndex.get(s.role) ?? -1);
  const swap = viewer >= 0 && swapsFor(m.data.forces.filter((_, i) => m.forceOwner[i] === viewer).map((f) => f.symbol));
  return m.data.forces.map((f, i) => {
    const place = m.data.places[g.forces.place[i]!]!;
    const origin = f.origin ? m.data.places[m.placeIndex.get(f.origin)!]! : null;
    let low: number;
    let high: number;
    if (viewer >= 0) low = high = g.estimates[viewer * m.nF + i]!;
    else {
      const seen = m.watchers.filter((o) => o !== m.forceOwner[i]).map((o) => g.estimates[o * m.nF + i]!);
      low = Math.min(...seen, Infinity);
      high = Math.max(...seen, -Infinity);
      if (!Number.isFinite(low)) low = high = g.forces.strength[i]!;
    }
    const km = m.placeBorderKm[g.forces.place[i]!]!;
    let border: UnitView['border'] = null;
    km.forEach((d, b) => {
      if (!border || d < border.km) border = { km: d, name: m.data.borders[b]!.name };
    });
    return {
      id: f.id,
      name: f.name,
      owner: f.owner,
      ownerName: m.data.actors[m.forceOwner[i]!]!.name,
      symbol: swap ? swapIdentity(f.symbol) : f.symbol,
      place: place.name,
      lon: place.lon,
      lat: place.lat,
      origin: origin ? { lon: origin.lon, lat: origin.lat } : null,
      active: g.forces.active[i]!,
      strength: { low, high },
      border,
      basis: f.source ? 'source' : f.assumption ? 'assumption' : 'none',
    };
  });
}
