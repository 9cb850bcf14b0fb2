// Everyone can play (issue 16): a whole game as Belarus on a 390×844 touch phone — menu, role, seed,
// Start, cards from the bottom sheet, End day, autoplay from the ☰ sheet (playing on through alerts),
// the debrief, Copy link, and the link opened in a fresh phone page — with no sideways scrolling and
// every visible control at least 44 px; and the same game with the keyboard alone at 1280×720: a role
// chosen with Enter keeps focus, Space on a focused card chooses it and focus stays, E ends the day,
// P autoplays, the debrief takes focus and Escape folds it, "?" lists the keys. Screenshots go to
// tests/screenshots/phone-*.png and keyboard-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildSite } from '../../src/cli/browser/site';
import { launchChromium } from '../../src/cli/browser/chromium';
import { serve, type Served } from '../../src/cli/browser/serve';
import { hook, mapDrawn, open, shot, waitDay } from './page';

const T = 180_000;
/** A seed whose game ends early (war by day 44), to keep the run short. */
const SEED = '181';

let browser: Browser;
let site: Served;

beforeAll(async () => {
  site = await serve(buildSite());
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function phone(): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });
  await ctx.addInitScript(() => {
    try {
      localStorage.setItem('brink.tour', 'done');
    } catch {
      // no storage: the tour would show
    }
  });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url.replace(/\/$/, '') });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { ctx, page, errors };
}

/** Visible controls smaller than 44×44 px (their names), inside `root`. */
function smallTargets(page: Page, root: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    for (const e of document.querySelectorAll<HTMLElement>(`${sel} button, ${sel} a[href], ${sel} input, ${sel} [role="tab"], ${sel} summary`)) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || e.closest('.sr-only')) continue;
      if (e instanceof HTMLInputElement && (e.type === 'checkbox' || e.type === 'radio') && e.closest('label')) continue;
      if (r.width < 44 || r.height < 44) out.push(`${(e.getAttribute('aria-label') || e.textContent || e.className).trim().slice(0, 40)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  }, root);
}

const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth + Math.max(0, ...[...document.querySelectorAll('.play, .menu, .debrief-panel')].map((e) => e.scrollWidth - e.clientWidth)));

/** Waits for the debrief, pressing "Play on" whenever an alert paused autoplay (with `press`). */
async function toDebrief(page: Page, press: () => Promise<void>): Promise<void> {
  const t0 = Date.now();
  while ((await hook(page)).screen !== 'debrief') {
    if (Date.now() - t0 > 120_000) throw new Error('the game did not end within 2 minutes');
    if (await page.locator('.alert-resume:visible').count()) await press();
    await page.waitForTimeout(250);
  }
}

describe('on a 390×844 touch phone', () => {
  it(
    'plays a whole game as Belarus: menu, cards, End day, autoplay, debrief, and its link in a fresh page',
    async () => {
      const { ctx, page, errors } = await phone();
      await page.goto(site.url);
      await page.waitForFunction(() => window.__brink?.ready === true && window.__brink.screen === 'menu');
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
      expect(await smallTargets(page, '.menu')).toEqual([]);
      await shot(page, 'phone-menu');
      await page.getByRole('radio', { name: 'Belarus', exact: true }).tap();
      await page.locator('.seed-input').fill(SEED);
      await page.getByRole('button', { name: /^Start/ }).tap();
      await page.waitForFunction(() => window.__brink?.screen === 'play');
      await mapDrawn(page);
      const box = await page.locator('#map').boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(360);
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
      await shot(page, 'phone-play');

      // Two days from the bottom sheet: open it, tap a card, End day.
      for (let d = 1; d <= 2; d++) {
        await page.locator('.sheet-toggle').tap();
        await page.locator('.cards .card:not(.hold) .card-main').nth(d).tap();
        await page.waitForFunction(() => !!document.querySelector('.card.sel:not(.hold)'));
        if (d === 1) {
          expect(await smallTargets(page, '.moves')).toEqual([]);
          await shot(page, 'phone-cards');
        }
        await page.getByRole('button', { name: /^End day/ }).tap();
        await waitDay(page, d);
      }
      expect(await smallTargets(page, '.play')).toEqual([]);
      expect((await hook(page)).day).toBe(2);

      // Autoplay from the ☰ sheet at top speed, playing on through the alerts.
      await page.getByRole('button', { name: 'Controls' }).tap();
      expect(await smallTargets(page, '.tb-sheet')).toEqual([]);
      await shot(page, 'phone-controls');
      await page.getByRole('button', { name: 'Speed 3' }).tap();
      await page.getByRole('button', { name: 'Autoplay' }).tap();
      await toDebrief(page, () => page.locator('.alert-resume').tap());
      await page.locator('.whatif').first().waitFor();
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
      expect(await smallTargets(page, '.debrief-panel')).toEqual([]);
      await shot(page, 'phone-debrief');
      const h = await hook(page);

      // Copy link, then open it in a fresh phone page: the replay verifies.
      await page.locator('.debrief-actions').getByRole('button', { name: 'Copy link' }).tap();
      const copied = await page.locator('.toast.on').waitFor({ timeout: 3000 }).then(() => true, () => false);
      const link = copied ? await page.evaluate(() => navigator.clipboard.readText()) : await page.locator('.link-input').inputValue();
      expect(link).toMatch(/#replay=/);
      const fresh = await phone();
      await fresh.page.goto(link);
      // The link names no day: the viewer opens on day 1; its last day is the game's, with the same hash.
      await fresh.page.waitForFunction(() => window.__brink?.ready === true && window.__brink.day === 1, null, { timeout: 30_000 });
      expect(await fresh.page.locator('.rb-status').textContent()).toBe(`Verified · ${h.day} days match`);
      await fresh.page.getByRole('button', { name: 'Last day' }).tap();
      await fresh.page.waitForFunction((n) => window.__brink?.day === n, h.day);
      expect((await hook(fresh.page)).hash).toBe(h.hash);
      expect(await smallTargets(fresh.page, '.replay-bar')).toEqual([]);
      expect(await overflowX(fresh.page)).toBeLessThanOrEqual(0);
      await shot(fresh.page, 'phone-replay');
      expect(errors).toEqual([]);
      expect(fresh.errors).toEqual([]);
      await Promise.all([ctx.close(), fresh.ctx.close()]);
    },
    T,
  );
});

describe('with the keyboard alone at 1280×720', () => {
  it(
    'chooses the role with Enter, a card with Space, ends days with E, autoplays with P, and handles the debrief and the keys dialog',
    async () => {
      const { page, errors } = await open(browser, site.url);
      await page.waitForFunction(() => window.__brink?.screen === 'menu');
      const focused = () => page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        return { role: e?.getAttribute('data-role') ?? null, action: e?.closest('[data-action]')?.getAttribute('data-action') ?? null, cls: e?.className ?? '', text: (e?.textContent ?? '').trim().slice(0, 40) };
      });
      /** Presses Tab until `done` holds for the focused element (at most 80 times). */
      const tabTo = async (done: (f: Awaited<ReturnType<typeof focused>>) => boolean) => {
        for (let i = 0; i < 80; i++) {
          if (done(await focused())) return;
          await page.keyboard.press('Tab');
        }
        throw new Error(`Tab never reached it; focus is on ${JSON.stringify(await focused())}`);
      };
      // The role, with Enter: chosen, and focus stays on it.
      await tabTo((f) => f.role === 'belarus');
      await page.keyboard.press('Enter');
      expect((await focused()).role).toBe('belarus');
      expect(await page.getByRole('radio', { name: 'Belarus', exact: true }).getAttribute('aria-checked')).toBe('true');
      // The seed, then Start.
      await tabTo((f) => f.cls.includes('seed-input'));
      await page.keyboard.press('Control+A');
      await page.keyboard.type(SEED);
      await tabTo((f) => /^Start/.test(f.text));
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.__brink?.screen === 'play');
      await mapDrawn(page);

      // A card with Space: chosen, and focus stays on it; E ends the day with it.
      await tabTo((f) => f.cls.includes('card-main') && !!f.action && f.action !== 'hold');
      const action = (await focused()).action!;
      await page.keyboard.press('Space');
      await page.waitForFunction((a) => document.querySelector('.card.sel')?.getAttribute('data-action') === a, action);
      expect((await focused()).action).toBe(action);
      expect((await hook(page)).day).toBe(0);
      await page.keyboard.press('e');
      await waitDay(page, 1);
      await shot(page, 'keyboard-play');
      // The keys dialog: "?" opens it with focus inside; Escape closes it and focus comes back.
      const before = await focused();
      await page.keyboard.press('Shift+Slash');
      await page.locator('.keys-help').waitFor();
      expect(await page.evaluate(() => !!document.activeElement?.closest('.keys-help'))).toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('.keys-help'))).toBe(true);
      await page.keyboard.press('Escape');
      expect(await page.locator('.keys-help').count()).toBe(0);
      expect(await focused()).toEqual(before);

      // P autoplays (3: fast); P again plays on whenever an alert paused it.
      await page.keyboard.press('3');
      await page.keyboard.press('p');
      await toDebrief(page, () => page.keyboard.press('p'));
      // The debrief takes focus (its heading); Tab stays inside; Escape folds it to review the map.
      await page.locator('.whatif').first().waitFor();
      await page.waitForFunction(() => document.activeElement?.classList.contains('outcome-name'));
      for (let i = 0; i < 25; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('.debrief-panel'))).toBe(true);
      await shot(page, 'keyboard-debrief');
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('debrief-show'))).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.classList.contains('outcome-name'));
      expect(errors).toEqual([]);
      await page.close();
    },
    T,
  );
});

