// The game's entry point: creates the session store, boots (fonts, bundled scenarios) behind a progress
// bar, then shows the menu (the map's chunk, with Phaser, is fetched after it) — or, from the URL, opens
// a share link's replay (#replay=…), resumes the saved game (?resume=1, or ?scenario=…&seed=…&role=…
// naming the saved game), or starts a new one — and switches between the menu, play and debrief screens
// as the store says. Also wires autoplay, the replay viewer's playback, autosave, sharing (download,
// link), opening replays (picker, drag and drop), loading the player's own scenarios (picker, drag and
// drop, the error panel), the tweak panel, hot reload of scenario files under `npm start`, the keyboard
// and the read-only test hook (window.__brink). Every scenario is read through one reader: the player's
// files over the bundled ones.
import { config as zodConfig } from 'zod';
import '@fontsource-variable/inter';
import '@fontsource/oswald/400.css';
import '@fontsource/oswald/600.css';
import '@fontsource/jetbrains-mono/400.css';
import '@fontsource/jetbrains-mono/600.css';
import './ui/styles/base.css';
import './ui/styles/menu.css';
import './ui/styles/play.css';
import './ui/styles/debrief.css';
import './ui/styles/replay.css';
import { createSession, type Session } from './store/session';
import { readReplayFragment, replayFragment } from './store/replay-link';
import { clearSave } from './store/saves';
import type { Replay } from './sim/index';
import { bundled } from './web/bundled-scenarios';
import { createBoot } from './ui/boot';
import { createMenu, type MenuChoice } from './ui/menu';
import { createPlayScreen } from './ui/play';
import { createDebrief } from './ui/debrief';
import { startAutoplay } from './ui/autoplay';
import { bindKeyboard } from './ui/keyboard';
import { exposeHook } from './ui/hook';
import { readLaunch, writeLaunch } from './ui/url';
import { loadMap, type MountMap } from './ui/map-host';
import { installTooltips } from './ui/tooltip';
import { closePopover } from './ui/popover';
import { randomSeed } from './ui/format';
import { h } from './ui/dom';
import { confirmModal } from './ui/modal';
import { notify } from './ui/notice';
import { copyReplayLink, downloadReplay } from './ui/share';
import { createFilePicker, createOpener, installDrop } from './ui/import';
import { describeSave, savedGame, startAutosave } from './ui/saves';
import { startViewerPlayback } from './ui/replay-bar';
import { createUserScenarios } from './ui/load/user-scenarios';
import { createErrorPanel } from './ui/load/error-panel';
import { createScenarioLoader, createScenarioPicker, routeFiles } from './ui/load/scenario-loader';
import { installHotReload } from './ui/load/hot-reload';
import { createTweaks, tweakFile } from './store/tweaks';
import { createTweakPanel } from './ui/tweak/tweak-panel';
import { toast } from './ui/toast';
import { loadScenario } from './sim/index';

// The page's Content-Security-Policy forbids eval: zod must not compile validators with new Function.
zodConfig({ jitless: true });

const app = document.getElementById('app')!;
// The URL as loaded: the map reads it when it mounts (?renderer=), after the address bar may have changed.
const loadedSearch = location.search;
const store = createSession();
const users = createUserScenarios(bundled);
const reader = users.reader;
let booted = false;
let mapMounted = false;
let renderer: string | null = null;
const publish = exposeHook(store, () => booted && (store.getState().screen !== 'play' || mapMounted), () => renderer);

installTooltips(document.body);
const boot = createBoot();
app.append(boot.el);

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([p, new Promise<undefined>((r) => setTimeout(() => r(undefined), ms))]);
}

async function main(): Promise<void> {
  boot.progress(0.05, 'Loading fonts');
  await withTimeout(Promise.all(['16px "Inter Variable"', '600 16px Oswald', '16px "JetBrains Mono"'].map((f) => document.fonts.load(f))), 4000);
  boot.progress(0.3, 'Reading scenarios');
  await new Promise((r) => setTimeout(r, 0));
  const refreshCatalogue = () => store.getState().loadCatalogue(reader, users.all());
  refreshCatalogue();
  boot.progress(0.95, 'Ready');

  // The replay being watched (for "Save replay" and "Copy link" while viewing).
  let opened: Replay | null = null;
  const shareable = (): Replay | null => (store.getState().viewer ? opened : store.getState().replay());
  const saveReplay = () => {
    const r = shareable();
    if (r) downloadReplay(r);
  };
  const copyLink = () => {
    const r = shareable();
    if (r) void copyReplayLink(r);
  };

  const play = createPlayScreen(store, {
    menu: () => void leaveToMenu(),
    saveReplay,
    copyLink,
    playOn: () => void playOn(),
    debrief: () => store.getState().setScreen('debrief'),
    close: backToMenu,
  });
  const debrief = createDebrief(store, {
    again: () => {
      const s = store.getState();
      if (s.file) void startFromMenu({ file: s.file, role: s.role, seed: randomSeed() });
    },
    menu: backToMenu,
    saveReplay,
    copyLink,
    replay: () => store.getState().setScreen('play'),
  });
  const opener = createOpener(store, reader, (replay) => {
    opened = replay;
    enterPlay();
    // The address bar carries the replay, so a reload (or a copy of the address) reopens it.
    history.replaceState(null, '', `${location.pathname}#${replayFragment(replay)}`);
  });
  const picker = createFilePicker(opener);

  // The player's own scenarios: checked, listed in the menu ("your file"), or their errors shown.
  const errors = createErrorPanel();
  const loader = createScenarioLoader(users, errors, ({ file, title }) => {
    refreshCatalogue();
    const s = store.getState();
    if (s.screen === 'menu') menu.select(file);
    else toast(`${title} is loaded: pick it in the menu to play it`, 4500);
  });
  const files = routeFiles(opener, loader);
  const scenarioPicker = createScenarioPicker(files);
  const menu = createMenu(store, reader, {
    start: (c) => void startFromMenu(c),
    resume: () => void resumeSaved(),
    discard: () => void discardSave(),
    openReplay: picker.pick,
    loadScenario: scenarioPicker.pick,
    mark: (f) => (users.kind(f) === 'file' ? 'your file' : users.kind(f) === 'tweak' ? 'tweaked' : null),
    saved: () => savedGame(store.getState().catalogue),
  });

  // The tweak panel, opened from a Tweak button placed before the top bar's Menu button.
  const tweaks = createTweaks();
  const tweak = createTweakPanel({
    session: store,
    tweaks,
    reader,
    errors,
    isTweak: (f) => users.kind(f) === 'tweak',
    saveTweak: (baseFile, text) => {
      const file = tweakFile(baseFile);
      users.add(file, text, 'tweak');
      refreshCatalogue();
      return file;
    },
    restart: (file) => {
      const s = store.getState();
      start({ file, seed: s.seed, role: s.role });
    },
  });
  const menuButton = play.el.querySelector('.tb-right > button[aria-label="Back to the menu"]');
  menuButton?.parentElement?.insertBefore(tweak.button, menuButton);

  app.append(play.el, debrief.el, menu.el, picker.input, scenarioPicker.input, tweak.el, errors.el);
  installDrop(files, document.body, { title: 'Drop a scenario or a replay', sub: 'A scenario file (.yaml or .json) to load it, or a Brink replay (.json) to watch it' });

  // Under `npm start`: a saved scenario file reloads here (see src/dev/scenario-hot-reload.ts).
  installHotReload(bundled, (file) => {
    refreshCatalogue();
    const changed = loadScenario(file, reader);
    const s = store.getState();
    const name = file.replace('scenarios/', '');
    if (!changed.ok) {
      errors.show({ title: `${name} does not load`, note: 'Hot reload: the game in progress goes on. Fix the file and save it again.', errors: changed.errors, file });
      return;
    }
    if (s.screen === 'menu') menu.show(store.getState());
    if (!s.file || !s.game || s.viewer || !s.scenario?.files.includes(file)) return;
    const r = loadScenario(s.file, reader);
    if (!r.ok) {
      errors.show({ title: `${s.file.replace('scenarios/', '')} does not load`, note: `Hot reload of ${name}: the game in progress goes on.`, errors: r.errors, file: s.file });
      return;
    }
    errors.hide();
    start({ file: s.file, seed: s.seed, role: s.role });
    toast(`${name} reloaded: the run restarted with seed ${s.seed}`);
  });

  // The map (Phaser, the unit symbols, the borders) is a chunk of its own that the menu does not wait
  // for: it is fetched once the menu is on screen, or at once when the URL starts a game, and mounted
  // when play begins (with "Loading the map" in its place until it arrives).
  let mapModule: Promise<MountMap | null> | null = null;
  const fetchMap = (): Promise<MountMap | null> =>
    (mapModule ??= loadMap().catch((e: unknown) => {
      console.warn('The map did not load:', e);
      return null;
    }));
  let mapMounting = false;
  function mountMapOnce(): void {
    if (mapMounted || mapMounting) return;
    mapMounting = true;
    const loading = h('div', { class: 'map-loading' }, 'Loading the map');
    play.map.append(loading);
    void fetchMap().then((mountMap) => {
      loading.remove();
      if (mountMap) renderer = mountMap(play.map, store, loadedSearch).renderer;
      else play.map.append(h('div', { class: 'map-missing' }, 'The map could not be loaded'));
      mapMounted = true;
      publish();
    });
  }

  function enterPlay(): void {
    closePopover();
    play.resetPick();
    mountMapOnce();
  }

  function launchUrl(): void {
    const s = store.getState();
    if (s.file && s.scenario) writeLaunch({ file: s.file, id: s.scenario.data.meta.id, seed: s.seed, role: s.role });
  }

  function start(c: MenuChoice, opts: { autoplay?: boolean; speed?: 1 | 2 | 3 } = {}): void {
    closePopover();
    const err = store.getState().newGame(c, reader);
    if (err) {
      notify(store, 'The game could not start', err);
      if (store.getState().screen !== 'menu') store.getState().setScreen('menu');
      return;
    }
    opened = null;
    enterPlay();
    launchUrl();
    const s = store.getState();
    if (opts.speed) s.setSpeed(opts.speed);
    if (opts.autoplay) s.setAutoplay(true);
  }

  /** The saved game, when it is unfinished and has days to lose. */
  function unfinishedSave() {
    const g = savedGame(store.getState().catalogue);
    return g && !('error' in g) && !g.ended && g.day > 0 ? g : null;
  }

  /** Starting a game replaces the save: ask first when it holds an unfinished game. */
  async function startFromMenu(c: MenuChoice): Promise<void> {
    const g = unfinishedSave();
    if (g && !(await confirmModal({ title: 'Start a new game?', text: `This replaces your game in progress: ${describeSave(g)}. You can resume it from the menu instead.`, ok: 'Start new game', cancel: 'Keep it' }))) return;
    start(c);
  }

  /** Resumes the saved game; false (with a notice) when there is none or it cannot be used. */
  function resumeSaved(): boolean {
    const g = savedGame(store.getState().catalogue);
    if (!g) {
      notify(store, 'Nothing to resume', 'there is no saved game in this browser');
      return false;
    }
    if ('error' in g) {
      notify(store, 'The saved game could not be used', g.error);
      return false;
    }
    const err = store.getState().resume(g.save.replay, g.save.file, reader);
    if (err) {
      notify(store, 'The saved game could not be used', err);
      return false;
    }
    opened = null;
    enterPlay();
    launchUrl();
    return true;
  }

  async function discardSave(): Promise<void> {
    const g = savedGame(store.getState().catalogue);
    if (g && !('error' in g) && !(await confirmModal({ title: 'Discard the saved game?', text: `${describeSave(g)} will be deleted from this browser. This cannot be undone.`, ok: 'Discard', cancel: 'Keep it' }))) return;
    clearSave(localStorage);
    store.getState().setNotice(null);
    menu.showSaved();
  }

  /** Leaves the viewer and plays on from the day shown; asks first when that replaces another saved game. */
  async function playOn(): Promise<void> {
    const s = store.getState();
    if (!s.viewer) return;
    s.setViewerPlaying(false);
    const g = unfinishedSave();
    const day = s.viewer.cursor;
    const same = g && opened && g.save.replay.scenario.id === opened.scenario.id && g.save.replay.seed === opened.seed && g.save.replay.role === opened.role;
    if (g && !same && !(await confirmModal({ title: `Play on from day ${day}?`, text: `This replaces your saved game: ${describeSave(g)}.`, ok: 'Play on', cancel: 'Stay in the replay' }))) return;
    store.getState().playOn();
    opened = null;
    launchUrl();
  }

  /** The top bar's Menu: a game in progress asks first (it stays saved either way). */
  async function leaveToMenu(): Promise<void> {
    const s = store.getState();
    if (s.game && !s.game.outcome && !s.viewer && s.days.length > 1) {
      s.setAutoplay(false);
      if (!(await confirmModal({ title: 'Leave this game?', text: 'It is saved; you can resume it from the menu.', ok: 'Leave', cancel: 'Stay' }))) return;
    }
    backToMenu();
  }

  function backToMenu(): void {
    closePopover();
    const s = store.getState();
    s.setAutoplay(false);
    if (s.viewer) {
      s.setViewerPlaying(false);
      s.setNotice(null);
    }
    history.replaceState(null, '', location.pathname);
    s.setScreen('menu');
  }

  let shown: Session['screen'] | null = null;
  function render(s: Session): void {
    if (s.screen === 'play' && s.game?.outcome && !s.viewer) {
      s.setScreen('debrief');
      return;
    }
    if (s.screen === 'debrief' && s.viewer && !s.game?.outcome) {
      s.setScreen('play');
      return;
    }
    if (s.screen !== shown) {
      shown = s.screen;
      boot.el.hidden = s.screen !== 'boot';
      menu.el.hidden = s.screen !== 'menu';
      play.el.classList.toggle('off', s.screen !== 'play' && s.screen !== 'debrief');
      debrief.el.hidden = s.screen !== 'debrief';
      if (s.screen === 'menu') menu.show(s);
      if (s.screen === 'debrief') debrief.update(s);
      document.body.dataset.screen = s.screen;
    }
    if (s.screen === 'menu') menu.update(s);
    if (s.screen === 'play' || s.screen === 'debrief') play.update(s);
  }
  store.subscribe(render);

  startAutoplay(store);
  startViewerPlayback(store);
  startAutosave(store);
  bindKeyboard(store);
  booted = true;

  const toMenu = () => {
    if (store.getState().screen !== 'menu') store.getState().setScreen('menu');
  };
  const catalogue = store.getState().catalogue;
  const fragment = readReplayFragment(location.hash);
  const launch = readLaunch(location.search, catalogue);
  const saved = savedGame(catalogue);
  if (fragment) {
    // A share link: its replay opens in the viewer (the same path as a file).
    if (opener.open(fragment, 'The share link')) toMenu();
  } else if (new URLSearchParams(location.search).get('resume') === '1') {
    if (!resumeSaved()) toMenu();
  } else if (launch && !('error' in launch)) {
    // A reload mid-game: the URL names the saved game, which resumes exactly where it was.
    const same = saved && !('error' in saved) && saved.save.file === launch.file && saved.save.replay.seed === launch.seed && saved.save.replay.role === launch.role;
    if (!same || !resumeSaved()) {
      start({ file: launch.file, seed: launch.seed, role: launch.role });
      if (saved && 'error' in saved) notify(store, 'The saved game could not be used', `${saved.error}; a new game has started instead`);
    }
    if (store.getState().screen === 'play') {
      if (launch.speed) store.getState().setSpeed(launch.speed);
      if (launch.autoplay) store.getState().setAutoplay(true);
    }
  } else {
    if (launch) notify(store, 'The game could not start', launch.error);
    else if (saved && 'error' in saved) notify(store, 'The saved game could not be used', `${saved.error}. A fresh menu is shown instead.`);
    toMenu();
  }
  boot.progress(1, 'Ready');
  render(store.getState());
  publish();
  // The menu is up: fetch the map after its first frame, so Start does not wait for it.
  requestAnimationFrame(() => setTimeout(() => void fetchMap(), 0));
}

main().catch((e: unknown) => {
  console.error(e);
  boot.progress(1, `Failed to start: ${(e as Error).message}`);
});
