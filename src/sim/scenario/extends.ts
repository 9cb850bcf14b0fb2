// Variants: the deep merge of a variant file over its base. Objects merge key by key; lists whose
// entries carry an id (pairs: their id or their two actors) merge entry by entry, new entries are
// appended, and an entry `{ id: x, $remove: true }` removes x. Other lists and scalars replace; null removes a field.

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface MergeProblem {
  path: (string | number)[];
  message: string;
  hint?: string;
}

/** A variant's list entry whose key matches no entry of the base list: a new entry, or a mistyped key. */
export interface NewEntry {
  /** Where the entry is in the variant file, e.g. ['pairs', 0]. */
  path: (string | number)[];
  key: string;
  entry: Record<string, Json>;
  /** The base's entries of that list. */
  base: Json[];
}

/** Decides on each new entry: true appends it; false leaves it out (the caller reports why). */
export type NewEntryCheck = (e: NewEntry) => boolean;

function isObject(v: unknown): v is Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The key a list entry is merged by, or undefined when the entry has none. */
export function entryKey(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  if (typeof v.id === 'string') return v.id;
  const between = v.between;
  if (Array.isArray(between) && between.length === 2 && between.every((x) => typeof x === 'string')) {
    return [...(between as string[])].sort().join('-');
  }
  return undefined;
}

function mergeList(base: Json[], over: Json[], path: (string | number)[], problems: MergeProblem[], check?: NewEntryCheck): Json[] {
  const keyed = over.every((v) => entryKey(v) !== undefined) && base.every((v) => entryKey(v) !== undefined);
  if (!keyed) return over;
  const out = base.slice();
  over.forEach((item, i) => {
    const key = entryKey(item)!;
    const at = out.findIndex((b) => entryKey(b) === key);
    const obj = item as Record<string, Json>;
    if (obj.$remove === true) {
      if (at < 0) problems.push({ path: [...path, i], message: `'$remove' names '${key}', which the base does not have`, hint: 'remove the entry, or check the id' });
      else out.splice(at, 1);
    } else if (at >= 0) {
      out[at] = mergeValue(out[at]!, item, [...path, i], problems, check);
    } else if (!check || check({ path: [...path, i], key, entry: obj, base })) {
      out.push(item);
    }
  });
  return out;
}

/** Merges `over` onto `base` (neither is modified). `check` vets list entries that match none of the base. */
export function mergeValue(base: Json, over: Json, path: (string | number)[], problems: MergeProblem[], check?: NewEntryCheck): Json {
  if (isObject(base) && isObject(over)) {
    const out: Record<string, Json> = Object.create(null) as Record<string, Json>;
    for (const k of Object.keys(base)) out[k] = base[k]!;
    for (const k of Object.keys(over)) {
      const v = over[k]!;
      if (v === null) delete out[k];
      else out[k] = k in out ? mergeValue(out[k]!, v, [...path, k], problems, check) : v;
    }
    return { ...out };
  }
  if (Array.isArray(base) && Array.isArray(over)) return mergeList(base, over, path, problems, check);
  return over;
}

/** Removes the `$remove` markers that had nothing to remove in a file without a base. */
export function stripMarkers(v: Json): Json {
  if (Array.isArray(v)) return v.filter((x) => !(isObject(x) && x.$remove === true)).map(stripMarkers);
  if (isObject(v)) {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(v)) out[k] = stripMarkers(v[k]!);
    return out;
  }
  return v;
}
