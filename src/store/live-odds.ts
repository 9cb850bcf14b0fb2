// Live odds (zustand, vanilla): while a Tweak slider moves, the outcome shares of the tweaked scenario,
// estimated on the variant pool's Web Workers (./variant-pool.ts) and kept as plain data for the panel.
//   - A quick estimate: seeds "1".."QUICK_SEEDS" at high priority, so it comes before any other work (a
//     sensitivity study under way waits a job).
//   - Then refinement in the background, in rounds of ROUND_SEEDS more seeds, up to FULL_SEEDS.
//   - The base scenario (no tweaks) is estimated the same way, after the tweak's quick estimate, for the
//     comparison marks.
//   - Every estimate carries each outcome's Wilson 95 % interval (src/sim/interval.ts).
// One quick estimate runs at a time: a value asked for while one is under way waits for it, and only the
// newest waits (a slider dragged for a second asks for dozens). The quick estimate under way finishes
// and is shown, for the value it was for, so the bars keep moving during a drag; a refinement round of a
// value the slider has left is cancelled. Estimates of recent values are kept, so a slider moved back
// shows its estimate at once. The tweaked scenario is made in the worker with withParameters (no
// revalidation: the sliders keep values in range). No DOM here; the arithmetic is the model's.
import { createStore } from 'zustand/vanilla';
import { batchSeeds, makeBatch, variantEstimate, wilsonInterval, type OutcomeEstimate, type ParameterValues, type Scenario } from '../sim/index';
import { variantPool, type VariantPool, type VariantRun } from './variant-pool';

/** Seeds of the quick estimate. */
export const QUICK_SEEDS = 200;
/** Seeds of a refinement round. */
export const ROUND_SEEDS = 200;
/** Seeds of the full estimate. */
export const FULL_SEEDS = 1000;
/** Seeds per job: small, so a quick estimate gets the workers within one job's time (~25 games). */
export const LIVE_PER_JOB = 25;
/** Estimates kept for values the slider has left. */
const KEEP = 24;

/** An estimate of one set of values: games played, and per outcome its count, share and 95 % interval. */
export interface LiveEstimate {
  /** The changed values (by parameter key) it was made for; {} is the base. */
  values: ParameterValues;
  key: string;
  n: number;
  outcomes: OutcomeEstimate[];
}

export type LiveStatus = 'idle' | 'quick' | 'refining' | 'done' | 'error';

export interface LiveOddsData {
  /** The base scenario's hash, or null before one is set. */
  baseHash: string | null;
  /** Its outcomes in order, with their names. */
  outcomes: { id: string; name: string }[];
  /** The values asked for last (changed values only; {} is the base), and their key. */
  target: ParameterValues;
  targetKey: string;
  /** 'quick' until the target's quick estimate is in; 'refining' while more seeds are played; 'done' at FULL_SEEDS. */
  status: LiveStatus;
  /** The estimate on screen: the target's once it has QUICK_SEEDS, else the latest one made (of a value the slider passed). */
  shown: LiveEstimate | null;
  /** The base's estimate (the comparison marks). */
  base: LiveEstimate | null;
  /** performance.now() when the target was asked for, and when its quick estimate was first shown (null until then). */
  askedAt: number;
  shownAt: number | null;
  error: string | null;
}

export interface LiveOddsActions {
  /** Takes the base scenario (the one the sliders' values are written into); null stops everything. */
  setBase(scenario: Scenario | null): void;
  /** Asks for the estimate of the base with these changed values ({}: the base itself). */
  request(values: ParameterValues): void;
  /** Cancels every run and forgets the estimates (the panel closed). */
  stop(): void;
}

export type LiveOddsState = LiveOddsData & LiveOddsActions;

export const initialLiveOdds: LiveOddsData = { baseHash: null, outcomes: [], target: {}, targetKey: '{}', status: 'idle', shown: null, base: null, askedAt: 0, shownAt: null, error: null };

/** A canonical key for a set of values (sorted keys), so the same tweak reached twice is one estimate. */
export function valuesKey(values: ParameterValues): string {
  return JSON.stringify(Object.fromEntries(Object.keys(values).sort().map((k) => [k, values[k]])));
}

interface Entry {
  values: ParameterValues;
  key: string;
  /** Seeds played ("1".."n") and the outcome counts over them. */
  n: number;
  counts: number[];
  /** A round of this entry is under way. */
  busy: boolean;
}

interface Flight {
  entry: Entry;
  run: VariantRun;
  quick: boolean;
}

/** A new live-odds runner over `pool` (the app's shared pool unless a test gives another). */
export function createLiveOdds(pool: () => VariantPool = variantPool) {
  let scenario: Scenario | null = null;
  let entries = new Map<string, Entry>();
  /** The quick estimate under way (one at a time), and the refinement round under way (one at a time). */
  let quick: Flight | null = null;
  let round: Flight | null = null;
  /** Bumped by setBase and stop: replies of runs from before are dropped. */
  let epoch = 0;

  return createStore<LiveOddsState>()((set, get) => {
    const entryOf = (values: ParameterValues): Entry => {
      const key = valuesKey(values);
      let e = entries.get(key);
      if (e) {
        // Most recently used last.
        entries.delete(key);
        entries.set(key, e);
        return e;
      }
      e = { values, key, n: 0, counts: scenario!.data.outcomes.map(() => 0), busy: false };
      entries.set(key, e);
      for (const [k, old] of entries) {
        if (entries.size <= KEEP) break;
        if (!old.busy && k !== '{}' && k !== key) entries.delete(k);
      }
      return e;
    };

    const estimate = (e: Entry): LiveEstimate => ({
      values: e.values,
      key: e.key,
      n: e.n,
      outcomes: scenario!.data.outcomes.map((o, i) => ({ id: o.id, count: e.counts[i]!, ...wilsonInterval(e.counts[i]!, e.n) })),
    });

    /** What the store shows after an entry changed. */
    const publish = (changed: Entry | null) => {
      const s = get();
      const t = entries.get(s.targetKey);
      const b = entries.get('{}');
      const patch: Partial<LiveOddsData> = {};
      if (b && b.n > 0) patch.base = estimate(b);
      if (t && t.n >= QUICK_SEEDS) {
        patch.shown = estimate(t);
        patch.status = t.n >= FULL_SEEDS ? 'done' : 'refining';
        if (s.shownAt === null) patch.shownAt = performance.now();
      } else if (changed && changed.n >= QUICK_SEEDS && changed !== b) {
        // The slider has moved on: the latest value estimated stands in until the target's arrives.
        patch.shown = estimate(changed);
      }
      set(patch);
    };

    /** Plays seeds n+1…upTo of an entry; `high` for a quick estimate. */
    const play = (e: Entry, upTo: number, high: boolean): Flight => {
      const mine = epoch;
      const first = e.n + 1;
      const batch = makeBatch(scenario!.data, [e.values], batchSeeds(upTo - e.n, first));
      const run = pool().run(scenario!, batch, { perJob: LIVE_PER_JOB, priority: high ? 'high' : 'normal' });
      e.busy = true;
      const flight: Flight = { entry: e, run, quick: high };
      run.result.then(
        (tally) => {
          if (mine !== epoch) return;
          e.busy = false;
          if (high) quick = null;
          else if (round === flight) round = null;
          if (tally) {
            const est = variantEstimate(batch, tally, 0);
            est.outcomes.forEach((o, i) => (e.counts[i]! += o.count));
            e.n += est.n;
            publish(e);
          }
          pump();
        },
        (err: unknown) => {
          if (mine !== epoch) return;
          e.busy = false;
          if (high) quick = null;
          else if (round === flight) round = null;
          set({ status: 'error', error: err instanceof Error ? err.message : String(err) });
        },
      );
      return flight;
    };

    /** Starts what comes next: the target's quick estimate; else one round of the base's, then the target's, then the base's. */
    const pump = () => {
      if (!scenario || get().status === 'error') return;
      const t = entryOf(get().target);
      const b = entries.get('{}') ?? entryOf({});
      if (t.n < QUICK_SEEDS) {
        if (!quick && !t.busy) quick = play(t, QUICK_SEEDS, true);
        return;
      }
      if (quick || round) return;
      const next = b.n < QUICK_SEEDS ? b : t.n < FULL_SEEDS ? t : b.n < FULL_SEEDS ? b : null;
      if (next && !next.busy) round = play(next, Math.min(FULL_SEEDS, next.n < QUICK_SEEDS ? QUICK_SEEDS : next.n + ROUND_SEEDS), false);
    };

    const cancelAll = () => {
      epoch++;
      quick?.run.cancel();
      round?.run.cancel();
      quick = null;
      round = null;
    };

    return {
      ...initialLiveOdds,

      setBase(next) {
        if (next?.hash === scenario?.hash) return;
        cancelAll();
        scenario = next;
        entries = new Map();
        set({ ...initialLiveOdds, baseHash: next?.hash ?? null, outcomes: next ? next.data.outcomes.map((o) => ({ id: o.id, name: o.name })) : [], askedAt: performance.now() });
        pump();
      },

      request(values) {
        const key = valuesKey(values);
        if (key === get().targetKey && get().status !== 'error' && get().status !== 'idle') return;
        set({ target: values, targetKey: key, status: 'quick', askedAt: performance.now(), shownAt: null, error: null });
        if (!scenario) return;
        // A refinement round of a value the slider has left is stale: cancel it (the base's rounds go on).
        if (round && round.entry.key !== key && round.entry.key !== '{}') {
          round.run.cancel();
          round.entry.busy = false;
          round = null;
        }
        const e = entryOf(values);
        if (e.n >= QUICK_SEEDS) publish(e);
        pump();
      },

      stop() {
        cancelAll();
        entries = new Map();
        set({ ...initialLiveOdds, baseHash: get().baseHash, outcomes: get().outcomes });
        scenario = null;
      },
    };
  });
}

export type LiveOddsStore = ReturnType<typeof createLiveOdds>;
