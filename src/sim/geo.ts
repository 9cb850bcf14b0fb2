// Distances on the globe for the model: from a place to a border line, in kilometres.
// Uses a local equirectangular approximation per segment (accurate to well under 1% at these scales).

const EARTH_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Distance in km from a point to a segment, both in lon/lat degrees. */
function pointSegmentKm(lon: number, lat: number, a: readonly [number, number], b: readonly [number, number]): number {
  const k = Math.cos(lat * RAD);
  const ax = (a[0] - lon) * k;
  const ay = a[1] - lat;
  const bx = (b[0] - lon) * k;
  const by = b[1] - lat;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  const x = ax + t * dx;
  const y = ay + t * dy;
  return Math.sqrt(x * x + y * y) * RAD * EARTH_KM;
}

/** Shortest distance in km from a point to a polyline. */
export function borderDistanceKm(lon: number, lat: number, line: readonly (readonly [number, number])[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) best = Math.min(best, pointSegmentKm(lon, lat, line[i - 1]!, line[i]!));
  return Math.round(best * 10) / 10;
}

/** Great-circle distance in km between two points. */
export function distanceKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h))) * 10) / 10;
}
