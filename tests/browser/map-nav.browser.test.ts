// Browser tests of the map's navigation (issue 16, part 2) and its reduced motion (part 4), in real
// Chromium against the built game: at 1280×720 the wheel zooms around the pointer, a drag pans, both
// stay inside the region (zoom between the whole region and 4×, no pan past its edges), "Reset view"
// and the keys of the focused map (+ − arrows 0) work and do nothing when the map is not focused, and
// a click on a unit still opens its card while a drag that starts on it does not; at 390×844 with touch
// a finger drag pans, a two-finger pinch zooms (CDP touch events) and a tap opens a unit's card; under
// prefers-reduced-motion the map runs no tweens or pulses when days land. The map's state is read from
// the read-only hook (window.__brink.mapView). Screenshots: tests/screenshots/map-nav-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { buildSite } from '../../src/cli/browser/site';
import { launchChromium } from '../../src/cli/browser/chromium';
import { serve, type Served } from '../../src/cli/browser/serve';
import { colourCount, open, shot } from './page';

const T = 120_000;
const URL_OBSERVER = '?scenario=allied-resolve-2022&seed=7&role=observer&alerts=0';

interface MapView {
  zoom: number;
  minZoom: number;
  maxZoom: number;
  scrollX: number;
  scrollY: number;
  spanX: number;
  spanY: number;
  width: number;
  height: number;
  home: boolean;
  /** The scenario's region in map units (map/region.ts). */
  mapWidth: number;
  mapHeight: number;
  /** The lon/lat box in sight, and the region's. */
  bounds: { west: number; east: number; south: number; north: number };
  region: { west: number; east: number; south: number; north: number };
  /** The ISO codes of the countries drawn. */
  countries: string[];
  card: string | null;
  units: { name: string; x: number; y: number }[];
  animations: number;
  /** The game loop is drawing frames (false while the idle map sleeps). */
  running: boolean;
}

let browser: Browser;
let site: Served;

beforeAll(async () => {
  const t0 = Date.now();
  site = await serve(buildSite());
  browser = await launchChromium();
  console.log(`map-nav tests: built and launched in ${Date.now() - t0} ms`);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

function view(page: Page): Promise<MapView> {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.__brink!.mapView)) as MapView);
}

/** Waits until the map has drawn and its view is published, and the first layout has settled. */
async function mapReady(page: Page): Promise<MapView> {
  await page.waitForFunction(() => window.__brink?.screen === 'play' && !!window.__brink.mapView, null, { timeout: 30_000 });
  const t0 = Date.now();
  while ((await colourCount(page, '#map canvas')) <= 12) {
    if (Date.now() - t0 > 20_000) throw new Error('the map did not draw within 20 s');
    await page.waitForTimeout(150);
  }
  await page.waitForFunction(() => (window.__brink!.mapView?.units.length ?? 0) > 0);
  return view(page);
}

/** The canvas's top-left corner in the page. */
async function canvasBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await page.locator('#map canvas').boundingBox();
  if (!b) throw new Error('no map canvas');
  return b;
}

/** The view should stay inside the region: on each axis, inside it where it is larger, centred where smaller. */
function expectInRegion(v: MapView): void {
  const eps = 0.05;
  const REGION = { width: v.mapWidth, height: v.mapHeight };
  if (v.spanX <= REGION.width + eps) {
    expect(v.scrollX).toBeGreaterThanOrEqual(-eps);
    expect(v.scrollX + v.spanX).toBeLessThanOrEqual(REGION.width + eps);
  } else expect(Math.abs(v.scrollX + v.spanX / 2 - REGION.width / 2)).toBeLessThan(1);
  if (v.spanY <= REGION.height + eps) {
    expect(v.scrollY).toBeGreaterThanOrEqual(-eps);
    expect(v.scrollY + v.spanY).toBeLessThanOrEqual(REGION.height + eps);
  } else expect(Math.abs(v.scrollY + v.spanY / 2 - REGION.height / 2)).toBeLessThan(1);
  expect(v.zoom).toBeGreaterThanOrEqual(v.minZoom - 1e-3);
  expect(v.zoom).toBeLessThanOrEqual(v.maxZoom + 1e-3);
}

/** A mouse drag from (x, y) by (dx, dy) in steps. */
async function drag(page: Page, x: number, y: number, dx: number, dy: number, steps = 12): Promise<void> {
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) await page.mouse.move(x + (dx * i) / steps, y + (dy * i) / steps);
  await page.mouse.up();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** A page with its own context (touch, reduced motion), the guided tour marked done and errors collected. */
async function openWith(url: string, options: BrowserContextOptions): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ deviceScaleFactor: 1, ...options });
  const page = await context.newPage();
  await page.addInitScript(() => {
    try {
      localStorage.setItem('brink.tour', 'done');
    } catch {
      // No storage: the tour does not start by itself either.
    }
  });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.__brink?.ready === true, null, { timeout: 30_000 });
  return { page, errors, close: () => context.close() };
}

describe('the map is navigable', () => {
  it('at 1280×720: wheel zoom around the pointer, drag to pan, clamped to the region, reset, keys when focused, clicks still open cards', async () => {
    const t0 = Date.now();
    const { page, errors } = await open(browser, `${site.url}${URL_OBSERVER}`);
    const home = await mapReady(page);
    expect(home.home).toBe(true);
    expect(home.zoom).toBe(1);
    expect(home.minZoom).toBeLessThan(1);
    expect(home.maxZoom).toBe(4);
    expectInRegion(home);
    await shot(page, 'map-nav-1280-home');

    // A click on a unit opens its card (a click is not a drag).
    const box = await canvasBox(page);
    const unit = home.units[0]!;
    await page.mouse.click(box.x + unit.x, box.y + unit.y);
    await expect.poll(async () => (await view(page)).card).toBe(unit.name);

    // The wheel zooms in around the pointer: the map point under it stays under it.
    const px = box.width * 0.45;
    const py = box.height * 0.5;
    await page.mouse.move(box.x + px, box.y + py);
    const at = (v: MapView) => ({ x: v.scrollX + (px * v.spanX) / v.width, y: v.scrollY + (py * v.spanY) / v.height });
    const before = at(home);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -100);
    await expect.poll(async () => (await view(page)).zoom).toBeGreaterThan(1.5);
    const zoomed = await view(page);
    expect(zoomed.home).toBe(false);
    expect(at(zoomed).x).toBeCloseTo(before.x, 0);
    expect(at(zoomed).y).toBeCloseTo(before.y, 0);
    expectInRegion(zoomed);
    // The card went away with the zoom.
    expect(zoomed.card).toBeNull();
    // The hook's lon/lat box of what is in sight shrinks with the zoom, inside the region's; the
    // countries drawn are the region's, the actors' among them.
    expect(zoomed.bounds.east - zoomed.bounds.west).toBeLessThan((home.bounds.east - home.bounds.west) * 0.7);
    expect(zoomed.bounds.north - zoomed.bounds.south).toBeLessThan((home.bounds.north - home.bounds.south) * 0.7);
    for (const v of [home, zoomed]) {
      expect(v.bounds.west).toBeGreaterThanOrEqual(v.region.west - 0.01);
      expect(v.bounds.south).toBeGreaterThanOrEqual(v.region.south - 0.01);
    }
    expect(zoomed.countries).toEqual(home.countries);
    expect(home.countries).toEqual(expect.arrayContaining(['BLR', 'UKR', 'RUS', 'POL', 'LTU', 'LVA', 'EST']));
    await page.waitForTimeout(200);
    await shot(page, 'map-nav-1280-zoomed');

    // A drag pans: the map follows the pointer (dragged left and up, the view moves right and down).
    await drag(page, box.x + px, box.y + py, -120, -60);
    const panned = await view(page);
    expect(panned.zoom).toBe(zoomed.zoom);
    expect(panned.scrollX - zoomed.scrollX).toBeCloseTo((120 * zoomed.spanX) / zoomed.width, 0);
    expect(panned.scrollY - zoomed.scrollY).toBeCloseTo((60 * zoomed.spanY) / zoomed.height, 0);

    // A drag that starts on a unit pans and shows no card while dragging (released, the pointer rests
    // on the unit again, which moved with the map, and hovering shows its card).
    const u2 = panned.units.find((u) => u.x > 60 && u.x < box.width - 60 && u.y > 60 && u.y < box.height - 60) ?? panned.units[0]!;
    await page.mouse.move(box.x + u2.x, box.y + u2.y);
    await expect.poll(async () => (await view(page)).card).toBe(u2.name);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + u2.x + 5 * i, box.y + u2.y + 4 * i);
    const dragging = await view(page);
    expect(dragging.card).toBeNull();
    expect(dragging.scrollX).toBeLessThan(panned.scrollX);
    await page.mouse.up();
    await expect.poll(async () => (await view(page)).card).toBe(u2.name);

    // Panning is clamped at the region's edges, every way.
    for (let i = 0; i < 8; i++) await drag(page, box.x + 100, box.y + 100, 700, 350);
    const topLeft = await view(page);
    expect(topLeft.scrollX).toBeCloseTo(0, 1);
    expect(topLeft.scrollY).toBeCloseTo(0, 1);
    expectInRegion(topLeft);
    for (let i = 0; i < 8; i++) await drag(page, box.x + box.width - 100, box.y + box.height - 100, -700, -350);
    const bottomRight = await view(page);
    expect(bottomRight.scrollX + bottomRight.spanX).toBeCloseTo(bottomRight.mapWidth, 1);
    expect(bottomRight.scrollY + bottomRight.spanY).toBeCloseTo(bottomRight.mapHeight, 1);
    expectInRegion(bottomRight);

    // Zoom is clamped: 4× at most, and out no further than the whole region in sight.
    await page.mouse.move(box.x + px, box.y + py);
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -200);
    await expect.poll(async () => (await view(page)).zoom).toBe(4);
    expectInRegion(await view(page));
    for (let i = 0; i < 25; i++) await page.mouse.wheel(0, 200);
    await expect.poll(async () => (await view(page)).zoom).toBe(home.minZoom);
    const out = await view(page);
    expect(out.spanX).toBeGreaterThanOrEqual(out.mapWidth - 0.05);
    expect(out.spanY).toBeGreaterThanOrEqual(out.mapHeight - 0.05);
    expectInRegion(out);
    await drag(page, box.x + px, box.y + py, 200, 100);
    const outDragged = await view(page);
    expect(outDragged.scrollX).toBeCloseTo(out.scrollX, 1);
    expect(outDragged.scrollY).toBeCloseTo(out.scrollY, 1);
    await page.waitForTimeout(200);
    await shot(page, 'map-nav-1280-out');

    // The reset control (keyboard-reachable, named) brings back the default view.
    const reset = page.getByRole('button', { name: 'Reset view' });
    await reset.click();
    const back = await view(page);
    expect(back.home).toBe(true);
    expect(back.zoom).toBe(1);
    expect(back.scrollX).toBeCloseTo(home.scrollX, 1);
    expect(back.scrollY).toBeCloseTo(home.scrollY, 1);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect((await view(page)).zoom).toBeCloseTo(1.5, 2);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    expect((await view(page)).zoom).toBeCloseTo(1, 2);

    // Keys: the map's keys do nothing while it is not focused (the reset button has focus).
    await reset.focus();
    await page.keyboard.press('+');
    await page.keyboard.press('ArrowRight');
    expect((await view(page)).home).toBe(true);
    // Focused (Tab order: the canvas is focusable), + zooms, the arrows pan, − zooms out and 0 resets.
    await page.locator('#map canvas').focus();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('CANVAS');
    await page.keyboard.press('+');
    await expect.poll(async () => (await view(page)).zoom).toBeCloseTo(1.5, 2);
    const k1 = await view(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const k2 = await view(page);
    expect(k2.scrollX).toBeGreaterThan(k1.scrollX);
    expect(k2.scrollY).toBeGreaterThan(k1.scrollY);
    await page.keyboard.press('-');
    expect((await view(page)).zoom).toBeCloseTo(1, 2);
    await page.keyboard.press('0');
    expect((await view(page)).home).toBe(true);
    // The day's keys still work from the focused map (Space is the game's, not the map's), and with
    // motion on a new day animates.
    expect(await page.evaluate(() => window.__brink!.reducedMotion)).toBe(false);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => window.__brink!.day === 1);
    let moving = 0;
    for (let i = 0; i < 10 && moving === 0; i++) {
      moving = (await view(page)).animations;
      await page.waitForTimeout(30);
    }
    expect(moving).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
    console.log(`map navigation at 1280×720: ${Date.now() - t0} ms`);
  }, T);

  it('at 390×844 with touch: the map fills the width, a finger drag pans, a pinch zooms, a tap opens a unit card', async () => {
    const t0 = Date.now();
    const { page, errors, close } = await openWith(`${site.url}${URL_OBSERVER}`, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const home = await mapReady(page);
    // The scene follows the small canvas: its view is the canvas's size, and the default view keeps the
    // region over the whole canvas.
    const box = await canvasBox(page);
    expect(home.width).toBe(Math.round(box.width));
    expect(home.height).toBe(Math.round(box.height));
    expect(box.width).toBeGreaterThan(340);
    expect(home.home).toBe(true);
    expectInRegion(home);
    expect(home.units.length).toBeGreaterThan(3);
    await page.waitForTimeout(300);
    await shot(page, 'map-nav-390-home');

    // A tap on a unit opens its card.
    const unit = home.units.find((u) => u.x > 30 && u.x < box.width - 30 && u.y > 30 && u.y < box.height - 30) ?? home.units[0]!;
    await page.touchscreen.tap(box.x + unit.x, box.y + unit.y);
    await expect.poll(async () => (await view(page)).card).toBe(unit.name);

    // A finger drag (CDP touch events) pans, and closes the card.
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', pts: { x: number; y: number }[]) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: pts.map((p, id) => ({ x: box.x + p.x, y: box.y + p.y, id })) });
    const cx = box.width / 2;
    const cy = box.height / 2;
    await touch('touchStart', [{ x: cx, y: cy }]);
    for (let i = 1; i <= 10; i++) await touch('touchMove', [{ x: cx - 8 * i, y: cy - 3 * i }]);
    await touch('touchEnd', []);
    const panned = await view(page);
    expect(panned.card).toBeNull();
    expect(panned.zoom).toBe(1);
    expect(panned.scrollX).toBeGreaterThan(home.scrollX);
    expectInRegion(panned);

    // Two fingers apart: zoom in around their midpoint.
    await touch('touchStart', [
      { x: cx - 30, y: cy },
      { x: cx + 30, y: cy },
    ]);
    for (let i = 1; i <= 10; i++) {
      await touch('touchMove', [
        { x: cx - 30 - 6 * i, y: cy },
        { x: cx + 30 + 6 * i, y: cy },
      ]);
    }
    await touch('touchEnd', []);
    const pinched = await view(page);
    expect(pinched.zoom).toBeGreaterThan(1.8);
    expectInRegion(pinched);
    await page.waitForTimeout(200);
    await shot(page, 'map-nav-390-zoomed');

    // Pinch in, far: no further out than the whole region.
    await touch('touchStart', [
      { x: cx - 150, y: cy },
      { x: cx + 150, y: cy },
    ]);
    for (let i = 1; i <= 14; i++) {
      await touch('touchMove', [
        { x: cx - 150 + 10 * i, y: cy },
        { x: cx + 150 - 10 * i, y: cy },
      ]);
    }
    await touch('touchEnd', []);
    const out = await view(page);
    expect(out.zoom).toBe(out.minZoom);
    expectInRegion(out);
    await page.waitForTimeout(200);
    await shot(page, 'map-nav-390-out');

    // The reset button (44 px for a finger) brings the default view back.
    const reset = page.getByRole('button', { name: 'Reset view' });
    const rb = (await reset.boundingBox())!;
    expect(Math.min(rb.width, rb.height)).toBeGreaterThanOrEqual(44);
    await reset.tap();
    expect((await view(page)).home).toBe(true);
    expect(errors).toEqual([]);
    await close();
    console.log(`map navigation at 390×844 with touch: ${Date.now() - t0} ms`);
  }, T);

  it('under prefers-reduced-motion the map changes at once: no tweens or pulses as days land', async () => {
    const { page, errors, close } = await openWith(`${site.url}${URL_OBSERVER}`, { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    // The store's flag follows the media query (src/ui/motion.ts, bound in main.ts) and the hook shows it.
    expect(await page.evaluate(() => window.__brink!.reducedMotion)).toBe(true);
    await mapReady(page);
    for (let day = 1; day <= 6; day++) {
      await page.keyboard.press('Space');
      await page.waitForFunction((d) => window.__brink!.day === d, day);
      // Over the next frames nothing tweens: the lines, units and bubbles are already where they go.
      for (let i = 0; i < 4; i++) {
        expect((await view(page)).animations).toBe(0);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
      }
    }
    await shot(page, 'map-nav-reduced-motion');
    expect(errors).toEqual([]);
    await close();
  }, T);

  it('sleeps when nothing moves, and wakes for a new day, a zoom and a resize', async () => {
    const { page, errors } = await open(browser, `${site.url}${URL_OBSERVER}`);
    await mapReady(page);
    const asleep = () => page.waitForFunction(() => window.__brink!.mapView?.running === false, null, { timeout: 10_000 });
    // Idle: after a second with nothing moving, the loop stops drawing frames.
    await asleep();
    // A new day wakes it, and the day's changes animate.
    await page.keyboard.press('Space');
    await page.waitForFunction(() => window.__brink!.day === 1);
    await page.waitForFunction(() => window.__brink!.mapView!.running && window.__brink!.mapView!.animations > 0, null, { timeout: 5_000 });
    await asleep();
    // A wheel zoom while asleep is drawn: the view changes and the canvas shows it.
    const before = await view(page);
    const pixels = await page.locator('#map canvas').screenshot();
    const box = await canvasBox(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -240);
    await page.waitForFunction((z) => window.__brink!.mapView!.zoom > z, before.zoom, { timeout: 5_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect((await page.locator('#map canvas').screenshot()).equals(pixels)).toBe(false);
    await asleep();
    // A smaller window while asleep: the canvas follows its new size.
    await page.setViewportSize({ width: 1100, height: 700 });
    await page.waitForFunction((w) => window.__brink!.mapView!.width < w, before.width, { timeout: 5_000 });
    const resized = await view(page);
    expect(Math.round((await canvasBox(page)).width)).toBe(Math.round(resized.width));
    await asleep();
    expect(errors).toEqual([]);
    await page.close();
  }, T);
});
