// Node's scenario reader: reads files from disk for the model's loader, refusing oversized files before reading them.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES, loadScenario, type LoadResult, type ScenarioReader } from '../sim/index';

export const diskReader: ScenarioReader = {
  read(path) {
    if (!existsSync(path) || !statSync(path).isFile()) return undefined;
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) return { tooLarge: size };
    return readFileSync(path, 'utf8');
  },
};

/** Loads a scenario from disk (paths as given on the command line). */
export function loadFromDisk(file: string): LoadResult {
  return loadScenario(file.replace(/\\/g, '/'), diskReader);
}
