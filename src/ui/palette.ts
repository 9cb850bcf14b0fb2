// The tension palette: the same sequential ramp as the map (src/game/map/palette.ts) — a cool blue low
// end, then amber, orange and deep red, after ColorBrewer YlOrRd — so the panels and the map agree.
// It never contrasts red with green. Cooperation vs conflict uses blue vs orange.
const STOPS: [number, [number, number, number]][] = [
  [0, [92, 135, 176]],
  [25, [150, 170, 160]],
  [40, [242, 196, 92]],
  [60, [244, 132, 50]],
  [80, [226, 62, 42]],
  [100, [170, 16, 38]],
];

/** The ramp colour for a tension (0–100) as [r, g, b]; the map uses it too. */
export function tensionRgb(t: number): [number, number, number] {
  const v = Math.max(0, Math.min(100, t));
  for (let i = 1; i < STOPS.length; i++) {
    const [b, cb] = STOPS[i]!;
    const [a, ca] = STOPS[i - 1]!;
    if (v <= b) {
      const k = (v - a) / (b - a);
      return ca.map((x, j) => Math.round(x + (cb[j]! - x) * k)) as [number, number, number];
    }
  }
  return [170, 16, 38];
}

/** The ramp colour for a tension (0–100) as an rgb() string. */
export function tensionColour(t: number): string {
  const [r, g, b] = tensionRgb(t);
  return `rgb(${r}, ${g}, ${b})`;
}

/** Relative luminance of an sRGB colour (WCAG 2). */
function luminance(rgb: [number, number, number]): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Text colour that reads on top of a ramp colour (by its relative luminance). */
export function inkOn(t: number): string {
  return luminance(tensionRgb(t)) > 0.22 ? '#14110c' : '#fff6ee';
}

/** The panels' background (--panel in styles/base.css), the lightest that tension numbers are written on. */
const PANEL: [number, number, number] = [17, 24, 33];

/**
 * The ramp colour for a tension written as text on the dark panels: the ramp's own colour where it reads
 * at 4.5:1 (WCAG AA), else the same hue mixed toward white until it does (the deep reds near 100).
 */
export function tensionText(t: number): string {
  const bg = luminance(PANEL) + 0.05;
  let rgb = tensionRgb(t);
  for (let i = 0; i < 20 && (luminance(rgb) + 0.05) / bg < 4.5; i++) rgb = rgb.map((c) => Math.round(c + (255 - c) * 0.1)) as [number, number, number];
  return `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
}

/** Cooperation (positive Goldstein, tension falling) and conflict (negative, rising). */
export const COOPERATION = '#5aa9e6';
export const CONFLICT = '#f08a3c';

/**
 * The ramp colour for a tension written as text on a light page (the printed handout): the ramp's own
 * colour where it reads at 4.5:1 on `paper`, else the same hue mixed toward black until it does.
 */
export function tensionInk(t: number, paper: [number, number, number]): string {
  const bg = luminance(paper) + 0.05;
  let rgb = tensionRgb(t);
  for (let i = 0; i < 20 && bg / (luminance(rgb) + 0.05) < 4.5; i++) rgb = rgb.map((c) => Math.round(c * 0.9)) as [number, number, number];
  return `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
}
