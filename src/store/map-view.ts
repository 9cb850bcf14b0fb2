// Read-only views of the session for the Phaser map (src/game): where the map is (the scenario's map
// section and the places it must show), the scenario's places and actors (with their countries), the
// pair lines between capitals, the units as the viewer sees them, the events of the latest day the
// viewer may see, the autoplay pace the map times its animations to, and whether motion is reduced.
// All from the model's views (src/sim/view.ts) via selectors.ts; nothing here reads the model's tables.
import { scenarioView, type PlaceView, type ActorView, type MapSpec, type TurnEvent } from '../sim/index';
import { DAY_MS, type SessionData } from './session';
import { pairs, units, visibleEvents, type PairView, type UnitView } from './selectors';

export type { TurnEvent, MapSpec };

export type MapPlace = PlaceView;
export type MapActor = ActorView;

export interface MapPairLine extends PairView {
  from: MapPlace;
  to: MapPlace;
}

/** A unit as the map draws it: the viewer's view, with its place and origin ids. */
export type MapUnit = UnitView;

/** Every place of the scenario (including off-map 'edge' places, which the map does not draw). */
export function mapPlaces(s: SessionData): MapPlace[] {
  return s.scenario ? scenarioView(s.scenario).places : [];
}

/** Where the map is: the scenario's bounds and projection (or null: the map fits), and every point it must show. */
export function mapSpec(s: SessionData): MapSpec {
  return s.scenario ? scenarioView(s.scenario).map : { bounds: null, projection: null, fit: [] };
}

/** The actors with their colour, capital place and countries. */
export function mapActors(s: SessionData): MapActor[] {
  return s.scenario ? scenarioView(s.scenario).actors : [];
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

/** The units as the viewer sees them (selectors.units). */
export function mapUnits(s: SessionData): MapUnit[] {
  return units(s);
}

/** The latest day's events the viewer may see (public ones, plus the player's own). */
export function latestEvents(s: SessionData): TurnEvent[] {
  return s.days.length < 2 ? [] : visibleEvents(s, s.days.length - 1);
}

/**
 * Milliseconds between days when autoplaying at a speed (1 slow, 2 normal, 3 fast): the store's DAY_MS,
 * which the autoplay timer uses too, so the map's animations (at most ~80% of it) finish before the next day.
 */
export function autoplayDayMs(speed: 1 | 2 | 3): number {
  return DAY_MS[speed];
}

/**
 * Whether the map should show changes at once instead of animating them (tweens, pulses, drifting
 * bubbles): the store's reducedMotion, set from prefers-reduced-motion or the player's setting.
 */
export function mapReducedMotion(s: SessionData): boolean {
  return s.reducedMotion === true;
}
