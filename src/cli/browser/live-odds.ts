// The live odds as a player feels them (issue 19): the built game in headless Chromium, the Tweak panel
// open on Allied Resolve with the scenario's own estimate finished (the workers started and idle), then a
// slider is pressed at a new value and held there, as in a drag. Each try is timed in the page from the
// pointerdown on the slider's track to the frame that shows the quick estimate (at least 200 games) of the
// new value; the slider is then let go, the game is carried over to the tweak, and the next try waits for
// the estimates (the tweak's and the scenario's own) to be refined and the workers idle again. Every try is a value not estimated before (no
// cache). Used by the bench (liveOddsMillis: the median).
import type { Browser, Page } from 'playwright-core';

export interface LiveOddsTimes {
  /** ms per try, in order. */
  tries: number[];
  median: number;
  /** The values tried (Russia–Ukraine fear). */
  values: number[];
  /** ms from opening the panel to the scenario's own quick estimate (workers starting cold). */
  firstMillis: number;
}

/** Positions along the fear slider's track (0–0.2): 0.05, 0.06, 0.03, 0.07, 0.045 … all new values. */
const FRACTIONS = [0.25, 0.3, 0.15, 0.35, 0.225, 0.275, 0.325];

/** Runs in the page: resolves with the ms from the track's next pointerdown to the frame showing a new quick estimate. */
const ARM = `(() => new Promise((resolve) => {
  const live = document.querySelector('.tw-live');
  const track = document.querySelector('[data-key="pairs.0.fear"] .tp-sldv_t');
  const before = live.getAttribute('data-key');
  let t0 = null;
  track.addEventListener('pointerdown', () => { t0 = performance.now(); }, { capture: true, once: true });
  const done = () => live.getAttribute('data-current') === 'true' && live.getAttribute('data-key') !== before && Number(live.getAttribute('data-n')) >= 200;
  const obs = new MutationObserver(() => {
    if (t0 === null || !done()) return;
    obs.disconnect();
    requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(performance.now() - t0); c.port2.postMessage(0); });
  });
  obs.observe(live, { attributes: true });
  window.__liveArmed = true;
}))`;

async function settled(page: Page): Promise<void> {
  // The tweak's estimate and the scenario's own both at their 1,000 games: the workers idle.
  await page.waitForFunction(() => {
    const live = document.querySelector('.tw-live');
    return live?.getAttribute('data-status') === 'done' && live.getAttribute('data-base-n') === '1000';
  }, null, { timeout: 120_000, polling: 50 });
}

export async function measureLiveOdds(browser: Browser, url: string, tries = 5): Promise<LiveOddsTimes> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => localStorage.setItem('brink.tour', 'done'));
    await page.goto(`${url}?scenario=allied-resolve-2022&seed=7&role=observer&alerts=0`);
    await page.waitForFunction('window.__brink && window.__brink.ready && window.__brink.screen === "play"', null, { timeout: 60_000 });
    await page.waitForTimeout(1000);
    const opened = Date.now();
    await page.locator('.topbar').getByRole('button', { name: 'Tweak' }).click();
    const panel = page.locator('.tweak-panel');
    await panel.waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.querySelector('.tw-live')?.getAttribute('data-current') === 'true', null, { timeout: 120_000, polling: 20 });
    const firstMillis = Date.now() - opened;
    await settled(page);
    await panel.locator('[data-folder="Pairs"] > button').first().click();
    await panel.locator('[data-folder="Pairs › Russia – Ukraine"] > button').first().click();
    const track = panel.locator('[data-key="pairs.0.fear"] .tp-sldv_t');
    await track.waitFor();
    await page.waitForTimeout(400);
    const out: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < tries; i++) {
      const box = (await track.boundingBox())!;
      const x = box.x + box.width * FRACTIONS[i % FRACTIONS.length]!;
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      const timing = page.evaluate(`${ARM}()`) as Promise<number>;
      await page.waitForFunction('window.__liveArmed === true');
      await page.evaluate('window.__liveArmed = false');
      await page.mouse.down();
      const ms = await timing;
      out.push(Math.round(ms));
      values.push(Number(await panel.locator('[data-key="pairs.0.fear"] input').first().inputValue()));
      await page.mouse.up();
      // The release carries the game over to the tweak; then the estimate is refined to the end.
      await page.waitForTimeout(800);
      await settled(page);
    }
    const sorted = [...out].sort((a, b) => a - b);
    return { tries: out, median: sorted[Math.floor(sorted.length / 2)]!, values, firstMillis };
  } finally {
    await context.close();
  }
}
