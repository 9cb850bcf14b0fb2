// Number formatting for the overlay: signed deltas, tension values, Goldstein weights.

/** "+4.2" / "−1.0" (a real minus sign). */
export function signed(v: number, digits = 1): string {
  const s = Math.abs(v).toFixed(digits);
  if (Number(s) === 0) return `±${s}`;
  return v > 0 ? `+${s}` : `−${s}`;
}

/** A tension value for display ("47"). */
export function tensionText(v: number): string {
  return v.toFixed(0);
}

/** ▲ / ▼ / ─ for a change. */
export function arrow(v: number, eps = 0.05): string {
  return v > eps ? '▲' : v < -eps ? '▼' : '–';
}

/** The menu's "today's seed": the local date as YYYY-MM-DD. */
export function todaySeed(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** A random seed of 8 base-36 characters from the browser's CSPRNG (UI only; the model stays seeded). */
export function randomSeed(): string {
  const a = new Uint32Array(2);
  crypto.getRandomValues(a);
  return ((a[0]! * 0x100000 + (a[1]! & 0xfffff)) % 36 ** 8).toString(36).padStart(8, '0');
}
