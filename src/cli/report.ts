// Prints scenario errors for the command line: one `file:line:col path: message — hint` line each, on stderr.
import { formatError, type ScenarioError } from '../sim/index';

/** Prints the errors and returns the exit code for a bad file (1). */
export function reportLoadErrors(errors: ScenarioError[]): number {
  for (const e of errors) process.stderr.write(`${formatError(e)}\n`);
  process.stderr.write(`${errors.length} error${errors.length === 1 ? '' : 's'}\n`);
  return 1;
}
