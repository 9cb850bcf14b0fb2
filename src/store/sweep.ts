// The sweep runner (zustand, vanilla): plays one parameter of the session's scenario over a range of values
// on seeds "1".."N" in the variant pool (./variant-pool.ts), as `sim FILE --sweep KEY=FROM..TO:STEP --runs N`
// does, and keeps plain data for the Odds panel's line chart: status, progress, the last table and its CSV
// (the CLI's --csv, byte for byte). A sweep the scenario cannot take is an error in words. No DOM here.
import { createStore } from 'zustand/vanilla';
import { batchSeeds, parseSweep, planSweep, scenarioParameters, sweepCsv, sweepTable, SweepError, type Parameter, type Scenario, type SweepPlan, type SweepTable } from '../sim/index';
import { scenarioLabel } from './odds';
import { variantPool, type VariantPool, type VariantRun } from './variant-pool';

export type { SweepTable, Parameter };

export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** What to sweep: a parameter (its key), the range and step, and the seeds per value. */
export interface SweepSpec {
  key: string;
  from: number;
  to: number;
  step: number;
  runs: number;
}

export interface SweepRecord {
  spec: SweepSpec;
  /** The parameter as the Tweak panel shows it (readable name, folder, label, meaning). */
  parameter: Parameter;
  /** The scenario's own value of the parameter. */
  base: number;
  /** `KEY=FROM..TO:STEP` as the CLI takes it. */
  text: string;
  table: SweepTable;
  /** The table as the CLI's --csv writes it. */
  csv: string;
  outcomes: { id: string; name: string }[];
  roles: { id: string; name: string }[];
  scenarioId: string;
  hash: string;
  title: string;
  label: string;
  ms: number;
}

export interface SweepData {
  status: SweepStatus;
  done: number;
  total: number;
  startedAt: number;
  /** The sweep under way (or the last one asked for). */
  spec: SweepSpec | null;
  error: string | null;
  result: SweepRecord | null;
}

export interface SweepActions {
  /** Runs the sweep (one under way is cancelled first); a sweep the scenario cannot take sets status 'error'. */
  runSweep(scenario: Scenario, spec: SweepSpec): void;
  cancelSweep(): void;
}

export type SweepState = SweepData & SweepActions;

export const initialSweep: SweepData = { status: 'idle', done: 0, total: 0, startedAt: 0, spec: null, error: null, result: null };

/** The tweakable parameters of a scenario and their values (the sweep's list to pick from). */
export function sweepParameters(scenario: Scenario): { parameters: Parameter[]; values: Record<string, number> } {
  return scenarioParameters(scenario.data);
}

/** The CLI's form of a sweep: `name=from..to:step`. */
export function sweepText(parameter: Parameter, spec: SweepSpec): string {
  return `${parameter.name}=${spec.from}..${spec.to}:${spec.step}`;
}

export function createSweep(pool: () => VariantPool = variantPool) {
  let run: VariantRun | null = null;
  return createStore<SweepState>()((set, get) => ({
    ...initialSweep,

    runSweep(scenario, spec) {
      run?.cancel();
      run = null;
      const { parameters, values } = sweepParameters(scenario);
      const parameter = parameters.find((p) => p.key === spec.key);
      let plan: SweepPlan;
      let text = '';
      try {
        if (!parameter) throw new SweepError(`'${spec.key}' is not a parameter of this scenario`);
        text = sweepText(parameter, spec);
        plan = planSweep(scenario, [parseSweep(scenario, text)], batchSeeds(spec.runs));
      } catch (e) {
        if (!(e instanceof SweepError)) throw e;
        // The CLI's messages begin with the option as typed; the panel's fields say it already.
        set({ status: 'error', spec, error: e.message.replace(/^--sweep '[^']*': /, ''), done: 0, total: 0 });
        return;
      }
      const d = scenario.data;
      const t0 = performance.now();
      const p = plan;
      const mine: VariantRun = pool().run(scenario, p.batch, { progress: (done) => run === mine && set({ done }) });
      run = mine;
      set({ status: 'running', done: 0, total: p.batch.seeds.length * p.batch.variants.length, startedAt: t0, spec, error: null });
      mine.result.then(
        (tally) => {
          if (run !== mine || !tally) return;
          run = null;
          const table = sweepTable(p, tally);
          set({
            status: 'done',
            done: tally.total,
            result: {
              spec,
              parameter: parameter!,
              base: values[spec.key]!,
              text,
              table,
              csv: sweepCsv(table),
              outcomes: d.outcomes.map((o) => ({ id: o.id, name: o.name })),
              roles: d.actors.filter((a) => a.playable).map((a) => ({ id: a.id, name: a.name })),
              scenarioId: d.meta.id,
              hash: scenario.hash,
              title: d.meta.title,
              label: scenarioLabel(scenario),
              ms: performance.now() - t0,
            },
          });
        },
        (e: unknown) => {
          if (run !== mine) return;
          run = null;
          set({ status: 'error', error: e instanceof Error ? e.message : String(e) });
        },
      );
    },

    cancelSweep() {
      if (get().status !== 'running') return;
      const r = run;
      run = null;
      r?.cancel();
      set({ status: 'cancelled' });
    },
  }));
}

export type SweepStore = ReturnType<typeof createSweep>;

let shared: SweepStore | null = null;

/** The app's sweep runner (made on first use). */
export function sweepStore(): SweepStore {
  return (shared ??= createSweep());
}
