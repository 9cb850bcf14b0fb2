// The scenarios bundled with the game: every file in scenarios/, read at build time, served to the
// model's loader as an in-memory reader (so `extends` resolves between bundled files); and the menu's
// list of them, read with the model's loader at build time (src/dev/scenario-catalogue.ts).
import type { ScenarioReader } from '../sim/index';
import type { PrebuiltScenario } from '../store/catalogue';
import prebuilt from 'virtual:brink-catalogue';

const files = import.meta.glob(['../../scenarios/*.yaml', '../../scenarios/*.json', '!../../scenarios/scenario.schema.json'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Bundled files keyed as scenarios/<name>. */
export const bundled: Record<string, string> = Object.fromEntries(Object.entries(files).map(([k, v]) => [k.replace('../../', ''), v]));

export const bundledReader: ScenarioReader = { read: (path) => bundled[path] };

/** The menu's entries and briefings of the bundled files, as read at build time. */
export const bundledCatalogue: readonly PrebuiltScenario[] = prebuilt;
