// Share links: a replay packed into the URL fragment (#replay=…), compressed with lz-string. Checkpoints
// are shortened to 6 hex digits (a mismatch still shows on its day); nothing leaves the page but the link.
import LZString from 'lz-string';
import { parseReplay, type Replay, type ReplayRead } from '../sim/index';

export const LINK_KEY = 'replay';
const SHORT = 6;

/** The fragment (without '#') that carries a replay. */
export function replayFragment(replay: Replay): string {
  const short: Replay = { ...replay, checkpoints: replay.checkpoints.map((c) => c.slice(0, SHORT)) };
  return `${LINK_KEY}=${LZString.compressToEncodedURIComponent(JSON.stringify(short))}`;
}

/** A full link to the page with the replay in its fragment. */
export function replayLink(base: string, replay: Replay): string {
  return `${base.split('#')[0]}#${replayFragment(replay)}`;
}

/** The replay in a URL fragment, if there is one: undefined when the fragment carries none. */
export function readReplayFragment(hash: string): ReplayRead | undefined {
  const m = /(?:^#?|&)replay=([^&]*)/.exec(hash);
  if (!m) return undefined;
  const json = LZString.decompressFromEncodedURIComponent(m[1]!);
  if (!json) return { ok: false, error: 'the link is damaged: its replay cannot be unpacked' };
  return parseReplay(json);
}
