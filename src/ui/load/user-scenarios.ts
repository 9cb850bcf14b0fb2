// Scenario files the player brought: loaded from a file (picker or drag and drop) or made in the tweak
// panel. They live in memory (and in localStorage, so a reload can resume a game on them) under
// scenarios/<name>, layered over the bundled files: a variant's `extends: ./allied-resolve-2022.yaml`
// resolves its base from the bundled scenarios. A name that clashes with a bundled file gets "-yours".
import type { ScenarioReader } from '../../store/files';

export type UserKind = 'file' | 'tweak';

interface Entry {
  text: string;
  kind: UserKind;
  /** The file's name as the player loaded it (without its folder, which the page never learns). */
  name?: string;
}

const KEY = 'brink.user-scenarios.v1';

/** A file name made safe as a path inside scenarios/ (no folders), keeping its extension. */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'scenario.yaml';
  const clean = base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(-80) || 'scenario.yaml';
  return /\.(ya?ml|json)$/i.test(clean) ? clean : `${clean}.yaml`;
}

export function createUserScenarios(bundled: Record<string, string>, storage: Storage | null = safeStorage()) {
  const files = new Map<string, Entry>();
  try {
    const saved = JSON.parse(storage?.getItem(KEY) ?? '{}') as Record<string, Entry>;
    for (const [f, e] of Object.entries(saved)) if (typeof e?.text === 'string' && f.startsWith('scenarios/')) files.set(f, { text: e.text, kind: e.kind === 'tweak' ? 'tweak' : 'file', ...(typeof e.name === 'string' ? { name: e.name } : {}) });
  } catch {
    // A damaged entry is dropped: the bundled scenarios still load.
  }

  function persist(): void {
    try {
      storage?.setItem(KEY, JSON.stringify(Object.fromEntries(files)));
    } catch {
      // Storage full or refused: the files stay in memory for this session.
    }
  }

  /** Where a file of this name goes: scenarios/<name>, or scenarios/<name>-yours.<ext> beside a bundled one. */
  function pathFor(name: string): string {
    const n = safeName(name);
    const file = `scenarios/${n}`;
    if (!(file in bundled)) return file;
    return `scenarios/${n.replace(/(\.[A-Za-z]+)$/, '-yours$1')}`;
  }

  /** The bundled files first, then the player's. */
  const reader: ScenarioReader = { read: (path) => files.get(path)?.text ?? bundled[path] };

  return {
    reader,
    pathFor,
    /** A reader that also sees one more file (to check a file before it is added). */
    withFile: (file: string, text: string): ScenarioReader => ({ read: (p) => (p === file ? text : reader.read(p)) }),
    /** Adds a file; `name` is the one it was loaded as (a picked or dropped file). */
    add(file: string, text: string, kind: UserKind, name?: string): void {
      files.set(file, { text, kind, ...(name === undefined ? {} : { name: name.split(/[\\/]/).pop() ?? name }) });
      persist();
    },
    kind: (file: string): UserKind | undefined => files.get(file)?.kind,
    /** The name a file the player loaded was loaded as (its own name, not scenarios/…); null for any other file. */
    loadedAs(file: string): string | null {
      const e = files.get(file);
      return e?.kind === 'file' ? (e.name ?? file.slice(file.lastIndexOf('/') + 1)) : null;
    },
    /** Every scenario file: bundled, then the player's (in the order added). */
    all: (): string[] => [...Object.keys(bundled).sort(), ...files.keys()],
  };
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export type UserScenarios = ReturnType<typeof createUserScenarios>;
