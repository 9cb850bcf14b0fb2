// The map's entry point for the DOM layer: mountMap(parent, store) starts a Phaser game that fills
// `parent` and follows its size, with the Boot and Map scenes reading the session store. The renderer is
// WebGL on a GPU and Canvas where WebGL would be emulated on the CPU (see renderer-choice.ts).
import * as Phaser from 'phaser';
import type { SessionStore } from '../store/session';
import { BootScene } from './scenes/boot';
import { MapScene } from './scenes/map';
import * as P from './map/palette';
import { chooseRenderer, type RendererName } from './renderer-choice';

/** Starts the map in `parent`; `search` is the page's URL query as it was at load (it may force a renderer). */
export function mountMap(parent: HTMLElement, store: SessionStore, search: string = location.search): { destroy(): void; renderer: RendererName } {
  const renderer = chooseRenderer(search);
  const game = new Phaser.Game({
    type: renderer === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
    parent,
    backgroundColor: P.hex(P.SEA),
    banner: false,
    antialias: true,
    audio: { noAudio: true },
    scale: {
      mode: Phaser.Scale.RESIZE,
      parent,
      width: parent.clientWidth || 860,
      height: parent.clientHeight || 520,
    },
    scene: [new BootScene(store), new MapScene(store)],
  });
  return {
    renderer,
    destroy() {
      game.destroy(true);
    },
  };
}
