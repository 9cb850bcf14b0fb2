// The bench's sensitivitySeconds (issue 19): the tornado chart's full run in the built page, every
// tweakable parameter of Allied Resolve a step below and above, 300 seeds each (../browser/sensitivity.ts),
// against its budget of 15 s. `npm run bench -- --only sensitivity` measures just this.
import { buildSite } from '../browser/site';
import { serve } from '../browser/serve';
import { launchChromium } from '../browser/chromium';
import { measureSensitivity, type SensitivityTiming } from '../browser/sensitivity';
import type { Report } from './measures';

/** The budget, in seconds. */
export const SENSITIVITY_BUDGET = 15;

export function addSensitivity(report: Report, t: SensitivityTiming): void {
  report.note(`sensitivity: ${t.games.toLocaleString('en-US')} games (${t.parameters} parameters × 2 steps × ${t.runs} seeds, and the base) on ${t.workers} workers`);
  report.add({
    key: 'sensitivitySeconds',
    label: `browser: tornado, ${t.parameters} parameters × 2 steps × ${t.runs} seeds (${t.workers} workers)`,
    value: t.seconds,
    unit: 's',
    target: `≤ ${SENSITIVITY_BUDGET}`,
    ok: t.seconds <= SENSITIVITY_BUDGET,
  });
}

/** Builds and serves the site, and measures the tornado's run alone. */
export async function sensitivityBench(report: Report): Promise<void> {
  // Chromium first: without it the bench says so at once, and no server is left open to hold the process.
  const browser = await launchChromium();
  let site: Awaited<ReturnType<typeof serve>> | undefined;
  try {
    report.note('building the site');
    site = await serve(buildSite());
    report.note('the tornado chart: every parameter, both steps, 300 seeds each (a minute or more)');
    addSensitivity(report, await measureSensitivity(browser, site.url));
  } finally {
    await browser.close();
    await site?.close();
  }
}
