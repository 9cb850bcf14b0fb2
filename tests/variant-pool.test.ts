// The browser's variant pool (src/store/variant-pool.ts) and the runners over it (src/store/sensitivity.ts,
// src/store/sweep.ts), with the Web Workers stood in for by the worker's own core run in-process (each
// message structured-cloned and answered asynchronously, as a worker would). The pool's tally equals one
// played in order whatever the number of workers; its sensitivity ranking equals `sim --sensitivity --json`
// for the same seeds (the tornado's top three are the CLI's); its sweep CSV equals `sim --sweep --csv`;
// cancelling terminates the busy workers and stops progress; a high-priority run goes first; a failing job
// rejects its run only.
import { describe, expect, it } from 'vitest';
import { batchSeeds, makeBatch, planSensitivity, runBatchHere, type SensitivityResult } from '../src/sim/index';
import { variantHandler, type VariantReply, type VariantRequest } from '../src/workers/variant-core';
import { createVariantPool, poolSize, type VariantWorker } from '../src/store/variant-pool';
import { createSensitivity, rankedBy, sensitivityFor } from '../src/store/sensitivity';
import { createSweep } from '../src/store/sweep';
import { cli, DEFAULT, load } from './helpers';

const ar = load(DEFAULT);
const SENSITIVE = load('tests/fixtures/mini-sensitive.yaml');

interface Fake extends VariantWorker {
  terminated: boolean;
  jobs: number;
}

/** A stand-in for the Web Worker: the worker's core, answering each message in a task of its own. */
function fakeWorker(log: Fake[]): Fake {
  const handle = variantHandler();
  const w: Fake = {
    onmessage: null,
    onerror: null,
    terminated: false,
    jobs: 0,
    postMessage(req: VariantRequest) {
      const m = structuredClone(req);
      setTimeout(() => {
        if (w.terminated) return;
        if (m.type === 'job') w.jobs++;
        const reply = handle(m);
        if (reply) w.onmessage?.({ data: reply } as MessageEvent<VariantReply>);
      });
    },
    terminate() {
      w.terminated = true;
    },
  };
  log.push(w);
  return w;
}

const until = async (ok: () => boolean, ms = 60_000) => {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('the variant pool', () => {
  it('sizes itself from the cores: at least 2, at most 8', () => {
    expect([undefined, 0, 1, 2, 3, 16].map((c) => poolSize(c))).toEqual([2, 2, 2, 2, 3, 8]);
  });

  it('merges the same tally as one thread, on 1, 2 or 3 workers and any job size', async () => {
    const plan = planSensitivity(SENSITIVE, batchSeeds(12));
    const alone = runBatchHere(SENSITIVE, plan.batch);
    for (const [workers, perJob] of [[1, 12], [2, 5], [3, 1]] as const) {
      const log: Fake[] = [];
      const pool = createVariantPool({ workers, spawn: () => fakeWorker(log) });
      const seen: number[] = [];
      const tally = await pool.run(SENSITIVE, plan.batch, { perJob, progress: (d) => seen.push(d) }).result;
      expect(tally).toEqual(alone);
      expect(log).toHaveLength(workers);
      // Every worker took jobs; progress rose to the total, one report per job.
      for (const w of log) expect(w.jobs).toBeGreaterThan(0);
      expect(seen.at(-1)).toBe(alone.total);
      expect(seen.length).toBe(plan.batch.variants.length * Math.ceil(12 / perJob));
      pool.dispose();
      expect(log.every((w) => w.terminated)).toBe(true);
    }
  });

  it('cancelling terminates the workers busy with the run: no more progress, the result is null', async () => {
    const log: Fake[] = [];
    const pool = createVariantPool({ workers: 2, spawn: () => fakeWorker(log) });
    const plan = planSensitivity(SENSITIVE, batchSeeds(20));
    let last = 0;
    const run = pool.run(SENSITIVE, plan.batch, { perJob: 2, progress: (d) => (last = d) });
    await until(() => last >= 10);
    run.cancel();
    const at = last;
    expect(await run.result).toBeNull();
    expect(log.every((w) => w.terminated)).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(last).toBe(at);
    expect(at).toBeLessThan(plan.batch.variants.length * 20);
    // The pool starts workers again for the next run.
    const again = await pool.run(SENSITIVE, plan.batch).result;
    expect(again).toEqual(runBatchHere(SENSITIVE, plan.batch));
    expect(log.length).toBe(4);
    pool.dispose();
  });

  it('a high-priority run takes the workers first; a failing job rejects only its own run', async () => {
    const log: Fake[] = [];
    const pool = createVariantPool({ workers: 2, spawn: () => fakeWorker(log) });
    const big = planSensitivity(SENSITIVE, batchSeeds(30));
    const small = makeBatch(SENSITIVE.data, [{}], batchSeeds(8));
    const order: string[] = [];
    const slow = pool.run(SENSITIVE, big.batch, { perJob: 3 }).result.then((t) => (order.push('normal'), t));
    const quick = pool.run(SENSITIVE, small, { perJob: 2, priority: 'high' }).result.then((t) => (order.push('high'), t));
    // A batch naming an outcome the games can end in is missing: its jobs fail.
    const broken = pool.run(SENSITIVE, { ...small, outcomes: ['nothing'] }, { perJob: 4 }).result.then(
      () => 'resolved',
      (e: Error) => e.message,
    );
    expect(await quick).toEqual(runBatchHere(SENSITIVE, small));
    expect(await broken).toMatch(/not one of the scenario's outcomes/);
    expect(await slow).toEqual(runBatchHere(SENSITIVE, big.batch));
    expect(order).toEqual(['high', 'normal']);
    pool.dispose();
  });
});

describe('the tornado and the sweep over the pool equal the command line', () => {
  it('ranks Allied Resolve over seeds 1…20 exactly as `sim --sensitivity --runs 20 --json` (the same top three)', async () => {
    const r = cli('sim', [DEFAULT, '--sensitivity', '--runs', '20', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const expected = JSON.parse(r.stdout) as SensitivityResult;
    const log: Fake[] = [];
    const store = createSensitivity(() => createVariantPool({ workers: 3, spawn: () => fakeWorker(log) }));
    store.getState().runSensitivity(ar, 20);
    expect(store.getState()).toMatchObject({ status: 'running', done: 0, total: 20 * planSensitivity(ar, batchSeeds(20)).batch.variants.length });
    await until(() => store.getState().status !== 'running', 120_000);
    expect(store.getState().status).toBe('done');
    const record = sensitivityFor(ar.hash, store)!;
    expect(record.runs).toBe(20);
    expect(record.workers).toBe(3);
    expect(record.overall.ranking.slice(0, 3).map((x) => x.name)).toEqual(expected.ranking.slice(0, 3).map((x) => x.name));
    expect(JSON.parse(JSON.stringify(record.overall))).toEqual({ runs: expected.runs, metric: expected.metric, base: expected.base, ranking: expected.ranking });
    // Another measure: the role's win share, as `--role russia` ranks it.
    const byRussia = JSON.parse(cli('sim', [DEFAULT, '--sensitivity', '--runs', '20', '--role', 'russia', '--json']).stdout) as SensitivityResult;
    const mine = rankedBy(record, { kind: 'role', id: 'russia' });
    expect(mine.result.ranking.slice(0, 3).map((x) => x.name)).toEqual(byRussia.ranking.slice(0, 3).map((x) => x.name));
    // Each side against the base adds up to the effect: (above − base) − (below − base) = above − below.
    for (const row of mine.result.ranking) {
      const s = mine.steps.get(row.key)!;
      expect(s.above.change - s.below.change).toBeCloseTo(row.effect, 12);
    }
  }, 180_000);

  it('sweeps a parameter and writes the CSV of `sim --sweep … --csv`; a sweep the scenario cannot take is an error in words', async () => {
    const r = cli('sim', [DEFAULT, '--sweep', 'pairs.russia-ukraine.fear=0.02..0.06:0.02', '--runs', '10', '--csv']);
    expect(r.status, r.stderr).toBe(0);
    const sweep = createSweep(() => createVariantPool({ workers: 2, spawn: () => fakeWorker([]) }));
    sweep.getState().runSweep(ar, { key: 'pairs.0.fear', from: 0.02, to: 0.06, step: 0.02, runs: 10 });
    await until(() => sweep.getState().status !== 'running');
    const res = sweep.getState().result!;
    expect(res.csv).toBe(r.stdout);
    expect(res.text).toBe('pairs.russia-ukraine.fear=0.02..0.06:0.02');
    expect(res.base).toBe(0.04);
    expect(res.table.rows.map((x) => x.values[0])).toEqual([0.02, 0.04, 0.06]);
    sweep.getState().runSweep(ar, { key: 'forces.0.strength.0', from: 0, to: 99_000, step: 33_000, runs: 10 });
    expect(sweep.getState().status).toBe('error');
    expect(sweep.getState().error).toMatch(/^the sweep .*forces\.ru-vostok-brest\.strength\.low/);
  }, 120_000);
});
