// Share links: a replay packed into the URL fragment (#replay=…), compressed with lz-string, and
// optionally the day to open it on (#replay=…&day=23). Checkpoints are shortened to 6 hex digits (a
// mismatch still shows on its day); nothing leaves the page but the link.
import LZString from 'lz-string';
import { parseReplay, type Replay, type ReplayRead } from '../sim/index';

export const LINK_KEY = 'replay';
export const DAY_KEY = 'day';
const SHORT = 6;

/** The fragment (without '#') that carries a replay, and the day to open it on when given. */
export function replayFragment(replay: Replay, day?: number): string {
  const short: Replay = { ...replay, checkpoints: replay.checkpoints.map((c) => c.slice(0, SHORT)) };
  return `${LINK_KEY}=${LZString.compressToEncodedURIComponent(JSON.stringify(short))}${dayPart(day)}`;
}

/** "&day=N" for a whole day number, else nothing. */
export function dayPart(day: number | undefined): string {
  return day !== undefined && Number.isInteger(day) && day >= 0 ? `&${DAY_KEY}=${day}` : '';
}

/** A full link to the page with the replay in its fragment (and the day to open on, when given). */
export function replayLink(base: string, replay: Replay, day?: number): string {
  return `${base.split('#')[0]}#${replayFragment(replay, day)}`;
}

/** The replay in a URL fragment, if there is one: undefined when the fragment carries none. */
export function readReplayFragment(hash: string): ReplayRead | undefined {
  const m = /(?:^#?|&)replay=([^&]*)/.exec(hash);
  if (!m) return undefined;
  const json = LZString.decompressFromEncodedURIComponent(m[1]!);
  if (!json) return { ok: false, error: 'the link is damaged: its replay cannot be unpacked' };
  return parseReplay(json);
}

/** The packed replay part of a fragment (to tell whether two fragments carry the same replay), or null. */
export function replayPart(hash: string): string | null {
  return /(?:^#?|&)replay=([^&]*)/.exec(hash)?.[1] ?? null;
}

/**
 * The day a fragment names (&day=23), or undefined when it names none or a value that is not a whole
 * number (ignored: the replay opens on its usual day). A number beyond the replay is clamped when it
 * opens (session.openReplay).
 */
export function readDayFragment(hash: string): number | undefined {
  const m = /(?:^#?|&)day=([^&]*)/.exec(hash);
  if (!m) return undefined;
  let v: string;
  try {
    v = decodeURIComponent(m[1]!).trim();
  } catch {
    return undefined;
  }
  if (!/^[+-]?\d{1,9}$/.test(v)) return undefined;
  return Math.max(0, Number(v));
}
