// Named saves without a browser, on a fake Storage: list, write, rename, delete and undo; the autosave
// kept apart (and an old single save still read as the autosave); export and import round trip; a merge
// that renames on a clash and skips what is already here; storage that is full or refused leaves
// everything as it was and says so in words; damaged entries are reported and never hide the others.
import { describe, expect, it } from 'vitest';
import { makeReplay, runGame, type Order, type Replay } from '../src/sim/index';
import { catalogue } from '../src/store/catalogue';
import { readSave, SAVE_KEY, writeSave } from '../src/store/saves';
import {
  deleteSlot,
  exportSaves,
  importSaves,
  listSlots,
  nameError,
  NAME_MAX,
  renameSlot,
  restoreSlot,
  SLOT_PREFIX,
  SLOT_TEMP,
  summarise,
  uniqueName,
  writeSlot,
  type SlotInput,
} from '../src/store/save-slots';
import { diskReader } from '../src/cli/files';
import { load, DEFAULT } from './helpers';

const scenario = load(DEFAULT);
const CATALOGUE = catalogue(diskReader, [DEFAULT]);
const ORDERS: Record<string, Order> = { '3': { action: 'peace-initiative', target: 'ukraine' } };

function recorded(turns: number, seed = '11'): Replay {
  const t = runGame(scenario, seed, { role: 'belarus', turns, orders: (turn) => (ORDERS[String(turn)] ? { belarus: ORDERS[String(turn)]! } : {}) });
  return makeReplay(scenario, seed, 'belarus', ORDERS, t.turns.map((x) => x.hash), t.outcome);
}

const R4 = recorded(4);
const R9 = recorded(9);
const R6 = recorded(6, '12');

/** A Storage in memory that can be made full (a quota in characters) or refused (every call throws). */
class MemoryStorage implements Storage {
  map = new Map<string, string>();
  /** The most characters (keys and values) it holds; beyond it setItem throws QuotaExceededError. */
  quota = Infinity;
  /** Every call throws SecurityError (storage refused by the browser). */
  refused = false;
  private check() {
    if (this.refused) throw Object.assign(new Error('The operation is insecure.'), { name: 'SecurityError' });
  }
  get length() {
    this.check();
    return this.map.size;
  }
  clear() {
    this.check();
    this.map.clear();
  }
  getItem(k: string) {
    this.check();
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    this.check();
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.check();
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    this.check();
    let used = k.length + v.length;
    for (const [kk, vv] of this.map) if (kk !== k) used += kk.length + vv.length;
    if (used > this.quota) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    this.map.set(k, v);
  }
  /** Everything it holds, to compare before and after. */
  snapshot() {
    return new Map(this.map);
  }
  used() {
    let n = 0;
    for (const [k, v] of this.map) n += k.length + v.length;
    return n;
  }
}

const game = (name: string, replay: Replay = R4): SlotInput => ({ name, file: DEFAULT, kind: 'game', day: null, replay });
const T1 = '2026-03-01T10:00:00.000Z';
const T2 = '2026-03-01T11:00:00.000Z';
const T3 = '2026-03-01T12:00:00.000Z';

function ok<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('named saves: list, write, rename, delete', () => {
  it('writes, lists newest first, renames, deletes and puts back (undo)', () => {
    const st = new MemoryStorage();
    expect(listSlots(st)).toEqual({ slots: [], damaged: [], error: null });
    const a = ok(writeSlot(st, game('Before the speech'), T1));
    const b = ok(writeSlot(st, { name: 'The turn', file: DEFAULT, kind: 'replay', day: 3, replay: { ...R9, notes: [{ day: 3, text: 'Here it turns.' }] } }, T2));
    expect([a.id, b.id]).toEqual(['1', '2']);
    expect(st.map.has(SLOT_TEMP)).toBe(false);
    let list = listSlots(st);
    expect(list.slots.map((s) => [s.name, s.kind, s.day, s.replay.checkpoints.length])).toEqual([
      ['The turn', 'replay', 3, 9],
      ['Before the speech', 'game', null, 4],
    ]);
    expect(list.slots[0]!.replay.notes).toEqual([{ day: 3, text: 'Here it turns.' }]);
    expect(list.slots[1]!.replay).toEqual(R4);

    expect(renameSlot(st, a.id, '  Before the vote ')).toBeNull();
    expect(listSlots(st).slots.map((s) => s.name)).toEqual(['The turn', 'Before the vote']);
    // A name another save has (in any case) is refused; renaming to its own name in another case is fine.
    expect(renameSlot(st, a.id, 'the TURN')).toBe('a save named “The turn” already exists');
    expect(renameSlot(st, b.id, 'THE TURN')).toBeNull();
    expect(writeSlot(st, game('before the vote'), T3)).toEqual({ ok: false, error: 'a save named “Before the vote” already exists' });
    expect(renameSlot(st, '99', 'x')).toMatch(/gone/);

    // Replacing a save by name (the player said yes) keeps its number.
    const replaced = ok(writeSlot(st, game('Before the vote', R9), T3, a.id));
    expect(replaced.id).toBe(a.id);
    expect(listSlots(st).slots.find((s) => s.id === a.id)!.replay.checkpoints).toHaveLength(9);

    list = listSlots(st);
    const gone = list.slots.find((s) => s.id === b.id)!;
    expect(deleteSlot(st, b.id)).toBeNull();
    expect(listSlots(st).slots.map((s) => s.name)).toEqual(['Before the vote']);
    const back = ok(restoreSlot(st, gone));
    expect(back).toEqual(gone);
    expect(listSlots(st).slots.map((s) => s.name)).toEqual(['Before the vote', 'THE TURN']);
  });

  it('names: empty, too long, taken; "name (2)" on a clash', () => {
    const slots = [{ id: '1', name: 'Before the speech' }, { id: '2', name: 'Before the speech (2)' }];
    const cases: [string, string, string | null][] = [
      ['empty', '   ', 'a save needs a name'],
      ['too long', 'x'.repeat(NAME_MAX + 1), `a save’s name is at most ${NAME_MAX} characters (this one has ${NAME_MAX + 1})`],
      ['taken, other case', 'BEFORE THE SPEECH', 'a save named “Before the speech” already exists'],
      ['free', 'After the speech', null],
    ];
    for (const [why, name, err] of cases) expect([why, nameError(name, slots)]).toEqual([why, err]);
    const taken = slots.map((s) => s.name);
    const unique: [string, string][] = [
      ['Fresh', 'Fresh'],
      ['Before the speech', 'Before the speech (3)'],
      ['before the speech (2)', 'before the speech (3)'],
      ['y'.repeat(NAME_MAX), 'y'.repeat(NAME_MAX)],
    ];
    for (const [name, want] of unique) expect(uniqueName(name, taken)).toBe(want);
    const long = 'z'.repeat(NAME_MAX);
    expect(uniqueName(long, [long])).toBe(`${'z'.repeat(NAME_MAX - 4)} (2)`);
  });

  it('keeps the autosave apart: neither writes over the other; an old single save is the autosave', () => {
    const st = new MemoryStorage();
    // The single save as older builds wrote it (key brink.save), byte for byte.
    const old = JSON.stringify({ format: 'brink-save', version: 1, file: DEFAULT, replay: R4 });
    st.map.set(SAVE_KEY, old);
    ok(writeSlot(st, game('Mine', R9), T1));
    expect(st.map.get(SAVE_KEY)).toBe(old);
    const auto = readSave(st);
    expect(auto?.ok && auto.save.replay).toEqual(R4);
    expect(listSlots(st).slots.map((s) => s.name)).toEqual(['Mine']);
    expect(writeSave(st, { file: DEFAULT, replay: R6 })).toBeNull();
    expect(listSlots(st).slots[0]!.replay).toEqual(R9);
    const exp = exportSaves(st, T2);
    expect([exp.saves, exp.autosave]).toEqual([1, true]);
  });

  it('describes a save from the catalogue: title, role, day, how it ended', () => {
    const long = runGame(scenario, '11', { role: 'belarus', turns: 200 });
    const ended = makeReplay(scenario, '11', 'belarus', {}, long.turns.map((x) => x.hash), long.outcome);
    expect(ended.outcome).not.toBeNull();
    const name = scenario.data.outcomes.find((o) => o.id === ended.outcome!.id)!.name;
    expect(summarise(CATALOGUE, DEFAULT, ended)).toEqual({ title: 'Allied Resolve 2022', roleName: 'Belarus', day: ended.checkpoints.length, days: ended.checkpoints.length, ended: { day: ended.outcome!.turn, name }, problem: null });
    expect(summarise(CATALOGUE, DEFAULT, R9, 3)).toMatchObject({ day: 3, days: 9, ended: null });
    expect(summarise(CATALOGUE, 'scenarios/gone.yaml', { ...R9, scenario: { ...R9.scenario, id: 'gone' } }).problem).toBe('its scenario file scenarios/gone.yaml is not part of this build');
  });
});

describe('storage that is full or refused', () => {
  it('a write, a rename or an undo refused for quota leaves every save as it was, and says so', () => {
    const st = new MemoryStorage();
    ok(writeSlot(st, game('One'), T1));
    expect(writeSave(st, { file: DEFAULT, replay: R4 })).toBeNull();
    const before = st.snapshot();
    st.quota = st.used() + 100;
    const w = writeSlot(st, game('Two', R9), T2);
    expect(w.ok).toBe(false);
    expect(!w.ok && w.error).toBe('“Two” could not be saved: the browser’s storage for this page is full — delete saves you no longer need (export them first to keep a copy); your saves are as they were');
    expect(st.snapshot()).toEqual(before);
    // A rename that grows the entry past the quota: the old name stays.
    expect(renameSlot(st, '1', 'x'.repeat(NAME_MAX))).toMatch(/^“One” could not be renamed: the browser’s storage for this page is full/);
    expect(st.snapshot()).toEqual(before);
    expect(listSlots(st).slots.map((s) => s.name)).toEqual(['One']);
    // Deleting frees room; the undo fails while something else has taken it, and the list is intact.
    const one = listSlots(st).slots[0]!;
    expect(deleteSlot(st, '1')).toBeNull();
    st.map.set('other', 'x'.repeat(200));
    expect(restoreSlot(st, one)).toMatchObject({ ok: false, error: expect.stringMatching(/^“One” could not be put back: .*full/) });
    expect(st.map.has(SLOT_TEMP)).toBe(false);
  });

  it('storage refused or missing: an error in words, nothing thrown', () => {
    const st = new MemoryStorage();
    ok(writeSlot(st, game('One'), T1));
    st.refused = true;
    const refused = 'the browser refuses this page its storage (a private window or a site setting can block it)';
    expect(listSlots(st)).toEqual({ slots: [], damaged: [], error: refused });
    expect(writeSlot(st, game('Two'), T2)).toEqual({ ok: false, error: `“Two” could not be saved: ${refused}; your saves are as they were` });
    expect(deleteSlot(st, '1')).toBe(`the save could not be deleted: ${refused}`);
    expect(importSaves(st, exportSaves(null, T1).text, CATALOGUE, T2)).toEqual({ ok: false, error: refused });
    st.refused = false;
    expect(listSlots(st).slots.map((s) => s.name)).toEqual(['One']);
    for (const r of [listSlots(null).error, writeSlot(null, game('x'), T1).ok === false, renameSlot(null, '1', 'x'), deleteSlot(null, '1')]) expect(r).toBeTruthy();
    expect(listSlots(null).error).toMatch(/gives the page no storage/);
  });
});

describe('damaged entries', () => {
  it('are listed with their reason, never hide the others, are left out of an export and can be deleted', () => {
    const st = new MemoryStorage();
    ok(writeSlot(st, game('Good'), T1));
    st.map.set(`${SLOT_PREFIX}7`, '{"format":"brink-slot","version":1,"name":"Cut sh');
    st.map.set(`${SLOT_PREFIX}8`, JSON.stringify({ format: 'brink-slot', version: 2, name: 'From the future' }));
    st.map.set(`${SLOT_PREFIX}9`, JSON.stringify({ format: 'brink-slot', version: 1, name: 'Bad replay', file: DEFAULT, kind: 'game', day: null, savedAt: T1, replay: { ...R4, checkpoints: 'nope' } }));
    st.map.set('brink.slotted', 'not ours');
    const list = listSlots(st);
    expect(list.slots.map((s) => s.name)).toEqual(['Good']);
    expect(list.damaged.map((d) => [d.id, d.name, d.error.replace(/:.*$/, ':…')])).toEqual([
      ['7', null, 'damaged:…'],
      ['8', 'From the future', 'saved by a newer Brink (save format version 2; this build reads version 1)'],
      ['9', 'Bad replay', 'damaged:…'],
    ]);
    expect(list.damaged[2]!.error).toMatch(/checkpoints/);
    // A new save takes a number after the damaged ones: they are never written over.
    expect(ok(writeSlot(st, game('Next'), T2)).id).toBe('10');
    const exp = exportSaves(st, T3);
    expect(exp.saves).toBe(2);
    expect(exp.left).toHaveLength(3);
    expect(exp.left[1]).toBe('“From the future”: saved by a newer Brink (save format version 2; this build reads version 1)');
    expect(deleteSlot(st, '7')).toBeNull();
    expect(listSlots(st).damaged.map((d) => d.id)).toEqual(['8', '9']);
  });
});

describe('export and import', () => {
  function filled(): MemoryStorage {
    const st = new MemoryStorage();
    ok(writeSlot(st, game('Before the speech'), T1));
    ok(writeSlot(st, { name: 'Watch day 3', file: DEFAULT, kind: 'replay', day: 3, replay: { ...R9, notes: [{ day: 3, text: 'Here.' }] } }, T2));
    expect(writeSave(st, { file: DEFAULT, replay: R6 })).toBeNull();
    return st;
  }
  const strip = (st: MemoryStorage) => listSlots(st).slots.map(({ id: _id, ...s }) => s);

  it('round trip: a fresh browser gets every save and the autosave', () => {
    const a = filled();
    const exp = exportSaves(a, T3);
    expect(JSON.parse(exp.text)).toMatchObject({ format: 'brink-saves', version: 1, exported: T3 });
    const b = new MemoryStorage();
    const rep = ok(importSaves(b, exp.text, CATALOGUE, T3));
    expect(rep).toEqual({ imported: [{ name: 'Watch day 3', as: null }, { name: 'Before the speech', as: null }, { name: 'the autosave', as: null }], skipped: [] });
    expect(strip(b)).toEqual(strip(a));
    const auto = readSave(b);
    expect(auto?.ok && auto.save.replay).toEqual(R6);
    // The same file again: everything is already here, nothing doubles.
    const again = ok(importSaves(b, exp.text, CATALOGUE, T3));
    expect(again.imported).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual(['it is already here', 'it is already here', 'it is the same as this browser’s autosave']);
    expect(listSlots(b).slots).toHaveLength(2);
  });

  it('merges: a clash of names becomes "name (2)"; this browser’s autosave is never replaced', () => {
    const text = exportSaves(filled(), T3).text;
    const b = new MemoryStorage();
    ok(writeSlot(b, game('Before the speech', R9), T1));
    ok(writeSlot(b, game('Renamed here', R4), T1));
    expect(writeSave(b, { file: DEFAULT, replay: R9 })).toBeNull();
    const autoBefore = b.map.get(SAVE_KEY);
    const rep = ok(importSaves(b, text, CATALOGUE, T3));
    expect(rep.imported).toEqual([
      { name: 'Watch day 3', as: null },
      { name: 'the autosave', as: 'Imported autosave' },
    ]);
    expect(rep.skipped).toEqual([{ name: 'Before the speech', reason: 'it is already here, as “Renamed here”' }]);
    expect(b.map.get(SAVE_KEY)).toBe(autoBefore);
    // A save of the same name but another game is kept beside it.
    const c = new MemoryStorage();
    ok(writeSlot(c, game('Before the speech', R9), T1));
    const rc = ok(importSaves(c, text, CATALOGUE, T3));
    expect(rc.imported[1]).toEqual({ name: 'Before the speech', as: 'Before the speech (2)' });
    expect(listSlots(c).slots.map((s) => s.name).sort()).toEqual(['Before the speech', 'Before the speech (2)', 'Watch day 3']);
  });

  it('skips, with the reason, a damaged entry and a save whose scenario is not in this build; the others come in', () => {
    const data = JSON.parse(exportSaves(filled(), T3).text) as { saves: Record<string, unknown>[]; autosave: Record<string, unknown> };
    data.saves.push({ name: 'Elsewhere', file: 'scenarios/not-here.yaml', kind: 'game', day: null, savedAt: T1, replay: { ...R4, scenario: { ...R4.scenario, id: 'not-here' } } });
    data.saves.push({ name: 'Broken', file: DEFAULT, kind: 'game', savedAt: T1, replay: { format: 'brink-replay' } });
    data.saves.push(42 as unknown as Record<string, unknown>);
    data.autosave = { file: DEFAULT, replay: 'gone' };
    const b = new MemoryStorage();
    const rep = ok(importSaves(b, JSON.stringify(data), CATALOGUE, T3));
    expect(rep.imported.map((i) => i.name)).toEqual(['Watch day 3', 'Before the speech']);
    expect(rep.skipped.map((s) => [s.name, s.reason.replace(/^(damaged): .*/, '$1: …')])).toEqual([
      ['Elsewhere', 'its scenario file scenarios/not-here.yaml is not part of this build'],
      ['Broken', 'damaged: …'],
      ['entry 5', 'damaged: …'],
      ['the autosave', 'damaged: …'],
    ]);
    expect(readSave(b)).toBeNull();
  });

  it('a file that is not a saves file, or from a newer Brink, is refused whole with a clear error', () => {
    const b = new MemoryStorage();
    const text = exportSaves(filled(), T3).text;
    const cases: [string, string, string][] = [
      ['not JSON', 'hello', 'not a Brink saves file — a saves file is the .json that “Export all saves” downloads'],
      ['cut short', text.slice(0, 200), 'the saves file is cut short or damaged — export it again'],
      ['a replay', JSON.stringify(R4), 'this is a replay, not a saves file — open it with “Open a replay…”'],
      ['another JSON', '{"name":"package"}', 'not a Brink saves file — a saves file is the .json that “Export all saves” downloads'],
      ['newer', '{"format":"brink-saves","version":2,"saves":[]}', 'this saves file is format version 2, made by a newer Brink; this build reads version 1 — update Brink to import it'],
      ['no list', '{"format":"brink-saves","version":1}', 'the saves file is damaged: it has no list of saves'],
    ];
    for (const [why, t, err] of cases) expect([why, importSaves(b, t, CATALOGUE, T3)]).toEqual([why, { ok: false, error: err }]);
    expect(b.map.size).toBe(0);
  });

  it('an import that fills the storage keeps what was there and reports each save it could not keep', () => {
    const text = exportSaves(filled(), T3).text;
    const b = new MemoryStorage();
    ok(writeSlot(b, game('Mine', R9), T1));
    const before = b.snapshot();
    b.quota = b.used() + 10;
    const rep = ok(importSaves(b, text, CATALOGUE, T3));
    expect(rep.imported).toEqual([]);
    expect(rep.skipped.map((s) => s.name)).toEqual(['Watch day 3', 'Before the speech', 'the autosave']);
    expect(rep.skipped.every((s) => /full/.test(s.reason))).toBe(true);
    expect(b.snapshot()).toEqual(before);
  });
});
