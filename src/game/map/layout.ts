// Screen-space layout helpers: boxes, overlap tests, a deterministic spread of items that crowd one
// spot (unit symbols at neighbouring places), and label placement by candidate offsets.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A box centred at (cx, cy). */
export function centred(cx: number, cy: number, w: number, h: number): Box {
  return { x: cx - w / 2, y: cy - h / 2, w, h };
}

export function overlap(a: Box, b: Box, margin = 0): number {
  const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) + margin;
  const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) + margin;
  return ox > 0 && oy > 0 ? ox * oy : 0;
}

export function contains(b: Box, x: number, y: number): boolean {
  return x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;
}

export interface SpreadItem {
  /** Centre, updated in place. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Where it wants to be. */
  hx: number;
  hy: number;
}

/**
 * Pushes overlapping items apart (along the axis of least penetration) while springs pull each back
 * to its home; fixed obstacles only push. Deterministic: same input, same output.
 */
export function spread(items: SpreadItem[], obstacles: Box[], bounds: Box, iterations = 120, gap = 3): void {
  for (let it = 0; it < iterations; it++) {
    let moved = false;
    for (let i = 0; i < items.length; i++) {
      const a = items[i]!;
      for (let j = i + 1; j < items.length; j++) {
        const b = items[j]!;
        const px = (a.w + b.w) / 2 + gap - Math.abs(a.x - b.x);
        const py = (a.h + b.h) / 2 + gap - Math.abs(a.y - b.y);
        if (px <= 0 || py <= 0) continue;
        moved = true;
        if (px < py) {
          const s = (a.x < b.x || (a.x === b.x && i < j) ? -1 : 1) * px * 0.5;
          a.x += s;
          b.x -= s;
        } else {
          const s = (a.y < b.y || (a.y === b.y && i < j) ? -1 : 1) * py * 0.5;
          a.y += s;
          b.y -= s;
        }
      }
      for (const o of obstacles) {
        const ocx = o.x + o.w / 2;
        const ocy = o.y + o.h / 2;
        const px = (a.w + o.w) / 2 + gap - Math.abs(a.x - ocx);
        const py = (a.h + o.h) / 2 + gap - Math.abs(a.y - ocy);
        if (px <= 0 || py <= 0) continue;
        moved = true;
        if (px < py) a.x += (a.x < ocx ? -px : px) * 0.6;
        else a.y += (a.y < ocy ? -py : py) * 0.6;
      }
    }
    for (const a of items) {
      const k = it < iterations * 0.75 ? 0.12 : 0;
      a.x += (a.hx - a.x) * k;
      a.y += (a.hy - a.y) * k;
      a.x = Math.max(bounds.x + a.w / 2, Math.min(bounds.x + bounds.w - a.w / 2, a.x));
      a.y = Math.max(bounds.y + a.h / 2, Math.min(bounds.y + bounds.h - a.h / 2, a.y));
    }
    if (!moved && it > 10) break;
  }
}

/** Label offsets tried in order around a marker: right, left, above, below, then the diagonals. */
export const LABEL_SLOTS: [number, number, number, number][] = [
  // dx, dy, originX, originY
  [7, 0, 0, 0.5],
  [-7, 0, 1, 0.5],
  [0, -8, 0.5, 1],
  [0, 8, 0.5, 0],
  [6, -6, 0, 1],
  [6, 6, 0, 0],
  [-6, -6, 1, 1],
  [-6, 6, 1, 0],
];

/** The first slot whose box clears every obstacle, or the least-overlapping one (and its overlap). */
export function placeLabel(x: number, y: number, w: number, h: number, obstacles: Box[], scale = 1): { box: Box; slot: number; clash: number } {
  let best = { box: { x, y, w, h }, slot: 0, clash: Infinity };
  LABEL_SLOTS.forEach(([dx, dy, ox, oy], slot) => {
    const box = { x: x + dx * scale - ox * w, y: y + dy * scale - oy * h, w, h };
    let clash = 0;
    for (const o of obstacles) clash += overlap(box, o, 1);
    if (clash < best.clash) best = { box, slot, clash };
  });
  return best;
}
