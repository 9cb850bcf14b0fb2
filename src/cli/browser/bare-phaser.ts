// A bare Phaser build made the same way as the game's (Vite's build API, the same target and base), as
// the yardstick for the game's first-screen bundle; and the same Phaser drawing one full-canvas texture,
// as the yardstick for frame times in this browser (with the renderer ?renderer= names, as the game's
// own override); and a bare page of Phaser that says it is ready once Phaser has booted, as the yardstick
// for the first frame (it sets window.__brink as the game does, so the same probe times it). Built into node_modules/.cache so phaser resolves
// from the project. Used by the bench.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './site';
import { gzipBytes } from './gzip';

const CACHE = join(ROOT, 'node_modules/.cache/brink-bare-phaser');

/** The entry the issue names: Phaser and nothing else. */
const BARE = `import * as Phaser from 'phaser';
new Phaser.Game({ type: Phaser.AUTO, width: 10, height: 10 });
console.log(Phaser.VERSION);
`;

/** Phaser with one full-canvas texture (the size of the game's map canvas at 1280×720). */
const FULL_CANVAS = `import * as Phaser from 'phaser';
const W = 910, H = 485;
class Full extends Phaser.Scene {
  create() {
    const t = this.textures.createCanvas('full', W, H);
    const g = t.getContext();
    for (let y = 0; y < H; y += 5) for (let x = 0; x < W; x += 5) {
      g.fillStyle = 'hsl(' + ((x + y) % 360) + ', 40%, ' + (30 + ((x * y) % 40)) + '%)';
      g.fillRect(x, y, 5, 5);
    }
    t.refresh();
    this.add.image(0, 0, 'full').setOrigin(0, 0);
    window.__bareReady = true;
  }
}
const asked = new URLSearchParams(location.search).get('renderer');
const type = asked === 'canvas' ? Phaser.CANVAS : asked === 'webgl' ? Phaser.WEBGL : Phaser.AUTO;
new Phaser.Game({ type, width: W, height: H, parent: 'app', backgroundColor: '#000', scene: Full });
`;

/** The bare entry, ready (as the game's hook says it) once Phaser has booted: the first frame's yardstick. */
const BARE_READY = `import * as Phaser from 'phaser';
new Phaser.Game({ type: Phaser.AUTO, width: 10, height: 10, callbacks: { postBoot: () => { window.__brink = { ready: true, screen: 'menu' }; } } });
`;

/** Builds `entry` as a one-page site with Vite; returns the output folder. */
async function buildEntry(name: string, entry: string): Promise<string> {
  const { build } = await import('vite');
  const src = join(CACHE, name, 'src');
  const out = join(CACHE, name, 'dist');
  rmSync(join(CACHE, name), { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0"><div id="app"></div><script type="module" src="./main.js"></script></body></html>\n');
  writeFileSync(join(src, 'main.js'), entry);
  await build({
    root: src,
    configFile: false,
    base: './',
    logLevel: 'error',
    build: { outDir: out, emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0, chunkSizeWarningLimit: 4000 },
  });
  return out;
}

/** Gzip bytes of all the JavaScript of a bare Phaser build. */
export async function barePhaserGzipBytes(): Promise<number> {
  const out = await buildEntry('bare', BARE);
  const assets = join(out, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((n, f) => n + gzipBytes(join(assets, f)), 0);
}

/** A built site of Phaser drawing one full-canvas texture; window.__bareReady once it is drawn. */
export function buildFullCanvas(): Promise<string> {
  return buildEntry('full-canvas', FULL_CANVAS);
}

/** A built site of bare Phaser that sets window.__brink = { ready: true, screen: 'menu' } once booted. */
export function buildBareReady(): Promise<string> {
  return buildEntry('bare-ready', BARE_READY);
}
