// The Map scene: draws the base map of the scenario's region (map/region.ts: fitted to its places, or
// its map section), capitals and places, tension lines, units and speech bubbles from the session store, and animates what changed when a new day lands (or, with the store's reducedMotion,
// shows it at once). The player zooms and pans the view (map/nav.ts; clamped to the region by View);
// each change lays every layer out again at the next frame, so labels keep their screen size and thin
// out by priority where they would collide. When nothing has moved for a second (no tween, pulse,
// bubble or view change), the game loop sleeps, so an idle map costs no CPU (a phone's battery, a
// laptop's fan); a new day, a gesture, a hover or a resize wakes it for the next frame. A new day that
// animates is drawn two frames after it lands (the panels draw theirs in between) and its bubbles in the
// frame after that, so its work is spread over frames (a phone's CPU). A frame where nothing on the map
// changed is not drawn again (the loop still steps input, timers and tweens). It only reads
// the store (through its selectors); it never runs model logic.
import * as Phaser from 'phaser';
import type { SessionStore, Session } from '../../store/session';
import { autoplayDayMs, latestEvents, mapActors, mapPairLines, mapPlaces, mapReducedMotion, mapSpec, mapUnits, type MapActor } from '../../store/map-view';
import { View, type ViewState } from '../map/projection';
import { MapRegion } from '../map/region';
import { MapNav, ZOOM_STEP } from '../map/nav';
import { Countries } from '../map/countries';
import { Places } from '../map/places';
import { PairLines } from '../map/pair-lines';
import { Units, strengthLabel } from '../map/units';
import { Bubbles } from '../map/bubbles';
import { Tooltip } from '../map/tooltip';
import type { Box } from '../map/layout';
import * as P from '../map/palette';

/** The map's view and what a test may check of it (the read-only hook's mapView). */
export interface MapViewInfo extends ViewState {
  /** The title of the hover card shown (a unit, place or pair), or null. */
  card: string | null;
  /** The units on the canvas: name and the centre of their symbol (CSS px from the canvas's top-left). */
  units: { name: string; x: number; y: number }[];
  /** Tweens and pulses running (0 when motion is reduced, once a change has landed). */
  animations: number;
  /** The ISO codes of the countries drawn (those in the region), largest first. */
  countries: string[];
  /** The game loop is drawing frames (false while the map sleeps, idle). */
  running: boolean;
}

/** How long the map stays awake after the last thing that moved, in ms. */
const IDLE_MS = 1000;

/** The tension lines the map can draw: both capitals inside the region. */
function lines(s: Session, region: MapRegion) {
  return mapPairLines(s).filter((l) => region.inside(l.from.lon, l.from.lat) && region.inside(l.to.lon, l.to.lat));
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
  private nav: MapNav | null = null;
  /** The view moved since the last frame: lay out again in update(). */
  private viewDirty = false;
  private reduced = false;
  /** When something last moved or asked for a frame (performance.now ms), and a wake already asked for. */
  private lastBusy = 0;
  private wakeQueued = false;
  private stopped = false;
  private readonly viewListeners = new Set<(v: ViewState) => void>();
  /** A new day not drawn yet (from the state before it), and frames waited; the day's bubbles to show next frame. */
  private pending: { s: Session; prev: Session; frames: number } | null = null;
  /** Frames still to draw: a frame where nothing on the map changed is not drawn again (see create). */
  private drawFrames = 2;
  private speech: { events: ReturnType<typeof latestEvents>; ms: number } | null = null;
  /** The idle callback building the sprites of units to come (see prepareUnits), to cancel. */
  private preparing: (() => void) | null = null;

  constructor(private readonly store: SessionStore) {
    super('map');
  }

  /**
   * The current zoom and pan, with what a test may check of the map: the hover card's title, the units
   * on the canvas (name, screen position) and the animations running (tweens and pulses). Null before
   * the scene has started.
   */
  viewState(): MapViewInfo | null {
    if (!this.nav) return null;
    return {
      ...this.view.state(),
      card: this.tooltip.shown(),
      units: this.units.visible(this.view),
      animations: this.tweens.getTweens().filter((t) => t.isPlaying()).length + this.lines.pulses(this.time.now),
      countries: this.countries.codes(),
      running: this.game.loop.running,
    };
  }

  /** Calls `fn` with the view after every zoom, pan, reset or resize; returns the unsubscribe. */
  onView(fn: (v: ViewState) => void): () => void {
    this.viewListeners.add(fn);
    return () => this.viewListeners.delete(fn);
  }

  /** Zooms by `factor` around the canvas centre (the zoom buttons). */
  zoomBy(factor: number): void {
    if (this.nav && this.view.zoomAt(factor, this.view.width / 2, this.view.height / 2)) this.viewChanged();
  }

  zoomIn(): void {
    this.zoomBy(ZOOM_STEP);
  }

  zoomOut(): void {
    this.zoomBy(1 / ZOOM_STEP);
  }

  /** Back to the default view. */
  resetView(): void {
    if (!this.nav || this.view.isHome()) return;
    this.view.reset();
    this.viewChanged();
  }

  private viewChanged(): void {
    this.viewDirty = true;
    this.tooltip.hide();
    this.poke();
  }

  /**
   * Something will change on the map: keep the loop awake for at least IDLE_MS more, and wake it if it
   * sleeps. The wake happens in the next animation frame (the step then draws in that frame as usual),
   * never inside the store's or an input's callback.
   */
  private poke(): void {
    this.lastBusy = performance.now();
    this.drawFrames = 2;
    const loop = this.game.loop;
    if (loop.running || this.wakeQueued || this.stopped) return;
    this.wakeQueued = true;
    requestAnimationFrame(() => {
      this.wakeQueued = false;
      if (this.stopped || loop.running) return;
      this.lastBusy = performance.now();
      // No catching up: the time asleep is not a frame's delta (a new tween starts from its beginning).
      loop.resetDelta();
      loop.wake();
    });
  }

  /** A tween running (or waiting for its delay). */
  private tweening(): boolean {
    return this.tweens.getTweens().some((t) => !t.paused && !(t.isPendingRemove() || t.isRemoved() || t.isFinished() || t.isDestroyed()));
  }

  /** Anything waiting to be shown or on the map that keeps the loop awake: a view change, a day or bubbles to come, a bubble on the map. */
  private waiting(): boolean {
    return this.viewDirty || this.pending !== null || this.speech !== null || this.bubbles.count() > 0;
  }

  create(): void {
    this.countries = new Countries(this, DEPTH.countries);
    this.lines = new PairLines(this, DEPTH.lines);
    this.places = new Places(this, DEPTH.places);
    this.units = new Units(this, DEPTH.units);
    this.bubbles = new Bubbles(this, DEPTH.bubbles);
    this.tooltip = new Tooltip(this, DEPTH.tooltip);
    this.setReduced(mapReducedMotion(this.store.getState()));

    this.rebuild(this.store.getState());
    const unsub = this.store.subscribe((s, prev) => this.onState(s, prev));

    const onResize = () => {
      this.view.resize(this.scale.width, this.scale.height);
      this.relayout();
      this.poke();
    };
    this.scale.on('resize', onResize);
    // The scale manager notices a new parent size only while the loop runs: a resize wakes it, and
    // marks the size to be read at the next step.
    const sized = new ResizeObserver(() => {
      this.scale.dirty = true;
      this.poke();
    });
    if (this.game.canvas.parentElement) sized.observe(this.game.canvas.parentElement);
    // The canvas takes focus (Tab, or a click) so that its keys (+ − arrows 0) apply only then.
    const canvas = this.game.canvas;
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-label', 'Map: + and − zoom, the arrow keys pan, 0 resets the view');
    canvas.setAttribute('aria-keyshortcuts', '+ - 0 ArrowUp ArrowDown ArrowLeft ArrowRight');
    this.nav = new MapNav(canvas, this.view, {
      changed: () => this.viewChanged(),
      hover: (x, y) => {
        this.pointer = { x, y };
        this.hover();
        this.poke();
      },
      leave: () => {
        this.pointer = null;
        this.tooltip.hide();
        this.poke();
      },
      tap: (x, y) => {
        // A tap (touch has no hover) or a click shows the card of what is under it, or hides it.
        this.pointer = { x, y };
        this.hover();
        this.poke();
      },
      gesture: () => {
        this.pointer = null;
        this.tooltip.hide();
        this.poke();
      },
      reset: () => this.resetView(),
    });
    // The loop's step, drawing only when something on the map changed: while the loop is awake (a day
    // comes every 350 ms at top speed, and it sleeps after a second still) most frames would redraw the
    // same picture, the whole canvas each time. Everything but the drawing runs as Phaser's own step
    // does (input, timers, tweens, the scene's update), and the picture stays on the canvas. It copies
    // Phaser 4.2's Game.step (node_modules/phaser/src/core/Game.js) with the render made conditional:
    // recheck it against that step when Phaser is upgraded.
    const game = this.game;
    const loop = game.loop;
    const own = loop.callback;
    loop.callback = (time: number, delta: number) => {
      if (this.stopped || (game as unknown as { pendingDestroy: boolean }).pendingDestroy || game.isPaused) return own(time, delta);
      const ev = game.events;
      ev.emit(Phaser.Core.Events.PRE_STEP, time, delta);
      ev.emit(Phaser.Core.Events.STEP, time, delta);
      game.scene.update(time, delta);
      ev.emit(Phaser.Core.Events.POST_STEP, time, delta);
      if (this.drawFrames <= 0) return;
      this.drawFrames--;
      const r = game.renderer;
      r.preRender();
      ev.emit(Phaser.Core.Events.PRE_RENDER, r, time, delta);
      game.scene.render(r);
      r.postRender();
      ev.emit(Phaser.Core.Events.POST_RENDER, r, time, delta);
    };
    this.prepareUnits();
    this.events.once('shutdown', () => {
      this.preparing?.();
      loop.callback = own;
      this.stopped = true;
      sized.disconnect();
      unsub();
      this.nav?.destroy();
      this.nav = null;
      this.scale.off('resize', onResize);
      this.units.destroy();
      this.lines.destroy();
      this.places.destroy();
      this.countries.destroy();
      this.bubbles.destroy();
      this.tooltip.destroy();
    });
  }

  override update(time: number): void {
    if (this.pending || this.speech || this.viewDirty) this.drawFrames = 2;
    this.stepPending();
    if (this.viewDirty) {
      this.viewDirty = false;
      this.relayout();
    }
    this.lines.tick(time);
    this.units.tick();
    // Anything moving draws this frame and the next (which shows where it ended); a bubble that went
    // or came by a timer draws too.
    const moving = this.lines.pulses(time) > 0 || this.tweening();
    if (this.bubbles.takeChanged() || moving) this.drawFrames = 2;
    if (moving || this.waiting()) this.lastBusy = time;
    else if (time - this.lastBusy > IDLE_MS) this.game.loop.sleep();
  }

  /** Animation time for one day's changes: most of the gap before the next day at this speed. */
  private dayMs(s: Session): number {
    return autoplayDayMs(s.speed) * 0.75;
  }

  /** Motion on or off: with it off, running animations jump to their end and new ones are instant. */
  private setReduced(on: boolean): void {
    this.reduced = on;
    this.lines.setReducedMotion(on);
    this.units.setReducedMotion(on);
    this.bubbles.setReducedMotion(on);
  }

  private onState(s: Session, prev: Session): void {
    this.poke();
    if (mapReducedMotion(s) !== this.reduced) this.setReduced(mapReducedMotion(s));
    if (s.scenario !== this.scenario) {
      this.pending = null;
      this.speech = null;
      this.rebuild(s);
      return;
    }
    if (s.game === prev.game && s.role === prev.role && s.days === prev.days) return;
    const from = this.pending?.prev ?? prev;
    const oneDay = s.days.length === from.days.length + 1;
    // A new day that animates waits for the frame after next: the panels' own drawing of the day takes
    // the next one, so the day's work is spread over frames rather than all landing in one. A jump (a
    // replay's timeline, a load) or a change with motion reduced shows at once.
    if (oneDay && !this.reduced) {
      this.pending = { s, prev: from, frames: 0 };
      return;
    }
    this.pending = null;
    this.land(s, from);
  }

  /** Draws a change of day (or game): the lines, the units, and (in the frame after) the day's speech bubbles. */
  private land(s: Session, prev: Session): void {
    const oneDay = s.days.length === prev.days.length + 1;
    const ms = oneDay && !this.reduced ? this.dayMs(s) : 0;
    this.lines.update(lines(s, this.view.region), Math.max(ms, 1));
    this.applyUnits(s, ms, oneDay && !this.reduced);
    this.speech = null;
    if (oneDay) {
      const events = latestEvents(s);
      if (this.reduced) this.bubbles.show(events, this.actors, this.view, autoplayDayMs(s.speed));
      else this.speech = { events, ms: autoplayDayMs(s.speed) };
      for (const e of events) {
        if (e.kind !== 'incident') continue;
        const ids = new Set(Object.keys(e.deltas));
        for (const l of lines(s, this.view.region)) {
          if (ids.has(l.id) || (e.actor && e.target && ((l.a === e.actor && l.b === e.target) || (l.a === e.target && l.b === e.actor)))) this.lines.pulse(l.id);
        }
      }
    } else this.bubbles.clear();
    this.hover();
  }

  /** A day waiting to be drawn, and the next frame's speech bubbles (see onState). */
  private stepPending(): void {
    if (this.speech) {
      const { events, ms } = this.speech;
      this.speech = null;
      this.bubbles.show(events, this.actors, this.view, ms);
    }
    const p = this.pending;
    if (p && ++p.frames > 1) {
      this.pending = null;
      this.land(p.s, p.prev);
    }
  }

  /** A new scenario (or the first draw): everything from scratch, no animation. */
  private rebuild(s: Session): void {
    this.scenario = s.scenario;
    if (this.nav) {
      // A new scenario (create() starts the first one's): its units are built when idle.
      this.preparing?.();
      this.preparing = null;
      this.prepareUnits();
    }
    this.actors = mapActors(s);
    const places = mapPlaces(s);
    this.places.setPlaces(places);
    this.bubbles.clear();
    // The region: the scenario's map section, or every place it must show with a margin.
    const region = new MapRegion(mapSpec(s));
    this.view.setRegion(region);
    // The area of interest: the capitals of the actors that own countries (or, where none does, the
    // capitals the tension lines join) and every unit's place; failing those, every place.
    const inside = (p: { lon: number; lat: number; kind?: string }) => p.kind !== 'edge' && region.inside(p.lon, p.lat);
    const owners = this.actors.filter((a) => a.countries.length > 0);
    const capitals = owners.length > 0 ? owners.map((a) => a.capital).filter((c) => c !== null) : lines(s, region).flatMap((l) => [l.from, l.to]);
    let focus = [...capitals, ...mapUnits(s)].filter(inside);
    if (focus.length === 0) focus = places.filter(inside);
    const pts = focus.map((p) => region.project(p.lon, p.lat));
    if (pts.length > 0) {
      const xs = pts.map((p) => p.x);
      const ys = pts.map((p) => p.y);
      this.focus = [Math.min(...xs) - 20, Math.min(...ys) - 30, Math.max(...xs) + 20, Math.max(...ys) + 30];
    } else this.focus = [0, 0, region.width, region.height];
    this.lines.update(lines(s, region), 1);
    // A new scenario starts at its default view.
    this.view.fit(this.scale.width, this.scale.height, this.focus);
    this.countries.setRegion(region, owners, this.view.scale);
    this.relayout();
  }

  /**
   * When the page is idle, builds (hidden) the sprites of the scenario's units that are not on the map
   * yet, a few at a time, so that a day or a replay's jump that brings them only shows them. Where the
   * browser cannot tell idle time (no requestIdleCallback), units are built when they come, as before.
   */
  private prepareUnits(): void {
    if (typeof requestIdleCallback !== 'function' || this.preparing) return;
    const step = (deadline: IdleDeadline) => {
      this.preparing = null;
      if (this.stopped) return;
      if (this.units.prepare(mapUnits(this.store.getState()), () => deadline.timeRemaining() > 4)) {
        const id = requestIdleCallback(step);
        this.preparing = () => cancelIdleCallback(id);
      }
    };
    const id = requestIdleCallback(step);
    this.preparing = () => cancelIdleCallback(id);
  }

  /** Lays every layer out again for the view (no animation). */
  private relayout(): void {
    this.countries.layout(this.view);
    this.applyUnits(this.store.getState(), 0, false);
    this.bubbles.relayout(this.view);
    const v = this.view.state();
    for (const fn of this.viewListeners) fn(v);
  }

  /**
   * Lays out everything over the base map, most important first, each item keeping clear of those
   * before it: place markers; the pills (off the places and the units' home spots); the capitals'
   * labels (always shown, off those and the units' home spots); the units (each place's cluster at
   * the free spot nearest it, off the stars, pills and capitals' labels, with a leader line back); then the other labels by
   * priority: the crisis region's country names, cities, the other country names, bases and areas. A
   * label with no room hides, so the map thins out as it zooms out and fills in as it zooms in.
   */
  private applyUnits(s: Session, ms: number, animate: boolean): void {
    const v = this.view;
    const bounds = { x: 0, y: 0, w: v.width, h: v.height };
    const markers = this.places.layoutMarkers(v);
    this.units.sync(mapUnits(s), v, ms, animate);
    const homes = this.units.homes(v);
    const near = markers.map((b) => ({ x: b.x - 14, y: b.y - 14, w: b.w + 28, h: b.h + 28 }));
    const stars = this.places.capitalBoxes();
    const dots = this.places.dotBoxes();
    this.lines.layout(v, [...near, ...homes], stars);
    let pills = this.lines.boxes();
    const forCapitals: Box[] = [...stars, ...pills];
    const before = forCapitals.length;
    this.places.layoutLabels(forCapitals, 0, bounds, [...dots, ...homes]);
    const capitalLabels = forCapitals.slice(before);
    this.lines.yieldTo(capitalLabels);
    pills = this.lines.boxes();
    const unitBoxes = this.units.place(v, [...stars, ...pills, ...capitalLabels], ms, animate);
    // From here on, text may not overlap text, stars, pills or units; it may cover the edge of a dot.
    const taken: Box[] = [...stars, ...pills, ...unitBoxes, ...capitalLabels];
    this.countries.layoutLabels(v, [...taken, ...dots], taken, true);
    this.places.layoutLabels(taken, 1, bounds, dots);
    this.countries.layoutLabels(v, [...taken, ...dots], taken, false);
    this.places.layoutLabels(taken, 2, bounds, dots);
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
