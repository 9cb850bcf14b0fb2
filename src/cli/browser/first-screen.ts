// The first screen as a player meets it: the built site opened in headless Chromium on loopback, each load
// in a fresh browser context (no cache, no saved game). Records every JavaScript response until the menu
// is shown (window.__brink.ready && screen === 'menu') and the time from navigation start to the first
// animation frame after that (performance.now() in that frame). Used by the bench.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { gzipBytes } from './gzip';

export interface FirstScreen {
  /** ms from navigation start to the first frame after the menu is interactive. */
  firstFrame: number;
  /** Paths (under the site root) of the .js files requested before that frame. */
  scripts: string[];
}

/** Runs in the page before any of its scripts: waits for the menu, then one more frame, and keeps its time. */
const PROBE = `(() => {
  const poll = () => {
    const b = window.__brink;
    if (b && b.ready && b.screen === 'menu') requestAnimationFrame((now) => { window.__brinkFirstFrame = now; });
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

/** One cold load of `url`: the first interactive frame of the menu and the scripts fetched before it. */
export async function loadFirstScreen(browser: Browser, url: string): Promise<FirstScreen> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    const scripts: string[] = [];
    let done = false;
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (!done && path.endsWith('.js')) scripts.push(path);
    });
    await page.goto(url);
    await page.waitForFunction('typeof window.__brinkFirstFrame === "number"', null, { timeout: 60_000, polling: 20 });
    done = true;
    const firstFrame = (await page.evaluate('window.__brinkFirstFrame')) as number;
    return { firstFrame: Math.round(firstFrame), scripts: [...new Set(scripts)] };
  } finally {
    await context.close();
  }
}

/** Gzip bytes of the scripts (paths under the served root `dist`). */
export function scriptsGzipBytes(dist: string, scripts: string[]): number {
  return scripts.reduce((n, p) => n + gzipBytes(join(dist, decodeURIComponent(p))), 0);
}
