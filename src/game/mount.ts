// The map's entry point for the DOM layer: mountMap(parent, store) starts a Phaser game that fills
// `parent` and follows its size, with the Boot and Map scenes reading the session store. The renderer is
// WebGL on a GPU and Canvas where WebGL would be emulated on the CPU (see renderer-choice.ts). The map
// takes its own pointer, wheel and key input (map/nav.ts); the returned handle lets DOM controls zoom
// and reset the view and read it.
import * as Phaser from 'phaser';
import type { SessionStore } from '../store/session';
import { BootScene } from './scenes/boot';
import { MapScene } from './scenes/map';
import * as P from './map/palette';
import { chooseRenderer, type RendererName } from './renderer-choice';
import type { MapViewInfo } from './scenes/map';
import type { ViewState } from './map/projection';

export type { MapViewInfo };

export interface MountedMap {
  renderer: RendererName;
  destroy(): void;
  /** The map's zoom and pan now (null until the map scene has started). */
  view(): MapViewInfo | null;
  /** Calls `fn` after every zoom, pan, reset or resize; returns the unsubscribe. */
  onView(fn: (v: ViewState) => void): () => void;
  zoomIn(): void;
  zoomOut(): void;
  resetView(): void;
}

/** Starts the map in `parent`; `search` is the page's URL query as it was at load (it may force a renderer). */
export function mountMap(parent: HTMLElement, store: SessionStore, search: string = location.search): MountedMap {
  const renderer = chooseRenderer(search);
  const map = new MapScene(store);
  const game = new Phaser.Game({
    type: renderer === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
    parent,
    backgroundColor: P.hex(P.SEA),
    banner: false,
    antialias: true,
    audio: { noAudio: true },
    // Pointer, wheel and keys are handled on the canvas by map/nav.ts (DOM pointer events cover mouse,
    // pen and touch alike); Phaser's own input would only duplicate them.
    input: { mouse: false, touch: false, keyboard: false, gamepad: false },
    scale: {
      mode: Phaser.Scale.RESIZE,
      parent,
      width: parent.clientWidth || 860,
      height: parent.clientHeight || 520,
    },
    scene: [new BootScene(store), map],
  });
  return {
    renderer,
    destroy() {
      game.destroy(true);
    },
    view: () => map.viewState(),
    onView: (fn) => map.onView(fn),
    zoomIn: () => map.zoomIn(),
    zoomOut: () => map.zoomOut(),
    resetView: () => map.resetView(),
  };
}
