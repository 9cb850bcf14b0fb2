// Replays, share links and saves without a browser: record → verify holds; an edited order, a changed
// scenario, a truncated file and a future version are rejected with the reason; a 60-day link fits a chat
// message; a save survives a failed write; the session's viewer and resume land on the recorded hashes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReplay, verifyReplay, runGame, makeReplay, noteError, NOTE_MAX, type Replay, type Order } from '../src/sim/index';
import { replayFragment, readReplayFragment } from '../src/store/replay-link';
import { readSave, writeSave, SAVE_KEY } from '../src/store/saves';
import { createSession } from '../src/store/session';
import { diskReader } from '../src/cli/files';
import { cli, load, DEFAULT } from './helpers';

const scenario = load(DEFAULT);
const ORDERS: Record<string, Order> = { '3': { action: 'peace-initiative', target: 'ukraine' }, '6': { action: 'war-rhetoric', target: 'ukraine' } };

function recorded(turns = 30): Replay {
  const t = runGame(scenario, '11', { role: 'belarus', turns, orders: (turn) => (ORDERS[String(turn)] ? { belarus: ORDERS[String(turn)]! } : {}) });
  return makeReplay(scenario, '11', 'belarus', ORDERS, t.turns.map((x) => x.hash), t.outcome);
}

class MemoryStorage implements Storage {
  map = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    if (this.failWrites) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    this.map.set(k, v);
  }
}

describe('replay files', () => {
  it('verify: a recorded game holds, day by day', () => {
    const v = verifyReplay(scenario, recorded());
    expect(v.ok).toBe(true);
    expect(v.days).toHaveLength(31);
    expect(v.divergedAt).toBeNull();
  });

  it('names the first day that diverges when an order is edited', () => {
    const r = recorded();
    r.orders['6'] = { action: 'defensive-assurance', target: 'ukraine' };
    const v = verifyReplay(scenario, r);
    expect(v.ok).toBe(false);
    expect(v.divergedAt).toBe(6);
    expect(v.reason).toMatch(/day 6/);
  });

  it('says so when the scenario changed, naming the first day it shows', () => {
    const edited = { ...scenario, hash: '0123456789abcdef', data: { ...scenario.data, pairs: scenario.data.pairs.map((p) => (p.id === 'russia-ukraine' ? { ...p, grievance: 2 } : p)) } };
    const v = verifyReplay(edited, recorded());
    expect(v.ok).toBe(false);
    expect(v.scenarioChanged).toBe(true);
    expect(v.divergedAt).toBe(1);
    expect(v.reason).toMatch(/scenario has changed/);
  });

  it('says plainly that another file (a package.json, a scenario, text) is not a replay, and what one is', () => {
    const plain = 'not a Brink replay — a replay is the .json file that "Save replay" downloads in the game, or that npm run sim writes with --record FILE';
    for (const text of [readFileSync('package.json', 'utf8'), readFileSync(DEFAULT, 'utf8'), 'hello', '{}', 'null']) {
      expect(parseReplay(text)).toEqual({ ok: false, error: plain });
    }
  });

  it('reads a version 1 replay (from before notes) as version 2 with no notes, and it still verifies', () => {
    // tests/fixtures/replay-v1.json was written by the version 1 format: seed 11, Belarus, two orders, 30 days.
    const read = parseReplay(readFileSync('tests/fixtures/replay-v1.json', 'utf8'));
    if (!read.ok) throw new Error(read.error);
    expect(read.replay.version).toBe(2);
    expect(read.replay.notes).toEqual([]);
    const v = verifyReplay(scenario, read.replay);
    expect({ ok: v.ok, days: v.days.length - 1, divergedAt: v.divergedAt }).toEqual({ ok: true, days: 30, divergedAt: null });
  });

  it('carries notes in the file and the link, in day order, and verification ignores them', () => {
    const notes = [
      { day: 12, text: 'Fear peaks: note the Brest exercise.' },
      { day: 3, text: 'Belarus offers talks.' },
      { day: 12, text: 'A second note on the same day keeps its place.' },
    ];
    const base = recorded();
    const t = runGame(scenario, '11', { role: 'belarus', turns: 30, orders: (turn) => (ORDERS[String(turn)] ? { belarus: ORDERS[String(turn)]! } : {}) });
    const noted = makeReplay(scenario, '11', 'belarus', ORDERS, t.turns.map((x) => x.hash), t.outcome, notes);
    expect(noted.notes.map((n) => n.day)).toEqual([3, 12, 12]);
    expect(noted.notes[2]!.text).toMatch(/^A second note/);
    const file = parseReplay(JSON.stringify(noted));
    const link = readReplayFragment(`#${replayFragment(noted)}`);
    for (const r of [file, link]) {
      if (!r?.ok) throw new Error('not read');
      expect(r.replay.notes).toEqual(noted.notes);
      const v = verifyReplay(scenario, r.replay);
      expect(v.ok).toBe(true);
      // The same run as without notes: every day's hash is the plain replay's.
      expect(v.days.slice(1).map((d) => d.hash)).toEqual(base.checkpoints);
    }
  });

  it('refuses a note that is empty, too long, or on a day the replay does not have, saying why', () => {
    const r = recorded(10);
    expect(noteError(r, 4, 'Talks start.')).toBeNull();
    expect(noteError(r, 0, 'On the eve.')).toBeNull();
    expect(noteError(r, 4, '   ')).toMatch(/empty/);
    expect(noteError(r, 4, 'x'.repeat(NOTE_MAX + 1))).toMatch(/at most 280/);
    expect(noteError(r, 11, 'After the end.')).toMatch(/day 11 is not in this replay \(days 0–10\)/);
    const long = parseReplay(JSON.stringify({ ...r, notes: [{ day: 1, text: 'x'.repeat(NOTE_MAX + 1) }] }));
    expect(long).toEqual({ ok: false, error: expect.stringMatching(/^not a valid replay: notes\.0\.text: a note is at most 280 characters/) });
  });

  it('rejects files that are not replays, cut short, or from a newer Brink', () => {
    const text = JSON.stringify(recorded());
    expect(parseReplay(text.slice(0, text.length / 2))).toEqual({ ok: false, error: 'not a replay: the file is cut short or damaged — save or download the replay again' });
    expect(parseReplay('[1,2]')).toEqual({ ok: false, error: expect.stringMatching(/^not a Brink replay — /) });
    expect(parseReplay('{"format":"brink-save"}')).toEqual({ ok: false, error: expect.stringMatching(/^not a Brink replay — /) });
    expect(parseReplay(JSON.stringify({ ...recorded(), version: 3 }))).toEqual({ ok: false, error: expect.stringMatching(/newer Brink/) });
    expect(parseReplay(JSON.stringify({ ...recorded(), checkpoints: ['xyz'] }))).toEqual({ ok: false, error: expect.stringMatching(/checkpoints/) });
  });
});

describe('npm run replay', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brink-replay-'));
  const orders = join(dir, 'orders.json');
  const file = join(dir, 'r.json');
  writeFileSync(orders, JSON.stringify(Object.fromEntries(Object.entries(ORDERS).map(([d, o]) => [d, { belarus: o }]))));

  it('exit 0 for a recorded replay; 1 naming the day after one order is changed; 2 for a non-replay', () => {
    expect(cli('sim', [DEFAULT, '--seed', '11', '--role', 'belarus', '--orders', orders, '--turns', '30', '--record', file]).status).toBe(0);
    const ok = cli('replay', [file]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/holds — Allied Resolve 2022, seed 11, role belarus, 30 days, 2 orders/);
    const r = JSON.parse(readFileSync(file, 'utf8')) as Replay;
    r.orders['3'] = { action: 'defensive-assurance', target: 'ukraine' };
    writeFileSync(file, JSON.stringify(r));
    const bad = cli('replay', [file]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/diverges on day 3/);
    writeFileSync(file, '{"hello": 1}');
    const not = cli('replay', [file]);
    expect(not.status).toBe(2);
    expect(not.stderr).toMatch(/r\.json: not a Brink replay — a replay is the \.json file that "Save replay" downloads/);
    expect(not.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('share links', () => {
  it('fit a 60-day game in a chat message and replay to the same hashes', () => {
    const t = runGame(scenario, '7', { turns: 60 });
    const replay = makeReplay(scenario, '7', 'observer', {}, t.turns.map((x) => x.hash), t.outcome);
    const fragment = replayFragment(replay);
    const link = `http://127.0.0.1:4173/#${fragment}`;
    expect(link.length).toBeLessThanOrEqual(2000);
    const read = readReplayFragment(`#${fragment}`);
    if (!read?.ok) throw new Error(`link did not read back: ${read?.error}`);
    const v = verifyReplay(scenario, read.replay);
    expect(v.ok).toBe(true);
    expect(v.days[60]!.hash).toBe(t.turns[59]!.hash);
  });

  it('report a damaged link instead of failing', () => {
    expect(readReplayFragment('#replay=%%%garbage')).toEqual({ ok: false, error: expect.any(String) });
    expect(readReplayFragment('#other=1')).toBeUndefined();
  });
});

describe('saves', () => {
  it('write and read back; a failed write keeps the last save and says so', () => {
    const storage = new MemoryStorage();
    const replay = recorded(5);
    expect(writeSave(storage, { file: DEFAULT, replay })).toBeNull();
    const back = readSave(storage);
    expect(back?.ok && back.save.replay.checkpoints).toEqual(replay.checkpoints);
    storage.failWrites = true;
    expect(writeSave(storage, { file: DEFAULT, replay: recorded(8) })).toMatch(/storage is full.*last save is kept/);
    const still = readSave(storage);
    expect(still?.ok && still.save.replay.checkpoints.length).toBe(5);
  });

  it('turns a corrupted, foreign or outdated save into a notice', () => {
    const storage = new MemoryStorage();
    expect(readSave(storage)).toBeNull();
    storage.map.set(SAVE_KEY, '{not json');
    expect(readSave(storage)).toEqual({ ok: false, error: expect.stringMatching(/damaged/) });
    storage.map.set(SAVE_KEY, '{"format":"other"}');
    expect(readSave(storage)).toEqual({ ok: false, error: expect.stringMatching(/not a Brink save/) });
    storage.map.set(SAVE_KEY, '{"format":"brink-save","version":9,"file":"x"}');
    expect(readSave(storage)).toEqual({ ok: false, error: expect.stringMatching(/version 9/) });
  });
});

describe('the session: viewer and resume', () => {
  it('opens a replay on day 1 (or the day asked for), seeks any day, plays on from there', () => {
    const store = createSession();
    const replay = recorded(20);
    expect(store.getState().openReplay(replay, DEFAULT, diskReader)).toBeNull();
    let s = store.getState();
    expect(s.viewer?.cursor).toBe(1);
    expect(s.days[1]!.hash).toBe(replay.checkpoints[0]);
    for (const [asked, shown] of [[13, 13], [0, 0], [99, 20], [-4, 0]] as const) {
      expect(store.getState().openReplay(replay, DEFAULT, diskReader, asked)).toBeNull();
      expect([asked, store.getState().viewer?.cursor]).toEqual([asked, shown]);
    }
    s = store.getState();
    s.seek(20);
    s = store.getState();
    expect(s.days[s.days.length - 1]!.hash).toBe(replay.checkpoints[19]);
    s.seek(7);
    s = store.getState();
    expect(s.game?.turn).toBe(7);
    expect(s.days).toHaveLength(8);
    expect(s.days[7]!.hash).toBe(replay.checkpoints[6]);
    s.nextDay();
    expect(store.getState().game?.turn).toBe(7);
    s.playOn();
    store.getState().nextDay();
    s = store.getState();
    expect(s.viewer).toBeNull();
    expect(s.game?.turn).toBe(8);
    expect(Object.keys(s.orders)).toEqual(['3', '6']);
  });

  it('adds, edits and deletes notes in the viewer; the shared replay carries them and playing on keeps the earlier ones', () => {
    const store = createSession();
    expect(store.getState().openReplay(recorded(20), DEFAULT, diskReader)).toBeNull();
    const s = store.getState();
    expect(s.addNote(12, 'The day it turned.')).toBeNull();
    expect(s.addNote(4, '  Talks offered.  ')).toBeNull();
    expect(s.addNote(21, 'Beyond the end.')).toMatch(/not in this replay/);
    expect(store.getState().notes).toEqual([{ day: 4, text: 'Talks offered.' }, { day: 12, text: 'The day it turned.' }]);
    expect(store.getState().editNote(1, 'x'.repeat(281))).toMatch(/at most 280/);
    expect(store.getState().editNote(1, 'Fear peaks.')).toBeNull();
    expect(store.getState().replay()!.notes).toEqual([{ day: 4, text: 'Talks offered.' }, { day: 12, text: 'Fear peaks.' }]);
    // The shared replay is the one opened (all 20 days), whatever day is shown.
    store.getState().seek(5);
    expect(store.getState().replay()!.checkpoints).toHaveLength(20);
    store.getState().playOn();
    expect(store.getState().notes).toEqual([{ day: 4, text: 'Talks offered.' }]);
    store.getState().deleteNote(0);
    expect(store.getState().notes).toEqual([]);
  });

  it('resumes a saved game on the same day with the same hash', () => {
    const store = createSession();
    expect(store.getState().newGame({ file: DEFAULT, seed: '5', role: 'belarus' }, diskReader)).toBeNull();
    for (let i = 0; i < 6; i++) {
      if (i === 2) store.getState().setOrder({ action: 'peace-initiative', target: 'ukraine' });
      store.getState().nextDay();
    }
    const replay = store.getState().replay()!;
    const hash = store.getState().days[6]!.hash;
    const again = createSession();
    expect(again.getState().resume(JSON.parse(JSON.stringify(replay)) as Replay, DEFAULT, diskReader)).toBeNull();
    expect(again.getState().game?.turn).toBe(6);
    expect(again.getState().days[6]!.hash).toBe(hash);
  });
});
