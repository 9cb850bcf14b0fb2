// Browser tests of the onboarding (issue 15, part 5) in real Chromium against the built game: the guided
// first game runs through every step it reports ("k of n"), each popover inside the viewport and clear of
// the element it explains, with the game's keys held off; it does not show again after a reload, whether
// finished or skipped; an observer's tour explains Next day and Autoplay and Escape skips it; the
// glossary opens from the top bar, from the menu with G and from the seed line, filters, keeps focus
// inside, closes on Escape and gives focus back, and restarts the tour (at once in a game, or with the
// next game from the menu). Screenshots go to
// tests/screenshots/ (tour-1 … tour-n, tour-390, tour-observer-controls, glossary-*, menu-onboarding-*).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite } from '../../src/cli/browser/site';
import { launchChromium } from '../../src/cli/browser/chromium';
import { serve, type Served } from '../../src/cli/browser/serve';
import { hook, open, shot, waitDay } from './page';

const BELARUS = '?scenario=allied-resolve-2022&seed=7&role=belarus';
const OBSERVER = '?scenario=allied-resolve-2022&seed=7&role=observer';
const T = 120_000;

let browser: Browser;
let site: Served;

beforeAll(async () => {
  const dir = buildSite();
  site = await serve(dir);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

type Box = { x: number; y: number; width: number; height: number };

/** The tour's "k of n" counter and the step's id, or null when no tour is shown. */
async function step(page: Page): Promise<{ k: number; n: number; id: string } | null> {
  if ((await page.locator('.tour-pop').count()) === 0) return null;
  const text = (await page.locator('.tour-count').textContent()) ?? '';
  const m = /^(\d+) of (\d+)$/.exec(text);
  if (!m) throw new Error(`the tour's counter reads "${text}"`);
  return { k: Number(m[1]), n: Number(m[2]), id: (await page.locator('.tour-pop').getAttribute('data-step')) ?? '' };
}

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not on screen`);
  return b;
}

function inside(b: Box, w: number, h: number): boolean {
  return b.x >= 0 && b.y >= 0 && b.x + b.width <= w + 0.5 && b.y + b.height <= h + 0.5;
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Waits until the tour's popover has settled (two frames after a step or a resize). */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(250);
}

async function tourFlag(page: Page): Promise<string | null> {
  return page.evaluate(() => localStorage.getItem('brink.tour'));
}

describe('onboarding in Chromium', () => {
  it('runs the guided first game through every step, then never again after a reload', async () => {
    const { page, errors } = await open(browser, `${site.url}${BELARUS}`, undefined, { tour: true });
    await page.locator('.tour-pop').waitFor({ state: 'visible' });
    const first = (await step(page))!;
    expect(first).toMatchObject({ k: 1, id: 'map' });
    // The map, (the track when the play screen has one), a card, End day, the debrief.
    expect(first.n).toBeGreaterThanOrEqual(4);
    expect(await page.getByRole('dialog', { name: 'The map' }).count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('tour-next'))).toBe(true);

    // The popover stays in the viewport on a phone-sized window too, and follows a resize.
    await page.setViewportSize({ width: 390, height: 844 });
    await settled(page);
    await shot(page, 'tour-390');
    expect(inside(await box(page, '.tour-pop'), 390, 844)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 720 });
    await settled(page);

    // While the tour is shown the game's keys stand aside: G opens no glossary, P starts no autoplay.
    await page.keyboard.press('g');
    await page.keyboard.press('p');
    await page.waitForTimeout(300);
    expect(await page.locator('.glossary').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Autoplay' }).getAttribute('aria-pressed')).toBe('false');
    // Clicks on the page are caught too: no card can be picked behind the tour.
    const card = await box(page, '.cards .card:not(.hold) .card-main');
    await page.mouse.click(card.x + card.width / 2, card.y + card.height / 2);
    await page.waitForTimeout(200);
    expect(await page.locator('.card.sel').getAttribute('data-action')).toBe('hold');
    const day0 = (await hook(page)).day;

    const seen: string[] = [];
    for (let i = 1; i <= first.n; i++) {
      await settled(page);
      const s = (await step(page))!;
      expect(s.k).toBe(i);
      expect(s.n).toBe(first.n);
      seen.push(s.id);
      await shot(page, `tour-${i}`);
      const pop = await box(page, '.tour-pop');
      expect(inside(pop, 1280, 720), `step ${i} (${s.id}) popover ${JSON.stringify(pop)}`).toBe(true);
      // The spotlight frames the element, and the popover does not cover it.
      expect(await page.locator('.tour-spot').isVisible()).toBe(true);
      expect(overlap(pop, await box(page, '.tour-spot')), `step ${i} (${s.id}) covers its element`).toBe(false);
      expect((await page.locator('.tour-text').textContent())!.length).toBeGreaterThan(40);
      // Space presses the focused Next button (it plays no day) on the first step; later steps are clicked.
      if (i === 1) await page.keyboard.press('Space');
      else await page.locator('.tour-next').click();
    }
    expect(seen[0]).toBe('map');
    expect(seen).toContain('card');
    expect(seen).toContain('end-day');
    expect(seen[seen.length - 1]).toBe('debrief');
    expect((await hook(page)).day).toBe(day0);

    // Finished: gone, remembered, and the keys are the game's again.
    expect(await page.locator('.tour-pop, .tour-spot, .tour-block').count()).toBe(0);
    expect(await tourFlag(page)).toBe('done');
    await page.keyboard.press('Space');
    await waitDay(page, day0 + 1);

    await page.reload();
    await page.waitForFunction(() => window.__brink?.ready === true && window.__brink.screen === 'play', null, { timeout: 30_000 });
    await page.waitForTimeout(800);
    expect(await page.locator('.tour-pop').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, T);

  it('is skipped at step 1 and does not show again after a reload', async () => {
    const { page, errors } = await open(browser, `${site.url}${BELARUS}`, undefined, { tour: true });
    await page.locator('.tour-pop').waitFor({ state: 'visible' });
    expect((await step(page))!.k).toBe(1);
    await page.getByRole('button', { name: 'Skip tour' }).click();
    expect(await page.locator('.tour-pop, .tour-spot, .tour-block').count()).toBe(0);
    expect(await tourFlag(page)).toBe('done');
    await page.reload();
    await page.waitForFunction(() => window.__brink?.ready === true && window.__brink.screen === 'play', null, { timeout: 30_000 });
    await page.waitForTimeout(800);
    expect(await page.locator('.tour-pop').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, T);

  it("explains Next day and Autoplay in an observer's tour; Escape skips it", async () => {
    const { page, errors } = await open(browser, `${site.url}${OBSERVER}`, undefined, { tour: true });
    await page.locator('.tour-pop').waitFor({ state: 'visible' });
    const ids: string[] = [];
    const n = (await step(page))!.n;
    for (let i = 1; i <= n; i++) {
      await settled(page);
      const s = (await step(page))!;
      ids.push(s.id);
      expect(inside(await box(page, '.tour-pop'), 1280, 720)).toBe(true);
      if (s.id === 'controls') await shot(page, 'tour-observer-controls');
      if (i < n) await page.locator('.tour-next').click();
    }
    expect(ids).toContain('controls');
    expect(ids).not.toContain('card');
    expect(ids).not.toContain('end-day');
    await page.keyboard.press('Escape');
    expect(await page.locator('.tour-pop').count()).toBe(0);
    expect(await tourFlag(page)).toBe('done');
    expect(errors).toEqual([]);
    await page.close();
  }, T);

  it('opens the glossary from the top bar and from the menu (G key, the seed line); Escape closes it and focus returns', async () => {
    const { page, errors } = await open(browser, `${site.url}${BELARUS}`);
    expect(await page.locator('.tour-pop').count()).toBe(0);
    // The top bar keeps its buttons inside 1280 px with the glossary's "?" next to Menu.
    const bar = await page.locator('.topbar').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(bar.scroll).toBeLessThanOrEqual(bar.client);
    const q = page.locator('.topbar').getByRole('button', { name: 'Glossary' });
    const qBox = (await q.boundingBox())!;
    expect(qBox.x + qBox.width).toBeLessThanOrEqual(1280);

    await q.click();
    const dialog = page.getByRole('dialog', { name: 'Glossary' });
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    const terms = await page.locator('.gl-entry dt').allTextContents();
    for (const t of ['Seed', 'Tension', 'Goldstein scale', 'CAMEO code', 'Fog of war', 'Outlook', 'Odds']) expect(terms).toContain(t);
    expect(terms.length).toBeGreaterThanOrEqual(18);
    // Focus starts in the filter; it narrows the entries.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('gl-filter'))).toBe(true);
    await page.keyboard.type('fog');
    const shown = await page.locator('.gl-entry:not([hidden]) dt').allTextContents();
    expect(shown).toContain('Fog of war');
    expect(shown.length).toBeLessThan(terms.length);
    await shot(page, 'glossary-filter');
    await page.locator('.gl-filter').fill('');
    await shot(page, 'glossary-play');
    // Tab stays inside the dialog; Space there plays no day.
    const day0 = (await hook(page)).day;
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('.glossary'))).toBe(true);
    }
    await page.keyboard.press('Escape');
    expect(await page.locator('.glossary').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Glossary');
    expect((await hook(page)).day).toBe(day0);

    // "Show the guided tour again" closes the glossary and starts the tour on this screen.
    await page.keyboard.press('g');
    await dialog.waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Show the guided tour again' }).click();
    expect(await page.locator('.glossary').count()).toBe(0);
    await page.locator('.tour-pop').waitFor({ state: 'visible' });
    expect((await step(page))!.k).toBe(1);
    await page.getByRole('button', { name: 'Skip tour' }).click();
    expect(await tourFlag(page)).toBe('done');
    expect(errors).toEqual([]);
    await page.close();

    // The menu, at both sizes: the seed line and the glossary's button; G opens it.
    for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      const menu = await open(browser, site.url, size);
      expect((await hook(menu.page)).screen).toBe('menu');
      const hint = menu.page.locator('.seed-hint');
      expect(await hint.textContent()).toContain('The same seed and moves give the same crisis.');
      const hb = (await hint.boundingBox())!;
      const start = (await menu.page.getByRole('button', { name: 'Start the game' }).boundingBox())!;
      expect(hb.y + hb.height).toBeLessThanOrEqual(start.y);
      expect(start.y + start.height).toBeLessThanOrEqual(size.height);
      const head = (await menu.page.locator('.menu-head').boundingBox())!;
      const grid = (await menu.page.locator('.menu-grid').boundingBox())!;
      expect(head.y + head.height).toBeLessThanOrEqual(grid.y);
      expect(await menu.page.locator('.menu-head').getByRole('button', { name: 'Glossary' }).isVisible()).toBe(true);
      await shot(menu.page, `menu-onboarding-${size.width}`);
      if (size.width === 1280) {
        await menu.page.locator('body').click({ position: { x: 5, y: 5 } });
        await menu.page.keyboard.press('g');
        await menu.page.getByRole('dialog', { name: 'Glossary' }).waitFor({ state: 'visible' });
        await shot(menu.page, 'glossary-menu');
        await menu.page.keyboard.press('Escape');
        expect(await menu.page.locator('.glossary').count()).toBe(0);
        // "What is a seed?" opens it at the seed's entry, and focus comes back to the link.
        await menu.page.getByRole('button', { name: 'What is a seed? (glossary)' }).click();
        expect(await menu.page.locator('.gl-entry.hit dt').textContent()).toBe('Seed');
        await menu.page.keyboard.press('Escape');
        expect(await menu.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('What is a seed? (glossary)');
        // Typed into the seed field, G is a letter of the seed.
        await menu.page.locator('#seed').fill('');
        await menu.page.locator('#seed').press('g');
        expect(await menu.page.locator('#seed').inputValue()).toBe('g');
        expect(await menu.page.locator('.glossary').count()).toBe(0);
        // "Show the guided tour again" on the menu: the tour comes with the next game.
        await menu.page.locator('#seed').fill('7');
        await menu.page.locator('#seed').blur();
        await menu.page.keyboard.press('g');
        await menu.page.getByRole('button', { name: 'Show the guided tour again' }).click();
        expect(await menu.page.locator('.gl-tour-note').textContent()).toBe('The tour will start with your next game.');
        expect(await tourFlag(menu.page)).toBe(null);
        await menu.page.keyboard.press('Escape');
        await menu.page.getByRole('button', { name: 'Start the game' }).click();
        await menu.page.locator('.tour-pop').waitFor({ state: 'visible' });
        expect((await step(menu.page))!.k).toBe(1);
        await menu.page.keyboard.press('Escape');
        expect(await menu.page.locator('.tour-pop').count()).toBe(0);
      }
      expect(menu.errors).toEqual([]);
      await menu.page.close();
    }
  }, T);
});
