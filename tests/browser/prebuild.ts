// Vitest global setup: builds the static site once for the browser test files that share it (the
// default folder of buildSite), before the workers start, so they do not each build it (and never
// race emptying the same folder). Skipped when the run names only tests outside tests/browser/.
import { buildSite, OUT } from '../../src/cli/browser/site';

export default function setup(): void {
  const named = process.argv.slice(2).filter((a) => /\.test\.ts$/.test(a) || a.startsWith('tests/'));
  if (named.length > 0 && !named.some((a) => a.includes('browser'))) return;
  buildSite(OUT);
  process.env.BRINK_PREBUILT = OUT;
}
