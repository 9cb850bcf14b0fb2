// Read-only views of the session for the Phaser map (src/game): the scenario's places and actors as
// plain data, the pair lines between capitals, the units with their place ids, the events of the
// latest day the viewer may see, and the autoplay pace the map times its animations to.
import { compile } from '../sim/index';
import { DAY_MS, type SessionData } from './session';
import { pairs, units, type PairView, type UnitView } from './selectors';
import type { TurnEvent } from '../sim/index';

export type { TurnEvent };

export interface MapPlace {
  id: string;
  name: string;
  lon: number;
  lat: number;
  kind: 'city' | 'base' | 'area' | 'edge';
  capital: boolean;
  /** The actor whose territory it is, if any. */
  country: string | null;
}

export interface MapActor {
  id: string;
  name: string;
  leader: string | null;
  /** #rrggbb */
  colour: string;
  /** The place its statements come from (may be an off-map edge place, or null). */
  capital: MapPlace | null;
}

export interface MapPairLine extends PairView {
  from: MapPlace;
  to: MapPlace;
}

export interface MapUnit extends UnitView {
  placeId: string;
  /** The origin place's id and kind ('edge' = off the map). */
  originId: string | null;
  originKind: MapPlace['kind'] | null;
}

const placeCache = new WeakMap<object, MapPlace[]>();

/** Every place of the scenario (including off-map 'edge' places, which the map does not draw). */
export function mapPlaces(s: SessionData): MapPlace[] {
  if (!s.scenario) return [];
  const hit = placeCache.get(s.scenario);
  if (hit) return hit;
  const out = s.scenario.data.places.map((p) => ({
    id: p.id,
    name: p.name,
    lon: p.lon,
    lat: p.lat,
    kind: p.kind,
    capital: p.capital,
    country: p.country ?? null,
  }));
  placeCache.set(s.scenario, out);
  return out;
}

/** The actors with their colour and capital place. */
export function mapActors(s: SessionData): MapActor[] {
  if (!s.scenario) return [];
  const places = new Map(mapPlaces(s).map((p) => [p.id, p]));
  return s.scenario.data.actors.map((a) => ({
    id: a.id,
    name: a.name,
    leader: a.leader ?? null,
    colour: a.colour,
    capital: a.capital ? (places.get(a.capital) ?? null) : null,
  }));
}

/**
 * The pair lines the map draws: pairs that count towards the overall tension whose two actors both
 * have a capital that is a real (non-edge) place.
 */
export function mapPairLines(s: SessionData): MapPairLine[] {
  const actors = new Map(mapActors(s).map((a) => [a.id, a]));
  const out: MapPairLine[] = [];
  for (const p of pairs(s)) {
    if (!p.counts) continue;
    const from = actors.get(p.a)?.capital;
    const to = actors.get(p.b)?.capital;
    if (!from || !to || from.kind === 'edge' || to.kind === 'edge' || from.id === to.id) continue;
    out.push({ ...p, from, to });
  }
  return out;
}

/** The units as the viewer sees them (selectors.units), with place and origin ids. */
export function mapUnits(s: SessionData): MapUnit[] {
  if (!s.scenario || !s.game) return [];
  const m = compile(s.scenario);
  const places = m.data.places;
  const g = s.game;
  return units(s).map((u, i) => {
    const f = m.data.forces[i]!;
    const origin = f.origin ? places[m.placeIndex.get(f.origin)!] : undefined;
    return {
      ...u,
      placeId: places[g.forces.place[i]!]!.id,
      originId: origin?.id ?? null,
      originKind: origin?.kind ?? null,
    };
  });
}

/** The latest day's events the viewer may see (public ones, plus the player's own). */
export function latestEvents(s: SessionData): TurnEvent[] {
  const day = s.days[s.days.length - 1];
  if (!day || s.days.length < 2) return [];
  return day.events.filter((e) => e.visibility === 'public' || e.actor === s.role);
}

/**
 * Milliseconds between days when autoplaying at a speed (1 slow, 2 normal, 3 fast): the store's DAY_MS,
 * which the autoplay timer uses too, so the map's animations (at most ~80% of it) finish before the next day.
 */
export function autoplayDayMs(speed: 1 | 2 | 3): number {
  return DAY_MS[speed];
}
