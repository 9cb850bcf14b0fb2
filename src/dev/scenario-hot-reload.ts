// A small Vite plugin for `npm start`: it watches the scenarios folder (or BRINK_SCENARIOS_DIR, which the
// hot-reload test points at a temporary copy) and, when a .yaml or .json file is saved, sends its text to
// the page as the custom HMR event `brink:scenario` ({ file: "scenarios/<name>", text }). The page
// reloads the scenario in the running game (src/app/hot-reload.ts). Vite's own update of the bundled
// ?raw module is suppressed, so saving a scenario never reloads the page. Dev server only.
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';

export const SCENARIO_EVENT = 'brink:scenario';

export interface ScenarioChange {
  file: string;
  text: string;
}

const isScenario = (path: string) => /\.(ya?ml|json)$/i.test(path) && !path.endsWith('scenario.schema.json');

/** The plugin; `dir` defaults to BRINK_SCENARIOS_DIR or <root>/scenarios. */
export function scenarioHotReload(options: { dir?: string } = {}): Plugin {
  let dir = '';
  let bundledDir = '';
  return {
    name: 'brink-scenario-hot-reload',
    apply: 'serve',
    configResolved(config) {
      bundledDir = resolve(config.root, 'scenarios');
      dir = resolve(config.root, options.dir ?? process.env.BRINK_SCENARIOS_DIR ?? 'scenarios');
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(dir);
      const send = (path: string) => {
        const full = resolve(path);
        if (dirname(full) !== dir || !isScenario(full)) return;
        let text: string;
        try {
          text = readFileSync(full, 'utf8');
        } catch {
          return; // Saved and gone again (an editor's temporary file): nothing to send.
        }
        const data: ScenarioChange = { file: `scenarios/${basename(full)}`, text };
        server.ws.send({ type: 'custom', event: SCENARIO_EVENT, data });
        server.config.logger.info(`scenario reloaded: ${data.file}`, { timestamp: true });
      };
      server.watcher.on('change', send);
      server.watcher.on('add', send);
    },
    hotUpdate({ file }) {
      // The page takes the new text from the event above; the bundled module must not reload the page.
      if (dirname(resolve(file)) === bundledDir && isScenario(file)) return [];
    },
  };
}
