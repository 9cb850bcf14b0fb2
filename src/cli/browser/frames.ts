// Frame times of the real built game in headless Chromium: opens a game autoplaying at top speed,
// records every requestAnimationFrame interval for a while, and returns the percentiles. Used by the bench.
import { buildSite } from './site';
import { serve } from './serve';
import { launchChromium } from './chromium';
import type { Page } from 'playwright-core';
import { DESKTOP_CONTEXT, PHONE_CONTEXT, PHONE_THROTTLE, throttle } from './phone';

export interface FrameStats {
  frames: number;
  days: number;
  p50: number;
  p95: number;
  max: number;
  /** The map's renderer ('webgl' or 'canvas') as the game reports it, when measuring the game. */
  renderer?: string;
}

/** Records rAF intervals for MS milliseconds, or until the game ends. */
export const RECORDER = `new Promise((resolve) => {
  const deltas = [];
  const day0 = window.__brink ? window.__brink.day : 0;
  let last = performance.now();
  const end = last + MS;
  const frame = (now) => {
    deltas.push(now - last);
    last = now;
    if (now < end && !(window.__brink && window.__brink.outcome)) requestAnimationFrame(frame);
    else resolve({ deltas, days: (window.__brink ? window.__brink.day : 0) - day0 });
  };
  requestAnimationFrame(frame);
})`;

export function percentile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0;
}

/**
 * Autoplays the default scenario at top speed and measures frame intervals for `seconds` (of the site
 * built in `built`, or a fresh build), with the renderer the game chooses or the one given; at 1280×720,
 * or as a phone (390×844, touch, CPU throttled 4×: ./phone.ts).
 */
export async function measureFrames(seconds: number, built?: string, renderer?: 'webgl' | 'canvas', o: { phone?: boolean } = {}): Promise<FrameStats> {
  const site = await serve(built ?? buildSite());
  const browser = await launchChromium();
  try {
    const page = await browser.newPage(o.phone ? PHONE_CONTEXT : DESKTOP_CONTEXT);
    if (o.phone) await throttle(page, PHONE_THROTTLE);
    // A first visit would show the guided tour (which pauses autoplay), and alerts pause it too: neither is
    // what this measures.
    await page.addInitScript(() => {
      try {
        localStorage.setItem('brink.tour', 'done');
      } catch {
        // no storage
      }
    });
    await page.goto(`${site.url}?scenario=allied-resolve-2022&seed=7&role=observer&autoplay=1&speed=3&alerts=0${renderer ? `&renderer=${renderer}` : ''}`);
    await page.waitForFunction(() => window.__brink?.ready === true && (window.__brink?.day ?? 0) >= 1, null, { timeout: 60_000 });
    const used = (await page.evaluate('window.__brink.renderer')) as string;
    return { ...(await recordFrames(page, seconds)), renderer: used };
  } finally {
    await browser.close();
    await site.close();
  }
}

/** Frame intervals of any page already open: records for `seconds` with RECORDER and returns the percentiles. */
export async function recordFrames(page: Page, seconds: number): Promise<FrameStats> {
  // Sent as source text: a function serialised from TypeScript would carry the transpiler's helpers.
  const result = (await page.evaluate(RECORDER.replace('MS', String(seconds * 1000)))) as { deltas: number[]; days: number };
  const sorted = result.deltas.slice(1).sort((a, b) => a - b);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return { frames: sorted.length, days: result.days, p50: r2(percentile(sorted, 0.5)), p95: r2(percentile(sorted, 0.95)), max: r2(sorted[sorted.length - 1] ?? 0) };
}
