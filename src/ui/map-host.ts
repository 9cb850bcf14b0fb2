// Loads the Phaser map (src/game/mount.ts) lazily, so Phaser is its own chunk and the boot screen can
// show progress while it arrives. The glob keeps the build working before the map module exists. The
// host fetches the chunk once (after the menu's first frame, or at once when play begins) and mounts the
// map once, with "Loading the map" in its place until it arrives.
import type { SessionStore } from '../store/session';
import { h } from './dom';

/** Starts the map in `parent` (with the page's URL query, which may force a renderer); says which renderer it chose ('webgl' or 'canvas'). */
export type MountMap = (parent: HTMLElement, store: SessionStore, search?: string) => { destroy(): void; renderer: string };

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
      if (mountMap) renderer = mountMap(parent, store, search).renderer;
      else parent.append(h('div', { class: 'map-missing' }, 'The map could not be loaded'));
      mounted = true;
      onMounted();
    });
  }
  return { fetch, mountOnce, mounted: () => mounted, renderer: () => renderer };
}
