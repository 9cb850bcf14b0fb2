// The menu's list of scenarios and their briefings, read with the model's loader. The bundled files' list
// is computed at build time (src/dev/scenario-catalogue.ts runs prebuildCatalogue in Node and the page
// imports it as `virtual:brink-catalogue`), so the menu shows without parsing or validating anything.
// Each prebuilt entry carries a hash of the text of every file it was built from (the file and its
// bases); an entry is used only while the reader still gives those texts, so a file changed by hot reload
// is read again here. The player's own files are always read here. Plain data only: no zustand, no DOM,
// so the build can run it in Node.
import { loadScenario, formatError, scenarioView, type Scenario, type ScenarioReader, type ScenarioView } from '../sim/index';

export interface CatalogueEntry {
  file: string;
  id: string;
  title: string;
  summary: string;
  roles: { id: string; name: string; goal: string }[];
  /** The outcomes' names, by id (the saves list says how a saved game ended). */
  outcomes?: { id: string; name: string }[];
  /** The scenario says the menu opens on it (meta.featured). */
  featured?: boolean;
  /** Present when the file does not load: the errors, one per line. */
  error?: string;
}

/** A scenario's briefing as the menu shows it: the fixed facts of scenarioView it reads. */
export type BriefingView = Pick<ScenarioView, 'id' | 'title' | 'summary' | 'start' | 'turnLimit' | 'legend' | 'sources' | 'roles'>;

/** One bundled file as read at build time: its menu entry, its briefing, and what they were read from. */
export interface PrebuiltScenario {
  file: string;
  /** The file and its bases, each with the hash of its text (textHash). */
  deps: { file: string; hash: string }[];
  entry: CatalogueEntry;
  /** null when the file does not load. */
  briefing: BriefingView | null;
}

/** A short hash of a text (FNV-1a, 32 bits, with the length): tells a changed file from the one read at build time. */
export function textHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${s.length.toString(36)}-${(h >>> 0).toString(36)}`;
}

function textOf(reader: ScenarioReader, file: string): string | undefined {
  const t = reader.read(file);
  return typeof t === 'string' ? t : undefined;
}

/** The menu's entry of a scenario as loaded (or the errors of one that does not load). */
function entryOf(file: string, r: ReturnType<typeof loadScenario>): CatalogueEntry {
  if (!r.ok) return { file, id: file, title: file, summary: '', roles: [], error: r.errors.map(formatError).join('\n') };
  const d = r.scenario.data;
  return {
    file,
    id: d.meta.id,
    title: d.meta.title,
    summary: d.meta.summary,
    featured: d.meta.featured === true,
    roles: d.actors.filter((a) => a.playable).map((a) => ({ id: a.id, name: a.name, goal: a.role?.goal ?? '' })),
    outcomes: d.outcomes.map((o) => ({ id: o.id, name: o.name })),
  };
}

/** The briefing's fields of a loaded scenario. */
export function briefingOf(scenario: Scenario): BriefingView {
  const v = scenarioView(scenario);
  return { id: v.id, title: v.title, summary: v.summary, start: v.start, turnLimit: v.turnLimit, legend: v.legend, sources: v.sources, roles: v.roles };
}

/** Briefings already read, by file, with the text of every file they were built from (a file and its bases). */
const briefCache = new Map<string, { texts: (string | undefined)[]; files: string[]; view: BriefingView | null }>();

/** Reads a file for the menu: its entry and briefing, and keeps the briefing for briefing(). */
function readFile(file: string, reader: ScenarioReader): CatalogueEntry {
  const r = loadScenario(file, reader);
  const files = r.ok ? r.scenario.files : [file];
  briefCache.set(file, { files, texts: files.map((f) => textOf(reader, f)), view: r.ok ? briefingOf(r.scenario) : null });
  return entryOf(file, r);
}

/** The briefing of a scenario file (for the menu, before any game starts); null if it does not load.
 * Read again whenever the file or one of its bases has changed (hot reload, a tweak file saved again). */
export function briefing(file: string, reader: ScenarioReader): BriefingView | null {
  const hit = briefCache.get(file);
  if (hit && hit.files.every((f, i) => textOf(reader, f) === hit.texts[i])) return hit.view;
  readFile(file, reader);
  return briefCache.get(file)!.view;
}

/** The prebuilt entry of a file, if the reader still gives the texts it was built from. */
function stillValid(p: PrebuiltScenario | undefined, reader: ScenarioReader): p is PrebuiltScenario {
  return !!p && p.deps.every((d) => {
    const t = textOf(reader, d.file);
    return t !== undefined && textHash(t) === d.hash;
  });
}

/**
 * The menu's list: each file's entry, from `prebuilt` where the reader still gives the texts it was built
 * from (its briefing is kept for briefing() too), otherwise read with the model's loader.
 */
export function catalogue(reader: ScenarioReader, files: string[], prebuilt: readonly PrebuiltScenario[] = []): CatalogueEntry[] {
  const known = new Map(prebuilt.map((p) => [p.file, p]));
  return files.map((file) => {
    const p = known.get(file);
    if (!stillValid(p, reader)) return readFile(file, reader);
    const hit = briefCache.get(file);
    const texts = p.deps.map((d) => textOf(reader, d.file));
    if (!hit || hit.files.length !== texts.length || hit.files.some((f, i) => f !== p.deps[i]!.file || texts[i] !== hit.texts[i])) {
      briefCache.set(file, { files: p.deps.map((d) => d.file), texts, view: p.briefing });
    }
    return p.entry;
  });
}

/** Every file read at build time (Node): its entry, its briefing and the hashes of the texts read. */
export function prebuildCatalogue(reader: ScenarioReader, files: string[]): PrebuiltScenario[] {
  return files.map((file) => {
    const r = loadScenario(file, reader);
    // A file that does not load may do so once another file changes (a base it extends): it depends on all.
    const deps = (r.ok ? r.scenario.files : [file, ...files.filter((f) => f !== file)]).map((f) => ({ file: f, hash: textHash(textOf(reader, f) ?? '') }));
    return { file, deps, entry: entryOf(file, r), briefing: r.ok ? briefingOf(r.scenario) : null };
  });
}
