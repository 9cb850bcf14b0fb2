// The Odds panel in Chromium against the built game: open it from the top bar, run 200 games in the Web
// Worker and check the displayed counts equal `sim --runs 200 --json`; keep the result as the baseline
// and run 2,000 (equal to `--runs 2000`) to see "before / after"; cancel a 2,000-game batch (status cancelled, no more progress);
// Escape closes; no console errors. Screenshot: tests/screenshots/odds.png.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite, ROOT } from '../../src/cli/browser/site';
import { launchChromium } from '../../src/cli/browser/chromium';
import { serve, type Served } from '../../src/cli/browser/serve';
import { mapDrawn, open, shot } from './page';

const SCENARIO = 'scenarios/allied-resolve-2022.yaml';
const T = 120_000;

let browser: Browser;
let site: Served;

interface CliOdds {
  runs: number;
  outcomes: Record<string, number>;
  endTurn: { p10: number; p50: number; p90: number };
}

function cliOdds(runs: number): CliOdds {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', SCENARIO, '--runs', String(runs), '--json'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sim failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as CliOdds;
}

/** The panel's status and progress (from its data attributes). */
function status(page: Page) {
  return page.locator('.odds').evaluate((el: HTMLElement) => ({ status: el.dataset.status, done: Number(el.dataset.done), total: Number(el.dataset.total) }));
}

/** The outcome counts as displayed. */
function shown(page: Page): Promise<Record<string, number>> {
  return page.locator('.od-row').evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.getAttribute('data-outcome-id')!, Number(r.getAttribute('data-count'))])));
}

beforeAll(async () => {
  const t0 = Date.now();
  const dir = buildSite();
  site = await serve(dir);
  browser = await launchChromium();
  console.log(`odds browser tests: built and launched in ${Date.now() - t0} ms`);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the Odds panel in Chromium', () => {
  it('runs 200 games in the worker: the counts equal the CLI; before / after; Escape closes', async () => {
    const expected = cliOdds(200);
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=7&role=observer`);
    await mapDrawn(page);
    await page.getByRole('button', { name: 'Odds' }).click();
    await page.locator('.odds').waitFor();
    expect((await status(page)).status).toBe('idle');
    // A bundled scenario is named by its path, with nothing to do first.
    await page.locator('.od-n').fill('200');
    await page.locator('.od-n').press('Tab');
    expect(await page.locator('.od-cmd').textContent()).toBe(`npm run sim -- ${SCENARIO} --runs 200`);
    expect(await page.locator('.od-cmd-note').isHidden()).toBe(true);
    await page.locator('.od-size[data-n="100"]').click();
    expect(await page.locator('.od-size[aria-pressed="true"]').getAttribute('data-n')).toBe('100');
    await page.locator('.od-n').fill('200');
    await page.locator('.od-n').press('Tab');
    expect(await page.locator('.od-size[aria-pressed="true"]').count()).toBe(0);
    await expect.poll(() => page.locator('.od-run').textContent()).toBe('Run 200 games');
    const t0 = Date.now();
    await page.locator('.od-run').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.odds')?.dataset.status === 'done', null, { timeout: 60_000, polling: 50 });
    console.log(`200 games in the worker (click to done): ${Date.now() - t0} ms`);
    expect(await status(page)).toEqual({ status: 'done', done: 200, total: 200 });
    expect(await shown(page)).toEqual(expected.outcomes);
    expect(Object.keys(await shown(page))).toEqual(Object.keys(expected.outcomes));
    // The day-of-the-end histogram holds every run.
    const binned = await page.locator('.od-bin').evaluateAll((bins) => bins.reduce((n, b) => n + Number(b.getAttribute('data-total')), 0));
    expect(binned).toBe(200);
    expect(await page.locator('.od-pgrid').first().textContent()).toContain(`day ${expected.endTurn.p50}`);

    // Keep as baseline, run 2,000: "before" and "after" side by side with the change in points.
    await page.getByRole('button', { name: 'Keep as baseline' }).click();
    await page.locator('.od-size[data-n="2000"]').click();
    const t1 = Date.now();
    await page.locator('.od-run').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.odds')?.dataset.status === 'done', null, { timeout: 60_000, polling: 50 });
    console.log(`2,000 games in the worker (click to done): ${Date.now() - t1} ms`);
    expect(await shown(page)).toEqual(cliOdds(2000).outcomes);
    expect(await page.locator('.od-leg.before').count()).toBe(1);
    expect(await page.locator('.od-row .od-before').count()).toBe(Object.keys(expected.outcomes).length);
    expect(await page.locator('.od-delta').count()).toBe(Object.keys(expected.outcomes).length);
    await page.mouse.move(400, 300);
    await page.waitForTimeout(300);
    await shot(page, 'odds');
    await page.locator('.od-body').evaluate((b) => b.scrollTo(0, b.scrollHeight));
    await shot(page, 'odds-tension');

    await page.keyboard.press('Escape');
    expect(await page.locator('.odds').count()).toBe(0);
    // Reopened, it shows the last result again.
    await page.getByRole('button', { name: 'Odds' }).click();
    expect((await status(page)).status).toBe('done');
    expect(errors).toEqual([]);
    await page.close();
  }, T);

  it('cancels a 2,000-game batch: status cancelled and no further progress', async () => {
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=7&role=observer`);
    await mapDrawn(page);
    await page.getByRole('button', { name: 'Odds' }).click();
    await page.locator('.od-size[data-n="2000"]').click();
    await page.locator('.od-run').click();
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('.odds')?.dataset.done) > 0, null, { timeout: 30_000, polling: 10 });
    await page.getByRole('button', { name: 'Cancel' }).click();
    const at = await status(page);
    expect(at.status).toBe('cancelled');
    expect(at.total).toBe(2000);
    expect(at.done).toBeGreaterThan(0);
    expect(at.done).toBeLessThan(2000);
    await page.waitForTimeout(1500);
    expect(await status(page)).toEqual(at);
    expect(await page.locator('.od-progress-n').textContent()).toContain('Cancelled');
    expect(await page.getByRole('button', { name: 'Cancel' }).isHidden()).toBe(true);
    // The run button works again afterwards.
    expect(await page.locator('.od-run').isEnabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, T);
});
