// Calendar arithmetic on YYYY-MM-DD strings without Date (the model has no clock):
// days-from-civil and civil-from-days (proleptic Gregorian), after Howard Hinnant's algorithms.

/** Days since 1970-01-01 for a YYYY-MM-DD date. */
export function dayNumber(iso: string): number {
  const y0 = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The YYYY-MM-DD date of a day number. */
export function isoDate(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** True when the string is a real calendar date (not 2022-02-30). */
export function isRealDate(iso: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && isoDate(dayNumber(iso)) === iso;
}

/** The date of a turn: turn 1 is the scenario's start date. */
export function turnDate(start: string, turn: number): string {
  return isoDate(dayNumber(start) + turn - 1);
}

/** The turn on which a date falls (may be < 1 or beyond the limit). */
export function dateTurn(start: string, iso: string): number {
  return dayNumber(iso) - dayNumber(start) + 1;
}

/** The one list of month names (short forms are their first three letters). */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const day = (iso: string): number => Number(iso.slice(8, 10));
const month = (iso: string, short: boolean): string => {
  const name = MONTHS[Number(iso.slice(5, 7)) - 1]!;
  return short ? name.slice(0, 3) : name;
};

/** "28 Jan 2022" for display. */
export function longDate(iso: string): string {
  return `${day(iso)} ${month(iso, true)} ${iso.slice(0, 4)}`;
}

/** "28 Jan", for chart axes. */
export function shortDate(iso: string): string {
  return iso ? `${day(iso)} ${month(iso, true)}` : '';
}

/** "9 February", for reports. */
export function dayAndMonth(iso: string): string {
  return `${day(iso)} ${month(iso, false)}`;
}
