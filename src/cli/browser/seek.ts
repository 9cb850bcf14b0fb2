// Seeking a replay as a player feels it: the built game in headless Chromium loads the long scenario as
// the player's own file, opens its 120-day replay through the menu's "Open a replay…" picker, then jumps
// the viewer's timeline to 20 days. Each jump is timed from the timeline's input event until the frame
// that shows it has been rendered (the store, the panels and the map all updated and painted).
// The viewer opens on day 1 (a replay that holds); the first jump is from there. Used by the bench.
import type { Browser } from 'playwright-core';
import type { LongReplay } from '../bench/model';

export interface SeekTimes {
  /** ms per jump, in order. */
  jumps: number[];
  worst: number;
}

/** Runs in the page: sets the timeline to each day and times it until the frame that shows it is rendered. */
const JUMPS = `(async (days) => {
  const range = document.querySelector('.replay-bar input[type=range]');
  if (!range) throw new Error('the replay viewer has no timeline');
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  // A task posted from a frame's rAF callback runs once that frame's rendering (style, layout, paint,
  // the map's canvas) is done.
  const painted = () => new Promise((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => r(performance.now()); c.port2.postMessage(0); }));
  const out = [];
  for (const day of days) {
    // As a pointer event would: in a task of its own after a frame, not inside a frame's rAF callbacks.
    await frame();
    await new Promise((r) => setTimeout(r, 0));
    const t0 = performance.now();
    range.value = String(day);
    range.dispatchEvent(new Event('input', { bubbles: true }));
    const t1 = await painted();
    if (window.__brink.day !== day) throw new Error('the jump to day ' + day + ' landed on day ' + window.__brink.day);
    out.push(t1 - t0);
  }
  return out;
})`;

export async function measureSeek(browser: Browser, url: string, long: LongReplay, days: number[]): Promise<SeekTimes> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction('window.__brink && window.__brink.ready && window.__brink.screen === "menu"', null, { timeout: 60_000 });
    await page.setInputFiles('input.scenario-file', { name: long.file, mimeType: 'application/json', buffer: Buffer.from(long.text) });
    await page.waitForFunction(`[...document.querySelectorAll('.menu-card.scenario')].some((c) => c.textContent.includes(${JSON.stringify(long.days + ' days')}))`, null, { timeout: 30_000 });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open a replay…' }).click();
    await (await chooser).setFiles({ name: 'long-replay.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(long.replay)) });
    await page.waitForFunction(`window.__brink.screen === 'play' && window.__brink.ready && window.__brink.day >= 1`, null, { timeout: 60_000 });
    await page.locator('.replay-bar').waitFor();
    await page.waitForTimeout(1500);
    const jumps = (await page.evaluate(`${JUMPS}(${JSON.stringify(days)})`)) as number[];
    return { jumps: jumps.map((x) => Math.round(x * 10) / 10), worst: Math.round(Math.max(...jumps) * 10) / 10 };
  } finally {
    await context.close();
  }
}
