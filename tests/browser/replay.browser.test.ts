// Browser tests for replays, share links and saves, in real Chromium against the BUILT game: a replay
// recorded by the CLI opens through the menu's file picker and shows the same hashes; a replay saved
// from the browser verifies in Node (and fails, naming the day, with one order changed); tampered files
// are rejected with their reason on screen; a 60-day share link is measured and replays the same hash in
// a new page; a reload resumes on the same day with the same hash; a corrupted save gives a notice and a
// fresh menu. No console errors anywhere. Screenshots go to tests/screenshots/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite, cliRun, ROOT, type CliTurn } from '../../src/cli/browser/site';
import { launchChromium } from '../../src/cli/browser/chromium';
import { serve, type Served } from '../../src/cli/browser/serve';
import { hook, mapDrawn, open, shot, waitDay, playCards, scrollFeedUntil } from './page';

const SCENARIO = 'scenarios/allied-resolve-2022.yaml';
const T = 180_000;
type Orders = Record<string, Record<string, { action: string; target?: string }>>;
/** Two Belarus orders (both exist in the scenario, with these targets). */
const ORDERS: Orders = { '3': { belarus: { action: 'peace-initiative', target: 'ukraine' } }, '6': { belarus: { action: 'war-rhetoric', target: 'ukraine' } } };

interface ReplayJson {
  format: string;
  version: number;
  scenario: { id: string; hash: string };
  seed: string;
  role: string;
  orders: Record<string, { action: string; target?: string }>;
  checkpoints: string[];
  outcome: unknown;
}

let browser: Browser;
let site: Served;
let tmp: string;
/** The replay recorded by the CLI: seed 11, Belarus, ORDERS, 20 days. */
let recorded: ReplayJson;
let recordedText: string;


function node(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

beforeAll(async () => {
  const t0 = Date.now();
  tmp = mkdtempSync(join(tmpdir(), 'brink-replay-test-'));
  writeFileSync(join(tmp, 'orders.json'), JSON.stringify(ORDERS));
  const out = join(tmp, 'recorded.json');
  const r = node(['src/cli/sim.ts', SCENARIO, '--seed', '11', '--role', 'belarus', '--orders', join(tmp, 'orders.json'), '--turns', '20', '--record', out]);
  if (r.status !== 0) throw new Error(`sim --record failed: ${r.stderr}`);
  recordedText = readFileSync(out, 'utf8');
  recorded = JSON.parse(recordedText) as ReplayJson;
  site = await serve(buildSite());
  browser = await launchChromium();
  console.log(`replay browser tests: recorded, built and launched in ${Date.now() - t0} ms`);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens a replay through the menu's "Open a replay…" button (the file chooser). */
async function pickReplay(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a replay…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** What the feed shows once its first page is complete (a jump builds a screenful first, the rest when
 * idle, the list aria-busy meanwhile): its day headers, the items' texts, whether older days wait below, the count. */
async function readFeed(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.feed-list')!.hasAttribute('aria-busy'));
  return page.evaluate(() => ({
    days: [...document.querySelectorAll('.feed-day .mono')].map((e) => Number(e.textContent!.replace('Day ', ''))),
    texts: [...document.querySelectorAll('.feed-item .feed-text')].map((e) => e.textContent),
    more: !(document.querySelector('.feed-more') as HTMLElement).hidden,
    count: document.querySelector('.feed .panel-sub')!.textContent,
  }));
}

/** The feed's items as the CLI's run has them up to `day`, newest day first (Belarus sees its own private events). */
function cliFeed(turns: CliTurn[], day: number): string[] {
  return turns
    .slice(0, day)
    .reverse()
    .flatMap((t) => t.events.filter((e) => e.visibility === 'public' || e.actor === 'belarus').map((e) => e.text));
}

const variant = (edit: (r: ReplayJson) => void): string => {
  const r = JSON.parse(recordedText) as ReplayJson;
  edit(r);
  return JSON.stringify(r, null, 1);
};

describe('Replays, share links and saves in Chromium', () => {
  it('opens a replay recorded in Node through the file picker on day 1: days 1, 20 and 7 show the same hashes', async () => {
    const t0 = Date.now();
    const { page, errors } = await open(browser, site.url);
    expect((await hook(page)).screen).toBe('menu');
    await pickReplay(page, 'recorded.json', recordedText);
    // A replay opens on day 1 (a link may name another day: replay-teach.browser.test.ts).
    await page.waitForFunction(() => window.__brink?.screen === 'play' && window.__brink.ready && window.__brink.day === 1);
    await page.locator('.replay-bar').waitFor();
    expect((await hook(page)).hash).toBe(recorded.checkpoints[0]);
    expect(await page.locator('.rb-status').textContent()).toBe('Verified · 20 days match');
    expect(await page.locator('.rb-day-num').textContent()).toBe('Day 1');
    // The last day: the recorded hash.
    await page.getByRole('button', { name: 'Last day' }).click();
    await page.waitForFunction(() => window.__brink?.day === 20);
    expect((await hook(page)).hash).toBe(recorded.checkpoints[19]);
    expect(await page.locator('.tb-replay').isVisible()).toBe(true);
    // The full run of the same inputs, for every day's hash.
    const cli = cliRun(SCENARIO, '11', 'belarus', ORDERS);
    expect(cli.turns[19]!.hash).toBe(recorded.checkpoints[19]);

    // Seek with the scrubber to day 7.
    await page.locator('.rb-range').fill('7');
    await page.waitForFunction(() => window.__brink?.day === 7);
    expect((await hook(page)).hash).toBe(cli.turns[6]!.hash);
    // Keyboard: → and ← step a day.
    await page.locator('.brand').click();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.__brink?.day === 8);
    expect((await hook(page)).hash).toBe(cli.turns[7]!.hash);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => window.__brink?.day === 7);
    expect((await hook(page)).hash).toBe(cli.turns[6]!.hash);
    // Step buttons.
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.waitForFunction(() => window.__brink?.day === 8);
    await page.getByRole('button', { name: 'Step back' }).click();
    await page.waitForFunction(() => window.__brink?.day === 7);
    // Space plays at the game's speed (3: fast), Space again pauses. (Space on a focused button presses
    // that button, so focus leaves the Step back button first.)
    await page.getByRole('button', { name: 'Step back' }).blur();
    await page.keyboard.press('3');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => (window.__brink?.day ?? 0) >= 10, null, { timeout: 10_000 });
    await page.keyboard.press('Space');
    const paused = (await hook(page)).day;
    await page.waitForTimeout(800);
    expect((await hook(page)).day).toBe(paused);
    expect((await hook(page)).hash).toBe(cli.turns[paused - 1]!.hash);
    // Play to the end: it stops on day 20.
    await page.getByRole('button', { name: 'Play the replay' }).click();
    await page.waitForFunction(() => window.__brink?.day === 20, null, { timeout: 15_000 });
    await page.waitForTimeout(500);
    expect(await page.locator('.rb-play').getAttribute('aria-pressed')).toBe('false');
    // The feed builds the newest whole days up to 30 items; scrolling down loads the older ones.
    const events = cli.turns;
    const all20 = cliFeed(events, 20);
    expect(all20.length).toBeGreaterThan(30);
    let feed = await readFeed(page);
    expect(feed.count).toBe(`${all20.length} events`);
    expect(feed.texts.length).toBeGreaterThanOrEqual(30);
    expect(feed.texts.length).toBeLessThan(all20.length);
    expect(feed.texts).toEqual(all20.slice(0, feed.texts.length));
    expect(feed.days).toEqual([...feed.days].sort((a, b) => b - a));
    expect(feed.more).toBe(true);
    await scrollFeedUntil(page, async () => (await page.locator('.feed-item').count()) >= all20.length);
    feed = await readFeed(page);
    expect(feed.texts).toEqual(all20);
    expect(feed.more).toBe(false);
    await page.locator('.rb-range').fill('12');
    await page.waitForFunction(() => window.__brink?.day === 12);
    // Back to day 12: the later days leave the feed, the count is day 12's, and it shows from the top.
    feed = await readFeed(page);
    expect(await page.locator('.feed-list').evaluate((el) => el.scrollTop)).toBe(0);
    expect(feed.texts).toEqual(cliFeed(events, 12));
    expect(feed.count).toBe(`${cliFeed(events, 12).length} events`);
    expect(Math.max(...feed.days)).toBeLessThanOrEqual(12);
    // Forward again from day 3 to 12: the newest whole days of the same feed, at least 30 items.
    await page.locator('.rb-range').fill('3');
    await page.waitForFunction(() => window.__brink?.day === 3);
    expect((await readFeed(page)).texts).toEqual(cliFeed(events, 3));
    await page.locator('.rb-range').fill('12');
    await page.waitForFunction(() => window.__brink?.day === 12);
    const ahead = await readFeed(page);
    expect(ahead.texts.length).toBeGreaterThanOrEqual(Math.min(30, feed.texts.length));
    expect(ahead.texts).toEqual(feed.texts.slice(0, ahead.texts.length));
    expect(ahead.count).toBe(feed.count);
    await page.mouse.move(640, 700);
    await page.waitForTimeout(400);
    await shot(page, 'replay-viewer');
    expect(errors).toEqual([]);
    await page.close();
    console.log(`node replay in the browser: ${Date.now() - t0} ms`);
  }, T);

  it('a replay saved in the browser after 6 days as Belarus verifies in Node; one order changed fails naming the day', async () => {
    const t0 = Date.now();
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=7&role=belarus`);
    const orders = await playCards(page, 'belarus', [1, 3, 2, 5, 1, 4]);
    const h = await hook(page);
    expect(h.day).toBe(6);
    const download = page.waitForEvent('download');
    await page.locator('.topbar').getByRole('button', { name: 'Save replay' }).click();
    const dl = await download;
    expect(dl.suggestedFilename()).toBe('brink-allied-resolve-2022-7-day6.json');
    const file = join(tmp, 'browser.json');
    await dl.saveAs(file);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as ReplayJson;
    expect(saved.checkpoints).toHaveLength(6);
    expect(saved.checkpoints[5]).toBe(h.hash);
    expect(Object.keys(saved.orders)).toEqual(['1', '2', '3', '4', '5', '6']);
    // The CLI's run with the same orders has the same hashes.
    const cli = cliRun(SCENARIO, '7', 'belarus', orders);
    expect(saved.checkpoints).toEqual(cli.turns.slice(0, 6).map((t) => t.hash));

    const ok = node(['src/cli/replay.ts', file]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('holds');
    // One order changed: the day it takes effect is named.
    const day = '2';
    const was = saved.orders[day]!;
    saved.orders[day] = was.action === 'peace-initiative' && was.target === 'osce' ? { action: 'peace-initiative', target: 'ukraine' } : { action: 'peace-initiative', target: 'osce' };
    const bad = join(tmp, 'browser-edited.json');
    writeFileSync(bad, JSON.stringify(saved));
    const no = node(['src/cli/replay.ts', bad]);
    expect(no.status).toBe(1);
    expect(no.stderr).toContain(`day ${day}`);
    expect(errors).toEqual([]);
    await page.close();
    console.log(`browser replay verified in node: ${Date.now() - t0} ms`);
  }, T);

  it('rejects tampered replays with the reason on screen, keeping the current game', async () => {
    const t0 = Date.now();
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=3&role=observer`);
    for (let d = 1; d <= 2; d++) {
      await page.keyboard.press('Space');
      await waitDay(page, d);
    }
    const before = await hook(page);
    // The top bar's Menu asks first; Stay keeps the game.
    await page.locator('.topbar').getByRole('button', { name: 'Menu', exact: true }).click();
    await page.locator('.modal').waitFor();
    expect(await page.locator('.modal-title').textContent()).toBe('Leave this game?');
    expect(await page.locator('.modal-text').textContent()).toContain('It is saved; you can resume it from the menu.');
    await page.getByRole('button', { name: 'Stay' }).click();
    expect((await hook(page)).screen).toBe('play');
    await page.locator('.topbar').getByRole('button', { name: 'Menu', exact: true }).click();
    await page.getByRole('button', { name: 'Leave' }).click();
    await page.waitForFunction(() => window.__brink?.screen === 'menu');

    // A truncated file: not a replay.
    await pickReplay(page, 'cut.json', recordedText.slice(0, Math.floor(recordedText.length / 2)));
    await page.locator('.notice-menu').waitFor();
    expect(await page.locator('.notice-menu').textContent()).toMatch(/not a replay/i);
    expect((await hook(page)).screen).toBe('menu');
    // Another kind of JSON: said plainly, with the file's name as given.
    await pickReplay(page, 'package.json', JSON.stringify({ name: 'brink', version: '1.0.0' }));
    await expect.poll(() => page.locator('.notice-menu .notice-text').textContent()).toMatch(/^Not a Brink replay — .*Save replay.*\(package\.json\)$/);
    // A future format version.
    await pickReplay(page, 'future.json', variant((r) => (r.version = 3)));
    await expect.poll(() => page.locator('.notice-menu .notice-text').textContent()).toMatch(/newer Brink/);
    // An unknown scenario.
    await pickReplay(page, 'elsewhere.json', variant((r) => (r.scenario.id = 'no-such-scenario')));
    await expect.poll(() => page.locator('.notice-menu .notice-text').textContent()).toMatch(/no-such-scenario.*does not include/);
    // The game in progress is untouched: still resumable at day 2, and the store still holds it.
    expect((await hook(page)).day).toBe(before.day);
    expect((await hook(page)).hash).toBe(before.hash);
    expect(await page.locator('.resume-text').textContent()).toBe('Allied Resolve 2022, day 2, Observer');
    await page.getByRole('button', { name: 'Dismiss the notice' }).click();
    expect(await page.locator('.notice-menu').isVisible()).toBe(false);

    // A wrong scenario hash: what verifyReplay reports (every day still matches, but the scenario changed).
    await pickReplay(page, 'rehashed.json', variant((r) => (r.scenario.hash = '0123456789abcdef')));
    await page.locator('.replay-bar').waitFor();
    await page.waitForFunction(() => window.__brink?.day === 1);
    await expect.poll(() => page.locator('.rb-alert').textContent()).toMatch(/scenario has changed/);
    expect(await page.locator('.rb-status').getAttribute('class')).toContain('warn');
    await page.locator('.replay-bar').getByRole('button', { name: 'Close the replay' }).click();
    await page.waitForFunction(() => window.__brink?.screen === 'menu');

    // Edited orders: the viewer names the diverging day and offers to play on from the day before.
    await pickReplay(page, 'edited.json', variant((r) => (r.orders['6'] = { action: 'war-rhetoric', target: 'nato' })));
    await page.locator('.replay-bar').waitFor();
    await page.waitForFunction(() => window.__brink?.screen === 'play' && window.__brink.day === 5);
    const alert = page.locator('.rb-alert.bad');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The replay diverges on day 6');
    expect(await page.locator('.rb-status').textContent()).toBe('Diverges on day 6');
    expect((await hook(page)).hash).toBe(recorded.checkpoints[4]);
    await page.mouse.move(640, 700);
    await page.waitForTimeout(400);
    await shot(page, 'replay-diverged');

    // Play on from day 5: the viewer closes; the next day is played live, as Belarus. The saved game
    // (day 2, observer) would be replaced, so it asks first.
    await page.getByRole('button', { name: 'Play on from day 5', exact: true }).click();
    await page.locator('.modal').waitFor();
    expect(await page.locator('.modal-text').textContent()).toContain('Allied Resolve 2022, day 2, Observer');
    await page.getByRole('button', { name: 'Play on', exact: true }).click();
    await page.waitForFunction(() => !document.querySelector('.replay-bar:not([hidden])'));
    expect((await hook(page)).day).toBe(5);
    await page.getByRole('button', { name: 'End day' }).click();
    await waitDay(page, 6);
    const cli = cliRun(SCENARIO, '11', 'belarus', { '3': ORDERS['3']! });
    expect((await hook(page)).hash).toBe(cli.turns[5]!.hash);
    expect(errors).toEqual([]);
    await page.close();
    console.log(`tampered replays: ${Date.now() - t0} ms`);
  }, T);

  it('a 60-day share link fits in a chat message and replays the same hash in a new page', async () => {
    const t0 = Date.now();
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=7&role=observer`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url.replace(/\/$/, '') });
    for (let d = 1; d <= 60; d++) {
      await page.keyboard.press('Space');
      await waitDay(page, d);
    }
    const h = await hook(page);
    expect(h.day).toBe(60);
    const cli7 = cliRun(SCENARIO, '7');
    expect(h.hash).toBe(cli7.turns[59]!.hash);
    await page.locator('.topbar').getByRole('button', { name: 'Copy link' }).click();
    let link: string;
    const copied = await page.locator('.toast.on').waitFor({ timeout: 3000 }).then(
      () => true,
      () => false,
    );
    if (copied) {
      link = await page.evaluate(() => navigator.clipboard.readText());
      expect(await page.locator('.toast').textContent()).toBe(`Link copied (${link.length.toLocaleString('en-US')} characters)`);
    } else {
      link = await page.locator('.link-input').inputValue();
    }
    console.log(`share link for a 60-day game: ${link.length} characters (${copied ? 'clipboard' : 'text field'})`);
    expect(link).toMatch(/#replay=/);
    expect(link.length).toBeLessThanOrEqual(2000);

    const other = await open(browser, link);
    // The link names no day: the viewer opens on day 1, and its last day is the game's.
    await other.page.waitForFunction(() => window.__brink?.day === 1);
    expect((await hook(other.page)).hash).toBe(cli7.turns[0]!.hash);
    await other.page.getByRole('button', { name: 'Last day' }).click();
    await other.page.waitForFunction(() => window.__brink?.day === 60);
    const h2 = await hook(other.page);
    expect(h2.screen).toBe('play');
    expect(h2.hash).toBe(h.hash);
    expect(await other.page.locator('.rb-status').textContent()).toBe('Verified · 60 days match');
    // A damaged link: a notice and the menu, no blank page.
    const broken = await open(browser, `${site.url}#replay=${'x'.repeat(40)}`);
    expect((await hook(broken.page)).screen).toBe('menu');
    expect(await broken.page.locator('.notice-menu').textContent()).toMatch(/share link/i);
    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
    expect(broken.errors).toEqual([]);
    await Promise.all([page.close(), other.page.close(), broken.page.close()]);
    console.log(`share link: ${Date.now() - t0} ms`);
  }, T);

  it('saves every day and resumes across a reload on the same day with the same hash; a corrupted save gets a notice', async () => {
    const t0 = Date.now();
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=5&role=belarus`);
    const orders: Orders = {};
    for (let d = 1; d <= 4; d++) {
      if (d === 2) {
        const main = page.locator('.card[data-action]:not(.hold) .card-main').first();
        await main.click();
        const action = (await main.getAttribute('data-action'))!;
        const target = (await main.getAttribute('data-target')) || undefined;
        orders[String(d)] = { belarus: target ? { action, target } : { action } };
      }
      await page.getByRole('button', { name: 'End day' }).click();
      await waitDay(page, d);
    }
    const before = await hook(page);
    expect(before.day).toBe(4);

    // Reload: the URL names the saved game, which resumes exactly.
    await page.reload();
    await page.waitForFunction(() => window.__brink?.ready === true && window.__brink.screen === 'play');
    expect(await hook(page)).toMatchObject({ day: 4, hash: before.hash });
    await mapDrawn(page);

    // The bare page shows the menu with Resume; Resume lands on the same day and hash.
    await page.goto(site.url);
    await page.waitForFunction(() => window.__brink?.ready === true && window.__brink.screen === 'menu');
    const resume = page.getByRole('button', { name: 'Resume: Allied Resolve 2022, day 4, Belarus' });
    await resume.waitFor();
    await page.mouse.move(10, 700);
    await shot(page, 'resume-menu');
    await resume.click();
    await page.waitForFunction(() => window.__brink?.screen === 'play' && window.__brink.ready);
    expect(await hook(page)).toMatchObject({ day: 4, hash: before.hash });
    await mapDrawn(page);

    // ?resume=1 resumes straight away; the next day matches the CLI with the same orders.
    await page.goto(`${site.url}?resume=1`);
    await page.waitForFunction(() => window.__brink?.ready === true && window.__brink.screen === 'play');
    expect(await hook(page)).toMatchObject({ day: 4, hash: before.hash });
    await page.getByRole('button', { name: 'End day' }).click();
    await waitDay(page, 5);
    expect((await hook(page)).hash).toBe(cliRun(SCENARIO, '5', 'belarus', orders).turns[4]!.hash);
    await mapDrawn(page);

    // Starting another game from the menu asks before it replaces the save.
    await page.locator('.topbar').getByRole('button', { name: 'Menu', exact: true }).click();
    await page.getByRole('button', { name: 'Leave' }).click();
    await page.waitForFunction(() => window.__brink?.screen === 'menu');
    await page.getByRole('button', { name: 'Start the game' }).click();
    await page.locator('.modal').waitFor();
    expect(await page.locator('.modal-title').textContent()).toBe('Start a new game?');
    await page.getByRole('button', { name: 'Keep it' }).click();
    expect((await hook(page)).screen).toBe('menu');
    expect(await page.locator('.resume-text').textContent()).toBe('Allied Resolve 2022, day 5, Belarus');

    // A corrupted save: a clear notice and the fresh menu.
    await page.evaluate(() => localStorage.setItem('brink.save', '{"format":"brink-save",garbage'));
    await page.goto(site.url);
    await page.waitForFunction(() => window.__brink?.ready === true);
    expect((await hook(page)).screen).toBe('menu');
    const notice = page.locator('.notice-menu');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/saved game could not be used/i);
    expect(await page.locator('.resume-card').isVisible()).toBe(false);
    expect(await page.locator('.menu-card.scenario').count()).toBeGreaterThanOrEqual(4);
    // A foreign one too.
    await page.evaluate(() => localStorage.setItem('brink.save', JSON.stringify({ hello: 'world' })));
    await page.reload();
    await page.waitForFunction(() => window.__brink?.ready === true);
    expect(await page.locator('.notice-menu').textContent()).toMatch(/not a Brink save/i);
    expect(errors).toEqual([]);
    await page.close();
    console.log(`save and resume: ${Date.now() - t0} ms`);
  }, T);
});
