#!/usr/bin/env node
// The `brink` command (package.json `bin`): starts the compiled command line in dist-cli/, which `npm ci`
// builds (the `prepare` script runs scripts/build-cli.ts). Plain JavaScript, so it starts at once. When the
// build is missing it says how to make it; when a source file it was built from has changed since (an edit,
// a pull), it says so on stderr and runs the old build. On Node 22 and later it keeps V8's compile cache.
import { existsSync, readFileSync, statSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+: reuse the compiled code of the bundle between runs (Node 20 has no such cache).
module.enableCompileCache?.();

const root = new URL('../', import.meta.url);
const compiled = new URL('dist-cli/brink.js', root);

/** The first project file changed (or gone) since the build, or null. */
function changedSince(builtMs) {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(new URL('dist-cli/inputs.json', root), 'utf8'));
  } catch {
    return null;
  }
  for (const file of inputs) {
    const url = new URL(file, root);
    if (!existsSync(url) || statSync(url).mtimeMs > builtMs) return file;
  }
  return null;
}

if (!existsSync(compiled)) {
  process.stderr.write('brink: the command line is not built (dist-cli/brink.js is missing) — run npm run build:cli (npm ci does it too)\n');
  process.exitCode = 1;
} else {
  const changed = changedSince(statSync(compiled).mtimeMs);
  if (changed) process.stderr.write(`brink: ${changed} has changed since the command line was built — run npm run build:cli; this run uses the old build\n`);
  await import(compiled.href);
}
