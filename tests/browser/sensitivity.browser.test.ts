// The Odds panel's analysis tabs in Chromium against the built game (issue 19, parts 1 and 3). "What
// matters": the tornado over a few seeds a side runs in the page's worker pool, and its top three equal
// what Node ranks for the same seeds (by the Belarusian player's win share, the default when playing
// Belarus, and by the whole outcome distribution); Show all lists every parameter; Cancel stops a
// 300-seed run (status cancelled, no more progress); a bar opens the Tweak panel on that parameter's
// slider, focused. "Sweep": a parameter picked by typing in the searchable list, swept over three values,
// draws a line per outcome with the base marked, and Download CSV gives the CLI's `--sweep … --csv`. axe
// finds no serious or critical violation on either tab. At 1280×720 and at 390×844 (touch).
// Screenshots: tests/screenshots/sensitivity-*.png, sweep-*.png.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { buildSite, ROOT } from '../../src/cli/browser/site';
import { launchChromium } from '../../src/cli/browser/chromium';
import { serve, type Served } from '../../src/cli/browser/serve';
import { batchSeeds, loadScenario, planSensitivity, rankSensitivity, runBatchHere, type SensitivityMetric } from '../../src/sim/index';
import { diskReader } from '../../src/cli/files';
import { mapDrawn, open, openOddsTab, rankStudy, shot } from './page';

const SCENARIO = 'scenarios/allied-resolve-2022.yaml';
const SEEDS = 8;
const T = 240_000;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 390, height: 844 };

let browser: Browser;
let site: Served;
/** Node's ranking over the same seeds: the top three names by a measure. */
let topThree: (m: SensitivityMetric) => string[];
/** The variants a study plays: the base and each side that differs from it. */
let variants: number;

beforeAll(async () => {
  const t0 = Date.now();
  site = await serve(buildSite());
  browser = await launchChromium();
  const r = loadScenario(SCENARIO, diskReader);
  if (!r.ok) throw new Error('the scenario does not load');
  const plan = planSensitivity(r.scenario, batchSeeds(SEEDS));
  const tally = runBatchHere(r.scenario, plan.batch);
  variants = plan.batch.variants.length;
  topThree = (m) => rankSensitivity(plan, tally, m).ranking.slice(0, 3).map((x) => x.name);
  console.log(`sensitivity browser tests: built, launched and ranked in Node in ${Date.now() - t0} ms`);
}, T);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** No serious or critical axe violation in the Odds panel as it is. */
async function audit(page: Page, where: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const r = await page.evaluate(() => (window as unknown as { axe: { run(c: Document | Element, o: object): Promise<AxeResults> } }).axe.run(document.querySelector('.odds') ?? document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }));
  const blocking = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on ${where}`).toEqual([]);
}

/** The tab's status and progress (from its data attributes). */
function status(page: Page, tab: '.tn' | '.sw') {
  return page.locator(tab).evaluate((el: HTMLElement) => ({ status: el.dataset.status, done: Number(el.dataset.done), total: Number(el.dataset.total) }));
}

const names = (page: Page) => page.locator('.tn-bar-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')!));

describe('What matters: the tornado chart', () => {
  it('ranks every parameter in the page as Node does for the same seeds; Show all; a bar opens its slider', async () => {
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=7&role=belarus`);
    await mapDrawn(page);
    await openOddsTab(page, 'What matters');
    expect(await page.locator('.tn .od-empty').textContent()).toContain('Which numbers matter?');
    // The default is 300 seeds a side, as on the command line.
    expect(await page.locator('.tn .od-size[aria-pressed="true"]').getAttribute('data-n')).toBe('300');
    expect(await page.locator('.tn .od-cmd').textContent()).toBe(`npm run -s sim -- ${SCENARIO} --sensitivity --runs 300 --role belarus`);
    const t0 = Date.now();
    await rankStudy(page, SEEDS);
    console.log(`tornado, ${SEEDS} seeds a side, in the page: ${Date.now() - t0} ms`);
    const st = await status(page, '.tn');
    expect(st.status).toBe('done');
    expect(st.done).toBe(st.total);
    // Playing Belarus, the bars rank by Belarus's win share.
    expect(await page.locator('.tn-metric').inputValue()).toBe('role:belarus');
    expect((await names(page)).slice(0, 3)).toEqual(topThree({ kind: 'role', id: 'belarus' }));
    expect(await page.locator('.tn-bar-row').count()).toBe(15);
    await page.locator('.tn-metric').selectOption('outcomes');
    expect((await names(page)).slice(0, 3)).toEqual(topThree({ kind: 'outcomes' }));
    await page.locator('.tn-metric').selectOption('outcome:war');
    expect((await names(page)).slice(0, 3)).toEqual(topThree({ kind: 'outcome', id: 'war' }));
    expect(await page.locator('.tn .od-cmd').textContent()).toContain('--outcome war');
    await page.mouse.move(10, 400);
    await shot(page, 'sensitivity-tornado');
    await audit(page, 'the tornado at 1280×720');
    await page.getByRole('button', { name: /^Show all 116 parameters$/ }).click();
    expect(await page.locator('.tn-bar-row').count()).toBe(116);
    await page.getByRole('button', { name: 'Show the top 15' }).click();

    // A bar opens the Tweak panel on its parameter's slider, focused.
    const first = page.locator('.tn-bar-row').first();
    const key = (await first.getAttribute('data-key'))!;
    await first.click();
    await page.locator('.tweak-panel:not([hidden])').waitFor();
    expect(await page.locator('.odds').count()).toBe(0);
    await page.waitForFunction((k) => !!document.activeElement?.closest(`[data-key="${k}"]`), key, { timeout: 10_000 });
    expect(await page.locator(`.tweak-panel [data-key="${key}"]`).isVisible()).toBe(true);
    await page.waitForTimeout(400);
    await shot(page, 'sensitivity-slider');
    // Reopened, the Odds panel shows the tornado again, with its result.
    await page.keyboard.press('Escape');
    await page.locator('.topbar').getByRole('button', { name: 'Odds', exact: true }).click();
    expect(await page.getByRole('tab', { name: 'What matters' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('.tn-bar-row').count()).toBe(15);
    expect(errors).toEqual([]);
    await page.close();
  }, T);

  it('cancels a 300-seed run: status cancelled, no further progress, and it can run again', async () => {
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=7&role=observer`);
    await mapDrawn(page);
    await openOddsTab(page, 'What matters');
    await page.locator('.tn-run').click();
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('.tn')?.dataset.done) > 0, null, { timeout: 60_000, polling: 20 });
    expect(await page.locator('.tn .oa-clock').textContent()).toMatch(/^\d+:\d\d elapsed · about \d+:\d\d left$/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    const at = await status(page, '.tn');
    expect(at.status).toBe('cancelled');
    expect(at.done).toBeGreaterThan(0);
    expect(at.done).toBeLessThan(at.total);
    expect(at.total).toBe(300 * variants);
    await page.waitForTimeout(1500);
    expect(await status(page, '.tn')).toEqual(at);
    expect(await page.locator('.tn .od-progress-n').textContent()).toContain('Cancelled');
    expect(await page.locator('.tn-run').isEnabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, T);
});

describe('Sweep: one parameter as lines', () => {
  it('sweeps a parameter picked by name; the lines, the base and the CSV of `sim --sweep … --csv`', async () => {
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=7&role=observer`);
    await mapDrawn(page);
    await openOddsTab(page, 'What matters');
    // The tabs follow the arrow keys.
    await page.getByRole('tab', { name: 'What matters' }).press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Sweep' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sweep');
    expect(await page.locator('#od-pane-matter').isHidden()).toBe(true);
    const pick = page.getByRole('combobox', { name: 'Parameter to sweep' });
    await pick.click();
    await pick.fill('russia ukraine fea');
    expect(await page.locator('.pp-opt').count()).toBe(1);
    await pick.press('Enter');
    expect(await pick.inputValue()).toBe('Russia – Ukraine · fear');
    // The defaults: the slider's range in ten steps.
    expect([await page.locator('.sw-from').inputValue(), await page.locator('.sw-to').inputValue(), await page.locator('.sw-step').inputValue(), await page.locator('.sw-runs').inputValue()]).toEqual(['0', '0.2', '0.02', '300']);
    await page.locator('.sw-from').fill('0.02');
    await page.locator('.sw-to').fill('0.06');
    await page.locator('.sw-step').fill('0');
    expect(await page.locator('.sw-problem').textContent()).toBe('The step must be above 0.');
    expect(await page.locator('.sw-run').isDisabled()).toBe(true);
    await page.locator('.sw-step').fill('0.02');
    await page.locator('.sw-runs').fill('10');
    const text = 'pairs.russia-ukraine.fear=0.02..0.06:0.02';
    expect(await page.locator('.sw-cmd').textContent()).toBe(`npm run -s sim -- ${SCENARIO} --sweep ${text} --runs 10 --csv`);
    await page.locator('.sw-run').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.sw')?.dataset.status === 'done', null, { timeout: 60_000, polling: 50 });
    const lines = page.locator('.sw-line');
    expect(await lines.count()).toBe(6);
    for (const pts of await lines.locator('polyline').evaluateAll((ps) => ps.map((p) => p.getAttribute('points')!.split(' ').length))) expect(pts).toBe(3);
    expect(await page.locator('.sw-base-t').textContent()).toBe('base 0.04');
    // A line hides from the legend.
    await page.locator('.sw-leg[data-outcome-id="stalemate"]').click();
    expect(await lines.count()).toBe(5);
    await page.locator('.sw-leg[data-outcome-id="stalemate"]').click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', SCENARIO, '--sweep', text, '--runs', '10', '--csv'], { cwd: ROOT, encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    expect(csv).toBe(cli.stdout);
    expect(csv.split('\n')[0]).toBe('pairs.russia-ukraine.fear,runs,belarus-drawn-in,war,regime-crisis,de-escalation,brink-pays,stalemate,belarus win,russia win,ukraine win,nato win');
    expect(csv.trim().split('\n')).toHaveLength(4);
    await page.mouse.move(10, 400);
    await shot(page, 'sweep');
    await audit(page, 'the sweep at 1280×720');
    expect(errors).toEqual([]);
    await page.close();
  }, T);
});

describe('on a phone (390×844, touch)', () => {
  it('the tornado and the sweep fit, with tap targets of 44 px', async () => {
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=7&role=russia`, PHONE);
    await mapDrawn(page);
    await openOddsTab(page, 'What matters');
    await rankStudy(page, 4);
    await page.waitForTimeout(300);
    await shot(page, 'sensitivity-phone');
    await page.locator('.od-body').evaluate((b) => b.scrollTo(0, 420));
    await shot(page, 'sensitivity-phone-bars');
    const small = await page.locator('.odds button:visible, .odds select:visible, .odds input:visible').evaluateAll((els) =>
      els.map((e) => ({ e: e.className || e.tagName, h: e.getBoundingClientRect().height })).filter((x) => x.h < 44),
    );
    expect(small).toEqual([]);
    const wide = await page.locator('.odds').evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(wide).toBe(true);
    await audit(page, 'the tornado at 390×844');
    await page.getByRole('tab', { name: 'Sweep' }).click();
    const pick = page.getByRole('combobox', { name: 'Parameter to sweep' });
    await pick.click();
    await pick.fill('russia ukraine fear');
    await pick.press('Enter');
    await page.locator('.sw-to').fill('0.08');
    await page.locator('.sw-step').fill('0.01');
    await page.locator('.sw-runs').fill('4');
    await page.locator('.sw-run').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.sw')?.dataset.status === 'done', null, { timeout: 60_000, polling: 50 });
    await page.waitForTimeout(300);
    await shot(page, 'sweep-phone');
    await page.locator('.od-body').evaluate((b) => b.scrollTo(0, b.scrollHeight));
    await shot(page, 'sweep-phone-chart');
    await audit(page, 'the sweep at 390×844');
    expect(errors).toEqual([]);
    await page.close();
  }, T);
});
