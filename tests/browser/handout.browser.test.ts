// The printable handout (issue 18, part 6) in real Chromium against the BUILT game: a replay link of a
// finished game (seed 3 as Belarus, a war on day 47, carrying two notes) opens; its debrief's "Handout
// (PNG)" downloads brink-allied-resolve-2022-seed3-debrief.png, and the viewer's "Handout", after a note
// is added with the viewer's editor, downloads …-day12.png and …-day22.png. Each file is checked as a
// PNG (magic bytes, 3200 × 1800 in its header), decoded in the page and sampled: mostly paper but not
// blank, ink in the title, the chart's lines, the day shown marked in amber at its place on the time axis
// (and no such mark on the debrief's page), the day's note highlighted. An observer's debrief and the
// phone's buttons (at least 44 px) too. No console errors. The images are saved to tests/screenshots/.
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { buildSite } from '../../src/cli/browser/site';
import { launchChromium } from '../../src/cli/browser/chromium';
import { serve, type Served } from '../../src/cli/browser/serve';
import { loadScenario, makeReplay, runGame, type Replay } from '../../src/sim/index';
import { diskReader } from '../../src/cli/files';
import { replayLink } from '../../src/store/replay-link';
import { createSession } from '../../src/store/session';
import { turningPoints } from '../../src/store/ui-view';
import { HANDOUT_HEIGHT, HANDOUT_SCALE, HANDOUT_WIDTH } from '../../src/ui/handout';
import { PAPER } from '../../src/ui/chart';
import { tensionRgb } from '../../src/ui/palette';
import { open, SHOTS } from './page';

const T = 180_000;
const FILE = 'scenarios/allied-resolve-2022.yaml';
const PHONE = { width: 390, height: 844 };
const ORDERS = { '3': { action: 'peace-initiative', target: 'ukraine' }, '6': { action: 'war-rhetoric', target: 'ukraine' } };
const NOTES = [
  { day: 22, text: 'Minsk announces the exercises and tension jumps in a day. Who gains from the surprise, and who is left guessing?' },
  { day: 46, text: 'The eve of the war. Which of the signals since day 22 could each capital have read differently?' },
];
const ADDED = 'Twelve days in and tension has barely moved. What is each side waiting for?';

let browser: Browser;
let site: Served;
let replay: Replay;
let observer: Replay;
let last: number;
let turning: number[];

beforeAll(async () => {
  const r = loadScenario(FILE, diskReader);
  if (!r.ok) throw new Error('the base scenario does not load');
  const byDay: Record<number, { action: string; target: string }> = { 3: ORDERS['3'], 6: ORDERS['6'] };
  const run = runGame(r.scenario, '3', { role: 'belarus', turns: 90, orders: (turn) => (byDay[turn] ? { belarus: byDay[turn] } : {}) });
  replay = makeReplay(r.scenario, '3', 'belarus', ORDERS, run.turns.map((t) => t.hash), run.outcome, NOTES);
  last = replay.checkpoints.length;
  const watched = runGame(r.scenario, '7', { role: 'observer', turns: 90 });
  observer = makeReplay(r.scenario, '7', 'observer', {}, watched.turns.map((t) => t.hash), watched.outcome, [{ day: 30, text: 'Halfway: compare the three pairs. Which one would you watch?' }]);
  const store = createSession();
  if (store.getState().openReplay(replay, FILE, diskReader, last)) throw new Error('the replay does not open');
  turning = turningPoints(store.getState(), 4).map((p) => p.turn);
  site = await serve(buildSite());
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function waitDay(page: Page, day: number): Promise<void> {
  await page.waitForFunction((d) => window.__brink?.day === d && document.querySelector('.rb-day-num')?.textContent === `Day ${d}`, day, { timeout: 30_000 });
}

/** Clicks the button and returns the download it starts: its suggested name and bytes (saved to tests/screenshots/ as `shot`). */
async function download(page: Page, button: Locator, shot: string): Promise<{ name: string; png: Buffer }> {
  const started = page.waitForEvent('download');
  await button.click();
  const dl = await started;
  const png = readFileSync((await dl.path())!);
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(SHOTS, `${shot}.png`), png);
  await page.locator('.toast.on').filter({ hasText: `Handout saved as ${dl.suggestedFilename()}` }).waitFor();
  return { name: dl.suggestedFilename(), png };
}

interface Sampled {
  width: number;
  height: number;
  /** Share of the page's pixels that are the paper colour. */
  paper: number;
  /** Distinct colours (4 bits a channel). */
  colours: number;
  /** Dark ink pixels in the title's area. */
  titleInk: number;
  /** Dark pixels in the chart's area (its lines and labels). */
  chartInk: number;
  /** x (CSS px of the page) of the day-shown rule's amber in the chart, or null when there is none. */
  shownX: number | null;
  /** The plot's left and right edges (CSS px), where the lowest band's shading starts and ends. */
  plot: [number, number] | null;
  /** Highlight-tinted pixels in the right-hand column (turning point or note of the day shown). */
  tinted: number;
}

/** Decodes the PNG in the page (createImageBitmap) and samples it. */
async function sample(page: Page, png: Buffer): Promise<Sampled> {
  // The lowest band's shading on paper: its ramp colour at the PAPER look's opacity over the page.
  const band = tensionRgb(5).map((c, i) => Math.round(c * PAPER.shade + [251, 250, 246][i]! * (1 - PAPER.shade)));
  return page.evaluate(
    async ({ b64, W, H, band }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = document.createElement('canvas');
      c.width = bmp.width;
      c.height = bmp.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      const k = bmp.width / W;
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const at = (x: number, y: number) => {
        const i = (Math.floor(y * k) * c.width + Math.floor(x * k)) * 4;
        return [d[i]!, d[i + 1]!, d[i + 2]!] as const;
      };
      const seen = new Set<number>();
      let paper = 0;
      let n = 0;
      for (let y = 0; y < H; y += 2) {
        for (let x = 0; x < W; x += 2) {
          const [r, g, b] = at(x, y);
          seen.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
          if (Math.abs(r - 251) + Math.abs(g - 250) + Math.abs(b - 246) < 6) paper++;
          n++;
        }
      }
      const dark = (x0: number, y0: number, x1: number, y1: number) => {
        let m = 0;
        for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (Math.max(...at(x, y)) < 90) m++;
        return m;
      };
      // The day shown: the amber rule (#b86e00) inside the chart.
      const xs: number[] = [];
      for (let y = 300; y < 560; y += 4) {
        for (let x = 56; x < 992; x += 0.5) {
          const [r, g, b] = at(x, y);
          if (Math.abs(r - 184) < 14 && Math.abs(g - 110) < 14 && b < 30) xs.push(x);
        }
      }
      xs.sort((a, b) => a - b);
      let lo = Infinity;
      let hi = -Infinity;
      for (let y = 562; y < 578; y += 2) {
        for (let x = 40; x < 1000; x += 0.5) {
          const [r, g, b] = at(x, y);
          if (Math.abs(r - band[0]!) < 4 && Math.abs(g - band[1]!) < 4 && Math.abs(b - band[2]!) < 4) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
          }
        }
      }
      let tinted = 0;
      for (let y = 240; y < 826; y += 2) {
        for (let x = 1040; x < 1544; x += 2) {
          const [r, g, b] = at(x, y);
          if (Math.abs(r - 250) < 4 && Math.abs(g - 239) < 5 && Math.abs(b - 217) < 6) tinted++;
        }
      }
      return { width: bmp.width, height: bmp.height, paper: paper / n, colours: seen.size, titleInk: dark(56, 80, 1100, 132), chartInk: dark(90, 276, 990, 600), shownX: xs.length ? xs[Math.floor(xs.length / 2)]! : null, plot: hi > lo ? [lo, hi + 0.5] : null, tinted };
    },
    { b64: png.toString('base64'), W: HANDOUT_WIDTH, H: HANDOUT_HEIGHT, band },
  );
}

/** The PNG's own header: the signature, then IHDR's width and height. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The checks every handout passes: a PNG of the page's size, mostly paper but drawn on, ink in the title and the chart. */
function expectHandout(png: Buffer, s: Sampled): void {
  const size = { width: HANDOUT_WIDTH * HANDOUT_SCALE, height: HANDOUT_HEIGHT * HANDOUT_SCALE };
  expect(pngSize(png)).toEqual(size);
  expect({ width: s.width, height: s.height }).toEqual(size);
  expect(s.paper).toBeGreaterThan(0.55);
  expect(s.paper).toBeLessThan(0.95);
  expect(s.colours).toBeGreaterThan(60);
  expect(s.titleInk).toBeGreaterThan(2000);
  expect(s.chartInk).toBeGreaterThan(1500);
}

describe('The handout in Chromium', () => {
  it('exports the debrief, then the viewer at a day with a note added in the viewer', async () => {
    const t0 = Date.now();
    const { page, errors } = await open(browser, replayLink(site.url, replay, last));
    await page.locator('.replay-bar').waitFor();
    await waitDay(page, last);

    // The debrief's handout.
    await page.getByRole('button', { name: 'Show the debrief' }).click();
    await page.waitForFunction(() => window.__brink?.screen === 'debrief');
    const fromDebrief = page.locator('.debrief-actions').getByRole('button', { name: 'Handout (PNG)', exact: true });
    expect(await fromDebrief.getAttribute('data-tip')).toMatch(/^Download a printable page of this debrief/);
    await page.screenshot({ path: join(SHOTS, 'handout-debrief-1280.png') });
    const deb = await download(page, fromDebrief, 'handout-debrief');
    expect(deb.name).toBe('brink-allied-resolve-2022-seed3-debrief.png');
    const debS = await sample(page, deb.png);
    expectHandout(deb.png, debS);
    // A debrief marks no day.
    expect(debS.shownX).toBeNull();

    // Back in the viewer on day 12, a note added with the editor; then the day's handout.
    await page.getByRole('button', { name: 'Back to the replay' }).click();
    await page.locator('.rb-range').fill('12');
    await waitDay(page, 12);
    await page.getByRole('button', { name: 'Add a note to day 12' }).click();
    await page.locator('.note-editor textarea').fill(ADDED);
    await page.locator('.note-editor').getByRole('button', { name: 'Save' }).click();
    await page.locator('.note-editor').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.rb-caption .rb-note-text').allTextContents()).toEqual([ADDED]);
    const fromViewer = page.locator('.replay-bar').getByRole('button', { name: 'Handout (PNG) of the day shown' });
    await page.mouse.move(640, 100);
    await page.screenshot({ path: join(SHOTS, 'handout-viewer-1280.png') });
    const d12 = await download(page, fromViewer, 'handout-day12');
    expect(d12.name).toBe('brink-allied-resolve-2022-seed3-day12.png');
    const s12 = await sample(page, d12.png);
    expectHandout(d12.png, s12);
    // The note of the day shown is highlighted in the right-hand column.
    expect(s12.tinted).toBeGreaterThan(1500);

    // Day 22, a turning point with the link's note: the day's mark moves along the time axis with the day.
    expect(turning).toContain(22);
    await page.locator('.rb-range').fill('22');
    await waitDay(page, 22);
    const d22 = await download(page, fromViewer, 'handout-day22');
    expect(d22.name).toBe('brink-allied-resolve-2022-seed3-day22.png');
    const s22 = await sample(page, d22.png);
    expectHandout(d22.png, s22);
    // The plot spans the scenario's 90 days: the day's rule stands at day/90 of its width.
    for (const [day, s] of [[12, s12], [22, s22]] as const) {
      expect(s.plot, `day ${day}: the plot's shading`).not.toBeNull();
      const [left, right] = s.plot!;
      expect(right - left).toBeGreaterThan(600);
      expect(s.shownX, `day ${day}: the day's mark`).not.toBeNull();
      expect(Math.abs(s.shownX! - (left + (day / 90) * (right - left))), `day ${day}'s mark`).toBeLessThan(3);
    }
    expect(s22.tinted).toBeGreaterThan(s12.tinted);
    expect(errors).toEqual([]);
    await page.close();
    console.log(`handout: debrief, day 12 and day 22 in ${Date.now() - t0} ms`);
  }, T);

  it("an observer's debrief; on a phone both buttons are at least 44 px", async () => {
    const t0 = Date.now();
    const end = observer.checkpoints.length;
    const { page, errors } = await open(browser, replayLink(site.url, observer, end));
    await page.locator('.replay-bar').waitFor();
    await waitDay(page, end);
    await page.getByRole('button', { name: 'Show the debrief' }).click();
    await page.waitForFunction(() => window.__brink?.screen === 'debrief');
    const obs = await download(page, page.getByRole('button', { name: 'Handout (PNG)', exact: true }), 'handout-observer');
    expect(obs.name).toBe('brink-allied-resolve-2022-seed7-debrief.png');
    expectHandout(obs.png, await sample(page, obs.png));
    expect(errors).toEqual([]);
    await page.close();

    const phone = await open(browser, replayLink(site.url, replay, 22), PHONE);
    await phone.page.locator('.replay-bar').waitFor();
    await waitDay(phone.page, 22);
    const button = phone.page.getByRole('button', { name: 'Handout (PNG) of the day shown' });
    await button.scrollIntoViewIfNeeded();
    const box = (await button.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    await phone.page.locator('.replay-bar').screenshot({ path: join(SHOTS, 'handout-phone-viewer.png') });
    const d = await download(phone.page, button, 'handout-phone-day22');
    expect(d.name).toBe('brink-allied-resolve-2022-seed3-day22.png');
    expectHandout(d.png, await sample(phone.page, d.png));
    await phone.page.locator('.rb-range').fill(String(last));
    await waitDay(phone.page, last);
    await phone.page.getByRole('button', { name: 'Show the debrief' }).click();
    await phone.page.waitForFunction(() => window.__brink?.screen === 'debrief');
    const deb = phone.page.getByRole('button', { name: 'Handout (PNG)', exact: true });
    await deb.scrollIntoViewIfNeeded();
    expect((await deb.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await phone.page.locator('.toast.on').waitFor({ state: 'detached', timeout: 8000 });
    await phone.page.screenshot({ path: join(SHOTS, 'handout-phone-debrief.png') });
    expect(phone.errors).toEqual([]);
    await phone.page.close();
    console.log(`handout: observer and phone in ${Date.now() - t0} ms`);
  }, T);
});
