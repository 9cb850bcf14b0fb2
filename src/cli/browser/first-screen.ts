// The first screen as a player meets it: the built site opened in headless Chromium on loopback, each load
// in a fresh browser context (no cache, no saved game). Records the time from navigation start to the
// first animation frame after the menu is shown (window.__brink.ready && screen === 'menu'), the
// JavaScript requested before that frame (the page's resource timing), and what is fetched after it
// while the page settles (the map's chunk, prefetched for Start). Used by the bench.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { gzipBytes } from './gzip';
import { DESKTOP_CONTEXT, PHONE_CONTEXT, PHONE_THROTTLE, throttle } from './phone';

export interface FirstScreen {
  /** ms from navigation start to the first frame after the menu is interactive. */
  firstFrame: number;
  /** Paths (under the site root) of the .js files requested before that frame. */
  scripts: string[];
  /** Paths of the .js files requested after it, within a few seconds (prefetched, not waited for). */
  later: string[];
}

/** The page's .js resources with the time each was requested (ms since navigation start). */
const RESOURCES = `performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith('.js')).map((e) => ({ path: new URL(e.name).pathname, start: e.startTime }))`;

/** Runs in the page before any of its scripts: waits for the menu, then one more frame, and keeps its time. */
const PROBE = `(() => {
  const poll = () => {
    const b = window.__brink;
    if (b && b.ready && b.screen === 'menu') requestAnimationFrame((now) => { window.__brinkFirstFrame = now; });
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

/**
 * One cold load of `url`: the first interactive frame of the menu and the scripts fetched before it; at
 * 1280×720, or as a phone (390×844, touch, CPU throttled 4×). Any page that sets window.__brink = { ready:
 * true, screen: 'menu' } can be measured (the bare page of ./bare-phaser.ts does).
 */
export async function loadFirstScreen(browser: Browser, url: string, o: { phone?: boolean } = {}): Promise<FirstScreen> {
  const context = await browser.newContext(o.phone ? PHONE_CONTEXT : DESKTOP_CONTEXT);
  try {
    const page = await context.newPage();
    if (o.phone) await throttle(page, PHONE_THROTTLE);
    await page.addInitScript(PROBE);
    await page.goto(url);
    await page.waitForFunction('typeof window.__brinkFirstFrame === "number"', null, { timeout: 60_000, polling: 20 });
    const firstFrame = (await page.evaluate('window.__brinkFirstFrame')) as number;
    // A resource is listed once it has arrived: wait until the list has not grown for a second.
    let all: { path: string; start: number }[] = [];
    for (let still = 0, t = 0; still < 4 && t < 40; t++) {
      await page.waitForTimeout(250);
      const now = (await page.evaluate(RESOURCES)) as { path: string; start: number }[];
      still = now.length === all.length ? still + 1 : 0;
      all = now;
    }
    const scripts = [...new Set(all.filter((r) => r.start <= firstFrame).map((r) => r.path))];
    const later = [...new Set(all.filter((r) => r.start > firstFrame).map((r) => r.path))].filter((p) => !scripts.includes(p));
    return { firstFrame: Math.round(firstFrame), scripts, later };
  } finally {
    await context.close();
  }
}

/** Gzip bytes of the scripts (paths under the served root `dist`). */
export function scriptsGzipBytes(dist: string, scripts: string[]): number {
  return scripts.reduce((n, p) => n + gzipBytes(join(dist, decodeURIComponent(p))), 0);
}
