// Sharing: what "Save replay" and "Copy link" hand out — the replay being watched in the viewer, or
// else the game so far — and the address bar, which always names what is on screen so a reload (or a
// copy of the address) brings it back: the running game as ?scenario=…&seed=…&role=…, a watched
// replay as #replay=…, and the bare page on the menu.
import type { Replay } from '../sim/index';
import type { SessionStore } from '../store/session';
import { replayFragment } from '../store/replay-link';
import { copyReplayLink, downloadReplay } from '../ui/share';
import { writeLaunch } from '../ui/url';

export interface Sharing {
  /** Downloads the shared replay as a file. */
  saveReplay(): void;
  /** Copies a link that replays it. */
  copyLink(): void;
  /** A replay opened in the viewer: it is what is shared, and the address bar carries it. */
  watch(replay: Replay): void;
  /** The replay being watched (null while a game is played). */
  watched(): Replay | null;
  /** A game started, resumed or played on: the game is shared, and the address bar names it. */
  play(): void;
  /** Back to the menu: the address bar is the page's own again. */
  leave(): void;
}

export function createSharing(store: SessionStore): Sharing {
  let opened: Replay | null = null;
  // In the viewer, the store's replay is the one opened, with its notes as edited since.
  const shared = (): Replay | null => store.getState().replay();
  return {
    saveReplay() {
      const r = shared();
      if (r) downloadReplay(r);
    },
    copyLink() {
      const r = shared();
      if (r) void copyReplayLink(r);
    },
    watch(replay) {
      opened = replay;
      history.replaceState(null, '', `${location.pathname}#${replayFragment(replay)}`);
    },
    watched: () => opened,
    play() {
      opened = null;
      const s = store.getState();
      if (s.file && s.scenario) writeLaunch({ file: s.file, id: s.scenario.data.meta.id, seed: s.seed, role: s.role });
    },
    leave() {
      history.replaceState(null, '', location.pathname);
    },
  };
}
