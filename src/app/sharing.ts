// Sharing: what "Save replay" and "Copy link" hand out — the replay being watched in the viewer (with its
// notes as edited), or else the game so far — "Copy link to this day" (the viewer's replay, opening on
// the day shown), and the address bar, which always names what is on screen so a reload (or a copy of
// the address) brings it back: the running game as ?scenario=…&seed=…&role=…, a watched replay as
// #replay=…&day=N (rewritten in place, never adding to the history, when the day shown or the notes
// change), and the bare page on the menu.
import { whenIdle } from '../ui/idle';
import type { Replay } from '../sim/index';
import type { SessionStore } from '../store/session';
import { replayFragment, replayPart, dayPart } from '../store/replay-link';
import { copyReplayLink, downloadReplay } from '../ui/share';
import { writeLaunch } from '../ui/url';

/** The address bar follows the viewer at most this often (dragging the scrubber moves it many times a second). */
const FOLLOW_MS = 150;
/**
 * Then it waits for the page to be idle (at most this long): with the packed replay in it, the address
 * is long, and writing it took 3-8 ms, enough to delay the frame of a jump it fell in (issue 16).
 */
const IDLE_MS = 300;

export interface Sharing {
  /** Downloads the shared replay as a file. */
  saveReplay(): void;
  /** Copies a link that replays it. */
  copyLink(): void;
  /** Copies a link that opens the watched replay on the day shown. */
  copyDayLink(): void;
  /** A replay opened in the viewer: it is what is shared, and the address bar carries it. */
  watch(replay: Replay): void;
  /** The replay being watched (null while a game is played). */
  watched(): Replay | null;
  /** Whether a URL fragment carries the replay being watched (with its notes as the address bar has them). */
  shows(hash: string): boolean;
  /** A game started, resumed or played on: the game is shared, and the address bar names it. */
  play(): void;
  /** Back to the menu: the address bar is the page's own again. */
  leave(): void;
}

export function createSharing(store: SessionStore): Sharing {
  let opened: Replay | null = null;
  // In the viewer, the store's replay is the one opened, with its notes as edited since.
  const shared = (): Replay | null => store.getState().replay();
  /** The packed replay last written to the address bar, and the notes it was packed with. */
  let packed = '';
  let packedNotes: unknown = null;
  /** The cancel of a pending write (FOLLOW_MS after a change, then once the page is idle), or null. */
  let pending: (() => void) | null = null;
  const cancel = () => {
    pending?.();
    pending = null;
  };

  /** Writes the watched replay and the day shown into the address bar (replacing the entry). */
  function writeWatched(): void {
    cancel();
    const s = store.getState();
    const r = s.replay();
    if (!opened || !s.viewer || !r || s.screen === 'menu') return;
    if (s.notes !== packedNotes || !packed) {
      packed = replayFragment(r);
      packedNotes = s.notes;
    }
    history.replaceState(null, '', `${location.pathname}#${packed}${dayPart(s.viewer.cursor)}`);
  }

  store.subscribe((s, prev) => {
    if (!opened || !s.viewer || s.screen === 'menu') return;
    if (s.viewer.cursor !== prev.viewer?.cursor || s.notes !== prev.notes) {
      if (pending === null) {
        const timer = setTimeout(() => (pending = whenIdle(writeWatched, IDLE_MS)), FOLLOW_MS);
        pending = () => clearTimeout(timer);
      }
    }
  });

  return {
    saveReplay() {
      const r = shared();
      if (r) downloadReplay(r);
    },
    copyLink() {
      const r = shared();
      if (r) void copyReplayLink(r);
    },
    copyDayLink() {
      const r = shared();
      const day = store.getState().viewer?.cursor;
      if (r && day !== undefined) void copyReplayLink(r, day);
    },
    watch(replay) {
      opened = replay;
      packed = '';
      writeWatched();
    },
    watched: () => opened,
    shows: (hash) => !!opened && !!store.getState().viewer && !!packed && replayPart(hash) === packed.replace(/^replay=/, ''),
    play() {
      cancel();
      opened = null;
      const s = store.getState();
      if (s.file && s.scenario) writeLaunch({ file: s.file, id: s.scenario.data.meta.id, seed: s.seed, role: s.role });
    },
    leave() {
      cancel();
      history.replaceState(null, '', location.pathname);
    },
  };
}
