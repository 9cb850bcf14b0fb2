// The sensitivity runner (zustand, vanilla): plays every tweakable parameter of the session's scenario a
// step below and a step above its value on seeds "1".."N" (the CLI's `sim --sensitivity --runs N`) in the
// variant pool (./variant-pool.ts), and keeps plain data for the Odds panel's tornado chart: status,
// progress, and the last result per scenario hash. No DOM here.
//
// Other screens read a finished result with `sensitivityFor(hash)` (a SensitivityRecord or null), e.g. the
// Tweak panel's warning when a value enters a steep region:
//   record.overall.ranking: every parameter (SensitivityRow: key, name, base, below, above, effect, error,
//     and each outcome's and role's Shift { below, above, effect, error } as shares 0–1), largest first by
//     how far the whole outcome distribution moves (the CLI's default measure);
//   rankedBy(record, metric): the same ranked by another measure, with each side's change from the base.
import { createStore } from 'zustand/vanilla';
import { batchSeeds, planSensitivity, rankSensitivity, stepEffects, type Scenario, type SensitivityMetric, type SensitivityPlan, type SensitivityResult, type StepEffects, type VariantTally } from '../sim/index';
import { scenarioLabel } from './odds';
import { variantPool, type VariantPool, type VariantRun } from './variant-pool';

export type { SensitivityMetric, SensitivityResult, SensitivityRow, Shift, StepEffects, SideEffect } from '../sim/index';

export type SensitivityStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** Seeds per side by default: the CLI's default, and the budget. */
export const SENSITIVITY_RUNS = 300;
/** The seed counts the panel offers. */
export const SENSITIVITY_SIZES = [100, 300, 1000] as const;
/** Results kept (the last ones, by scenario hash). */
const KEEP = 8;

/** One finished study of one scenario. */
export interface SensitivityRecord {
  scenarioId: string;
  title: string;
  hash: string;
  /** e.g. "Allied Resolve 2022 · 3f9a12c0". */
  label: string;
  /** Seeds per side, "1" … runs. */
  runs: number;
  parameters: number;
  /** Games played (the base and every side that differs from it, runs each). */
  games: number;
  /** The scenario's outcomes and playable roles, in its order, with their names. */
  outcomes: { id: string; name: string }[];
  roles: { id: string; name: string }[];
  plan: SensitivityPlan;
  tally: VariantTally;
  /** Every parameter ranked by how far the whole outcome distribution moves. */
  overall: SensitivityResult;
  /** Wall time from the start to the last part, and the workers that played it. */
  ms: number;
  workers: number;
}

export interface SensitivityData {
  status: SensitivityStatus;
  done: number;
  total: number;
  /** performance.now() at the start of the run under way (or the last one). */
  startedAt: number;
  /** What is (or was last) being run: the scenario's label and hash. */
  label: string;
  hash: string | null;
  /** Seeds per side chosen. */
  n: number;
  /** The measure chosen in the panel (null: the default, the player's role's win share or the whole distribution). */
  metric: SensitivityMetric | null;
  error: string | null;
  /** The last result of each scenario run, by hash (the most recent last). */
  records: Record<string, SensitivityRecord>;
}

export interface SensitivityActions {
  /** Runs every parameter of `scenario` on seeds 1…n (a run under way is cancelled first). */
  runSensitivity(scenario: Scenario, n?: number): void;
  /** Stops the run under way: status 'cancelled', no more progress. */
  cancelSensitivity(): void;
  setN(n: number): void;
  setMetric(metric: SensitivityMetric | null): void;
}

export type SensitivityState = SensitivityData & SensitivityActions;

export const initialSensitivity: SensitivityData = { status: 'idle', done: 0, total: 0, startedAt: 0, label: '', hash: null, n: SENSITIVITY_RUNS, metric: null, error: null, records: {} };

/** A new sensitivity runner over `pool` (the app's shared pool unless a test gives another). */
export function createSensitivity(pool: () => VariantPool = variantPool) {
  let run: VariantRun | null = null;
  return createStore<SensitivityState>()((set, get) => ({
    ...initialSensitivity,

    runSensitivity(scenario, n = get().n) {
      run?.cancel();
      const d = scenario.data;
      const plan = planSensitivity(scenario, batchSeeds(n));
      const p = pool();
      const t0 = performance.now();
      const mine = p.run(scenario, plan.batch, { progress: (done) => run === mine && set({ done }) });
      run = mine;
      set({ status: 'running', done: 0, total: plan.batch.seeds.length * plan.batch.variants.length, startedAt: t0, n, label: scenarioLabel(scenario), hash: scenario.hash, error: null });
      mine.result.then(
        (tally) => {
          if (run !== mine || !tally) return;
          run = null;
          const record: SensitivityRecord = {
            scenarioId: d.meta.id,
            title: d.meta.title,
            hash: scenario.hash,
            label: scenarioLabel(scenario),
            runs: n,
            parameters: plan.steps.length,
            games: tally.total,
            outcomes: d.outcomes.map((o) => ({ id: o.id, name: o.name })),
            roles: d.actors.filter((a) => a.playable).map((a) => ({ id: a.id, name: a.name })),
            plan,
            tally,
            overall: rankSensitivity(plan, tally, { kind: 'outcomes' }),
            ms: performance.now() - t0,
            workers: p.size,
          };
          const kept = Object.values(get().records).filter((r) => r.hash !== scenario.hash).slice(-(KEEP - 1));
          set({ status: 'done', done: tally.total, records: Object.fromEntries([...kept, record].map((r) => [r.hash, r])) });
        },
        (e: unknown) => {
          if (run !== mine) return;
          run = null;
          set({ status: 'error', error: e instanceof Error ? e.message : String(e) });
        },
      );
    },

    cancelSensitivity() {
      if (get().status !== 'running') return;
      const r = run;
      run = null;
      r?.cancel();
      set({ status: 'cancelled' });
    },

    setN(n) {
      set({ n });
    },

    setMetric(metric) {
      set({ metric });
    },
  }));
}

export type SensitivityStore = ReturnType<typeof createSensitivity>;

let shared: SensitivityStore | null = null;

/** The app's sensitivity runner (made on first use). */
export function sensitivityStore(): SensitivityStore {
  return (shared ??= createSensitivity());
}

/** The last finished study of the scenario with this hash, or null (none run, or not finished yet). */
export function sensitivityFor(hash: string, store: SensitivityStore = sensitivityStore()): SensitivityRecord | null {
  return store.getState().records[hash] ?? null;
}

/** How big a study of `scenario` at n seeds a side is: its parameters, and the games it plays. */
export function sensitivitySize(scenario: Scenario, n: number): { parameters: number; games: number } {
  const plan = planSensitivity(scenario, batchSeeds(1));
  return { parameters: plan.steps.length, games: plan.batch.variants.length * n };
}

/** A study ranked by one measure, with each parameter's two sides against the base. */
export interface RankedSensitivity {
  result: SensitivityResult;
  /** By parameter key. */
  steps: Map<string, StepEffects>;
}

const ranked = new WeakMap<SensitivityRecord, Map<string, RankedSensitivity>>();

/** The record ranked by `metric` (computed once per record and measure). */
export function rankedBy(record: SensitivityRecord, metric: SensitivityMetric): RankedSensitivity {
  const id = metric.kind === 'outcomes' ? 'outcomes' : `${metric.kind}:${metric.id}`;
  let byMetric = ranked.get(record);
  if (!byMetric) ranked.set(record, (byMetric = new Map()));
  let r = byMetric.get(id);
  if (!r) {
    const result = metric.kind === 'outcomes' ? record.overall : rankSensitivity(record.plan, record.tally, metric);
    r = { result, steps: new Map(stepEffects(record.plan, record.tally, metric).map((s) => [s.key, s])) };
    byMetric.set(id, r);
  }
  return r;
}
