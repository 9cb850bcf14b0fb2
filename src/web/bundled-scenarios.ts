// The scenarios bundled with the game: every file in scenarios/, read at build time, served to the
// model's loader as an in-memory reader (so `extends` resolves between bundled files).
import type { ScenarioReader } from '../sim/index';

const files = import.meta.glob(['../../scenarios/*.yaml', '../../scenarios/*.json', '!../../scenarios/scenario.schema.json'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Bundled files keyed as scenarios/<name>. */
export const bundled: Record<string, string> = Object.fromEntries(Object.entries(files).map(([k, v]) => [k.replace('../../', ''), v]));

export const bundledReader: ScenarioReader = { read: (path) => bundled[path] };
