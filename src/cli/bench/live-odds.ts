// The bench's liveOddsMillis (issue 19): in the built page, the time from a Tweak slider pressed at a new
// value to its quick estimate (≥ 200 games) on screen, the median of 5 tries (../browser/live-odds.ts),
// against its budget of 500 ms. `npm run bench -- --only live-odds` measures just this.
import { buildSite } from '../browser/site';
import { serve } from '../browser/serve';
import { launchChromium } from '../browser/chromium';
import { measureLiveOdds, type LiveOddsTimes } from '../browser/live-odds';
import type { Report } from './measures';

/** The budget, in milliseconds. */
export const LIVE_ODDS_BUDGET = 500;

export function addLiveOdds(report: Report, t: LiveOddsTimes): void {
  report.note(`live odds: ms per try ${t.tries.join(', ')} (Russia–Ukraine fear ${t.values.join(', ')}); the scenario's own first estimate ${t.firstMillis} ms after the panel opened`);
  report.add({
    key: 'liveOddsMillis',
    label: `browser: tweak slider → its quick estimate (≥ 200 games) on screen (median of ${t.tries.length})`,
    value: t.median,
    unit: 'ms',
    target: `≤ ${LIVE_ODDS_BUDGET}`,
    ok: t.median <= LIVE_ODDS_BUDGET,
  });
}

/** Builds and serves the site, and measures the live odds alone. */
export async function liveOddsBench(report: Report): Promise<void> {
  // Chromium first: without it the bench says so at once, and no server is left open to hold the process.
  const browser = await launchChromium();
  let site: Awaited<ReturnType<typeof serve>> | undefined;
  try {
    report.note('building the site');
    site = await serve(buildSite());
    report.note('live odds: a Tweak slider pressed at a new value, until its quick estimate shows (5 tries)');
    addLiveOdds(report, await measureLiveOdds(browser, site.url));
  } finally {
    await browser.close();
    await site?.close();
  }
}
