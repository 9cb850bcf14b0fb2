// Loading a scenario the player brings (the menu's "Load a scenario…" picker, or a file dropped on the
// page). A dropped or picked .json that is a Brink replay (format "brink-replay") goes to the replay
// path; anything else is read as a scenario: checked through the player's files layered over the bundled
// ones, then added to the menu's list ("your file") — or, when it does not load, its errors go to the
// error panel and nothing else changes (the game in progress goes on).
import { loadScenario, parseReplay } from '../../store/files';
import { hiddenPicker, type ReplayOpener } from '../import';
import type { ErrorPanel } from './error-panel';
import type { UserScenarios } from './user-scenarios';

export interface ScenarioLoaded {
  file: string;
  title: string;
}

/** Whether a text is a Brink replay (the one thing a .json can be besides a scenario). */
export function isReplayText(text: string): boolean {
  try {
    const v = JSON.parse(text) as { format?: unknown } | null;
    return !!v && typeof v === 'object' && v.format === 'brink-replay';
  } catch {
    return false;
  }
}

/** Reads scenario texts into the player's files; `loaded` refreshes the catalogue and shows the file. */
export function createScenarioLoader(users: UserScenarios, panel: ErrorPanel, loaded: (r: ScenarioLoaded) => void) {
  /** Checks and adds a scenario; returns its path, or null (errors shown) when it does not load. */
  function loadText(name: string, text: string): string | null {
    const file = users.pathFor(name);
    const r = loadScenario(file, users.withFile(file, text));
    if (!r.ok) {
      const shown = name.split(/[\\/]/).pop() ?? name;
      panel.show({ title: `${shown} does not load`, note: 'Nothing was changed: the game in progress goes on. Fix the file and load it again.', errors: r.errors.map((e) => (e.file === file ? { ...e, file: shown } : e)), file: shown });
      return null;
    }
    users.add(file, text, 'file', name);
    panel.hide();
    loaded({ file, title: r.scenario.data.meta.title });
    return file;
  }

  async function readFile(f: File): Promise<string | null> {
    try {
      return await f.text();
    } catch (e) {
      panel.show({ title: `${f.name} cannot be read`, note: 'Nothing was changed.', errors: [{ file: f.name, line: 1, column: 1, path: '', message: (e as Error).message }] });
      return null;
    }
  }

  return { loadText, readFile };
}

export type ScenarioLoader = ReturnType<typeof createScenarioLoader>;

/**
 * An opener for anything dropped or picked: replays go to the replay opener, everything else is a
 * scenario. It has the replay opener's shape, so the page-wide drag and drop can use it as is.
 */
export function routeFiles(replays: ReplayOpener, scenarios: ScenarioLoader): ReplayOpener {
  return {
    open: replays.open,
    async openFile(f: File) {
      if (/\.json$/i.test(f.name) || f.type === 'application/json') {
        const text = await scenarios.readFile(f);
        if (text === null) return 'unreadable';
        if (isReplayText(text)) return replays.open(parseReplay(text), f.name);
        return scenarios.loadText(f.name, text) ? null : 'invalid scenario';
      }
      const text = await scenarios.readFile(f);
      if (text === null) return 'unreadable';
      return scenarios.loadText(f.name, text) ? null : 'invalid scenario';
    },
  };
}

/** The menu's scenario picker: a hidden input for .yaml, .yml and .json files. */
export function createScenarioPicker(open: ReplayOpener) {
  return hiddenPicker(open, '.yaml,.yml,.json,application/json,application/yaml', 'scenario-file', 'Scenario file');
}
