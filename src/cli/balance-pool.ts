// The balance report's games on worker threads (npm run balance). The work is cut into jobs: role × bot × a
// chunk of seeds of about the same estimated cost (a few seeds for the search bot, many for the bots that
// need no thought). They are handed out as a work queue, the costliest first: a thread gets the next job
// when it finishes one, so the threads end together. Results are gathered in job order, so the report is
// the same on any number of threads.
import { Worker } from 'node:worker_threads';
import { bundleThread } from './threads';
import type { BalanceJob, JobResult } from './balance-job';
import type { Scenario, TruthOptions } from '../sim/index';

export interface BalanceThreadData {
  scenario: Scenario;
}

export type ToBalanceThread = { type: 'job'; id: number; job: BalanceJob } | { type: 'stop' };
export type FromBalanceThread = { type: 'game' } | { type: 'done'; id: number; result: JobResult };

/** A rough cost per game, relative to holding: the search bot's rollouts dwarf everything else. */
const GAME_COST: Record<string, number> = { search: 40, greedy: 8 };
/** Card truth on one seed: a few hundred rollouts to the end of the game. */
const TRUTH_COST = 60;
/** The cost of a job: small next to a thread's whole share (4 search games, 2 with card truth, 160 games of hold). */
const JOB_COST = 160;

export interface Plan {
  role: string;
  bots: string[];
}

function jobCost(bot: string, seeds: number, truthSeeds: number): number {
  return seeds * (GAME_COST[bot] ?? 1) + truthSeeds * TRUTH_COST;
}

/** The jobs of a run: per role and bot, its seeds in order, cut into chunks of about JOB_COST; the search bot's carry their truth seeds. */
export function planJobs(plan: readonly Plan[], seeds: readonly string[], truthSeeds: readonly string[], truth: TruthOptions): BalanceJob[] {
  const jobs: BalanceJob[] = [];
  const sampled = new Set(truthSeeds);
  for (const { role, bots } of plan) {
    for (const bot of bots) {
      let job: BalanceJob | null = null;
      for (const seed of seeds) {
        if (!job || jobCost(bot, job.seeds.length, job.truthSeeds.length) >= JOB_COST) jobs.push((job = { role, bot, seeds: [], truthSeeds: [], truth }));
        job.seeds.push(seed);
        if (bot === 'search' && sampled.has(seed)) job.truthSeeds.push(seed);
      }
    }
  }
  return jobs;
}

/** Plays the jobs on `workers` threads; the results come back in job order. `progress` counts games. */
export async function runBalanceJobs(scenario: Scenario, jobs: readonly BalanceJob[], workers: number, progress?: (done: number, total: number) => void): Promise<JobResult[]> {
  if (jobs.length === 0) return [];
  const code = await bundleThread(new URL('./balance-thread.ts', import.meta.url));
  const total = jobs.reduce((n, j) => n + j.seeds.length, 0);
  const cost = jobs.map((j) => jobCost(j.bot, j.seeds.length, j.truthSeeds.length));
  const queue = jobs.map((_, i) => i).sort((a, b) => cost[b]! - cost[a]! || a - b);
  const results: (JobResult | undefined)[] = jobs.map(() => undefined);
  const threads: Worker[] = [];
  let games = 0;
  try {
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(workers, jobs.length)) }, () =>
        new Promise<void>((resolve, reject) => {
          const data: BalanceThreadData = { scenario };
          const w = new Worker(code, { eval: true, workerData: data });
          threads.push(w);
          const next = () => {
            const id = queue.shift();
            w.postMessage((id === undefined ? { type: 'stop' } : { type: 'job', id, job: jobs[id]! }) satisfies ToBalanceThread);
          };
          w.on('message', (m: FromBalanceThread) => {
            if (m.type === 'game') progress?.(++games, total);
            else {
              results[m.id] = m.result;
              next();
            }
          });
          w.once('error', reject);
          w.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a balance worker stopped (exit code ${code}) before it finished`))));
          next();
        }),
      ),
    );
  } finally {
    await Promise.all(threads.map((w) => w.terminate()));
  }
  const missing = results.findIndex((r) => r === undefined);
  if (missing >= 0) throw new Error(`a balance worker stopped before job ${missing} finished`);
  return results as JobResult[];
}
