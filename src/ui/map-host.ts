// Loads the Phaser map (src/game/mount.ts) lazily, so Phaser is its own chunk and the boot screen can
// show progress while it arrives. The glob keeps the build working before the map module exists.
import type { SessionStore } from '../store/session';

/** Starts the map in `parent` (with the page's URL query, which may force a renderer); says which renderer it chose ('webgl' or 'canvas'). */
export type MountMap = (parent: HTMLElement, store: SessionStore, search?: string) => { destroy(): void; renderer: string };

const modules = import.meta.glob<{ mountMap: MountMap }>('../game/mount.ts');

/** The map's mount function, or null when the map module is not part of this build. */
export async function loadMap(): Promise<MountMap | null> {
  const load = modules['../game/mount.ts'];
  if (!load) return null;
  return (await load()).mountMap;
}
