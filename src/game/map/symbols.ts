// Unit symbols: APP-6 / MIL-STD-2525 frames drawn by milsymbol, turned into Phaser textures. The Boot
// scene loads them through Phaser's loader (SVG blob URLs, so the progress bar is real); anything
// missing later (another scenario) is drawn straight to a canvas texture on demand.
import ms from 'milsymbol';
import type * as Phaser from 'phaser';

/** milsymbol's size (the frame's height in px, roughly); textures are drawn at 2× and shown at ½. */
export const SYMBOL_SIZE = 21;
export const SYMBOL_RES = 2;

const OPTIONS = {
  size: SYMBOL_SIZE,
  colorMode: 'Medium',
  outlineColor: 'rgba(6, 12, 18, 0.85)',
  outlineWidth: 3,
  strokeWidth: 3,
} as const;

export function symbolKey(sidc: string): string {
  return `sym:${sidc}`;
}

/** An SVG data blob URL for a symbol (the caller revokes it). */
export function symbolBlobUrl(sidc: string): string {
  const svg = new ms.Symbol(sidc, { ...OPTIONS }).asSVG();
  return URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
}

/** Makes sure the symbol's texture exists (drawn to a canvas if the loader did not bring it). */
export function ensureSymbol(scene: Phaser.Scene, sidc: string): string {
  const key = symbolKey(sidc);
  if (!scene.textures.exists(key)) {
    const canvas = new ms.Symbol(sidc, { ...OPTIONS }).asCanvas(SYMBOL_RES);
    scene.textures.addCanvas(key, canvas);
  }
  return key;
}
