// The odds the browser computes equal the command line's: the worker's core (runBatch over seeds 1…200,
// on a structured clone of the scenario, as the worker receives it) summarised gives exactly the JSON of
// `sim --runs 200 --json`. Also the runner's progress cadence, cancelling, and the odds store's states
// and "before / after" baseline, with the batch run in-process instead of in a Web Worker.
import { describe, expect, it } from 'vitest';
import { batchSeeds, summarise, type Scenario } from '../src/sim/index';
import { progressEvery, runBatch, type OddsMessage, type OddsRequest } from '../src/workers/odds-core';
import { createOdds, type OddsWorker } from '../src/store/odds';
import { cli, DEFAULT, load } from './helpers';

/** A stand-in for the Web Worker: runs the same core, posting its messages asynchronously. */
function inProcessWorker(): OddsWorker & { terminated: boolean } {
  const w = {
    onmessage: null as OddsWorker['onmessage'],
    onerror: null as OddsWorker['onerror'],
    terminated: false,
    postMessage(req: OddsRequest) {
      const clone = structuredClone(req);
      const post = (m: OddsMessage) => setTimeout(() => !w.terminated && w.onmessage?.({ data: m } as MessageEvent<OddsMessage>));
      const runs = runBatch(clone.scenario, clone.seeds, { progress: (done, total) => post({ type: 'progress', done, total }) });
      post({ type: 'done', runs });
    },
    terminate() {
      w.terminated = true;
    },
  };
  return w;
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('odds', () => {
  const scenario = load(DEFAULT);

  it('the worker core over seeds 1…200 equals `sim --runs 200 --json`', () => {
    const r = cli('sim', [DEFAULT, '--runs', '200', '--json']);
    expect(r.status).toBe(0);
    const expected = JSON.parse(r.stdout);
    // The worker receives a structured clone of the Scenario object.
    const sent = structuredClone({ scenario: { data: scenario.data, hash: scenario.hash, files: scenario.files }, seeds: batchSeeds(200) });
    const runs = runBatch(sent.scenario, sent.seeds);
    expect(runs).toHaveLength(200);
    expect(summarise(sent.scenario, runs)).toEqual(expected);
    expect(JSON.stringify(summarise(scenario, runs))).toBe(r.stdout.trim());
  });

  it('reports progress about every 2% and ends on the total; a cancel stops between runs', () => {
    expect(progressEvery(2000)).toBe(40);
    expect(progressEvery(10)).toBe(1);
    const seen: number[] = [];
    runBatch(scenario, batchSeeds(120), { progress: (d, t) => (expect(t).toBe(120), seen.push(d)) });
    expect(seen[0]).toBe(3);
    expect(seen.at(-1)).toBe(120);
    expect(seen.length).toBe(40);
    let calls = 0;
    const part = runBatch(scenario, batchSeeds(100), { cancelled: () => ++calls > 7 });
    expect(part).toHaveLength(7);
  });

  it('the store runs, reports progress and keeps the previous result as the baseline after a change', async () => {
    const workers: ReturnType<typeof inProcessWorker>[] = [];
    const odds = createOdds(() => {
      const w = inProcessWorker();
      workers.push(w);
      return w;
    });
    const progress: number[] = [];
    odds.subscribe((s) => s.status === 'running' && progress.push(s.done));
    odds.getState().runOdds(scenario, 100);
    expect(odds.getState().status).toBe('running');
    await settle();
    const a = odds.getState();
    expect(a.status).toBe('done');
    expect(a.done).toBe(100);
    expect(a.result!.odds).toEqual(summarise(scenario, runBatch(scenario, batchSeeds(100))));
    expect(a.result!.outcomes.map((o) => o.id)).toEqual(Object.keys(a.result!.odds.outcomes));
    const ended = Object.values(a.result!.byDay).flat().reduce((x, y) => x + y, 0);
    expect(ended).toBe(100);
    expect(progress.at(-1)).toBe(100);
    expect(a.baseline).toBeNull();
    expect(workers[0]!.terminated).toBe(true);

    // The same scenario again: no baseline. A tweaked one (another hash): the last result is "before".
    const tweaked: Scenario = { ...scenario, data: structuredClone(scenario.data), hash: 'tweaked0000' };
    tweaked.data.meta.turnLimit = 60;
    odds.getState().runOdds(tweaked, 100);
    expect(odds.getState().baseline).toBe(a.result);
    await settle();
    const b = odds.getState();
    expect(b.status).toBe('done');
    expect(b.result!.hash).toBe('tweaked0000');
    expect(b.result!.odds.endTurn.p90).toBeLessThanOrEqual(60);
    expect(b.baseline!.hash).toBe(scenario.hash);

    // Keep as baseline; cancel stops the batch and ignores the worker from then on.
    odds.getState().keepAsBaseline();
    expect(odds.getState().baseline).toBe(b.result);
    odds.getState().runOdds(scenario, 100);
    odds.getState().cancelOdds();
    await settle();
    expect(odds.getState().status).toBe('cancelled');
    expect(odds.getState().result).toBe(b.result);
    expect(workers.at(-1)!.terminated).toBe(true);
  });
});
