// The game's entry point and composition root: makes the session store, shows the boot screen while the
// fonts and scenarios load, builds the screens and wires them to the app's parts in src/app/ (the ways
// into and out of a game, sharing, launch routing from the URL, hot reload, autosave, the tweak panel),
// then opens what the URL asks for. Every scenario is read through one reader: the player's files over
// the bundled ones.
import { config as zodConfig } from 'zod';
import '@fontsource-variable/inter';
import '@fontsource/oswald/400.css';
import '@fontsource/oswald/600.css';
import '@fontsource/jetbrains-mono/400.css';
import '@fontsource/jetbrains-mono/600.css';
import './ui/styles/base.css';
import './ui/styles/menu.css';
import './ui/styles/play.css';
import './ui/styles/goals.css';
import './ui/styles/debrief.css';
import './ui/styles/replay.css';
import './ui/styles/replay-timeline.css';
import './ui/styles/compare.css';
import './ui/styles/onboarding.css';
import './ui/styles/saves.css';
import './ui/styles/phone.css';
import { createSession } from './store/session';
import { bundled, bundledCatalogue } from './web/bundled-scenarios';
import { createBoot } from './ui/boot';
import { createMenu } from './ui/menu';
import { createPlayScreen } from './ui/play';
import { createDebrief } from './ui/debrief';
import { startAutoplay } from './ui/autoplay';
import { bindKeyboard } from './ui/keyboard';
import { installTour } from './ui/tour';
import { bindMotion } from './ui/motion';
import { exposeHook } from './ui/hook';
import { createMapHost } from './ui/map-host';
import { installTooltips } from './ui/tooltip';
import { closePopover } from './ui/popover';
import { savedGame } from './ui/saves';
import { startViewerPlayback } from './ui/replay-bar';
import { createCompare } from './store/compare';
import { createComparePanel } from './ui/replay-compare';
import { openCompareDialog } from './ui/compare-dialog';
import { openPlayOnAs } from './ui/play-on-as';
import { createUserScenarios } from './ui/load/user-scenarios';
import { createErrorPanel } from './ui/load/error-panel';
import { createSharing } from './app/sharing';
import { createFlow } from './app/flow';
import { followHash, routeLaunch } from './app/launch';
import { installHotReload } from './app/hot-reload';
import { startAutosave } from './app/autosave';
import { showScreens } from './app/screens';
import { installTweak } from './app/tweak';
import { installOpenFiles } from './app/open-files';
import { installSaveSlots } from './app/save-slots';

// The page's Content-Security-Policy forbids eval: zod must not compile validators with new Function.
zodConfig({ jitless: true });

const app = document.getElementById('app')!;
const store = createSession();
const users = createUserScenarios(bundled);
const reader = users.reader;
let booted = false;
// The map reads the URL as loaded (?renderer=) when it mounts, after the address bar may have changed.
const map = createMapHost(store, location.search, () => publish());
const publish = exposeHook(store, () => booted && (store.getState().screen !== 'play' || map.mounted()), map.renderer);

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
  // The bundled files' entries and briefings were read at build time; only the player's own files (and a
  // bundled file changed by hot reload) are read here. A game's start reads its scenario in full.
  const refreshCatalogue = () => store.getState().loadCatalogue(reader, users.all(), bundledCatalogue);
  refreshCatalogue();
  boot.progress(0.95, 'Ready');

  const sharing = createSharing(store);
  const compare = createCompare(store, reader);
  const { saveReplay, copyLink, copyDayLink } = sharing;
  const enter = () => {
    closePopover();
    play.resetPick();
    map.mountOnce(play.map);
  };
  const flow = createFlow({ store, reader, sharing, enter, discarded: () => menu.showSaved() });
  const slots = installSaveSlots({ store, reader, sharing, enter, watch: flow.watch, changed: () => menu.showSaved() });
  const play = createPlayScreen(store, { menu: () => void flow.leaveToMenu(), saves: slots.open, saveReplay, copyLink, copyDayLink, loadedAs: (f) => users.loadedAs(f), playOn: () => void flow.playOn(), debrief: () => store.getState().showDebrief(), close: flow.backToMenu, compare: () => void openCompareDialog(store, compare, () => comparePanel.reveal()), playOnAs: () => void openPlayOnAs(store, (role) => void flow.playOn(role)) });
  // Comparing the replay in the viewer with another run: its store, and its panel in the play screen.
  const comparePanel = createComparePanel(store, compare, play.el);
  play.el.append(comparePanel.el);
  const debrief = createDebrief(store, { again: flow.playAgain, menu: flow.backToMenu, saveReplay, copyLink, replay: () => store.getState().backToReplay(), showDay: flow.showDay });
  // The player's own scenarios and replays: checked, listed in the menu ("your file"), or their errors shown.
  const errors = createErrorPanel();
  const opening = installOpenFiles({ store, reader, users, errors, refreshCatalogue, watch: flow.watch, select: (file) => menu.select(file) });
  const menu = createMenu(store, reader, {
    start: (c) => void flow.startFromMenu(c),
    resume: () => void flow.resumeSaved(),
    discard: () => void flow.discardSave(),
    openReplay: opening.pickReplay,
    saves: slots.open,
    loadScenario: opening.pickScenario,
    mark: (f) => (users.kind(f) === 'file' ? 'your file' : users.kind(f) === 'tweak' ? 'tweaked' : null),
    saved: () => savedGame(store.getState().catalogue),
  });
  const tweak = installTweak({ store, users, reader, errors, playEl: play.el, refreshCatalogue, start: flow.start });

  app.append(play.el, debrief.el, menu.el, ...opening.inputs, tweak, errors.el);
  installHotReload({ store, bundled, reader, errors, refreshCatalogue, showMenu: () => menu.show(store.getState()), start: flow.start });

  const render = showScreens(store, { boot, menu, play, debrief });
  startAutoplay(store);
  startViewerPlayback(store);
  startAutosave(store);
  bindKeyboard(store);
  bindMotion(store);
  installTour(store);
  booted = true;

  routeLaunch(store, opening.opener, flow);
  followHash(store, opening.opener, sharing);
  boot.progress(1, 'Ready');
  render(store.getState());
  publish();
  // The menu is up: fetch the map after its first frame, so Start does not wait for it.
  requestAnimationFrame(() => setTimeout(() => void map.fetch(), 0));
}

main().catch((e: unknown) => {
  console.error(e);
  boot.progress(1, `Failed to start: ${(e as Error).message}`);
});
