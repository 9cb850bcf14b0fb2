// Page helpers for the browser tests: open the game with console-error capture (and the guided tour
// marked as done, unless asked for), wait on the read-only hook (window.__brink), save screenshots to
// tests/screenshots/, and check a canvas is not blank.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { ROOT } from '../../src/cli/browser/site';

export const SHOTS = join(ROOT, 'tests/screenshots');

export interface Hook {
  ready: boolean;
  day: number;
  hash: string | null;
  outcome: string | null;
  screen: string;
  renderer: string | null;
}

export interface Opened {
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
}

export interface OpenOptions {
  /** Let the guided first game start as for a new player (by default it is marked done, out of the way). */
  tour?: boolean;
}

export async function open(browser: Browser, url: string, size = { width: 1280, height: 720 }, options: OpenOptions = {}): Promise<Opened> {
  const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
  // The guided tour (src/ui/tour.ts) starts on a new player's first game and would cover the screen.
  if (!options.tour) {
    await page.addInitScript(() => {
      try {
        localStorage.setItem('brink.tour', 'done');
      } catch {
        // No localStorage (an opaque origin): the tour does not start by itself there either.
      }
    });
  }
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // A request still in flight when the test navigates the page (the map's chunk, prefetched after the
  // menu's first frame) is aborted by that navigation; that is not an error of the game. Each request
  // is tagged with the number of main-frame navigations begun before it.
  let navigations = 0;
  const began = new WeakMap<Request, number>();
  page.on('request', (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) navigations++;
    else began.set(r, navigations);
  });
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? 'no reason';
    if (reason === 'net::ERR_ABORTED' && (began.get(r) ?? navigations) < navigations) return;
    errors.push(`requestfailed: ${r.url()} (${reason})`);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__brink?.ready === true, null, { timeout: 30_000 });
  return { page, errors };
}

export function hook(page: Page): Promise<Hook> {
  return page.evaluate(() => ({ ...(window.__brink as unknown as Hook) }));
}

export async function waitDay(page: Page, atLeast: number, timeout = 60_000): Promise<void> {
  await page.waitForFunction((n) => (window.__brink?.day ?? 0) >= n, atLeast, { timeout, polling: 50 });
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Number of distinct colours (quantised) in a screenshot of the element: 1–2 means blank. */
export async function colourCount(page: Page, selector: string): Promise<number> {
  const png = await page.locator(selector).first().screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4 * 7) seen.add(((d[i]! >> 4) << 8) | ((d[i + 1]! >> 4) << 4) | (d[i + 2]! >> 4));
    return seen.size;
  }, png.toString('base64'));
}

/**
 * Waits until the map has drawn (more than the boot scene's few colours): navigating away while its
 * loader is still fetching the unit symbols would abort those requests.
 */
export async function mapDrawn(page: Page): Promise<void> {
  const t0 = Date.now();
  while ((await colourCount(page, '#map canvas').catch(() => 0)) <= 12) {
    if (Date.now() - t0 > 20_000) throw new Error('the map did not draw within 20 s');
    await page.waitForTimeout(150);
  }
}

export type CardOrders = Record<string, Record<string, { action: string; target?: string }>>;

/**
 * Plays one day per entry of `picks` as `role` through the action cards: picks the nth card (modulo the
 * number offered; its second target, in the order line, when it has several), checks the selection, ends the day and
 * waits for it. Returns the orders given, by day, in the CLI's --orders format.
 */
export async function playCards(page: Page, role: string, picks: number[], beforeEnd?: (day: number) => Promise<void>): Promise<CardOrders> {
  const orders: CardOrders = {};
  const start = (await hook(page)).day;
  for (let d = 0; d < picks.length; d++) {
    const cards = page.locator('.card[data-action]:not(.hold)');
    const n = await cards.count();
    if (n < 2) throw new Error(`day ${d + 1}: only ${n} action cards offered`);
    const card = cards.nth(picks[d]! % n);
    await card.locator('.card-main').click();
    // A card with several targets shows them as chips in the order line: take the second.
    await page.waitForFunction((a) => document.querySelector('.card.sel')?.getAttribute('data-action') === a, await card.getAttribute('data-action'));
    const chips = page.locator('.move-order .chip-t');
    const pick = (await chips.count()) > 1 ? chips.nth(1) : card.locator('.card-main');
    if ((await chips.count()) > 1) await pick.click();
    const action = (await pick.getAttribute('data-action'))!;
    const target = (await pick.getAttribute('data-target')) || undefined;
    await page.waitForFunction((a) => document.querySelector('.card.sel')?.getAttribute('data-action') === a, action);
    orders[String(start + d + 1)] = { [role]: target ? { action, target } : { action } };
    if (beforeEnd) await beforeEnd(start + d + 1);
    await page.getByRole('button', { name: 'End day' }).click();
    await waitDay(page, start + d + 1);
  }
  return orders;
}

/** Scrolls the feed to its end until `done` holds, each time waiting for older days to load (at most 10 pages). */
export async function scrollFeedUntil(page: Page, done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 10 && !(await done()); i++) {
    const before = await page.locator('.feed-item').count();
    await page.locator('.feed-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForFunction((n) => document.querySelectorAll('.feed-item').length > n, before);
  }
}

/** Opens the Odds panel (through the top bar's overflow menu where it is folded) on one of its tabs. */
export async function openOddsTab(page: Page, name: 'What matters' | 'Sweep'): Promise<void> {
  const more = page.locator('.topbar .tb-more');
  if (await more.isVisible()) await more.click();
  await page.locator('.topbar').getByRole('button', { name: 'Odds', exact: true }).click();
  await page.locator('.odds').waitFor();
  await page.getByRole('tab', { name }).click();
}

/** Runs "What matters" (the tab open) over `n` seeds a side and waits for its ranking. */
export async function rankStudy(page: Page, n: number, timeout = 240_000): Promise<void> {
  await page.locator('.tn-n').fill(String(n));
  await page.locator('.tn-n').press('Tab');
  await page.locator('.tn-run').click();
  await page.waitForFunction(() => document.querySelector<HTMLElement>('.tn')?.dataset.status === 'done', null, { timeout, polling: 100 });
}
