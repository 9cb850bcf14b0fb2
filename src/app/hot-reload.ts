// Hot reload under `npm start`: the dev server's plugin (src/dev/scenario-hot-reload.ts) sends a saved
// scenario's text as the HMR event `brink:scenario`. The bundled text is replaced (so every later read
// sees it) and the menu's list is re-read. A file that does not load shows its errors and the game goes
// on; otherwise, when the file is the running game's scenario or a base of it, the game restarts with the
// same seed and role. In a production build import.meta.hot is undefined and none of this runs.
import type { ScenarioChange } from '../dev/scenario-hot-reload';
import { loadScenario, type ScenarioReader } from '../sim/index';
import type { SessionStore } from '../store/session';
import type { MenuChoice } from '../ui/menu';
import type { ErrorPanel } from '../ui/load/error-panel';
import { toast } from '../ui/toast';

export interface HotReloadDeps {
  store: SessionStore;
  /** The bundled scenario texts (the dev server's change replaces one). */
  bundled: Record<string, string>;
  reader: ScenarioReader;
  errors: ErrorPanel;
  /** Re-reads the menu's list of scenarios. */
  refreshCatalogue(): void;
  /** Redraws the menu (when it is on screen). */
  showMenu(): void;
  /** Starts a game. */
  start(c: MenuChoice): void;
}

export function installHotReload(d: HotReloadDeps): void {
  if (!import.meta.hot) return;
  import.meta.hot.on('brink:scenario', (data: ScenarioChange) => {
    if (typeof data?.file !== 'string' || typeof data.text !== 'string') return;
    d.bundled[data.file] = data.text;
    reloaded(d, data.file);
  });
}

function reloaded({ store, reader, errors, refreshCatalogue, showMenu, start }: HotReloadDeps, file: string): void {
  refreshCatalogue();
  const changed = loadScenario(file, reader);
  const s = store.getState();
  const name = file.replace('scenarios/', '');
  if (!changed.ok) {
    errors.show({ title: `${name} does not load`, note: 'Hot reload: the game in progress goes on. Fix the file and save it again.', errors: changed.errors, file });
    return;
  }
  if (s.screen === 'menu') showMenu();
  if (!s.file || !s.game || s.viewer || !s.scenario?.files.includes(file)) return;
  const r = loadScenario(s.file, reader);
  if (!r.ok) {
    errors.show({ title: `${s.file.replace('scenarios/', '')} does not load`, note: `Hot reload of ${name}: the game in progress goes on.`, errors: r.errors, file: s.file });
    return;
  }
  errors.hide();
  start({ file: s.file, seed: s.seed, role: s.role });
  toast(`${name} reloaded: the run restarted with seed ${s.seed}`);
}
