// Screen-space layout helpers: boxes, overlap tests, a deterministic placement of items that crowd one
// spot (unit clusters at neighbouring places: each at the free spot nearest its home), and label
// placement by candidate offsets.

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
 * Places items one by one, in order, each at the free spot nearest its home: its home if nothing is
 * there, else the first clear spot on rings of growing radius (24 directions) around it, clear of the
 * obstacles and of the items placed before it, inside `bounds`. With no clear spot within `maxR`, it
 * takes the least crowded one. Deterministic: same input, same output. No item moves further than it
 * must, so leader lines stay short.
 */
export function settle(items: SpreadItem[], obstacles: Box[], bounds: Box, gap = 3, maxR = 200): void {
  const placed: Box[] = [];
  for (const a of items) {
    // Clamps a centre into bounds (x then y, into cx, cy), as inBounds did: no object per spot tried.
    const minX = bounds.x + a.w / 2;
    const maxX = bounds.x + bounds.w - a.w / 2;
    const minY = bounds.y + a.h / 2;
    const maxY = bounds.y + bounds.h - a.h / 2;
    const clampX = (x: number) => Math.max(minX, Math.min(maxX, x));
    const clampY = (y: number) => Math.max(minY, Math.min(maxY, y));
    // Only boxes that reach where this item may go can clash with it: the others (which would add 0)
    // are left out, and a spot's sum stops once it cannot beat the best so far. Same result, less work.
    const lo = { x: clampX(a.hx - maxR), y: clampY(a.hy - maxR) };
    const hi = { x: clampX(a.hx + maxR), y: clampY(a.hy + maxR) };
    const reach: Box = { x: lo.x - a.w / 2 - gap, y: lo.y - a.h / 2 - gap, w: hi.x - lo.x + a.w + 2 * gap, h: hi.y - lo.y + a.h + 2 * gap };
    const near = (o: Box) => o.x <= reach.x + reach.w && o.x + o.w >= reach.x && o.y <= reach.y + reach.h && o.y + o.h >= reach.y;
    const others = [...obstacles.filter(near), ...placed.filter(near)];
    const bw = a.w + gap;
    const bh = a.h + gap;
    // The overlap of the item's box at (x, y) (as boxAt makes it) with the others, summed until `limit`.
    const clash = (x: number, y: number, limit: number) => {
      const bx = x - a.w / 2 - gap / 2;
      const by = y - a.h / 2 - gap / 2;
      let sum = 0;
      for (const o of others) {
        const ox = Math.min(bx + bw, o.x + o.w) - Math.max(bx, o.x);
        const oy = Math.min(by + bh, o.y + o.h) - Math.max(by, o.y);
        if (ox > 0 && oy > 0) sum += ox * oy;
        if (sum >= limit) return sum;
      }
      return sum;
    };
    let bx = clampX(a.hx);
    let by = clampY(a.hy);
    let bc = clash(bx, by, Infinity);
    for (let r = 4; r <= maxR && bc > 0; r += 4) {
      for (let k = 0; k < RING; k++) {
        const px = clampX(a.hx + COS[k]! * r);
        const py = clampY(a.hy + SIN[k]! * r);
        const c = clash(px, py, bc);
        if (c < bc) {
          bx = px;
          by = py;
          bc = c;
        }
        if (c === 0) break;
      }
    }
    a.x = bx;
    a.y = by;
    placed.push({ x: a.x - a.w / 2 - gap / 2, y: a.y - a.h / 2 - gap / 2, w: bw, h: bh });
  }
}

/** settle's 24 directions around a home (the same angles as computed in its loop before). */
const RING = 24;
const COS = Array.from({ length: RING }, (_, k) => Math.cos((k / RING) * Math.PI * 2));
const SIN = Array.from({ length: RING }, (_, k) => Math.sin((k / RING) * Math.PI * 2));

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

/** The area of a box that lies outside `bounds`. */
export function outside(b: Box, bounds: Box): number {
  const iw = Math.max(0, Math.min(b.x + b.w, bounds.x + bounds.w) - Math.max(b.x, bounds.x));
  const ih = Math.max(0, Math.min(b.y + b.h, bounds.y + bounds.h) - Math.max(b.y, bounds.y));
  return b.w * b.h - iw * ih;
}

/**
 * The first slot whose box clears every obstacle, or the least-overlapping one (and its overlap). With
 * `bounds` (the canvas), a box cut by its edge counts its hidden part as overlap, twice over; `soft`
 * obstacles (another place's dot, units before they settle) count a third, and are left out of `hard`.
 */
export function placeLabel(x: number, y: number, w: number, h: number, obstacles: Box[], scale = 1, bounds?: Box, soft: Box[] = []): { box: Box; slot: number; clash: number; hard: number } {
  let best = { box: { x, y, w, h }, slot: 0, clash: Infinity, hard: Infinity };
  LABEL_SLOTS.forEach(([dx, dy, ox, oy], slot) => {
    const box = { x: x + dx * scale - ox * w, y: y + dy * scale - oy * h, w, h };
    let hard = bounds ? 2 * outside(box, bounds) : 0;
    for (const o of obstacles) hard += overlap(box, o, 1);
    let clash = hard;
    for (const o of soft) clash += overlap(box, o, 1) / 3;
    if (clash < best.clash) best = { box, slot, clash, hard };
  });
  return best;
}
