// A Vite plugin (build and dev server): the virtual module `virtual:brink-catalogue` is the menu's list of
// the bundled scenarios, computed in Node with the model's own loader (src/store/catalogue.ts
// prebuildCatalogue over every file in scenarios/, read as the page's bundled reader reads them), so the
// page shows the menu without parsing or validating any scenario. Each entry carries the hashes of the
// texts it was read from; the page reads a file again itself when its text differs (hot reload). Under
// `npm start` a saved scenario invalidates the module, so the next page load gets a fresh list.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { tsImport } from 'tsx/esm/api';
import type * as Catalogue from '../store/catalogue';

export const CATALOGUE_MODULE = 'virtual:brink-catalogue';
const RESOLVED = `\0${CATALOGUE_MODULE}`;

const isScenario = (path: string) => /\.(ya?ml|json)$/i.test(path) && !path.endsWith('scenario.schema.json');

/** The bundled files as the page keys them (scenarios/<name>), with their texts. */
function bundledTexts(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).filter(isScenario).sort()) out[`scenarios/${name}`] = readFileSync(join(dir, name), 'utf8');
  return out;
}

/** The model's loader, imported when first needed through tsx (so loading vite.config.ts does not bundle the model). */
let loader: Promise<typeof Catalogue> | null = null;

/** The module's source: the prebuilt list as JSON (JSON.parse of a string literal is the fastest way to ship data). */
export async function catalogueModule(dir: string): Promise<string> {
  loader ??= tsImport('../store/catalogue.ts', import.meta.url) as Promise<typeof Catalogue>;
  const { prebuildCatalogue } = await loader;
  const texts = bundledTexts(dir);
  const list = prebuildCatalogue({ read: (p) => texts[p] }, Object.keys(texts).sort());
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(list))});\n`;
}

export function scenarioCatalogue(): Plugin {
  let dir = '';
  return {
    name: 'brink-scenario-catalogue',
    configResolved(config) {
      dir = resolve(config.root, 'scenarios');
    },
    resolveId(id) {
      return id === CATALOGUE_MODULE ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      for (const name of readdirSync(dir).filter(isScenario)) this.addWatchFile(join(dir, name));
      return await catalogueModule(dir);
    },
    configureServer(server: ViteDevServer) {
      const stale = (path: string) => {
        if (dirname(resolve(path)) !== dir || !isScenario(path)) return;
        const m = server.moduleGraph.getModuleById(RESOLVED);
        if (m) server.moduleGraph.invalidateModule(m);
      };
      server.watcher.on('change', stale);
      server.watcher.on('add', stale);
      server.watcher.on('unlink', stale);
    },
  };
}
