// The map's entry point for the DOM layer: mountMap(parent, store) starts a Phaser game (WebGL) that
// fills `parent` and follows its size, with the Boot and Map scenes reading the session store.
import * as Phaser from 'phaser';
import type { SessionStore } from '../store/session';
import { BootScene } from './scenes/boot';
import { MapScene } from './scenes/map';
import * as P from './map/palette';

export function mountMap(parent: HTMLElement, store: SessionStore): { destroy(): void } {
  const game = new Phaser.Game({
    type: Phaser.AUTO,
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
    destroy() {
      game.destroy(true);
    },
  };
}
