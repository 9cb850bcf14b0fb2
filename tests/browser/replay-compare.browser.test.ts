// Comparing two runs in the replay viewer and playing on as another role (issue 18, part 4), in real
// Chromium against the BUILT game. The replay of seed 7 as Belarus with the six orders of
// docs/examples/orders.json opens from a share link; "Compare…" with the same seed with no orders names the
// first diverging day exactly as `npm run -s replay -- game.json --twin` prints it, marks it on the timeline,
// lists the orders and moves that differed (a click, or the keyboard, goes to a move's day) and overlays
// both runs' tension and victory points; the same orders on Fast spiral, and a replay file of another
// scenario (refused, offering the variant instead). "Play on from day 10 as…" Ukraine lands in play on day
// 10 as Ukraine, and the autosave holds a replay of that game (Belarus to day 10, then Ukraine) that the
// model verifies. Both at 1280×720 and 390×844 (touch targets ≥ 44 px). No console errors anywhere.
// Screenshots: tests/screenshots/replay-compare-*.png and play-on-as-*.png.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite } from '../../src/cli/browser/site';
import { launchChromium } from '../../src/cli/browser/chromium';
import { serve, type Served } from '../../src/cli/browser/serve';
import { compareRuns, loadScenario, makeReplay, noOrdersTwin, parseReplay, runGame, verifyReplay, type Comparison, type Order, type Replay, type Scenario } from '../../src/sim/index';
import { diskReader } from '../../src/cli/files';
import { replayLink } from '../../src/store/replay-link';
import { cli } from '../helpers';
import { hook, open, shot } from './page';

const T = 180_000;
const FILE = 'scenarios/allied-resolve-2022.yaml';
const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };
const EXAMPLE = JSON.parse(readFileSync('docs/examples/orders.json', 'utf8')) as Record<string, { belarus: Order }>;
const ORDERS: Record<string, Order> = Object.fromEntries(Object.entries(EXAMPLE).map(([d, o]) => [d, o.belarus]));

let browser: Browser;
let site: Served;
let base: Scenario;
/** Seed 7 as Belarus with the six orders, to its end (day 90). */
let replay: Replay;
/** A 20-day replay of Fast spiral (another scenario), as a file. */
let spiralFile: string;
/** What the command line prints for the replay and its twin: "They diverge on day 3 (29 Dec 2021)." */
let cliLine: string;
/** The model's comparison with the twin, for the moves the browser lists. */
let model: Comparison;

beforeAll(async () => {
  const t0 = Date.now();
  const r = loadScenario(FILE, diskReader);
  if (!r.ok) throw new Error('the base scenario does not load');
  base = r.scenario;
  const run = runGame(base, '7', { role: 'belarus', orders: (d) => (ORDERS[String(d)] ? { belarus: ORDERS[String(d)]! } : {}) });
  replay = makeReplay(base, '7', 'belarus', ORDERS, run.turns.map((t) => t.hash), run.outcome);
  const dir = mkdtempSync(join(tmpdir(), 'brink-compare-browser-'));
  const game = join(dir, 'game.json');
  writeFileSync(game, JSON.stringify(replay));
  // The issue asks that the browser's day equals the command line's: read it from the command line itself.
  const printed = cli('replay', [game, '--twin']);
  cliLine = printed.stdout.split('\n').find((l) => /^They (diverge|differ)/.test(l)) ?? '';
  expect(printed.status).toBe(1);
  const twin = noOrdersTwin(base, replay);
  const played = (x: Replay) => ({ scenario: base, role: x.role, orders: x.orders, days: verifyReplay(base, x).days });
  model = compareRuns(played(replay), played(twin));
  const fs = loadScenario('scenarios/fast-spiral.yaml', diskReader);
  if (!fs.ok) throw new Error('fast spiral does not load');
  const spiral = runGame(fs.scenario, '7', { role: 'belarus', turns: 20 });
  spiralFile = join(dir, 'spiral.json');
  writeFileSync(spiralFile, JSON.stringify(makeReplay(fs.scenario, '7', 'belarus', {}, spiral.turns.map((t) => t.hash), null)));
  site = await serve(buildSite());
  browser = await launchChromium();
  console.log(`replay-compare: the command line says "${cliLine}"; ${model.moves.length} moves differ; built and launched in ${Date.now() - t0} ms`);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function waitDay(page: Page, day: number): Promise<void> {
  await page.waitForFunction((d) => window.__brink?.day === d && document.querySelector('.rb-day-num')?.textContent === `Day ${d}`, day, { timeout: 30_000 });
}

async function viewer(day: number | undefined, size = DESKTOP) {
  const opened = await open(browser, replayLink(site.url, replay, day), size);
  await opened.page.locator('.replay-bar').waitFor();
  await waitDay(opened.page, day ?? 1);
  return opened;
}

/** Opens "Compare…" and runs the comparison a button of the dialog makes. */
async function compareWith(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: 'Compare this replay with another run' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare this replay with…' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'detached', timeout: 20_000 });
  await page.locator('.cmp-panel:not([hidden])').waitFor();
}

/** The smallest height and width of the visible elements a selector finds. */
async function smallest(page: Page, selector: string): Promise<{ w: number; h: number; n: number }> {
  return page.locator(selector).evaluateAll((els) => {
    const boxes = els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
    return { w: Math.min(...boxes.map((r) => r.width)), h: Math.min(...boxes.map((r) => r.height)), n: boxes.length };
  });
}

describe('Comparing two runs in the replay viewer', () => {
  it('with the no-orders twin: the first diverging day the command line reports, marked on the timeline; a listed move goes to its day', async () => {
    expect(cliLine).toBe('They diverge on day 3 (29 Dec 2021).');
    const { page, errors } = await viewer(undefined);
    const t0 = Date.now();
    await compareWith(page, 'Compare with no orders');
    const took = Date.now() - t0;
    const panel = page.locator('.cmp-panel');
    expect(await panel.locator('.cmp-headline').textContent()).toBe(cliLine);
    // The headline takes focus, so a screen reader reads it.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('cmp-headline');
    expect(await panel.locator('.cmp-runs').textContent()).toBe('This replay with No orders');
    // Marked on the timeline at day 3 of 90.
    const mark = page.locator('.rb-track .cmp-mark');
    expect(await mark.isVisible()).toBe(true);
    expect(await mark.getAttribute('data-day')).toBe('3');
    const at = await mark.evaluate((m) => {
      const t = m.parentElement!.getBoundingClientRect();
      return (m.getBoundingClientRect().left - t.left) / t.width;
    });
    expect(at).toBeCloseTo(3 / 90, 2);

    await shot(page, 'replay-compare-1280x720');
    // The lists: the six orders, and the model's moves in its order.
    await panel.getByRole('button', { name: 'What differed' }).click();
    const orderRows = panel.locator('.cmp-list').first().locator('.cmp-row');
    expect(await orderRows.count()).toBe(6);
    expect(await orderRows.first().textContent()).toBe('Day 3 29 Dec 2021 Belarus’s order: Invite Vienna Document observers → OSCE vs held');
    const moveRows = panel.locator('.cmp-list').nth(1).locator('.cmp-row');
    expect(await moveRows.count()).toBe(model.moves.length);
    expect(await panel.locator('.cmp-list-h').nth(1).textContent()).toBe(`Moves that differed, from day 3 (${model.moves.length})`);
    const days = await moveRows.evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.day)));
    expect(days).toEqual(model.moves.map((m) => m.day));

    // "Go to day 3", then a click on a move of the AI's, later on: the viewer goes to its day.
    await panel.getByRole('button', { name: 'Go to day 3, where they diverge' }).click();
    await waitDay(page, 3);
    const later = model.moves.findIndex((m) => !m.yours);
    const target = model.moves[later]!;
    await moveRows.nth(later).click();
    await waitDay(page, target.day);
    expect(await moveRows.nth(later).getAttribute('aria-current')).toBe('true');
    await shot(page, 'replay-compare-list-1280x720');

    // By keyboard: the list is one tab stop; ↓ moves, Enter goes to the day.
    await moveRows.nth(later).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.day)).toBe(String(model.moves[later + 1]!.day));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await waitDay(page, target.day);
    // End goes to the list's last line, and leaves the day alone (the viewer's End would go to day 90).
    await page.keyboard.press('End');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.day)).toBe(String(model.moves[model.moves.length - 1]!.day));
    expect((await hook(page)).day).toBe(target.day);

    // The chart again, with the day shown marked: the numbers of the day shown are the model's.
    await panel.getByRole('button', { name: 'Tension' }).click();
    expect(await panel.locator('.cmp-now caption').textContent()).toMatch(new RegExp(`^Day ${target.day} · `));
    const cells = await panel.locator('.cmp-now tbody tr').first().locator('td').allTextContents();
    expect(cells).toEqual([model.curves[target.day]!.a!.overall.toFixed(1), model.curves[target.day]!.b!.overall.toFixed(1)]);
    console.log(`compare with the twin: ${took} ms from the click to the panel; a move of day ${target.day} (${target.text}) jumps there`);
    await shot(page, 'replay-compare-day-1280x720');

    // Victory points overlaid, then stop comparing: the panel and the mark go.
    await panel.getByRole('button', { name: 'Victory points' }).click();
    expect(await panel.locator('.cmp-now tbody tr').nth(1).locator('th').textContent()).toBe('Belarus VP');
    await shot(page, 'replay-compare-points-1280x720');
    await panel.getByRole('button', { name: 'Stop comparing' }).click();
    expect(await panel.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('rb-compare'))).toBe(true);
    expect(await mark.isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, T);

  it('with the same orders on Fast spiral, and a replay file of another scenario: refused, offering the variant', async () => {
    const { page, errors } = await viewer(12);
    await page.getByRole('button', { name: 'Compare this replay with another run' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare this replay with…' });
    await dialog.waitFor();
    await shot(page, 'replay-compare-dialog-1280x720');
    await dialog.getByLabel('Variant', { exact: true }).selectOption({ label: 'Fast spiral' });
    await dialog.getByRole('button', { name: 'Compare on this variant' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });
    expect(await page.locator('.cmp-headline').textContent()).toBe('They diverge on day 1 (27 Dec 2021).');
    expect(await page.locator('.cmp-runs').textContent()).toBe('This replay with Fast spiral');

    // A replay of Fast spiral, chosen as a file: not compared day by day; the variant comparison is offered.
    await page.getByRole('button', { name: 'Compare this replay with another run' }).click();
    await dialog.waitFor();
    await dialog.locator('input.cmp-file').setInputFiles(spiralFile);
    const error = dialog.locator('.cmp-error');
    await error.locator('p').waitFor();
    expect(await error.locator('p').textContent()).toBe('Not compared: spiral.json is a replay of Fast spiral, and this one of Allied Resolve 2022: two scenarios are not compared day by day. Compare this replay’s orders played on Fast spiral instead.');
    await shot(page, 'replay-compare-refused-1280x720');
    await dialog.getByRole('button', { name: 'Compare on Fast spiral' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });
    expect(await page.locator('.cmp-runs').textContent()).toBe('This replay with Fast spiral');
    // The viewer stayed on its day and its replay.
    expect((await hook(page)).day).toBe(12);
    expect(errors).toEqual([]);
    await page.close();
  }, T);

  it('on a phone: the comparison is a full-width section under the replay bar, every control at least 44 px', async () => {
    const { page, errors } = await viewer(10, PHONE);
    await compareWith(page, 'Compare with no orders');
    const panel = page.locator('.cmp-panel');
    expect(await panel.locator('.cmp-headline').textContent()).toBe(cliLine);
    const box = (await panel.boundingBox())!;
    expect(box.width).toBeGreaterThan(PHONE.width - 20);
    const bar = (await page.locator('.replay-bar').boundingBox())!;
    expect(box.y).toBeGreaterThan(bar.y + bar.height - 1);
    for (const sel of ['.cmp-panel .btn', '.cmp-panel .chart-tab', '.cmp-row', '.rb-compare', '.rb-playon-as']) {
      const s = await smallest(page, sel);
      expect(s.n, sel).toBeGreaterThan(0);
      expect(s.h, `${sel} height`).toBeGreaterThanOrEqual(44);
      expect(s.w, `${sel} width`).toBeGreaterThanOrEqual(44);
    }
    // A tap on a move goes to its day.
    const row = panel.locator('.cmp-list').nth(1).locator('.cmp-row').nth(7);
    const day = Number(await row.getAttribute('data-day'));
    await row.scrollIntoViewIfNeeded();
    await row.click();
    await waitDay(page, day);
    await panel.scrollIntoViewIfNeeded();
    await page.locator('.cmp-top').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot(page, 'replay-compare-390x844');
    await page.locator('.cmp-rows').first().evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await shot(page, 'replay-compare-list-390x844');
    expect(errors).toEqual([]);
    await page.close();
  }, T);
});

describe('Play on from here as another role', () => {
  for (const size of [DESKTOP, PHONE]) {
    it(`from day 10 as Ukraine lands in play on day 10 as Ukraine, and the game saved is that game (${size.width}×${size.height})`, async () => {
      const tag = `${size.width}x${size.height}`;
      const { page, errors } = await viewer(10, size);
      await page.getByRole('button', { name: 'Play on from day 10 as another role' }).click();
      const dialog = page.getByRole('dialog', { name: 'Play on from day 10 as…' });
      await dialog.waitFor();
      expect(await dialog.locator('.poa-text').textContent()).toBe('Days 1–10 stay as Belarus played them, with its orders. From day 11 you give the orders of the role you pick, and the AI plays Belarus. The same seed: the crisis is the one recorded up to day 10.');
      expect(await dialog.locator('.poa-name').allTextContents()).toEqual(['Russia', 'Ukraine', 'NATO', 'Observer']);
      await shot(page, `play-on-as-${tag}`);
      await dialog.getByRole('button', { name: /^Ukraine / }).click();
      await page.waitForFunction(() => window.__brink?.screen === 'play' && !!document.querySelector('.replay-bar[hidden]'));
      expect((await hook(page)).day).toBe(10);
      expect(await page.locator('.role-chip').first().textContent()).toMatch(/Ukraine$/);
      // Ukraine's cards are offered; the address names the game as Ukraine's.
      await page.locator('.card[data-action]').first().waitFor({ state: 'attached' });
      expect(await page.evaluate(() => new URLSearchParams(location.search).get('role'))).toBe('ukraine');
      // The autosave: Belarus to day 10 (its two orders so far), then Ukraine; the model verifies it.
      const saved = await page.evaluate(() => localStorage.getItem('brink.save'));
      const read = parseReplay(JSON.stringify((JSON.parse(saved!) as { replay: unknown }).replay));
      if (!read.ok) throw new Error(read.error);
      expect(read.replay).toMatchObject({ role: 'ukraine', earlierRoles: [{ role: 'belarus', until: 10 }], orders: { '3': ORDERS['3'], '6': ORDERS['6'] } });
      expect(read.replay.checkpoints).toEqual(replay.checkpoints.slice(0, 10));
      expect(verifyReplay(base, read.replay).ok).toBe(true);
      await shot(page, `play-on-as-played-${tag}`);
      // A reload resumes the same game, as Ukraine, on day 10.
      await page.reload();
      await page.waitForFunction(() => window.__brink?.ready === true && window.__brink.screen === 'play');
      expect((await hook(page)).day).toBe(10);
      expect(await page.locator('.role-chip').first().textContent()).toMatch(/Ukraine$/);
      expect(errors).toEqual([]);
      await page.close();
    }, T);
  }
});
