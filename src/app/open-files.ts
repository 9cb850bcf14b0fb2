// Opening files: a replay (the menu's "Open a replay…" picker, or a .json replay dropped on the page)
// opens in the viewer; a scenario file (the menu's "Load a scenario…" picker, or dropped) is checked and
// listed in the menu as "your file" — picked there when the menu is on screen — or its errors are shown
// in the error panel. Files can be dropped anywhere on the page.
import type { Replay, ScenarioReader } from '../sim/index';
import type { SessionStore } from '../store/session';
import { createFilePicker, createOpener, installDrop, type ReplayOpener } from '../ui/import';
import type { ErrorPanel } from '../ui/load/error-panel';
import { createScenarioLoader, createScenarioPicker, routeFiles } from '../ui/load/scenario-loader';
import type { UserScenarios } from '../ui/load/user-scenarios';
import { toast } from '../ui/toast';

export interface OpenFilesDeps {
  store: SessionStore;
  reader: ScenarioReader;
  users: UserScenarios;
  errors: ErrorPanel;
  refreshCatalogue(): void;
  /** A replay was opened in the viewer. */
  watch(replay: Replay): void;
  /** Picks a newly loaded scenario in the menu. */
  select(file: string): void;
}

export interface OpenFiles {
  /** Opens replays (also the share link's). */
  opener: ReplayOpener;
  pickReplay(): void;
  pickScenario(): void;
  /** The pickers' hidden inputs, to put in the page. */
  inputs: HTMLElement[];
}

export function installOpenFiles({ store, reader, users, errors, refreshCatalogue, watch, select }: OpenFilesDeps): OpenFiles {
  const opener = createOpener(store, reader, watch);
  const picker = createFilePicker(opener);
  const loader = createScenarioLoader(users, errors, ({ file, title }) => {
    refreshCatalogue();
    if (store.getState().screen === 'menu') select(file);
    else toast(`${title} is loaded: pick it in the menu to play it`, 4500);
  });
  const files = routeFiles(opener, loader);
  const scenarioPicker = createScenarioPicker(files);
  installDrop(files, document.body, { title: 'Drop a scenario or a replay', sub: 'A scenario file (.yaml or .json) to load it, or a Brink replay (.json) to watch it' });
  return { opener, pickReplay: picker.pick, pickScenario: scenarioPicker.pick, inputs: [picker.input, scenarioPicker.input] };
}
