// The map's palette and type: a dark news-graphic look (deep sea, muted land, the crisis countries
// subtly lifted), a colour-blind-safe sequential ramp for tension (blue → amber → orange → deep red,
// after ColorBrewer YlOrRd with a cool low end; no red/green contrasts), and the text styles.
import { tensionRgb } from '../../ui/palette';
import type * as Phaser from 'phaser';

export const FONT = 'Inter Variable, Inter, system-ui, sans-serif';

export const SEA = 0x0b1722;
export const GRATICULE = 0x16283a;
export const LAND = 0x1b2530;
export const LAND_EDGE = 0x2c3a47;
export const BORDER = 0x4a5d6e;
export const BORDER_FOCUS = 0x8197aa;
/** Beyond the stored map's edge (seen only when zoomed out past it). */
export const OUTSIDE = 0x070d13;

/** Fills of the countries the scenario is about (by ISO3), subtly distinguished. */
export const COUNTRY_FILL: Record<string, number> = {
  BLR: 0x34313f,
  UKR: 0x243848,
  RUS: 0x2b2a30,
  POL: 0x26303a,
  LTU: 0x273539,
  LVA: 0x29333c,
  EST: 0x26303a,
};

export const TEXT = '#e8edf2';
export const TEXT_DIM = '#93a4b4';
export const TEXT_COUNTRY = '#6f8294';
export const TEXT_SHADOW = '#070d13';
export const ACCENT = '#f2b134';
export const BORDER_WARN = '#f4a259';

/** The tension colour (0–100) as 0xRRGGBB: the one ramp the panels use too (src/ui/palette.ts). */
export function tensionColour(t: number): number {
  const [r, g, b] = tensionRgb(t);
  return (r << 16) | (g << 8) | b;
}

export function hex(c: number): string {
  return '#' + c.toString(16).padStart(6, '0');
}

export function parseHex(s: string): number {
  return parseInt(s.replace('#', ''), 16);
}

/** Mixes two 0xRRGGBB colours (k = 0: a, 1: b). */
export function mix(a: number, b: number, k: number): number {
  const ch = (c: number, s: number) => (c >> s) & 255;
  const m = (s: number) => Math.round(ch(a, s) + (ch(b, s) - ch(a, s)) * k);
  return (m(16) << 16) | (m(8) << 8) | m(0);
}

type Style = Phaser.Types.GameObjects.Text.TextStyle;

/** A text style: size in px, weight (e.g. '600'), colour; a dark outline keeps labels legible on the map. */
export function textStyle(size: number, weight = '500', color = TEXT, outline = true): Style {
  return {
    fontFamily: FONT,
    fontSize: `${size}px`,
    fontStyle: weight,
    color,
    ...(outline ? { stroke: TEXT_SHADOW, strokeThickness: Math.max(2, Math.round(size / 4)) } : {}),
  };
}

/** Text objects render at the device pixel ratio so they stay crisp on HiDPI screens. */
export const TEXT_RESOLUTION = Math.min(3, Math.max(1, typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1));
