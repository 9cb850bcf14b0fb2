// One job of the balance report (npm run balance): a bot plays a role over a chunk of seeds, and on the
// card-truth seeds the search bot's days are sampled for card truth. Played by ./balance-thread.ts on a
// worker thread; planned and gathered by ./balance-pool.ts.
import { makeBot, playBotGame, sampleCards, isTruthDay, type CardSample, type TruthOptions, type RoleResult, type GameState, type Scenario } from '../sim/index';

export interface BalanceJob {
  role: string;
  bot: string;
  seeds: string[];
  /** The seeds of this chunk whose days card truth samples (search bot only). */
  truthSeeds: string[];
  truth: TruthOptions;
}

export interface JobResult {
  games: { seed: string; outcome: string; result: RoleResult }[];
  cards: CardSample[];
}

/** Plays the job's games in seed order, calling `onGame` after each. */
export function playJob(scenario: Scenario, job: BalanceJob, onGame: () => void = () => {}): JobResult {
  const out: JobResult = { games: [], cards: [] };
  const truth = new Set(job.truthSeeds);
  for (const seed of job.seeds) {
    const seen: GameState[] = [];
    const g = playBotGame(scenario, seed, job.role, makeBot(job.bot, scenario, job.role, seed), truth.has(seed) ? (st) => seen.push(st) : undefined);
    out.games.push({ seed, outcome: g.outcome, result: g.result });
    for (const st of seen) if (isTruthDay(st, job.truth.every)) out.cards.push(...sampleCards(scenario, st, job.role, job.truth));
    onGame();
  }
  return out;
}
