// Browser test of the map that follows the scenario (issue 17, parts 1, 2 and 8), in real Chromium
// against the built game: a crisis set far from Europe (tests/fixtures/far-crisis.yaml, on the Guiana
// Shield) is loaded through the menu's "Load a scenario…" and started; the read-only hook
// (window.__brink.mapView) then shows a map of that region: its lon/lat box in sight holds every place
// of the file, and the countries drawn include its actors' countries (and no country of Europe). At
// 1280×720 and at 390×844 it saves a screenshot (tests/screenshots/map-region-*.png). The first screen
// does not load the world's outlines: they come with the map's chunk.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { buildSite, ROOT } from '../../src/cli/browser/site';
import { launchChromium } from '../../src/cli/browser/chromium';
import { serve, type Served } from '../../src/cli/browser/serve';
import { mapDrawn, open, shot } from './page';

const T = 120_000;
const FIXTURE = join(ROOT, 'tests/fixtures/far-crisis.yaml');

interface Box {
  west: number;
  east: number;
  south: number;
  north: number;
}
interface MapView {
  home: boolean;
  bounds: Box;
  region: Box;
  countries: string[];
}
interface FixturePlace {
  id: string;
  lon: number;
  lat: number;
  kind?: string;
}
interface Fixture {
  places: FixturePlace[];
  actors: { id: string; countries?: string[] }[];
}

const fixture = parse(readFileSync(FIXTURE, 'utf8')) as Fixture;
/** The places the map draws: all but the off-map edge ones. */
const onMap = fixture.places.filter((p) => p.kind !== 'edge');

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

/** Whether a lon/lat box (west greater than east across the 180° meridian) holds a point. */
function holds(b: Box, lon: number, lat: number): boolean {
  if (lat < b.south || lat > b.north) return false;
  return b.west <= b.east ? lon >= b.west && lon <= b.east : lon >= b.west || lon <= b.east;
}

function view(page: Page): Promise<MapView> {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.__brink!.mapView)) as MapView);
}

/** Loads the fixture through the menu's "Load a scenario…" (a file chooser), then starts it as an observer. */
async function loadAndStart(page: Page): Promise<MapView> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Load a scenario…' }).first().click();
  await (await chooser).setFiles(FIXTURE);
  const card = page.locator('.menu-card.scenario[data-file$="far-crisis.yaml"]');
  await card.waitFor();
  expect(await card.getAttribute('aria-checked')).toBe('true');
  await page.locator('#seed').fill('7');
  await page.locator('.menu-card.role[data-role="observer"]').click();
  await page.getByRole('button', { name: 'Start the game' }).click();
  await page.waitForFunction(() => window.__brink?.screen === 'play' && window.__brink.ready && !!window.__brink.mapView);
  await mapDrawn(page);
  await page.waitForTimeout(300);
  return view(page);
}

function expectRegionOfFixture(v: MapView): void {
  expect(v.home).toBe(true);
  for (const p of onMap) {
    expect(holds(v.bounds, p.lon, p.lat), `${p.id} (${p.lon}, ${p.lat}) in sight: ${JSON.stringify(v.bounds)}`).toBe(true);
    expect(holds(v.region, p.lon, p.lat), `${p.id} in the region`).toBe(true);
  }
  // The map shows the Guiana Shield, not Europe: a box some 15° across around the places.
  expect(v.region.east - v.region.west).toBeLessThan(40);
  expect(v.bounds.south).toBeGreaterThan(-10);
  expect(v.bounds.north).toBeLessThan(25);
  const owned = fixture.actors.flatMap((a) => a.countries ?? []);
  expect(owned).toEqual(['VEN', 'GUY', 'BRA', 'TTO']);
  expect(v.countries).toEqual(expect.arrayContaining(owned));
  for (const far of ['BLR', 'UKR', 'RUS', 'DEU', 'USA']) expect(v.countries).not.toContain(far);
}

describe('the map follows the scenario', () => {
  it('a crisis far from Europe, loaded through "Load a scenario…": the map shows its places and its actors\' countries (1280×720)', async () => {
    const { page, errors } = await open(browser, site.url);
    const v = await loadAndStart(page);
    expectRegionOfFixture(v);
    await shot(page, 'map-region-far-1280');
    // The map's box moves with the view: zoomed in, less is in sight.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const zoomed = await view(page);
    expect(zoomed.bounds.east - zoomed.bounds.west).toBeLessThan(v.bounds.east - v.bounds.west);
    expect(errors).toEqual([]);
    await page.close();
  }, T);

  it('the same on a 390×844 phone', async () => {
    const { page, errors } = await open(browser, site.url, { width: 390, height: 844 });
    const v = await loadAndStart(page);
    expectRegionOfFixture(v);
    await shot(page, 'map-region-far-390');
    expect(errors).toEqual([]);
    await page.close();
  }, T);

  it('the first screen does not load the world\'s outlines: they come with the map', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // The scripts requested by the menu's first frame (as the bench's first-screen figure counts them).
    await page.addInitScript(() => {
      const w = window as unknown as { __firstScreen?: string[]; __brink?: { ready: boolean; screen: string } };
      const tick = () => {
        if (w.__brink?.ready && w.__brink.screen === 'menu') w.__firstScreen = performance.getEntriesByType('resource').map((e) => e.name);
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.goto(site.url);
    await page.waitForFunction(() => Array.isArray((window as unknown as { __firstScreen?: string[] }).__firstScreen));
    const first = ((await page.evaluate(() => (window as unknown as { __firstScreen: string[] }).__firstScreen)) as string[]).filter((u) => u.endsWith('.js'));
    expect(first.length).toBeGreaterThan(0);
    const text = (url: string) => page.evaluate((u) => fetch(u).then((r) => r.text()), url);
    for (const url of first) expect((await text(url)).includes('"Topology"') || (await text(url)).includes('\\"Topology\\"'), url).toBe(false);
    // The map's chunk, loaded when play begins, has them.
    await page.goto(`${site.url}?scenario=allied-resolve-2022&seed=7&role=observer`);
    await page.waitForFunction(() => !!(window as unknown as { __brink?: { mapView: unknown } }).__brink?.mapView, null, { timeout: 30_000 });
    const all = (await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))).filter((u) => u.endsWith('.js'));
    const withWorld: string[] = [];
    for (const url of all) if ((await text(url)).includes('Topology')) withWorld.push(url);
    expect(withWorld.length).toBe(1);
    expect(first).not.toContain(withWorld[0]);
    await page.close();
  }, T);
});
