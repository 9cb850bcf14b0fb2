// The Map scene: draws the base map, capitals and places, tension lines, units and speech bubbles from
// the session store, and animates what changed when a new day lands. It only reads the store (through
// its selectors); it never runs model logic.
import * as Phaser from 'phaser';
import type { SessionStore, Session } from '../../store/session';
import { autoplayDayMs, latestEvents, mapActors, mapPairLines, mapPlaces, mapUnits, type MapActor } from '../../store/map-view';
import { project, REGION, View } from '../map/projection';
import { Countries } from '../map/countries';
import { Places } from '../map/places';
import { PairLines } from '../map/pair-lines';
import { Units, strengthLabel } from '../map/units';
import { Bubbles } from '../map/bubbles';
import { Tooltip } from '../map/tooltip';
import type { Box } from '../map/layout';
import * as P from '../map/palette';

/** Whether a lon/lat falls inside the stored map (Brussels and Washington do not). */
function onMap(lon: number, lat: number): boolean {
  const v = project(lon, lat);
  return v.x >= 0 && v.x <= REGION.width && v.y >= 0 && v.y <= REGION.height;
}

/** The tension lines the map can draw: both capitals inside the stored map. */
function lines(s: Session) {
  return mapPairLines(s).filter((l) => onMap(l.from.lon, l.from.lat) && onMap(l.to.lon, l.to.lat));
}

const DEPTH = { countries: 0, lines: 10, places: 20, units: 30, bubbles: 60, tooltip: 100 };

export class MapScene extends Phaser.Scene {
  private view = new View();
  private countries!: Countries;
  private places!: Places;
  private lines!: PairLines;
  private units!: Units;
  private bubbles!: Bubbles;
  private tooltip!: Tooltip;
  private scenario: unknown = null;
  private focus: [number, number, number, number] = [300, 180, 760, 470];
  private actors: MapActor[] = [];
  private pointer: { x: number; y: number } | null = null;

  constructor(private readonly store: SessionStore) {
    super('map');
  }

  create(): void {
    this.countries = new Countries(this, DEPTH.countries);
    this.lines = new PairLines(this, DEPTH.lines);
    this.places = new Places(this, DEPTH.places);
    this.units = new Units(this, DEPTH.units);
    this.bubbles = new Bubbles(this, DEPTH.bubbles);
    this.tooltip = new Tooltip(this, DEPTH.tooltip);

    this.rebuild(this.store.getState());
    const unsub = this.store.subscribe((s, prev) => this.onState(s, prev));

    const onResize = () => this.relayout();
    this.scale.on('resize', onResize);
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => {
      this.pointer = { x: p.x, y: p.y };
      this.hover();
    });
    this.input.on('gameout', () => {
      this.pointer = null;
      this.tooltip.hide();
    });
    this.events.once('shutdown', () => {
      unsub();
      this.scale.off('resize', onResize);
      this.units.destroy();
      this.lines.destroy();
      this.places.destroy();
      this.countries.destroy();
      this.bubbles.clear();
      this.tooltip.destroy();
    });
  }

  override update(time: number): void {
    this.lines.tick(time);
    this.units.tick();
  }

  /** Animation time for one day's changes: most of the gap before the next day at this speed. */
  private dayMs(s: Session): number {
    return autoplayDayMs(s.speed) * 0.75;
  }

  private onState(s: Session, prev: Session): void {
    if (s.scenario !== this.scenario) {
      this.rebuild(s);
      return;
    }
    if (s.game === prev.game && s.role === prev.role && s.days === prev.days) return;
    const oneDay = s.days.length === prev.days.length + 1;
    const ms = oneDay ? this.dayMs(s) : 0;
    this.lines.update(lines(s), Math.max(ms, 1));
    this.applyUnits(s, ms, oneDay);
    if (oneDay) {
      const events = latestEvents(s);
      this.bubbles.show(events, this.actors, this.view, autoplayDayMs(s.speed));
      for (const e of events) {
        if (e.kind !== 'incident') continue;
        const ids = new Set(Object.keys(e.deltas));
        for (const l of lines(s)) {
          if (ids.has(l.id) || (e.actor && e.target && ((l.a === e.actor && l.b === e.target) || (l.a === e.target && l.b === e.actor)))) this.lines.pulse(l.id);
        }
      }
    } else this.bubbles.clear();
    this.hover();
  }

  /** A new scenario (or the first draw): everything from scratch, no animation. */
  private rebuild(s: Session): void {
    this.scenario = s.scenario;
    this.actors = mapActors(s);
    const places = mapPlaces(s);
    this.places.setPlaces(places);
    this.bubbles.clear();
    // The area of interest: the capitals the tension lines join and every unit's place.
    const pts: { x: number; y: number }[] = [];
    for (const l of lines(s)) pts.push(project(l.from.lon, l.from.lat), project(l.to.lon, l.to.lat));
    for (const u of mapUnits(s)) pts.push(project(u.lon, u.lat));
    if (pts.length === 0) for (const p of places) if (p.kind !== 'edge') pts.push(project(p.lon, p.lat));
    if (pts.length > 0) {
      const xs = pts.map((p) => p.x);
      const ys = pts.map((p) => p.y);
      this.focus = [Math.min(...xs) - 20, Math.min(...ys) - 30, Math.max(...xs) + 20, Math.max(...ys) + 30];
    }
    this.lines.update(lines(s), 1);
    this.relayout();
  }

  /** Recomputes the view for the canvas size and lays every layer out again (no animation). */
  private relayout(): void {
    const { width, height } = this.scale;
    this.view.fit(width, height, this.focus);
    this.countries.layout(this.view);
    this.applyUnits(this.store.getState(), 0, false);
  }

  private applyUnits(s: Session, ms: number, animate: boolean): void {
    const markers = this.places.layoutMarkers(this.view);
    // Pills keep off the places (where units gather) and the country names.
    const near = markers.map((b) => ({ x: b.x - 14, y: b.y - 14, w: b.w + 28, h: b.h + 28 }));
    this.lines.layout(this.view, [...near, ...this.countries.boxes()]);
    const pills = this.lines.boxes();
    const unitBoxes = this.units.update(mapUnits(s), this.view, [...this.places.capitalBoxes(), ...pills], ms, animate);
    const obstacles: Box[] = [...markers, ...pills, ...unitBoxes, ...this.countries.boxes()];
    this.places.layoutLabels(obstacles);
  }

  private hover(): void {
    const p = this.pointer;
    if (!p) return;
    const s = this.store.getState();
    const { width, height } = this.scale;
    const actor = (id: string) => this.actors.find((a) => a.id === id);
    const u = this.units.hit(p.x, p.y);
    if (u) {
      const est = s.role === 'observer' ? 'estimates range' : 'your estimate';
      const rows = [`${u.ownerName} · ${u.place}`, `Strength ${strengthLabel(u.strength)} (${est})`];
      if (u.border) rows.push(`${Math.round(u.border.km)} km to the ${u.border.name}`);
      if (u.basis !== 'source') rows.push(u.basis === 'assumption' ? 'Not in the sources: a model assumption' : 'Not in the sources');
      this.tooltip.show({ title: u.name, accent: P.parseHex(actor(u.owner)?.colour ?? '#8197aa'), rows }, p.x, p.y, width, height);
      return;
    }
    const place = this.places.hit(p.x, p.y);
    if (place) {
      const kind = place.capital ? 'Capital' : place.kind === 'base' ? 'Military base' : place.kind === 'area' ? 'Area' : 'City';
      const owner = place.country ? actor(place.country)?.name : null;
      const here = mapUnits(s).filter((x) => x.active && x.placeId === place.id).length;
      const rows = [owner ? `${kind} · ${owner}` : kind];
      if (here > 0) rows.push(`${here} unit${here > 1 ? 's' : ''} here`);
      this.tooltip.show({ title: place.name, rows }, p.x, p.y, width, height);
      return;
    }
    const line = this.lines.hit(p.x, p.y);
    if (line) {
      const d = line.delta;
      const rows = [`Tension ${line.tension.toFixed(1)}  (${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(1)} today)`, `Band: ${line.band.name}`];
      this.tooltip.show({ title: line.label, accent: P.tensionColour(line.tension), rows }, p.x, p.y, width, height);
      return;
    }
    this.tooltip.hide();
  }
}
