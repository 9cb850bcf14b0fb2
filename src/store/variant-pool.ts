// The browser's pool of variant workers: plays the jobs of variant batches (src/sim/variant-runs.ts: the
// sensitivity runs, the sweeps, live estimates) on several Web Workers (src/workers/variant.worker.ts),
// as src/cli/variant-pool.ts does on Node threads. The results are the same as on one thread whatever the
// split: each job's part is merged into the run's tally by seed index.
//
// API (small on purpose):
//   const pool = variantPool();                 // the app's shared pool (createVariantPool() for another)
//   const run = pool.run(scenario, batch, { progress: (done, total) => …, priority: 'high', perJob: 20 });
//   const tally = await run.result;             // the merged VariantTally, or null once cancelled
//   run.cancel();                               // stops it now: the workers busy with it are terminated
//   pool.size;                                  // workers: navigator.hardwareConcurrency, from 2 to 8
//   pool.dispose();                             // terminates every worker, cancels the runs under way
// - Jobs are handed out one at a time, each to the next worker that is free, so a worker that draws long
//   games does not hold the others up. A run's batch is sent to a worker once, with its first job there.
// - Several runs may be under way at once: a worker takes its next job from the oldest run with
//   priority 'high' (a live estimate while a slider moves), else from the oldest run. Cancelling one run
//   terminates only the workers playing its jobs; the others go on, and terminated ones are started
//   again as needed.
// - `result` rejects with the worker's message when a job fails (the run stops; others go on).
// - Workers stay started between runs (the next run starts at once) and stop after a minute idle.
import { addPart, batchJobs, emptyTally, seedsPerJob, type Scenario, type VariantBatch, type VariantJob, type VariantTally } from '../sim/index';
import type { VariantReply, VariantRequest } from '../workers/variant-core';

/** The part of a Worker the pool uses (so tests can play the jobs in-process). */
export interface VariantWorker {
  onmessage: ((e: MessageEvent<VariantReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(m: VariantRequest): void;
  terminate(): void;
}

export interface VariantRunOptions {
  /** Seeds per job (default: about 40 jobs per worker, at most one variant's seeds: seedsPerJob). */
  perJob?: number;
  /** 'high': this run's jobs go before those of 'normal' runs (default 'normal'). */
  priority?: 'high' | 'normal';
  /** Games merged so far, and in all: after each job. */
  progress?(done: number, total: number): void;
}

export interface VariantRun {
  /** The merged tally once every job is in; null if the run was cancelled. Rejects when a job fails. */
  readonly result: Promise<VariantTally | null>;
  /** Stops the run (nothing more is merged or reported); its result becomes null. */
  cancel(): void;
}

export interface VariantPool {
  /** The number of workers. */
  readonly size: number;
  run(scenario: Scenario, batch: VariantBatch, options?: VariantRunOptions): VariantRun;
  /** Terminates every worker and cancels the runs under way. */
  dispose(): void;
}

export interface VariantPoolOptions {
  /** Workers (default poolSize()). */
  workers?: number;
  /** Makes a worker (a real Web Worker unless a test gives another). */
  spawn?: () => VariantWorker;
  /** Idle workers stop after this long without a run (ms; default 60,000). */
  idleMillis?: number;
}

/** The pool's default size: the browser's logical cores, at least 2 and at most 8. */
export function poolSize(cores: number | undefined = typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency): number {
  return Math.max(2, Math.min(8, Math.floor(cores || 2)));
}

function spawnWorker(): VariantWorker {
  return new Worker(new URL('../workers/variant.worker.ts', import.meta.url), { type: 'module', name: 'brink-variants' }) as unknown as VariantWorker;
}

interface RunState {
  id: number;
  scenario: Scenario;
  batch: VariantBatch;
  jobs: VariantJob[];
  next: number;
  tally: VariantTally;
  high: boolean;
  progress: VariantRunOptions['progress'];
  settle(t: VariantTally | null): void;
  fail(e: Error): void;
}

interface Slot {
  w: VariantWorker | null;
  /** The job the worker is playing. */
  busy: RunState | null;
  /** The runs whose batch the worker holds. */
  knows: Set<number>;
}

export function createVariantPool(o: VariantPoolOptions = {}): VariantPool {
  const size = Math.max(1, Math.floor(o.workers ?? poolSize()));
  const spawn = o.spawn ?? spawnWorker;
  const idleMillis = o.idleMillis ?? 60_000;
  const slots: Slot[] = Array.from({ length: size }, () => ({ w: null, busy: null, knows: new Set<number>() }));
  const runs: RunState[] = [];
  let ids = 0;
  let idle: ReturnType<typeof setTimeout> | null = null;

  const kill = (slot: Slot) => {
    if (slot.w) {
      slot.w.onmessage = null;
      slot.w.onerror = null;
      slot.w.terminate();
    }
    slot.w = null;
    slot.busy = null;
    slot.knows.clear();
  };

  /** Ends a run: its workers still playing are terminated, the others forget its batch. */
  const end = (r: RunState, outcome: { tally: VariantTally | null } | { error: Error }) => {
    const i = runs.indexOf(r);
    if (i < 0) return;
    runs.splice(i, 1);
    for (const slot of slots) {
      if (slot.busy === r) kill(slot);
      else if (slot.knows.delete(r.id)) slot.w?.postMessage({ type: 'forget', run: r.id });
    }
    if ('error' in outcome) r.fail(outcome.error);
    else r.settle(outcome.tally);
    if (runs.length === 0 && idle === null) idle = setTimeout(() => ((idle = null), runs.length === 0 && slots.forEach(kill)), idleMillis);
  };

  const start = (slot: Slot): VariantWorker => {
    const w = spawn();
    w.onmessage = (e) => {
      if (slot.w === w) reply(slot, e.data);
    };
    w.onerror = (e) => {
      if (slot.w !== w) return;
      const r = slot.busy;
      kill(slot);
      if (r) end(r, { error: new Error(e.message || 'a variant worker failed') });
      dispatch();
    };
    return w;
  };

  const reply = (slot: Slot, m: VariantReply) => {
    slot.busy = null;
    const r = runs.find((x) => x.id === m.run);
    if (r) {
      if (m.type === 'error') end(r, { error: new Error(m.message) });
      else {
        try {
          addPart(r.tally, r.batch, m.part);
        } catch (e) {
          end(r, { error: e instanceof Error ? e : new Error(String(e)) });
        }
        if (runs.includes(r)) {
          r.progress?.(r.tally.done, r.tally.total);
          if (r.tally.done === r.tally.total) end(r, { tally: r.tally });
        }
      }
    }
    dispatch();
  };

  /** Gives each free worker the next job: of the oldest high-priority run with jobs left, else the oldest run. */
  const dispatch = () => {
    for (const slot of slots) {
      if (slot.busy) continue;
      const open = runs.filter((r) => r.next < r.jobs.length);
      const r = open.find((x) => x.high) ?? open[0];
      if (!r) return;
      const job = r.jobs[r.next++]!;
      const w = slot.w ?? (slot.w = start(slot));
      if (!slot.knows.has(r.id)) {
        slot.knows.add(r.id);
        w.postMessage({ type: 'batch', run: r.id, scenario: r.scenario, batch: r.batch });
      }
      slot.busy = r;
      w.postMessage({ type: 'job', run: r.id, job });
    }
  };

  return {
    size,
    run(scenario, batch, options = {}) {
      if (idle !== null) clearTimeout(idle);
      idle = null;
      let settle!: (t: VariantTally | null) => void;
      let fail!: (e: Error) => void;
      const result = new Promise<VariantTally | null>((res, rej) => ((settle = res), (fail = rej)));
      const r: RunState = {
        id: ++ids,
        // The Scenario's own fields (data, hash, files) are all structured-clonable.
        scenario: { data: scenario.data, hash: scenario.hash, files: scenario.files },
        batch,
        jobs: batchJobs(batch, options.perJob ?? seedsPerJob(batch, size)),
        next: 0,
        tally: emptyTally(batch),
        high: options.priority === 'high',
        progress: options.progress,
        settle,
        fail,
      };
      runs.push(r);
      if (r.tally.total === 0) end(r, { tally: r.tally });
      else dispatch();
      return {
        result,
        cancel() {
          end(r, { tally: null });
          dispatch();
        },
      };
    },
    dispose() {
      for (const r of [...runs]) end(r, { tally: null });
      if (idle !== null) clearTimeout(idle);
      idle = null;
      slots.forEach(kill);
    },
  };
}

let shared: VariantPool | null = null;

/** The app's pool (made on first use, so a page that never runs a batch never starts a worker). */
export function variantPool(): VariantPool {
  return (shared ??= createVariantPool());
}
