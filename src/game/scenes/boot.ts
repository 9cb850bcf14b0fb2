// The Boot scene: a progress bar while Phaser's loader brings in the unit symbols (milsymbol SVGs for
// every force in the scenario) and the web font settles, then it starts the Map scene.
import * as Phaser from 'phaser';
import type { SessionStore } from '../../store/session';
import { mapUnits } from '../../store/map-view';
import { symbolBlobUrl, symbolKey, SYMBOL_RES } from '../map/symbols';
import * as P from '../map/palette';

export class BootScene extends Phaser.Scene {
  constructor(private readonly store: SessionStore) {
    super('boot');
  }

  preload(): void {
    const { width, height } = this.scale;
    const bw = Math.min(320, width * 0.5);
    const x = (width - bw) / 2;
    const y = height / 2;
    this.add.rectangle(0, 0, width, height, P.SEA).setOrigin(0);
    this.add
      .text(width / 2, y - 22, 'PREPARING THE MAP', { fontFamily: P.FONT, fontSize: '11px', fontStyle: '600', color: P.TEXT_DIM })
      .setLetterSpacing(3)
      .setOrigin(0.5)
      .setResolution(P.TEXT_RESOLUTION);
    const track = this.add.graphics();
    track.fillStyle(0x1b2a38, 1).fillRoundedRect(x, y - 3, bw, 6, 3);
    const bar = this.add.graphics();
    const draw = (v: number) => {
      bar.clear();
      bar.fillStyle(P.parseHex(P.ACCENT), 1).fillRoundedRect(x, y - 3, Math.max(6, bw * v), 6, 3);
    };
    draw(0);
    this.load.on('progress', draw);

    const urls: string[] = [];
    const sidcs = new Set(mapUnits(this.store.getState()).map((u) => u.symbol));
    for (const sidc of sidcs) {
      if (this.textures.exists(symbolKey(sidc))) continue;
      const url = symbolBlobUrl(sidc);
      urls.push(url);
      this.load.svg(symbolKey(sidc), url, { scale: SYMBOL_RES });
    }
    this.load.once('complete', () => urls.forEach((u) => URL.revokeObjectURL(u)));
  }

  create(): void {
    const fonts = typeof document !== 'undefined' && document.fonts ? document.fonts : null;
    const ready = fonts
      ? Promise.all([fonts.load(`500 12px ${P.FONT}`), fonts.load(`700 12px ${P.FONT}`)]).then(() => fonts.ready)
      : Promise.resolve();
    const timeout = new Promise((r) => setTimeout(r, 2000));
    void Promise.race([ready, timeout])
      .catch(() => undefined)
      .then(() => {
        if (this.sys.settings.active) this.scene.start('map');
      });
  }
}
