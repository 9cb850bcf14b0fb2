// Replays, share links and saves without a browser: record → verify holds; an edited order, a changed
// scenario, a truncated file and a future version are rejected with the reason; a 60-day link fits a chat
// message; a save survives a failed write; the session's viewer and resume land on the recorded hashes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReplay, verifyReplay, runGame, makeReplay, type Replay, type Order } from '../src/sim/index';
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

  it('rejects files that are not replays, cut short, or from a newer Brink', () => {
    const text = JSON.stringify(recorded());
    expect(parseReplay(text.slice(0, text.length / 2))).toEqual({ ok: false, error: 'not a replay: the file is cut short or damaged — save or download the replay again' });
    expect(parseReplay('[1,2]')).toEqual({ ok: false, error: expect.stringMatching(/^not a Brink replay — /) });
    expect(parseReplay('{"format":"brink-save"}')).toEqual({ ok: false, error: expect.stringMatching(/^not a Brink replay — /) });
    expect(parseReplay(JSON.stringify({ ...recorded(), version: 2 }))).toEqual({ ok: false, error: expect.stringMatching(/newer Brink/) });
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
  it('opens a replay at its last day, seeks any day, plays on from there', () => {
    const store = createSession();
    const replay = recorded(20);
    expect(store.getState().openReplay(replay, DEFAULT, diskReader)).toBeNull();
    let s = store.getState();
    expect(s.viewer?.cursor).toBe(20);
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
