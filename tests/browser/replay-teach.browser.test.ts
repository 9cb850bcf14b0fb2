// Teaching with replays (issue 18) in real Chromium against the BUILT game: a link with &day=23 opens the
// viewer on day 23 (without a day on day 1; a bad day is ignored or clamped) and the address bar follows
// the day shown without adding to the history; the timeline's marks jump to their day (by click, by the
// keyboard, by [ and ]) and are 44 px on a phone; two notes added in the viewer travel in the link to a
// fresh browser and show on their days; the debrief's turning points open their day in the viewer, for a
// replay and for a game just played; the map at a day shows the same units in the same places whether the
// viewer opened on it or jumped there through other days. No console errors anywhere. Screenshots: tests/screenshots/replay-teach-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { buildSite } from '../../src/cli/browser/site';
import { launchChromium } from '../../src/cli/browser/chromium';
import { serve, type Served } from '../../src/cli/browser/serve';
import { loadScenario, makeReplay, runGame, type Replay } from '../../src/sim/index';
import { diskReader } from '../../src/cli/files';
import { readDayFragment, readReplayFragment, replayLink } from '../../src/store/replay-link';
import { nextMarkedDay, timelineMarks, type MarkedDay } from '../../src/store/replay-marks';
import { createSession } from '../../src/store/session';
import { hook, mapDrawn, open, shot } from './page';

const T = 180_000;
const FILE = 'scenarios/allied-resolve-2022.yaml';
const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };
const ORDERS = { '3': { action: 'peace-initiative', target: 'ukraine' }, '6': { action: 'war-rhetoric', target: 'ukraine' } };

let browser: Browser;
let site: Served;
/** Seed 3 as Belarus with two orders, played to its end (a war), without notes. */
let replay: Replay;
/** Its marked days, as the store computes them (the browser must show the same). */
let marked: MarkedDay[];
/** The last day it has. */
let last: number;

beforeAll(async () => {
  const t0 = Date.now();
  const r = loadScenario(FILE, diskReader);
  if (!r.ok) throw new Error('the base scenario does not load');
  const byDay: Record<number, { action: string; target: string }> = { 3: ORDERS['3'], 6: ORDERS['6'] };
  const run = runGame(r.scenario, '3', { role: 'belarus', turns: 90, orders: (turn) => (byDay[turn] ? { belarus: byDay[turn] } : {}) });
  replay = makeReplay(r.scenario, '3', 'belarus', ORDERS, run.turns.map((t) => t.hash), run.outcome);
  last = replay.checkpoints.length;
  const store = createSession();
  if (store.getState().openReplay(replay, FILE, diskReader)) throw new Error('the replay does not open');
  marked = timelineMarks(store.getState());
  site = await serve(buildSite());
  browser = await launchChromium();
  console.log(`replay-teach: ${last} days (${run.outcome?.id}), ${marked.length} marked days; built and launched in ${Date.now() - t0} ms`);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const link = (day?: number, r: Replay = replay) => replayLink(site.url, r, day);

/** The day the viewer shows, as the bar says it ("Day 23"), checked against the page's hook. */
async function dayShown(page: Page): Promise<number> {
  const text = (await page.locator('.rb-day-num').textContent())!;
  const day = Number(text.replace('Day ', ''));
  expect((await hook(page)).day).toBe(day);
  return day;
}

async function waitDay(page: Page, day: number): Promise<void> {
  await page.waitForFunction((d) => window.__brink?.day === d && document.querySelector('.rb-day-num')?.textContent === `Day ${d}`, day, { timeout: 30_000 });
}

/** Opens a link in a new browser context and waits for the viewer on `day`. */
async function openViewer(url: string, day: number, size = DESKTOP) {
  const opened = await open(browser, url, size);
  await opened.page.locator('.replay-bar').waitFor();
  await waitDay(opened.page, day);
  return opened;
}

/** Waits until the address bar names `day`, and returns the address. */
async function addressDay(page: Page, day: number): Promise<string> {
  await page.waitForFunction((d) => new RegExp(`[#&]day=${d}$`).test(location.hash), day);
  return page.evaluate(() => location.href);
}

/** The link a share button copied (the clipboard, or the fallback field where the clipboard is refused). */
async function copied(page: Page, button: Locator): Promise<string> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url.replace(/\/$/, '') });
  await button.click();
  const toast = await page.locator('.toast.on').waitFor({ timeout: 3000 }).then(
    () => true,
    () => false,
  );
  return toast ? page.evaluate(() => navigator.clipboard.readText()) : page.locator('.link-input').inputValue();
}

/** Writes a note in the editor open on screen and saves it. */
async function writeNote(page: Page, text: string): Promise<void> {
  const area = page.locator('.note-editor textarea');
  await area.fill(text);
  await page.locator('.note-editor').getByRole('button', { name: 'Save' }).click();
  await page.locator('.note-editor').waitFor({ state: 'detached' });
}

describe('Teaching with replays in Chromium', () => {
  it('a link with &day=23 opens on day 23; the address bar follows the day; bad days are ignored or clamped', async () => {
    const t0 = Date.now();
    const { page, errors } = await openViewer(link(23), 23);
    expect(await dayShown(page)).toBe(23);
    expect(await page.locator('.rb-range').inputValue()).toBe('23');
    expect(await page.locator('.rb-status').textContent()).toBe(`Verified · ${last} days match`);
    await addressDay(page, 23);
    // Stepping on rewrites the address in place: the history does not grow.
    const before = await page.evaluate(() => history.length);
    await page.locator('.brand').click();
    for (let d = 24; d <= 26; d++) {
      await page.keyboard.press('ArrowRight');
      await waitDay(page, d);
    }
    const href = await addressDay(page, 26);
    expect(await page.evaluate(() => history.length)).toBe(before);
    expect(readReplayFragment(href.slice(href.indexOf('#')))?.ok).toBe(true);
    // Editing the day in the address bar (no reload) moves the viewer there.
    await page.evaluate(() => (location.hash = location.hash.replace(/day=\d+$/, 'day=10')));
    await waitDay(page, 10);
    // A reload keeps the day.
    await page.reload();
    await page.waitForFunction(() => window.__brink?.ready === true);
    await waitDay(page, 10);

    // Without a day: day 1. Beyond the replay: its last day. Not a number: ignored (day 1).
    const plain = await openViewer(link(), 1);
    expect(await dayShown(plain.page)).toBe(1);
    const beyond = await openViewer(`${link()}&day=999`, last);
    expect(await dayShown(beyond.page)).toBe(last);
    const junk = await openViewer(`${link()}&day=twenty`, 1);
    expect(await junk.page.locator('.rb-status').textContent()).toBe(`Verified · ${last} days match`);
    for (const o of [plain, beyond, junk]) {
      expect(o.errors).toEqual([]);
      await o.page.close();
    }
    expect(errors).toEqual([]);
    await page.close();
    console.log(`links to a day: ${Date.now() - t0} ms`);
  }, T);

  it('the timeline marks tell the story: each one names its day, jumps there, and is reachable by keyboard', async () => {
    const t0 = Date.now();
    const { page, errors } = await openViewer(link(), 1);
    const marks = page.locator('.rb-mark');
    const n = await marks.count();
    expect(n).toBeGreaterThan(3);
    // Every marked day is in exactly one button, in order, and the buttons do not overlap.
    const rows = await marks.evaluateAll((els) => els.map((e) => ({ days: e.getAttribute('data-days')!.split(' ').map(Number), name: e.getAttribute('aria-label')!, tip: e.getAttribute('data-tip')!, box: e.getBoundingClientRect().toJSON() as DOMRect })));
    expect(rows.flatMap((r) => r.days)).toEqual(marked.map((d) => d.day));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.box.left).toBeGreaterThanOrEqual(rows[i - 1]!.box.right - 0.5);
    for (const r of rows) {
      expect(r.name).toMatch(r.days.length > 1 ? /^Days \d+ to \d+, \d+ marked days\. Day/ : /^Day \d+ · \d+ \w{3} \d{4}: /);
      expect(r.box.width).toBeGreaterThanOrEqual(24);
    }
    // The turning points, band changes, incidents and the player's moves are all there, named.
    const names = rows.map((r) => r.name).join('\n');
    for (const what of ['Turning point 1 — ', 'Turning point 4 — ', 'Band change — Tension rises into', 'Incident — ', "Belarus's move — "]) expect(names).toContain(what);
    expect((await page.locator('.rb-legend-item').allTextContents()).map((t) => t.replace(/^\d/, ''))).toEqual(['Note', 'Turning point', 'Band change', 'Incident', "Belarus's move"]);

    // The tooltip: the day, the date and what happened.
    const tp4 = marked.find((d) => d.marks.some((m) => m.kind === 'turning' && m.n === 4))!;
    const btn = page.locator('.rb-mark', { has: page.locator('.mk-tp[data-n="4"]') }).first();
    await btn.hover();
    await page.locator('.tooltip.on').waitFor();
    const tip = (await page.locator('.tooltip.on').textContent())!;
    expect(tip).toContain(`Day ${tp4.day} · `);
    expect(tip).toContain('Turning point 4 — ');
    // A click jumps to its day (a merged button to its first day; again, to the next).
    const days = (await btn.getAttribute('data-days'))!.split(' ').map(Number);
    await btn.click();
    await waitDay(page, days[0]!);
    if (days.length > 1) {
      await btn.click();
      await waitDay(page, days[1]!);
    }
    expect(await btn.getAttribute('aria-current')).toBe('true');
    expect(await btn.getAttribute('class')).toContain(' on');
    // The day's marks show under the timeline as chips.
    const shown = (await hook(page)).day;
    const chips = marked.find((d) => d.day === shown)!.marks.filter((m) => m.kind === 'turning' || m.kind === 'incident').map((m) => m.title);
    expect(chips.length).toBeGreaterThan(0);
    expect((await page.locator('.rb-did .rb-chip').allTextContents()).map((t) => t.replace(/^\d/, ''))).toEqual(expect.arrayContaining(chips));

    // Keyboard: the row is one tab stop; ← → move along it, Enter jumps.
    await page.locator('.rb-mark[tabindex="0"]').focus();
    const at = await page.evaluate(() => [...document.querySelectorAll('.rb-mark')].indexOf(document.activeElement!));
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => [...document.querySelectorAll('.rb-mark')].indexOf(document.activeElement!))).toBe(1);
    expect(at).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await waitDay(page, rows[1]!.days[0]!);
    expect(await page.locator('.rb-mark[tabindex="0"]').count()).toBe(1);
    // [ and ] go to the previous and next marked day, from anywhere.
    await page.locator('.brand').click();
    let day = (await hook(page)).day;
    for (const [key, dir] of [[']', 1], [']', 1], ['[', -1]] as const) {
      await page.keyboard.press(key);
      day = nextMarkedDay(marked, day, dir)!;
      await waitDay(page, day);
    }
    // The keys dialog lists them.
    await page.keyboard.press('?');
    expect(await page.locator('.keys-help').textContent()).toContain('the previous or the next mark on the timeline');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();

    // On a phone every mark is at least 44 px square, and a tap jumps.
    const phone = await openViewer(link(), 1, PHONE);
    const boxes = await phone.page.locator('.rb-mark').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes.length).toBeGreaterThan(1);
    for (const b of boxes) expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(44);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left).toBeGreaterThanOrEqual(boxes[i - 1]!.right - 0.5);
    const lastMark = phone.page.locator('.rb-mark').last();
    await lastMark.scrollIntoViewIfNeeded();
    await lastMark.click();
    await waitDay(phone.page, Number((await lastMark.getAttribute('data-days'))!.split(' ')[0]));
    expect(phone.errors).toEqual([]);
    await phone.page.close();
    console.log(`timeline marks: ${Date.now() - t0} ms`);
  }, T);

  it('notes: two notes added in the viewer travel in the link to a fresh browser, each on its day', async () => {
    const t0 = Date.now();
    const { page, errors } = await openViewer(link(), 1);
    await page.locator('.rb-range').fill('5');
    await waitDay(page, 5);
    // The editor: a live count, errors in words, Esc cancels.
    await page.getByRole('button', { name: 'Add a note to day 5' }).click();
    const editor = page.locator('.note-editor');
    await editor.waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await editor.locator('.note-day').textContent()).toBe('On Day 5 · 31 Dec 2021');
    await editor.getByRole('button', { name: 'Save' }).click();
    expect(await editor.locator('.note-error').textContent()).toMatch(/^This note cannot be saved: the note is empty/);
    await editor.locator('textarea').fill('x'.repeat(281));
    expect(await editor.locator('.note-count').textContent()).toBe('281 / 280');
    expect(await editor.locator('.note-count').getAttribute('class')).toContain('over');
    await editor.getByRole('button', { name: 'Save' }).click();
    expect(await editor.locator('.note-error').textContent()).toMatch(/281 characters; a note is at most 280 — shorten it/);
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    expect(await page.locator('.rb-caption').isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Add a note to day 5' }).click();
    await editor.locator('textarea').fill('The exercises are announced');
    expect(await editor.locator('.note-count').textContent()).toBe('27 / 280');
    await writeNote(page, 'Day five: look at the units massing north of Kyiv.');
    await expect.poll(() => page.locator('.rb-caption .rb-note-text').allTextContents()).toEqual(['Day five: look at the units massing north of Kyiv.']);
    expect(await page.locator('.rb-caption-k').textContent()).toBe('Note · Day 5 · 31 Dec 2021');
    await page.locator('.rb-range').fill('12');
    await waitDay(page, 12);
    expect(await page.locator('.rb-caption').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Add a note to day 12' }).click();
    await writeNote(page, 'Twelve days in, and tension has not moved. Why?');
    // A third, deleted again; the first edited.
    await page.getByRole('button', { name: 'Add a note to day 12' }).click();
    await writeNote(page, 'A slip of the pen.');
    expect(await page.locator('.rb-caption .rb-note-text').count()).toBe(2);
    await page.getByRole('button', { name: /^Edit the note: A slip/ }).click();
    await editor.getByRole('button', { name: 'Delete' }).click();
    await editor.waitFor({ state: 'detached' });
    expect(await page.locator('.rb-caption .rb-note-text').allTextContents()).toEqual(['Twelve days in, and tension has not moved. Why?']);
    await page.locator('.rb-range').fill('5');
    await waitDay(page, 5);
    await page.getByRole('button', { name: /^Edit the note: Day five/ }).click();
    expect(await editor.locator('textarea').inputValue()).toBe('Day five: look at the units massing north of Kyiv.');
    await writeNote(page, 'Day five: the units mass north of Kyiv.');
    // The notes are marks on the timeline.
    const noteDays = await page.locator('.rb-mark').evaluateAll((els) => els.flatMap((e) => (e.classList.contains('k-note') ? e.getAttribute('data-days')!.split(' ').map(Number) : [])));
    expect(noteDays).toEqual(expect.arrayContaining([5]));
    expect((await page.locator('.rb-mark').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!))).join('\n')).toContain('Note — Twelve days in');
    await shotBoth(page, 'replay-teach');

    // The address bar carries the notes and the day: a reload keeps both.
    const href = await addressDay(page, 5);
    const read = readReplayFragment(href.slice(href.indexOf('#')));
    if (!read?.ok) throw new Error('the address bar does not carry a replay');
    expect(read.replay.notes).toEqual([
      { day: 5, text: 'Day five: the units mass north of Kyiv.' },
      { day: 12, text: 'Twelve days in, and tension has not moved. Why?' },
    ]);
    await page.reload();
    await page.waitForFunction(() => window.__brink?.ready === true);
    await waitDay(page, 5);
    expect(await page.locator('.rb-caption .rb-note-text').allTextContents()).toEqual(['Day five: the units mass north of Kyiv.']);

    // Copy link: the notes open in a fresh browser context, on day 1; each shows on its day.
    const shared = await copied(page, page.locator('.replay-bar').getByRole('button', { name: 'Copy link', exact: true }));
    expect(readDayFragment(shared.slice(shared.indexOf('#')))).toBeUndefined();
    const fresh = await openViewer(shared, 1);
    expect(await fresh.page.locator('.rb-caption').isVisible()).toBe(false);
    for (const [day, text] of [[12, 'Twelve days in, and tension has not moved. Why?'], [5, 'Day five: the units mass north of Kyiv.']] as const) {
      await fresh.page.locator('.rb-range').fill(String(day));
      await waitDay(fresh.page, day);
      expect(await fresh.page.locator('.rb-caption .rb-note-text').allTextContents()).toEqual([text]);
    }
    // Copy link to this day: it opens on day 12, its note in sight.
    await page.locator('.rb-range').fill('12');
    await waitDay(page, 12);
    const toDay = await copied(page, page.getByRole('button', { name: 'Copy link to this day' }));
    expect(toDay).toMatch(/&day=12$/);
    const atDay = await openViewer(toDay, 12);
    expect(await atDay.page.locator('.rb-caption .rb-note-text').allTextContents()).toEqual(['Twelve days in, and tension has not moved. Why?']);
    for (const o of [fresh, atDay]) {
      expect(o.errors).toEqual([]);
      await o.page.close();
    }
    expect(errors).toEqual([]);
    await page.close();
    console.log(`notes: ${Date.now() - t0} ms`);
  }, T);

  it("the debrief's turning points open their day: in a replay, and for a game just played", async () => {
    const t0 = Date.now();
    // A replay's debrief: back to the viewer on the turning point's day.
    const { page, errors } = await openViewer(link(last), last);
    await page.getByRole('button', { name: 'Show the debrief' }).click();
    await page.waitForFunction(() => window.__brink?.screen === 'debrief');
    const tps = page.locator('.debrief .tp-link');
    expect(await tps.count()).toBe(4);
    const turning = marked.filter((d) => d.marks.some((m) => m.kind === 'turning')).map((d) => d.day);
    expect(await tps.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-day'))))).toEqual(turning);
    expect(await tps.nth(1).textContent()).toMatch(new RegExp(`^2 Day ${turning[1]} · \\d+ \\w{3} \\d{4} `));
    expect(await page.locator(`#${await tps.nth(1).getAttribute('aria-describedby')}`).textContent()).toBe('Opens this day in the replay viewer');
    await tps.nth(1).click();
    await page.waitForFunction(() => window.__brink?.screen === 'play');
    await waitDay(page, turning[1]!);
    expect(await dayShown(page)).toBe(turning[1]);
    // The scrubber takes focus once the viewer shows (a frame or more later).
    await page.waitForFunction(() => document.activeElement?.classList.contains('rb-range') === true, undefined, { timeout: 5_000 });
    await addressDay(page, turning[1]!);
    expect(errors).toEqual([]);
    await page.close();

    // A game just played (an observer's autoplay to its end): its own replay opens in the viewer on that day.
    const game = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=181&role=observer&autoplay=1&speed=3&alerts=0`);
    await game.page.waitForFunction(() => window.__brink?.screen === 'debrief', null, { timeout: 90_000, polling: 100 });
    const end = (await hook(game.page)).day;
    const first = game.page.locator('.debrief .tp-link').first();
    const day = Number(await first.getAttribute('data-day'));
    expect(day).toBeGreaterThan(0);
    await first.click();
    await game.page.locator('.replay-bar').waitFor();
    await waitDay(game.page, day);
    expect(await game.page.locator('.rb-status').textContent()).toBe(`Verified · ${end} days match`);
    expect(await game.page.locator('.tb-replay').isVisible()).toBe(true);
    await addressDay(game.page, day);
    await mapDrawn(game.page);
    expect(game.errors).toEqual([]);
    await game.page.close();
    console.log(`debrief turning points: ${Date.now() - t0} ms`);
  }, T);

  it('the map at a day shows the same units in the same places whichever way the viewer reached it', async () => {
    // Opened on the day, or jumped to it from day 1 through the last day: units that come later are
    // built hidden while the page is idle, and hidden and kept when a jump takes them off the map.
    const day = Math.min(40, last - 5);
    const settled = async (page: Page) => {
      await page.waitForFunction(() => window.__brink?.mapView?.animations === 0, null, { timeout: 10_000 });
      const units = (await page.evaluate(() => JSON.parse(JSON.stringify(window.__brink!.mapView!.units)))) as { name: string; x: number; y: number }[];
      return [...units].sort((a, b) => a.name.localeCompare(b.name) || a.x - b.x || a.y - b.y);
    };
    const direct = await openViewer(link(day), day);
    await mapDrawn(direct.page);
    const there = await settled(direct.page);
    expect(there.length).toBeGreaterThan(3);
    await direct.page.close();
    const walk = await openViewer(link(), 1);
    await mapDrawn(walk.page);
    await walk.page.waitForTimeout(1500);
    for (const d of [last, 2, day]) {
      await walk.page.locator('.rb-range').fill(String(d));
      await waitDay(walk.page, d);
    }
    expect(await settled(walk.page)).toEqual(there);
    expect(direct.errors).toEqual([]);
    expect(walk.errors).toEqual([]);
    await walk.page.close();
  }, T);
});

/** Screenshots of the viewer as it is, at 1280×720 and 390×844 (the phone scrolled to the caption and the bar). */
async function shotBoth(page: Page, name: string): Promise<void> {
  await page.mouse.move(640, 300);
  await page.waitForFunction(() => !document.querySelector('.toast.on'), null, { timeout: 8000 });
  await page.waitForTimeout(400);
  await shot(page, `${name}-1280x720`);
  const href = await page.evaluate(() => location.href);
  const phone = await open(browser, href, PHONE);
  await phone.page.locator('.replay-bar').waitFor();
  await mapDrawn(phone.page);
  await phone.page.locator('.rb-caption').scrollIntoViewIfNeeded();
  await phone.page.evaluate(() => document.querySelector('.play')!.scrollBy(0, 140));
  await phone.page.waitForTimeout(400);
  await shot(phone.page, `${name}-390x844`);
  expect(phone.errors).toEqual([]);
  await phone.page.close();
}
