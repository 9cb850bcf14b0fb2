// Browser tests in real Chromium (Debian's, via playwright-core) against the BUILT game served on
// 127.0.0.1: the menu, an observer autoplaying 15 days, five days played as Belarus through the action
// cards, the map/feed/ladder, the debrief after a full autoplay, no console errors, and the page's
// hashes equal to the CLI's for the same scenario, seed, role and orders. Screenshots go to
// tests/screenshots/ (ignored by git).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite, cliRun } from '../../src/cli/browser/site';
import { launchChromium } from '../../src/cli/browser/chromium';
import { serve, type Served } from '../../src/cli/browser/serve';
import { colourCount, hook, open, shot, waitDay, playCards, scrollFeedUntil } from './page';

const SCENARIO = 'scenarios/allied-resolve-2022.yaml';
const T = 120_000;

let browser: Browser;
let site: Served;

beforeAll(async () => {
  const t0 = Date.now();
  const dir = buildSite();
  site = await serve(dir);
  browser = await launchChromium();
  console.log(`browser tests: built and launched in ${Date.now() - t0} ms`);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('Brink in Chromium', () => {
  it('shows the menu with every bundled scenario, the roles, the seed and a briefing', async () => {
    const { page, errors } = await open(browser, site.url);
    expect((await hook(page)).screen).toBe('menu');
    expect(await page.locator('.menu-card.scenario').count()).toBeGreaterThanOrEqual(4);
    await page.locator('.menu-card.role[data-role="belarus"]').click();
    await expect.poll(() => page.locator('.menu-card.role.sel').getAttribute('data-role')).toBe('belarus');
    expect(await page.locator('.brief-title').textContent()).toBe('Allied Resolve 2022');
    expect(await page.locator('.sources li').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: "Today's seed" }).click();
    expect(await page.locator('#seed').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.locator('#seed').fill('7');
    await page.locator('.menu-card.role[data-role="observer"]').click();
    await shot(page, 'menu');
    // Start is in view at 1280×720 without scrolling, with any role selected (its goal shown in full).
    for (const role of ['observer', 'belarus', 'nato']) {
      await page.locator(`.menu-card.role[data-role="${role}"]`).click();
      const start = (await page.getByRole('button', { name: 'Start the game' }).boundingBox())!;
      expect(start.y + start.height).toBeLessThanOrEqual(720);
    }
    await page.locator('.menu-card.role[data-role="observer"]').click();
    await page.getByRole('button', { name: 'Start the game' }).click();
    await page.waitForFunction(() => window.__brink?.screen === 'play' && window.__brink.ready);
    expect((await hook(page)).day).toBe(0);
    await page.keyboard.press('Space');
    await waitDay(page, 1);
    expect(errors).toEqual([]);
    await page.close();
  }, T);

  it('autoplays 15 days as observer: map, feed and ladder appear; hash equals the CLI', async () => {
    const t0 = Date.now();
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=7&role=observer&autoplay=1&speed=3&alerts=0`);
    await waitDay(page, 15);
    await page.keyboard.press('p');
    await page.waitForTimeout(400);
    const h = await hook(page);
    expect(h.day).toBeGreaterThanOrEqual(15);
    const cli = cliRun(SCENARIO, '7');
    expect(h.hash).toBe(cli.turns[h.day - 1]!.hash);

    // The map: a canvas in the map area that is not blank, drawn by Phaser's Canvas renderer, since
    // this headless Chromium (--disable-gpu) only has WebGL emulated by SwiftShader.
    expect(h.renderer).toBe('canvas');
    expect(await page.locator('#map canvas').count()).toBeGreaterThan(0);
    expect(await colourCount(page, '#map canvas')).toBeGreaterThan(12);
    // The feed, the ladder, the pairs and "why?".
    expect(await page.locator('.feed-item').count()).toBeGreaterThan(5);
    expect(Number(await page.locator('.ladder-value').textContent())).toBeGreaterThan(0);
    expect(await page.locator('.ladder-bar .seg.current').count()).toBe(1);
    // A hidden tab's panel is drawn when its tab is shown.
    await page.getByRole('tab', { name: 'Pairs' }).click();
    expect(await page.locator('.pair-row').count()).toBeGreaterThan(3);
    await page.getByRole('tab', { name: 'Why?' }).click();
    expect(await page.locator('.why li').count()).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Tension' }).click();
    await shot(page, 'play-early');

    // A feed item of the article's timeline opens its source. By day 15 that is day 1's backdrop, below
    // the first page of the feed: scrolling down loads it.
    await scrollFeedUntil(page, async () => (await page.locator('.feed-item.sourced').count()) > 0);
    await page.locator('.feed-item.sourced').first().click();
    await page.locator('.popover .pop-quote').waitFor();
    await shot(page, 'play-source');
    await page.keyboard.press('Escape');
    expect(await page.locator('.popover').count()).toBe(0);
    // Only the article's own timeline is "source"; a move the model chose is "simulated", and shows the
    // quote it is based on as such.
    expect(await page.locator('.feed-item.sourced:not(.kind-scripted)').count()).toBe(0);
    const based = page.locator('.feed-item.kind-action', { hasText: 'simulated ▸' });
    expect(await based.count()).toBeGreaterThan(0);
    await based.first().click();
    expect(await page.locator('.popover .pop-head').textContent()).toContain('Simulated, based on the source');
    expect(await page.locator('.popover .pop-quote').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
    console.log(`observer 15 days: ${Date.now() - t0} ms`);
  }, T);

  it('draws the same game with the WebGL renderer when the URL asks for it (?renderer=webgl)', async () => {
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=7&role=observer&autoplay=1&speed=3&alerts=0&renderer=webgl`);
    await waitDay(page, 6);
    await page.keyboard.press('p');
    await page.waitForTimeout(400);
    const h = await hook(page);
    expect(h.renderer).toBe('webgl');
    expect(h.hash).toBe(cliRun(SCENARIO, '7').turns[h.day - 1]!.hash);
    expect(await colourCount(page, '#map canvas')).toBeGreaterThan(12);
    await shot(page, 'map-webgl');
    expect(errors).toEqual([]);
    await page.close();
  }, T);

  it('plays 5 days as Belarus through the action cards; hash equals the CLI with the same orders', async () => {
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=7&role=belarus`);
    const orders = await playCards(page, 'belarus', [1, 4, 2, 6, 1], async (day) => {
      if (day === 5) await shot(page, 'play-belarus');
    });
    const h = await hook(page);
    expect(h.day).toBe(5);
    // Each card says what the lookahead expects it to do for Belarus's points at the end, against
    // holding; the goals panel shows Belarus's victory points and its win and loss lines.
    expect(await page.locator('.card .card-outlook').count()).toBeGreaterThan(3);
    expect(await page.locator('.card.hold .card-outlook').textContent()).toMatch(/^≈ -?\d+ VP$/);
    expect(await page.locator('.card:not(.hold) .card-outlook').first().textContent()).toMatch(/^★?(±0|[+−]\d+\.\d) VP$/);
    expect(await page.locator('.track-panel .vp-now').textContent()).toMatch(/^−?\d+\.\d$/);
    expect(await page.locator('.track-panel .vp-tick').allTextContents()).toEqual(['loss −10', 'win 12']);
    const cli = cliRun(SCENARIO, '7', 'belarus', orders);
    expect(h.hash).toBe(cli.turns[4]!.hash);
    // The player's actions appear in the feed.
    expect(await page.locator('.feed-item').count()).toBeGreaterThan(3);
    // A click's focus brings no tooltip back over the cards (End day was just clicked, the pointer
    // rests on it); keyboard focus does show one.
    await page.waitForTimeout(200);
    expect(await page.locator('.tooltip.on').count()).toBe(0);
    await page.getByRole('button', { name: 'End day' }).blur();
    await page.keyboard.press('Shift');
    await page.getByRole('button', { name: 'End day' }).focus();
    await expect.poll(() => page.locator('.tooltip.on').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, T);

  it('autoplays to the end at top speed and shows the debrief; no console errors', async () => {
    const t0 = Date.now();
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=7&role=observer&autoplay=1&speed=3&alerts=0`);
    await page.waitForFunction(() => window.__brink?.screen === 'debrief', null, { timeout: 90_000, polling: 200 });
    const h = await hook(page);
    const cli = cliRun(SCENARIO, '7');
    expect(h.outcome).toBe(cli.outcome!.id);
    expect(h.day).toBe(cli.outcome!.turn);
    expect(h.hash).toBe(cli.turns[h.day - 1]!.hash);
    await page.locator('.debrief-panel .outcome-name').waitFor();
    expect((await page.locator('.outcome-name').textContent())!.length).toBeGreaterThan(2);
    expect(await page.locator('.readings .reading').count()).toBeGreaterThanOrEqual(4);
    // Each role's reading comes with its victory points against its lines.
    expect(await page.locator('.readings .reading .verdict-s').count()).toBe(4);
    expect(await page.locator('.readings .reading .verdict-s').first().textContent()).toMatch(/^-?\d+\.\d VP · win ≥ -?\d+ · loss ≤ -?\d+$/);
    expect(await page.locator('.turning li').count()).toBeGreaterThan(0);
    expect(await colourCount(page, '.debrief-chart canvas')).toBeGreaterThan(4);
    await page.waitForTimeout(500);
    await shot(page, 'debrief');
    expect(errors).toEqual([]);
    console.log(`autoplay to day ${h.day}: ${Date.now() - t0} ms`);

    // Play again with a new seed: a fresh game on day 0.
    await page.getByRole('button', { name: 'Play again with a new seed' }).click();
    await page.waitForFunction(() => window.__brink?.screen === 'play' && window.__brink.day === 0);
    expect(errors).toEqual([]);
    await page.close();
  }, T);
});
