// Launch routing: what the page opens with, read from its URL once the scenarios are known. A share
// link (#replay=…) opens its replay in the viewer, on the day it names (&day=N; a value that is not a
// day number is ignored, one beyond the replay is clamped), else on day 1; ?resume=1 resumes the saved game; ?scenario=…&seed=…
// &role=… (with &speed= and &autoplay=) resumes the saved game when it is that game — a reload mid-game
// — or starts it anew; anything else, or anything that fails, shows the menu, with a notice saying why.
import type { SessionStore } from '../store/session';
import { readDayFragment, readReplayFragment } from '../store/replay-link';
import type { ReplayOpener } from '../ui/import';
import { notify } from '../ui/notice';
import { savedGame } from '../ui/saves';
import { readLaunch } from '../ui/url';
import type { Flow } from './flow';
import type { Sharing } from './sharing';

export function routeLaunch(store: SessionStore, opener: ReplayOpener, flow: Pick<Flow, 'start' | 'resumeSaved'>, url: { search: string; hash: string } = location): void {
  const toMenu = () => store.getState().showMenu();
  const catalogue = store.getState().catalogue;
  const fragment = readReplayFragment(url.hash);
  const launch = readLaunch(url.search, catalogue);
  const saved = savedGame(catalogue);
  if (fragment) {
    // A share link: its replay opens in the viewer (the same path as a file).
    if (opener.open(fragment, 'The share link', readDayFragment(url.hash))) toMenu();
  } else if (new URLSearchParams(url.search).get('resume') === '1') {
    if (!flow.resumeSaved()) toMenu();
  } else if (launch && !('error' in launch)) {
    // A reload mid-game: the URL names the saved game, which resumes exactly where it was.
    const same = saved && !('error' in saved) && saved.save.file === launch.file && saved.save.replay.seed === launch.seed && saved.save.replay.role === launch.role;
    if (!same || !flow.resumeSaved()) {
      flow.start({ file: launch.file, seed: launch.seed, role: launch.role });
      if (saved && 'error' in saved) notify(store, 'The saved game could not be used', `${saved.error}; a new game has started instead`);
    }
    if (store.getState().screen === 'play') {
      if (launch.speed) store.getState().setSpeed(launch.speed);
      store.getState().setAlerts(launch.alerts);
      if (launch.autoplay) store.getState().setAutoplay(true);
    }
  } else {
    if (launch) notify(store, 'The game could not start', launch.error);
    else if (saved && 'error' in saved) notify(store, 'The saved game could not be used', `${saved.error}. A fresh menu is shown instead.`);
    toMenu();
  }
}

/**
 * A share link's fragment edited in the address bar (the page does not reload): another day of the
 * replay watched moves the viewer there; another replay opens in the viewer. Returns a function that
 * stops listening.
 */
export function followHash(store: SessionStore, opener: ReplayOpener, sharing: Pick<Sharing, 'shows'>): () => void {
  const onHash = () => {
    const hash = location.hash;
    const day = readDayFragment(hash);
    if (sharing.shows(hash)) {
      if (day !== undefined) store.getState().seek(day);
      return;
    }
    const fragment = readReplayFragment(hash);
    if (fragment) opener.open(fragment, 'The share link', day);
  };
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}
