// The tornado chart's run as a modder waits for it: the built game in headless Chromium plays Allied Resolve
// as an observer, opens Odds › What matters, and presses "Rank the parameters" at its default, 300 seeds a
// side: every tweakable parameter a step below and a step above, in the page's worker pool (one worker per
// core the browser reports). Timed in the page from the click until the panel says the run is done (the
// workers' start-up and the ranking included). Nothing is kept between runs: each measure is a new page.
// Used by the bench (sensitivitySeconds).
import type { Browser } from 'playwright-core';

export interface SensitivityTiming {
  seconds: number;
  /** Games played, parameters ranked, seeds a side, and the pool's workers. */
  games: number;
  parameters: number;
  runs: number;
  workers: number;
}

/** Runs in the page: clicks Run and resolves with the ms until the tab's status is 'done'. */
const RUN = `(async () => {
  const tab = document.querySelector('.tn');
  const button = document.querySelector('.tn-run');
  if (!tab || !button) throw new Error('the What matters tab is not open');
  const t0 = performance.now();
  const done = new Promise((resolve, reject) => {
    const seen = () => {
      const s = tab.dataset.status;
      if (s === 'done') resolve(performance.now() - t0);
      else if (s === 'error' || s === 'cancelled') reject(new Error('the sensitivity run ended: ' + s));
      else return false;
      return true;
    };
    const watch = new MutationObserver(() => seen() && watch.disconnect());
    watch.observe(tab, { attributes: true, attributeFilter: ['data-status'] });
  });
  button.click();
  return done;
})()`;

export async function measureSensitivity(browser: Browser, url: string): Promise<SensitivityTiming> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => localStorage.setItem('brink.tour', 'done'));
    await page.goto(`${url}?scenario=allied-resolve-2022&seed=1&role=observer`);
    await page.waitForFunction('window.__brink && window.__brink.ready && window.__brink.screen === "play"', null, { timeout: 60_000 });
    await page.locator('.topbar').getByRole('button', { name: 'Odds', exact: true }).click();
    await page.getByRole('tab', { name: 'What matters' }).click();
    const runs = Number(await page.locator('.tn .od-size[aria-pressed="true"]').getAttribute('data-n'));
    if (runs !== 300) throw new Error(`the tornado's default is ${runs} seeds a side, not 300`);
    const ms = (await page.evaluate(RUN)) as number;
    const games = Number(await page.locator('.tn').getAttribute('data-total'));
    const summary = (await page.locator('.tn-summary').textContent()) ?? '';
    const parameters = Number(/(\d+) parameters/.exec(summary)?.[1] ?? NaN);
    const workers = Number(/on (\d+) workers/.exec(summary)?.[1] ?? NaN);
    return { seconds: Math.round(ms / 10) / 100, games, parameters, runs, workers };
  } finally {
    await context.close();
  }
}
