// Browser tests for loading your own scenario, hot reload and the tweak panel, in real Chromium: a bad
// file picked mid-game shows the error panel (line:col, path, message, hint) while the game keeps its day
// and hash; a valid variant (extends the bundled base, one changed number) loads, is listed as "your
// file" and plays with the hashes Node computes; under the Vite dev server (scenarios watched in a
// temporary copy through BRINK_SCENARIOS_DIR) a saved change restarts the game with the same seed and
// role, and a broken save shows the errors while the game goes on; the tweak panel restarts the run on a
// changed fear, and its exported variant, loaded back through the picker, gives the same hash on day 10;
// the panel is fetched when first opened, shows that it is loading, says so when its chunk cannot load,
// and loads on a second try. No console errors. Screenshots: tests/screenshots/load-errors.png,
// tweak-panel.png, tweak-loading.png, tweak-failed.png.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { buildSite, ROOT } from '../../src/cli/browser/site';
import { launchChromium } from '../../src/cli/browser/chromium';
import { serve, type Served } from '../../src/cli/browser/serve';
import { loadScenario, runGame, type Scenario } from '../../src/sim/index';
import { diskReader } from '../../src/cli/files';
import { applyTweaks, tweakables } from '../../src/store/tweaks';
import { hook, mapDrawn, open, shot, waitDay } from './page';

const BASE = 'scenarios/allied-resolve-2022.yaml';
const T = 180_000;

let browser: Browser;
let site: Served;
let dev: ViteDevServer | null = null;
let devUrl = '';
let watched = '';

const base = (() => {
  const r = loadScenario(BASE, diskReader);
  if (!r.ok) throw new Error('the base scenario does not load');
  return r.scenario;
})();

/** Day-by-day hashes of a Node run (seed 7; observer unless a role is given, which holds every day). */
const hashes = (s: Scenario, turns: number, role = 'observer') => runGame(s, '7', { turns, role }).turns.map((t) => t.hash);

/** A variant with an unknown field (meta.colour) and an unknown reference (an actor nobody defines). */
const BAD = `# A broken variant
extends: ./allied-resolve-2022.yaml
meta:
  id: broken-variant
  title: Broken variant
  colour: red
pairs:
  - id: russia-ukraine
    fear: 0.05
  - between: [russia, atlantis]
    tension: 10
`;

/** A valid variant: extends the bundled base and changes one number. */
const GOOD = `# yaml-language-server: $schema=./scenario.schema.json
extends: ./allied-resolve-2022.yaml
meta:
  id: hot-incidents
  title: Hot incidents
  summary: The base with ten times the incident odds.
rules:
  incidents:
    base: 0.02
`;

beforeAll(async () => {
  const t0 = Date.now();
  site = await serve(buildSite());
  browser = await launchChromium();
  console.log(`tweak browser tests: built and launched in ${Date.now() - t0} ms`);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await dev?.close();
});

async function nextDays(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const d = (await hook(page)).day;
    await page.locator('.topbar').getByRole('button', { name: 'Next day' }).click();
    await waitDay(page, d + 1);
  }
}

async function pickScenario(page: Page, name: string, text: string): Promise<void> {
  await page.setInputFiles('input.scenario-file', { name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
}

describe('loading your own scenario', () => {
  it('a bad file mid-game shows line:col errors and the game is kept', async () => {
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=7&role=observer`);
    await mapDrawn(page);
    await nextDays(page, 3);
    const before = await hook(page);
    expect(before.day).toBe(3);

    await pickScenario(page, 'broken.yaml', BAD);
    const panel = page.locator('.error-panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('.ep-title').textContent()).toBe('broken.yaml does not load');
    const locs = await panel.locator('.ep-loc').allTextContents();
    expect(locs.length).toBeGreaterThanOrEqual(2);
    for (const l of locs) expect(l).toMatch(/^\d+:\d+$/);
    const items = await panel.locator('.ep-item').allTextContents();
    expect(items.some((t) => t.includes('meta') && /colour/.test(t))).toBe(true);
    expect(items.some((t) => /atlantis/.test(t))).toBe(true);
    // The unknown field is on line 6 of the file.
    expect(locs).toContain('6:3');
    await page.waitForTimeout(300);
    await shot(page, 'load-errors');

    const after = await hook(page);
    expect(after.day).toBe(3);
    expect(after.hash).toBe(before.hash);
    expect(after.screen).toBe('play');
    await panel.getByRole('button', { name: 'Dismiss the errors' }).click();
    await panel.waitFor({ state: 'hidden' });
    // The game goes on.
    await nextDays(page, 1);
    expect(errors).toEqual([]);
    await page.close();
  }, T);

  it('a valid variant loads, is listed as your file, and plays as Node computes it', async () => {
    const { page, errors } = await open(browser, site.url);
    await pickScenario(page, 'hot-incidents.yaml', GOOD);
    const card = page.locator('.menu-card.scenario[data-file="scenarios/hot-incidents.yaml"]');
    await card.waitFor();
    expect(await card.locator('.yours').textContent()).toBe('your file');
    expect(await card.getAttribute('aria-checked')).toBe('true');
    expect(await page.locator('.brief-title').textContent()).toBe('Hot incidents');
    await page.locator('#seed').fill('7');
    await page.getByRole('button', { name: 'Start the game' }).click();
    await page.waitForFunction(() => window.__brink?.screen === 'play' && window.__brink.ready);
    await nextDays(page, 5);

    const dir = mkdtempSync(join(tmpdir(), 'brink-variant-'));
    cpSync(BASE, join(dir, 'allied-resolve-2022.yaml'));
    writeFileSync(join(dir, 'hot-incidents.yaml'), GOOD);
    const r = loadScenario(join(dir, 'hot-incidents.yaml'), diskReader);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.scenario.hash).not.toBe(base.hash);
    expect((await hook(page)).hash).toBe(hashes(r.scenario, 5)[4]);

    // The Odds panel's command names the file as it was loaded, not the page's scenarios/ copy.
    await page.getByRole('button', { name: 'Odds' }).click();
    await page.locator('.odds').waitFor();
    expect(await page.locator('.od-cmd').textContent()).toMatch(/^npm run sim -- hot-incidents\.yaml --runs \d+$/);
    expect(await page.locator('.od-cmd-note').textContent()).toBe(' (give the path to your file hot-incidents.yaml)');
    expect(await page.locator('.od-cmd-note').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
  }, T);
});

describe('text from files is never read as HTML', () => {
  it('an actor named <img src=x onerror=…> shows as text and runs nothing', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const text = [
      'extends: ./allied-resolve-2022.yaml',
      `meta: { id: injection, title: '${evil}', summary: '${evil} summary' }`,
      'actors:',
      `  - { id: belarus, name: '${evil}' }`,
      '',
    ].join('\n');
    const { page, errors } = await open(browser, site.url);
    await pickScenario(page, 'injection.yaml', text);
    const card = page.locator('.menu-card.scenario[data-file="scenarios/injection.yaml"]');
    await card.waitFor();
    await page.getByRole('button', { name: 'Start the game' }).click();
    await page.waitForFunction(() => window.__brink?.screen === 'play' && window.__brink.ready);
    await nextDays(page, 6);
    const shown = await page.evaluate(() => document.body.textContent ?? '');
    expect(shown).toContain('<img src=x onerror=');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  }, T);
});

describe('hot reload under the dev server', () => {
  it('a saved change restarts the game with the same seed and role; a broken save shows its errors', async () => {
    const t0 = Date.now();
    watched = mkdtempSync(join(tmpdir(), 'brink-hot-'));
    cpSync(join(ROOT, 'scenarios'), watched, { recursive: true });
    process.env.BRINK_SCENARIOS_DIR = watched;
    dev = await createServer({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      cacheDir: join(ROOT, 'node_modules/.cache/brink-vite-hot-test'),
      logLevel: 'error',
      server: { host: '127.0.0.1', port: 0, strictPort: false },
    });
    await dev.listen();
    delete process.env.BRINK_SCENARIOS_DIR;
    const addr = dev.httpServer!.address();
    devUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
    console.log(`dev server up in ${Date.now() - t0} ms at ${devUrl}`);

    const { page, errors } = await open(browser, `${devUrl}?scenario=allied-resolve-2022&seed=7&role=belarus`);
    await mapDrawn(page);
    // A first visit may re-optimise dependencies and reload once: wait until the page has settled.
    await page.waitForTimeout(1500);
    await page.waitForFunction(() => window.__brink?.ready === true, null, { timeout: 30_000 });
    await nextDays(page, 3);
    expect((await hook(page)).day).toBe(3);

    const file = join(watched, 'allied-resolve-2022.yaml');
    const text = readFileSync(file, 'utf8');
    const changed = text.replace('  incidents:\n    base: 0.002', '  incidents:\n    base: 0.02');
    expect(changed).not.toBe(text);
    writeFileSync(file, changed);
    await page.waitForFunction(() => window.__brink?.day === 0, null, { timeout: 20_000 });
    expect(await page.locator('.seed-chip .mono').textContent()).toBe('7');
    expect(await page.locator('.role-chip').textContent()).toContain('Belarus');
    expect((await hook(page)).screen).toBe('play');
    // The restarted run is the changed file's.
    await nextDays(page, 2);
    const r = loadScenario(BASE, { read: (p) => (p === BASE ? changed : diskReader.read(p)) });
    if (!r.ok) throw new Error('the changed file does not load');
    expect((await hook(page)).hash).toBe(runGame(r.scenario, '7', { role: 'belarus', turns: 2 }).turns[1]!.hash);

    const before = await hook(page);
    writeFileSync(file, changed.replace('  title: Allied Resolve 2022\n', '  title: Allied Resolve 2022\n  colr: 1\n'));
    const panel = page.locator('.error-panel');
    await panel.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await panel.locator('.ep-loc').first().textContent()).toMatch(/^\d+:\d+$/);
    expect(await panel.locator('.ep-item').first().textContent()).toContain('colr');
    const after = await hook(page);
    expect(after.day).toBe(before.day);
    expect(after.hash).toBe(before.hash);
    expect(errors).toEqual([]);
    await page.close();
  }, T);
});

describe('the tweak panel', () => {
  it('a tweak on day 10 as Belarus keeps the place: the game is on day 10 again and names the day the run diverged', async () => {
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=7&role=belarus`);
    await mapDrawn(page);
    await nextDays(page, 10);
    expect((await hook(page)).day).toBe(10);
    await page.locator('.topbar').getByRole('button', { name: 'Tweak' }).click();
    const panel = page.locator('.tweak-panel');
    await panel.waitFor({ state: 'visible' });
    await panel.locator('[data-folder="Pairs"] > button').first().click();
    await panel.locator('[data-folder="Pairs › Russia – Ukraine"] > button').first().click();
    const input = panel.locator('[data-key="pairs.0.fear"] input');
    await input.fill('0.049');
    await input.press('Enter');
    await page.locator('.tb-scenario').filter({ hasText: '(tweaked)' }).waitFor({ timeout: 10_000 });
    const banner = page.locator('.alert-banner');
    await banner.waitFor({ state: 'visible' });
    expect(await banner.locator('.alert-title').textContent()).toBe('Tweak applied · back on day 10');
    expect(await banner.locator('.alert-list').textContent()).toMatch(/The run first diverged on day \d+/);
    const now = await hook(page);
    expect(now.day).toBe(10);
    // The same as Node: the tweaked scenario, seed 7, Belarus holding ten days.
    const t = tweakables(base.data);
    const r = applyTweaks(base.data, t.values, { ...t.values, 'pairs.0.fear': 0.049 });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(now.hash).toBe(hashes(r.scenario, 10, 'belarus')[9]);
    await shot(page, 'tweak-carry-over');
    expect(errors).toEqual([]);
    await page.close();
  }, T);

  it('a changed fear restarts the run; the exported variant loaded back gives the same hash on day 10', async () => {
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=7&role=observer`);
    await mapDrawn(page);
    const baseDay10 = hashes(base, 10)[9];
    await page.locator('.topbar').getByRole('button', { name: 'Tweak' }).click();
    const panel = page.locator('.tweak-panel');
    await panel.waitFor({ state: 'visible' });
    await panel.locator('[data-folder="Pairs"] > button').first().click();
    await panel.locator('[data-folder="Pairs › Russia – Ukraine"] > button').first().click();
    await panel.locator('[data-folder="Actors"] > button').first().click();
    const input = panel.locator('[data-key="pairs.0.fear"] input');
    await input.fill('0.049');
    await input.press('Enter');
    await page.locator('.tb-scenario').filter({ hasText: '(tweaked)' }).waitFor({ timeout: 10_000 });
    expect(await panel.locator('.tw-count').textContent()).toBe('· 1 changed');
    expect((await hook(page)).day).toBe(0);
    await nextDays(page, 10);
    const tweaked = await hook(page);
    expect(tweaked.hash).not.toBe(baseDay10);
    // The same run as Node's tweaked scenario.
    const t = tweakables(base.data);
    const r = applyTweaks(base.data, t.values, { ...t.values, 'pairs.0.fear': 0.049 });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(tweaked.hash).toBe(hashes(r.scenario, 10)[9]);
    await page.mouse.move(10, 700);
    await panel.locator('.tw-pane').evaluate((e) => (e.scrollTop = 0));
    await page.waitForTimeout(400);
    await shot(page, 'tweak-panel');

    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export as variant' }).click();
    const dl = await download;
    expect(dl.suggestedFilename()).toBe('allied-resolve-2022-tweak.yaml');
    const text = readFileSync((await dl.path())!, 'utf8');
    expect(text.startsWith('# yaml-language-server: $schema=./scenario.schema.json\n')).toBe(true);
    expect(text).toContain('extends: ./allied-resolve-2022.yaml');
    expect(text).toContain('fear: 0.049');

    // Load it through the picker, start it from the menu with the same seed, play to day 10.
    await pickScenario(page, dl.suggestedFilename(), text);
    await page.locator('.topbar').getByRole('button', { name: 'Menu', exact: true }).click();
    await page.getByRole('button', { name: 'Leave' }).click();
    await page.waitForFunction(() => window.__brink?.screen === 'menu');
    await page.locator('.menu-card.scenario[data-file="scenarios/allied-resolve-2022-tweak.yaml"]').click();
    await page.locator('.menu-card.role[data-role="observer"]').click();
    await page.locator('#seed').fill('7');
    await page.getByRole('button', { name: 'Start the game' }).click();
    await page.getByRole('button', { name: 'Start new game' }).click();
    await page.waitForFunction(() => window.__brink?.screen === 'play' && window.__brink.day === 0);
    expect(await page.locator('.tb-scenario').textContent()).toContain('(tweaked)');
    await nextDays(page, 10);
    expect((await hook(page)).hash).toBe(tweaked.hash);
    expect(errors).toEqual([]);
    await page.close();
  }, T);

  it('is fetched when first opened: it shows that it is loading, says so when it cannot load, and loads on a second try', async () => {
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=7&role=observer`);
    await mapDrawn(page);
    // The panel's chunk (with tweakpane) is not part of the first screen.
    const chunk = /\/assets\/tweak-panel-[^/]+\.js$/;
    const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect((await fetched()).some((u) => chunk.test(new URL(u).pathname))).toBe(false);
    // The first try is held for a while, then fails.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await page.route(chunk, async (route) => {
      await held;
      await route.abort();
    });
    await page.locator('.topbar').getByRole('button', { name: 'Tweak' }).click();
    const panel = page.locator('.tweak-panel');
    await panel.getByRole('status').filter({ hasText: 'Loading the controls' }).waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'tweak-loading');
    release();
    const failed = panel.getByRole('alert');
    await failed.waitFor();
    expect(await failed.locator('.tw-failed-title').textContent()).toBe('The tweak controls could not be loaded');
    await shot(page, 'tweak-failed');
    await page.unroute(chunk);
    await panel.getByRole('button', { name: 'Try loading the controls again' }).click();
    await panel.locator('[data-folder="Pairs"]').waitFor();
    expect(await panel.count()).toBe(1);
    expect(await page.locator('.topbar').getByRole('button', { name: 'Tweak' }).getAttribute('aria-pressed')).toBe('true');
    // Closing and opening again works as before.
    await panel.getByRole('button', { name: 'Close the tweak panel' }).click();
    await panel.waitFor({ state: 'hidden' });
    await page.locator('.topbar').getByRole('button', { name: 'Tweak' }).click();
    await panel.waitFor({ state: 'visible' });
    // The only errors are the refused fetch's own.
    expect(errors.filter((e) => !/tweak-panel|Failed to load resource/.test(e))).toEqual([]);
    await page.close();
  }, T);
});
