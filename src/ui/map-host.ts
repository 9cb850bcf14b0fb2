// Loads the Phaser map (src/game/mount.ts) lazily, so Phaser is its own chunk and the boot screen can
// show progress while it arrives. The glob keeps the build working before the map module exists. The
// host fetches the chunk once (after the menu's first frame, or at once when play begins) and mounts the
// map once, with "Loading the map" in its place until it arrives. Once mounted, a small bar over the
// map's corner zooms in and out and resets the view (the map itself takes the wheel, drags, pinches and,
// when focused, + − arrows 0); styles in styles/map-nav.css.
import type { SessionStore } from '../store/session';
import { h } from './dom';
import './styles/map-nav.css';

/** The map's zoom and pan (src/game/map/projection.ts ViewState): zoom over the default view, and the part of the region in sight. */
export interface MapViewState {
  zoom: number;
  minZoom: number;
  maxZoom: number;
  scrollX: number;
  scrollY: number;
  spanX: number;
  spanY: number;
  width: number;
  height: number;
  home: boolean;
  /** The lon/lat box of the part of the map in sight (west greater than east across the 180° meridian). */
  bounds: { west: number; east: number; south: number; north: number };
  /** The lon/lat box of the whole region the map may show. */
  region: { west: number; east: number; south: number; north: number };
  /** The region's size in map units (the unit of scrollX, spanX…). */
  mapWidth: number;
  mapHeight: number;
}

/** The view with what a test may check of the map (src/game/scenes/map.ts MapViewInfo). */
export interface MapViewInfo extends MapViewState {
  card: string | null;
  units: readonly { readonly name: string; readonly x: number; readonly y: number }[];
  animations: number;
  /** The ISO codes of the countries drawn. */
  countries: readonly string[];
  /** The map's loop is drawing frames (false while the idle map sleeps). */
  running: boolean;
}

/** The mounted map: its renderer ('webgl' or 'canvas'), and its view to read, zoom and reset. */
export interface MountedMap {
  renderer: string;
  destroy(): void;
  view(): MapViewInfo | null;
  onView(fn: (v: MapViewState) => void): () => void;
  zoomIn(): void;
  zoomOut(): void;
  resetView(): void;
}

/** Starts the map in `parent` (with the page's URL query, which may force a renderer). */
export type MountMap = (parent: HTMLElement, store: SessionStore, search?: string) => MountedMap;

/** The map mounted on this page (one at most), for the read-only test hook. */
let current: MountedMap | null = null;

/** The mounted map's view now (null before the map is on screen). */
export function mapViewInfo(): MapViewInfo | null {
  return current?.view() ?? null;
}

/** The zoom bar over the map's corner: zoom in, zoom out, and reset to the default view. */
function navBar(map: MountedMap): HTMLElement {
  const reset = h(
    'button',
    { type: 'button', class: 'map-nav-btn map-nav-reset', title: 'Reset view (0 with the map focused)', onclick: () => map.resetView() },
    h('span', { class: 'map-nav-ico', 'aria-hidden': 'true' }, '⤢'),
    h('span', { class: 'map-nav-text' }, 'Reset view'),
  );
  const bar = h(
    'div',
    { class: 'map-nav', role: 'group', 'aria-label': 'Map view' },
    h('button', { type: 'button', class: 'map-nav-btn', 'aria-label': 'Zoom in', title: 'Zoom in (+ with the map focused)', onclick: () => map.zoomIn() }, '+'),
    h('button', { type: 'button', class: 'map-nav-btn', 'aria-label': 'Zoom out', title: 'Zoom out (− with the map focused)', onclick: () => map.zoomOut() }, '−'),
    reset,
  );
  const show = (v: MapViewState) => {
    bar.dataset['home'] = String(v.home);
    bar.dataset['zoom'] = String(v.zoom);
  };
  map.onView(show);
  const v = map.view();
  if (v) show(v);
  return bar;
}

const modules = import.meta.glob<{ mountMap: MountMap }>('../game/mount.ts');

/** The map's mount function, or null when the map module is not part of this build. */
export async function loadMap(): Promise<MountMap | null> {
  const load = modules['../game/mount.ts'];
  if (!load) return null;
  return (await load()).mountMap;
}

export type MapHost = ReturnType<typeof createMapHost>;

/**
 * The map's place in the page: `search` is the URL's query as loaded (?renderer=), read when the map
 * mounts, after the address bar may have changed; `mounted` is called once the map (or its failure) is
 * on screen.
 */
export function createMapHost(store: SessionStore, search: string, onMounted: () => void) {
  let module: Promise<MountMap | null> | null = null;
  let mounting = false;
  let mounted = false;
  let renderer: string | null = null;
  /** Fetches the map's chunk (once); null when it does not load. */
  const fetch = (): Promise<MountMap | null> =>
    (module ??= loadMap().catch((e: unknown) => {
      console.warn('The map did not load:', e);
      return null;
    }));
  /** Mounts the map in `parent` the first time play begins. */
  function mountOnce(parent: HTMLElement): void {
    if (mounted || mounting) return;
    mounting = true;
    const loading = h('div', { class: 'map-loading' }, 'Loading the map');
    parent.append(loading);
    void fetch().then((mountMap) => {
      loading.remove();
      if (mountMap) {
        current = mountMap(parent, store, search);
        renderer = current.renderer;
        parent.append(navBar(current));
      } else parent.append(h('div', { class: 'map-missing' }, 'The map could not be loaded'));
      mounted = true;
      onMounted();
    });
  }
  return { fetch, mountOnce, mounted: () => mounted, renderer: () => renderer };
}
