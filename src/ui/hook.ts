// The read-only test hook, window.__brink = { ready, day, hash, outcome, screen, renderer, reducedMotion,
// mapView }: a frozen snapshot replaced on every store change, whose mapView getter reads the map's zoom
// and pan, its lon/lat bounds and the countries it draws as they are now (they change without the store). Tests read it; nothing in it can drive the
// model or the map.
import type { SessionStore } from '../store/session';
import { mapViewInfo, type MapViewInfo } from './map-host';

export interface BrinkHook {
  readonly ready: boolean;
  readonly day: number;
  readonly hash: string | null;
  readonly outcome: string | null;
  readonly screen: string;
  /** The map's renderer ('webgl' or 'canvas'), null before the map is mounted. */
  readonly renderer: string | null;
  /** The store's reducedMotion (the map shows changes at once). */
  readonly reducedMotion: boolean;
  /**
   * The map's zoom (over its default view), the part of the region in sight (in map units, and as a
   * lon/lat box), the whole region's lon/lat box, the ISO codes of the countries drawn, the hover card
   * shown, the units on the canvas and the animations running; read when asked; null before the map is
   * mounted.
   */
  readonly mapView: MapViewInfo | null;
}

declare global {
  interface Window {
    __brink?: BrinkHook;
  }
}

/** Publishes the hook now and on every store change; returns a function that re-publishes it. */
export function exposeHook(store: SessionStore, isReady: () => boolean, renderer: () => string | null = () => null): () => void {
  const publish = () => {
    const s = store.getState();
    const last = s.days[s.days.length - 1];
    const snap: BrinkHook = Object.freeze({
      ready: isReady(),
      day: s.game?.turn ?? 0,
      hash: s.game ? (last?.hash ?? null) : null,
      outcome: s.game?.outcome?.id ?? null,
      screen: s.screen,
      renderer: renderer(),
      reducedMotion: s.reducedMotion,
      get mapView() {
        const v = mapViewInfo();
        return v
          ? Object.freeze({ ...v, bounds: Object.freeze({ ...v.bounds }), region: Object.freeze({ ...v.region }), countries: Object.freeze([...v.countries]), units: Object.freeze(v.units.map((u) => Object.freeze({ ...u }))) })
          : null;
      },
    });
    Object.defineProperty(window, '__brink', { value: snap, configurable: true, writable: false, enumerable: true });
  };
  publish();
  store.subscribe(publish);
  return publish;
}
