// The map's palette and type: a dark news-graphic look (deep sea, muted land, the actors' countries
// tinted with a hint of their colours), a colour-blind-safe sequential ramp for tension (blue → amber → orange → deep red,
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

/** How much of an actor's colour tints its countries over the land colour: a hue, not a fill. */
export const TINT_SHARE = 0.15;
/**
 * The lightness of a tinted country over the neutral land's: lifted a little. Actors whose colours are
 * of nearly one hue (Belarus's red, Russia's dark red) take the next lightness in turn, so neighbours
 * stay apart.
 */
export const TINT_LIFTS = [1.32, 1.12, 1.55];
/** Hues closer than this (degrees) count as one. */
const SAME_HUE = 40;

/** Relative luminance of 0xRRGGBB (0–255). */
function luminance(c: number): number {
  return 0.2126 * ((c >> 16) & 255) + 0.7152 * ((c >> 8) & 255) + 0.0722 * (c & 255);
}

/** Hue of 0xRRGGBB in degrees (0 for greys). */
function hue(c: number): number {
  const [r, g, b] = [((c >> 16) & 255) / 255, ((c >> 8) & 255) / 255, (c & 255) / 255];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

/** The land colour with a share of a colour, brought to `lift` times the land's lightness. */
function tintAt(colour: number, lift: number): number {
  const m = mix(LAND, colour, TINT_SHARE);
  const k = (luminance(LAND) * lift) / Math.max(1, luminance(m));
  const ch = (s: number) => Math.min(255, Math.round(((m >> s) & 255) * k));
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

/**
 * The fills of the actors' countries, in the actors' order (#rrggbb colours): each the land colour with
 * a hue of the actor's, at one lightness, so a yellow and a dark red actor read as hues of the same muted
 * map; an actor whose hue is close to an earlier one's takes a lightness none of those uses.
 */
export function tints(colours: readonly string[]): number[] {
  const hues = colours.map((c) => hue(parseHex(c)));
  const lifts: number[] = [];
  return colours.map((c, i) => {
    const near = new Set<number>();
    for (let j = 0; j < i; j++) {
      const d = Math.abs(hues[i]! - hues[j]!);
      if (Math.min(d, 360 - d) < SAME_HUE) near.add(lifts[j]!);
    }
    const lift = TINT_LIFTS.find((l) => !near.has(l)) ?? TINT_LIFTS[i % TINT_LIFTS.length]!;
    lifts.push(lift);
    return tintAt(parseHex(c), lift);
  });
}

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
