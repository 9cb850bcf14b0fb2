// Heap growth of the real game over a long session: headless Chromium autoplays the default scenario at
// top speed, game after game in the same page (the debrief's "Play again with a new seed", then P to
// autoplay), and the JS heap is read through CDP after a forced GC at day 10 and after `days` days in all,
// with a heap snapshot each time to tell V8's compiled code (which grows as more functions get hot and
// optimised) from the objects the game keeps. Used by the bench; progress goes to stderr.
import type { CDPSession, Page } from 'playwright-core';
import { buildSite } from './site';
import { serve } from './serve';
import { launchChromium } from './chromium';

export interface HeapGrowth {
  /** Days played in all, across games. */
  days: number;
  /** Days played between the two heap readings. */
  between: number;
  games: number;
  /** Used JS heap after GC at day 10 and at the end, in bytes. */
  early: number;
  late: number;
  /** Of which compiled code (heap snapshot nodes of type 'code'), in bytes. */
  earlyCode: number;
  lateCode: number;
}

interface Hook {
  ready: boolean;
  day: number;
  outcome: string | null;
  screen: string;
}

const HOOK = '({ ...window.__brink })';

/** Used heap after GC, and the bytes of compiled code in it (from a heap snapshot). */
async function usedHeap(cdp: CDPSession): Promise<{ used: number; code: number }> {
  // Twice: the first pass can leave garbage that only the second one frees (weak refs, finalizers).
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const u = await cdp.send('Runtime.getHeapUsage');
  return { used: u.usedSize, code: await codeBytes(cdp) };
}

/** Sum of the self sizes of a heap snapshot's 'code' nodes. */
async function codeBytes(cdp: CDPSession): Promise<number> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
  const fields = snap.snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const code = snap.snapshot.meta.node_types[0].indexOf('code');
  let bytes = 0;
  for (let i = 0; i < snap.nodes.length; i += width) if (snap.nodes[i + typeAt] === code) bytes += snap.nodes[i + sizeAt]!;
  return bytes;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(page: Page, test: (h: Hook) => boolean, timeout = 120_000): Promise<Hook> {
  const end = Date.now() + timeout;
  for (;;) {
    const h = (await page.evaluate(HOOK)) as Hook;
    if (test(h)) return h;
    if (Date.now() > end) throw new Error(`heap bench: timed out waiting (day ${h.day}, screen ${h.screen})`);
    await sleep(100);
  }
}

/** Autoplays `days` days in one page and returns the heap after GC at day 10 and at the end. */
export async function measureHeap(days: number, progress: (msg: string) => void = () => {}, built?: string): Promise<HeapGrowth> {
  const site = await serve(built ?? buildSite());
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, bypassCSP: true });
    const cdp = await page.context().newCDPSession(page);
    await page.addInitScript(() => {
      try {
        localStorage.setItem('brink.tour', 'done');
      } catch {
        // no storage
      }
    });
    await page.goto(`${site.url}?scenario=allied-resolve-2022&seed=1&role=observer&autoplay=1&speed=3&alerts=0`);
    await waitFor(page, (h) => h.ready && h.day >= 10);
    await page.keyboard.press('p'); // pause while the heap is read
    // Playwright injects its own script (about 350 KB of source) into the page the first time a locator
    // is used: use one now, so the harness's injection is in both readings and not in the game's growth.
    await page.getByRole('button', { name: 'Play again with a new seed' }).count();
    const early = await usedHeap(cdp);
    const before = ((await page.evaluate(HOOK)) as Hook).day;
    await page.keyboard.press('p');
    let played = 0; // days of finished games
    let games = 1;
    let last = Date.now();
    for (;;) {
      const h = await waitFor(page, (x) => x.outcome !== null || played + x.day >= days, 600_000);
      if (Date.now() - last > 5000) {
        progress(`heap: day ${played + h.day} of ${days} (game ${games})`);
        last = Date.now();
      }
      if (played + h.day >= days) {
        if (h.outcome === null) await page.keyboard.press('p');
        played += h.day;
        break;
      }
      played += h.day;
      progress(`heap: game ${games} ended on day ${h.day}; ${played} of ${days} days`);
      await waitFor(page, (x) => x.screen === 'debrief');
      await page.getByRole('button', { name: 'Play again with a new seed' }).click();
      games++;
      await waitFor(page, (x) => x.screen === 'play' && x.day === 0 && x.outcome === null && x.ready);
      await page.keyboard.press('p');
    }
    const late = await usedHeap(cdp);
    return { days: played, between: played - before, games, early: early.used, late: late.used, earlyCode: early.code, lateCode: late.code };
  } finally {
    await browser.close();
    await site.close();
  }
}
