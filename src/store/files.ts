// What the screens may use of the model's file handling, through the store (the one seam): reading
// scenario and replay files and their types. Screens import these from here, never from src/sim.
export { loadScenario, parseReplay, formatError, NOTE_MAX } from '../sim/index';
export type { Replay, ReplayRead, ScenarioData, ScenarioError, ScenarioReader, Scenario } from '../sim/index';
