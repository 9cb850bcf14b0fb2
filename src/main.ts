// The game's entry point: creates the session store, boots (fonts, bundled scenarios, the map engine)
// behind a progress bar, then shows the menu — or starts straight away from URL parameters — and
// switches between the menu, play and debrief screens as the store says. Also wires autoplay, the
// keyboard and the read-only test hook (window.__brink).
import '@fontsource-variable/inter';
import '@fontsource/oswald/400.css';
import '@fontsource/oswald/600.css';
import '@fontsource/jetbrains-mono/400.css';
import '@fontsource/jetbrains-mono/600.css';
import './ui/styles/base.css';
import './ui/styles/menu.css';
import './ui/styles/play.css';
import './ui/styles/debrief.css';
import { createSession, type Session } from './store/session';
import { bundled, bundledReader } from './web/bundled-scenarios';
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

const app = document.getElementById('app')!;
const store = createSession();
let booted = false;
let mapMounted = false;
const publish = exposeHook(store, () => booted && (store.getState().screen !== 'play' || mapMounted));

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
  store.getState().loadCatalogue(bundledReader, Object.keys(bundled).sort());
  boot.progress(0.55, 'Loading the map engine');
  let mountMap: MountMap | null = null;
  try {
    mountMap = await loadMap();
  } catch (e) {
    console.warn('The map did not load:', e);
  }
  boot.progress(0.95, 'Ready');

  const play = createPlayScreen(store, backToMenu);
  const debrief = createDebrief(store, {
    again: () => {
      const s = store.getState();
      if (s.file) start({ file: s.file, role: s.role, seed: randomSeed() });
    },
    menu: backToMenu,
  });
  const menu = createMenu(store, bundledReader, (c) => start(c));
  app.append(play.el, debrief.el, menu.el);

  function mountMapOnce(): void {
    if (mapMounted) return;
    if (mountMap) mountMap(play.map, store);
    else play.map.append(h('div', { class: 'map-missing' }, 'The map is not part of this build.'));
    mapMounted = true;
    publish();
  }

  function start(c: MenuChoice, opts: { autoplay?: boolean; speed?: 1 | 2 | 3 } = {}): void {
    closePopover();
    const err = store.getState().newGame(c, bundledReader);
    if (err) {
      store.getState().setNotice(err);
      menu.showError(err);
      if (store.getState().screen !== 'menu') store.getState().setScreen('menu');
      return;
    }
    play.resetPick();
    const s = store.getState();
    writeLaunch({ file: c.file, id: s.scenario?.data.meta.id ?? c.file, seed: c.seed, role: c.role });
    if (opts.speed) s.setSpeed(opts.speed);
    mountMapOnce();
    if (opts.autoplay) s.setAutoplay(true);
  }

  function backToMenu(): void {
    closePopover();
    const s = store.getState();
    s.setAutoplay(false);
    s.setScreen('menu');
  }

  let shown: Session['screen'] | null = null;
  function render(s: Session): void {
    if (s.screen === 'play' && s.game?.outcome) {
      s.setScreen('debrief');
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
    if (s.screen === 'play' || s.screen === 'debrief') play.update(s);
  }
  store.subscribe(render);

  startAutoplay(store);
  bindKeyboard(store);
  booted = true;

  const launch = readLaunch(location.search, store.getState().catalogue);
  if (launch && !('error' in launch)) {
    start({ file: launch.file, seed: launch.seed, role: launch.role }, { autoplay: launch.autoplay, speed: launch.speed });
    if (store.getState().screen !== 'play') render(store.getState());
  } else {
    if (launch) store.getState().setNotice(launch.error);
    store.getState().setScreen('menu');
  }
  boot.progress(1, 'Ready');
  render(store.getState());
  publish();
}

main().catch((e: unknown) => {
  console.error(e);
  boot.progress(1, `Failed to start: ${(e as Error).message}`);
});
