// `brink <command> [args…]`: the package's command line (package.json `bin` → bin/brink.js → dist-cli/brink.js,
// compiled by scripts/build-cli.ts; `npm run <command>` runs this file with tsx). It sets process.argv as if
// the command's entry file had been started alone and imports it, so a command loads only its own code.
// `brink help` (or --help) lists the commands, one line each; a mistyped one gets a "did you mean" (exit 2).
import { COMMANDS, closest, helpText } from './commands';
import { exitQuietlyOnClosedPipe } from './pipe';

exitQuietlyOnClosedPipe();

/** Runs `brink` with its arguments (without node and the script); the command sets process.exitCode. */
async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${helpText()}\n`);
    return;
  }
  if (name === undefined) {
    process.stderr.write(`${helpText()}\n`);
    process.exitCode = 2;
    return;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    const guess = closest(name);
    process.stderr.write(`brink: unknown command '${name}'${guess ? ` — did you mean '${guess}'?` : ''} (brink help lists the commands)\n`);
    process.exitCode = 2;
    return;
  }
  // The command reads process.argv.slice(2), as when its file is run alone.
  process.argv = [process.argv[0]!, process.argv[1]!, ...rest];
  await command.load();
}

await main(process.argv.slice(2));
