// What a role may see, read from the model (as boardgame.io's playerView): the scenario's fixed facts
// (scenarioView), one day's summary for the record (daySummary), and the role's view of a game state
// (viewOf) — pairs with their bands and the ladder, the units as the role estimates them, the role's
// meters and score track, the outcome and each role's reading, the "why?" of every pair, and on request
// its cards. The observer's view is one case of it. Screens and the store read these plain objects and
// never index the model's tables themselves.
import { compile, type Model } from './model';
import type { Scenario } from './scenario/load';
import type { GameState } from './state';
import type { TurnEvent } from './feed';
import { bandOf, type BandDef } from './ladder';
import { overallTension } from './tension';
import { explainPair, cardsFor, type Contributor, type OptionView, type HoldView, type BlockedView } from './explain';
import { roleResult, scoreTrack, type RoleResult, type ScoreTrack } from './score';
import { forceSlot, meterSlot } from './slots';
import { stakesFor, courseOf, type StakeLine, type Course } from './stakes';

export type { StakeLine, Course };

/** Who is looking: an actor id, or "observer". */
export type Viewer = string;
export const OBSERVER: Viewer = 'observer';

export interface SourceView {
  id: string;
  publication: string;
  author: string | null;
  title: string | null;
  /** YYYY-MM-DD, or null when the document gives none. */
  date: string | null;
  url: string | null;
}

export interface PlaceView {
  id: string;
  name: string;
  lon: number;
  lat: number;
  kind: 'city' | 'base' | 'area' | 'edge';
  capital: boolean;
  /** The actor whose territory it is, if any. */
  country: string | null;
}

export interface ActorView {
  id: string;
  name: string;
  leader: string | null;
  /** #rrggbb */
  colour: string;
  playable: boolean;
  /** The role's goal in a sentence (empty where it is not a role). */
  goal: string;
  /** The place its statements come from (may be an off-map edge place), or null. */
  capital: PlaceView | null;
  /** Its countries (ISO 3166 alpha-3), which the map tints in its colour; empty when it owns none. */
  countries: string[];
}

/** Where the map is (the scenario's `map` section): what the map must show and how to draw it. */
export interface MapSpec {
  /** The region set by the scenario, or null: the map fits `fit` with a margin. */
  bounds: { west: number; east: number; south: number; north: number } | null;
  /** The projection set by the scenario, or null: the map chooses by latitude. */
  projection: 'conic' | 'mercator' | 'equirectangular' | null;
  /** Every place the map must show: the places but the off-map edge ones, and every force's place. */
  fit: { lon: number; lat: number }[];
}

/** A pair as the scenario defines it: its index into a day's tensions, its ends and its label. */
export interface PairMeta {
  id: string;
  index: number;
  a: string;
  b: string;
  label: string;
  counts: boolean;
}

/** The facts of a scenario that no game changes: what the menu, the briefing and the map legend show. */
export interface ScenarioView {
  id: string;
  title: string;
  summary: string;
  start: string;
  turnLimit: number;
  legend: string | null;
  sources: SourceView[];
  actors: ActorView[];
  /** The playable roles, in file order. */
  roles: ActorView[];
  places: PlaceView[];
  pairs: PairMeta[];
  bands: BandDef[];
  /** The bands as [from, to) spans, for shading charts. */
  bandSpans: { id: string; name: string; from: number; to: number }[];
  /** The meters every actor may have: id, name and what it measures. */
  meters: { id: string; name: string; description: string | null }[];
  /** Where the map is. */
  map: MapSpec;
}

const scenarioMemo = new WeakMap<Scenario, ScenarioView>();

/** The scenario's fixed facts (kept per scenario object). */
export function scenarioView(scenario: Scenario): ScenarioView {
  const hit = scenarioMemo.get(scenario);
  if (hit) return hit;
  const m = compile(scenario);
  const d = m.data;
  const places: PlaceView[] = d.places.map((p) => ({ id: p.id, name: p.name, lon: p.lon, lat: p.lat, kind: p.kind, capital: p.capital, country: p.country ?? null }));
  const placeById = new Map(places.map((p) => [p.id, p]));
  const actors: ActorView[] = d.actors.map((a) => ({
    id: a.id,
    name: a.name,
    leader: a.leader ?? null,
    colour: a.colour,
    playable: a.playable,
    goal: a.role?.goal ?? '',
    capital: a.capital ? (placeById.get(a.capital) ?? null) : null,
    countries: a.countries ?? [],
  }));
  const forcePlaces = new Set(d.forces.map((f) => f.location));
  const map: MapSpec = {
    bounds: d.map?.bounds ?? null,
    projection: d.map?.projection ?? null,
    fit: places.filter((p) => p.kind !== 'edge' || forcePlaces.has(p.id)).map((p) => ({ lon: p.lon, lat: p.lat })),
  };
  const view: ScenarioView = {
    id: d.meta.id,
    title: d.meta.title,
    summary: d.meta.summary,
    start: d.meta.start,
    turnLimit: d.meta.turnLimit,
    legend: d.meta.legend ?? null,
    sources: d.meta.sources.map((s) => ({ id: s.id, publication: s.publication, author: s.author ?? null, title: s.title ?? null, date: s.date ?? null, url: s.url ?? null })),
    actors,
    roles: actors.filter((a) => a.playable),
    places,
    pairs: m.pairIds.map((id, p) => ({ id, index: p, a: m.actorIds[m.pairA[p]!]!, b: m.actorIds[m.pairB[p]!]!, label: `${actors[m.pairA[p]!]!.name}–${actors[m.pairB[p]!]!.name}`, counts: m.counts[p]! })),
    bands: m.bands,
    bandSpans: m.bands.map((b, i) => ({ id: b.id, name: b.name, from: b.from, to: m.bands[i + 1]?.from ?? 100 })),
    meters: d.meters.map((x) => ({ id: x.id, name: x.name, description: x.description ?? null })),
    map,
  };
  scenarioMemo.set(scenario, view);
  return view;
}

/** One day as the record keeps it: its date, the overall tension, the band and every pair's tension. */
export interface DaySummary {
  turn: number;
  /** ISO date (day 0 is the eve of the start: the start date). */
  date: string;
  overall: number;
  band: number;
  /** Per pair, in scenario order (PairMeta.index). */
  tensions: number[];
}

export function daySummary(scenario: Scenario, state: GameState): DaySummary {
  const m = compile(scenario);
  return {
    turn: state.turn,
    date: state.turn === 0 ? m.data.meta.start : (m.dates[state.turn] ?? ''),
    overall: overallTension(m, state),
    band: state.band,
    tensions: state.tension.slice(),
  };
}

/** Whether a viewer may see an event: public ones, a role's own private ones, and those that name it (seenBy). The observer sees the public ones. */
export function canSee(viewer: Viewer, event: Pick<TurnEvent, 'visibility' | 'actor' | 'seenBy'>): boolean {
  if (event.visibility === 'public') return true;
  return viewer !== OBSERVER && (event.actor === viewer || (event.seenBy?.includes(viewer) ?? false));
}

export interface PairView extends PairMeta {
  tension: number;
  band: BandDef;
}

export interface UnitView {
  id: string;
  name: string;
  owner: string;
  ownerName: string;
  /** The symbol as the scenario writes it (APP-6 / MIL-STD-2525). */
  symbol: string;
  place: string;
  placeId: string;
  lon: number;
  lat: number;
  origin: { lon: number; lat: number } | null;
  /** The origin place's id and kind ('edge' = off the map). */
  originId: string | null;
  originKind: PlaceView['kind'] | null;
  active: boolean;
  /** The strength as the viewer sees it: its own exactly, others' as it estimates them; for an observer the range of the watchers' estimates. */
  strength: { low: number; high: number };
  /** Distance to the nearest border the scenario names, and which. */
  border: { km: number; name: string } | null;
  /** Where the unit comes from: a source, the scenario's stated assumption, or neither. */
  basis: 'source' | 'assumption' | 'none';
  /** The viewer's own unit. */
  own: boolean;
}

export interface MeterView {
  id: string;
  name: string;
  description: string | null;
  value: number;
  min: number;
  max: number;
}

export interface ReadingView {
  id: string;
  name: string;
  colour: string;
  reading: RoleResult | null;
  track: ScoreTrack | null;
}

export interface OutcomeView {
  id: string;
  name: string;
  description: string;
  turn: number;
  date: string;
  /** The actor blamed (id), if any. */
  blame: string | null;
  /** The viewer's reading (null for an observer or a role the outcome does not name). */
  mine: RoleResult | null;
  /** Every playable role's reading and track. */
  readings: ReadingView[];
}

export interface CardsView {
  list: OptionView[];
  hold: HoldView;
  /** The role's actions it cannot take on the coming day, each with the reason. */
  blocked: BlockedView[];
}

/** A role's goals as the screens show them: its points and lines, where they are heading, and the
 * outcomes that would end the game for it with the number each watches. */
export interface RoleTrackView {
  id: string;
  name: string;
  colour: string;
  track: ScoreTrack | null;
  course: Course | null;
  stakes: StakeLine[];
}

/** Everything a viewer may see of a game state. */
export interface RoleView {
  viewer: Viewer;
  turn: number;
  date: string;
  ladder: { overall: number; band: BandDef; bands: BandDef[] };
  pairs: PairView[];
  units: UnitView[];
  /** The viewer's own meters (none for an observer). */
  meters: MeterView[];
  /** The viewer's score track (null for an observer or a role without one). */
  track: ScoreTrack | null;
  /** Where the viewer's points are heading, and the outcomes that would decide its game, nearest first. */
  course: Course | null;
  stakes: StakeLine[];
  /** Every role's goals: the viewer's own for a role, all of them for the observer. */
  tracks: RoleTrackView[];
  /** The ending, once there is one. */
  outcome: OutcomeView | null;
  /** The top causes of each pair's tension, by pair id. */
  why: Record<string, Contributor[]>;
  /** The viewer's options for the coming day (only when asked for, and never once the game is over). */
  cards: CardsView | null;
}

/** How many causes the "why?" lists per pair. */
export const WHY_TOP = 6;

function unitsFor(m: Model, st: GameState, viewer: number): UnitView[] {
  const d = m.data;
  return d.forces.map((f, i) => {
    const place = d.places[st.forces.place[i]!]!;
    const origin = f.origin ? d.places[m.placeIndex.get(f.origin)!]! : null;
    let low: number;
    let high: number;
    if (viewer >= 0) low = high = st.estimates[forceSlot(m, viewer, i)]!;
    else {
      const seen = m.watchers.filter((o) => o !== m.forceOwner[i]).map((o) => st.estimates[forceSlot(m, o, i)]!);
      low = Math.min(...seen, Infinity);
      high = Math.max(...seen, -Infinity);
      if (!Number.isFinite(low)) low = high = st.forces.strength[i]!;
    }
    let border: UnitView['border'] = null;
    m.placeBorderKm[st.forces.place[i]!]!.forEach((km, b) => {
      if (!border || km < border.km) border = { km, name: d.borders[b]!.name };
    });
    return {
      id: f.id,
      name: f.name,
      owner: f.owner,
      ownerName: d.actors[m.forceOwner[i]!]!.name,
      symbol: f.symbol,
      place: place.name,
      placeId: place.id,
      lon: place.lon,
      lat: place.lat,
      origin: origin ? { lon: origin.lon, lat: origin.lat } : null,
      originId: origin?.id ?? null,
      originKind: origin?.kind ?? null,
      active: st.forces.active[i]!,
      strength: { low, high },
      border,
      basis: f.source ? 'source' : f.assumption ? 'assumption' : 'none',
      own: viewer >= 0 && m.forceOwner[i] === viewer,
    };
  });
}

function outcomeFor(scenario: Scenario, m: Model, st: GameState, viewer: Viewer): OutcomeView | null {
  const o = st.outcome;
  if (!o) return null;
  const def = m.data.outcomes.find((x) => x.id === o.id);
  const sv = scenarioView(scenario);
  return {
    id: o.id,
    name: def?.name ?? o.id,
    description: def?.description ?? '',
    turn: o.turn,
    date: o.turn === 0 ? m.data.meta.start : (m.dates[o.turn] ?? ''),
    blame: o.blame ?? null,
    mine: viewer === OBSERVER ? null : roleResult(scenario, st, viewer),
    readings: sv.roles.map((a) => ({ id: a.id, name: a.name, colour: a.colour, reading: roleResult(scenario, st, a.id), track: scoreTrack(scenario, st, a.id) })),
  };
}

function roleTrack(scenario: Scenario, m: Model, st: GameState, r: ActorView): RoleTrackView {
  const i = m.actorIndex.get(r.id)!;
  return { id: r.id, name: r.name, colour: r.colour, track: scoreTrack(scenario, st, r.id), course: courseOf(m, st, i), stakes: stakesFor(m, st, i) };
}

const viewMemo = new WeakMap<GameState, Map<Viewer, RoleView>>();

/**
 * What a viewer (an actor id or "observer") may see of a game state. Kept per state and viewer (a state
 * never changes); the cards, which run the lookahead, only when `cards` is asked for.
 */
export function viewOf(scenario: Scenario, state: GameState, viewer: Viewer, options: { cards?: boolean } = {}): RoleView {
  let byViewer = viewMemo.get(state);
  if (!byViewer) viewMemo.set(state, (byViewer = new Map()));
  let view = byViewer.get(viewer);
  if (!view) {
    view = baseView(scenario, state, viewer);
    byViewer.set(viewer, view);
  }
  if (options.cards && !view.cards && viewer !== OBSERVER && !state.outcome && compile(scenario).actorIndex.has(viewer)) {
    view = { ...view, cards: cardsFor(scenario, state, viewer) };
    byViewer.set(viewer, view);
  }
  return view;
}

function baseView(scenario: Scenario, state: GameState, viewer: Viewer): RoleView {
  const m = compile(scenario);
  const sv = scenarioView(scenario);
  const a = viewer === OBSERVER ? -1 : (m.actorIndex.get(viewer) ?? -1);
  const overall = overallTension(m, state);
  const pairs = sv.pairs.map((p) => ({ ...p, tension: state.tension[p.index]!, band: bandOf(m, state.tension[p.index]!) }));
  const why: Record<string, Contributor[]> = {};
  for (const p of sv.pairs) why[p.id] = explainPair(scenario, state, p.a, p.b, WHY_TOP, viewer);
  return {
    viewer,
    turn: state.turn,
    date: daySummary(scenario, state).date,
    ladder: { overall, band: m.bands[state.band]!, bands: m.bands },
    pairs,
    units: unitsFor(m, state, a),
    meters:
      a < 0
        ? []
        : m.actorMeters[a]!.map((j) => {
            const def = m.data.meters[j]!;
            return { id: def.id, name: def.name, description: def.description ?? null, value: state.meters[meterSlot(m, a, j)]!, min: m.meterMin[j]!, max: m.meterMax[j]! };
          }),
    track: a < 0 ? null : scoreTrack(scenario, state, viewer),
    course: a < 0 ? null : courseOf(m, state, a),
    stakes: a < 0 ? [] : stakesFor(m, state, a),
    tracks: sv.roles.filter((r) => a < 0 || r.id === viewer).map((r) => roleTrack(scenario, m, state, r)),
    outcome: outcomeFor(scenario, m, state, viewer),
    why,
    cards: null,
  };
}
