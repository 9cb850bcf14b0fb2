// The model's public face: load a scenario, create a game, step it, hash it, explain it, run it many times.
export { loadScenario, validateData, parseFile, MAX_FILE_BYTES, type Scenario, type ScenarioReader, type LoadResult } from './scenario/load';
export { formatError, type ScenarioError } from './scenario/errors';
export type { ScenarioData } from './scenario/schema';
export { createGame, type GameState, type GameOptions } from './state';
export { step, OrderError, type Order, type Orders, type StepResult } from './step';
export type { TurnEvent } from './feed';
export { hashState, saveState, loadState } from './snapshot';
export { compile, type Model } from './model';
export { bandOf, bandIndex, DEFAULT_BANDS, type BandDef } from './ladder';
export { overallTension, pairBetween, hottestPair } from './tension';
export { explainPair, optionsFor, causeLabel, type Contributor, type OptionView } from './explain';
export { runGame, runSummary, summarise, batchSeeds, OPEN_OUTCOME, type Trace, type TraceTurn, type RunSummary, type Odds } from './runs';
export { turnDate, longDate } from './calendar';
export { parseReplay, makeReplay, verifyReplay, REPLAY_FORMAT, REPLAY_VERSION, ENGINE_VERSION, type Replay, type ReplayRead, type Verdict, type PlayedDay } from './replay';
