// Named saves in real Chromium against the BUILT game: play three days as Belarus, save as "Before the
// speech", play on, save under another name, then in the Saves dialog rename one, delete one (and undo),
// load the other and land on its day and hash (the autosave follows, so a reload resumes it); the dialog
// takes focus, keeps Tab inside, closes on Esc and gives focus back, and axe finds nothing serious in it.
// A replay watched in the viewer is saved with its notes on the day shown and opens there again from the
// menu. Export all saves, then import the file into a fresh browser: every save and the autosave are
// there; a second import skips them as already here; a replay file is refused with its reason. At
// 390×844 the dialog fills the screen and every control is at least 44 px; with the storage full, a
// save is refused in words and the list stays as it was. No console errors.
// Screenshots: tests/screenshots/saves-*.png.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { buildSite } from '../../src/cli/browser/site';
import { launchChromium } from '../../src/cli/browser/chromium';
import { serve, type Served } from '../../src/cli/browser/serve';
import { loadScenario, makeReplay, runGame, type Replay } from '../../src/sim/index';
import { diskReader } from '../../src/cli/files';
import { replayLink } from '../../src/store/replay-link';
import { hook, open, playCards, shot, waitDay } from './page';

const T = 180_000;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 390, height: 844 };

let browser: Browser;
let site: Served;
let tmp: string;
/** A 12-day replay (seed 11, Belarus) with two notes, and its share link. */
let noted: Replay;
let link: string;
/** The file "Export all saves" downloaded in the first test. */
let exported = '';

beforeAll(async () => {
  const t0 = Date.now();
  tmp = mkdtempSync(join(tmpdir(), 'brink-saves-test-'));
  const r = loadScenario('scenarios/allied-resolve-2022.yaml', diskReader);
  if (!r.ok) throw new Error('the base scenario does not load');
  const orders = { '3': { action: 'peace-initiative', target: 'ukraine' } };
  const run = runGame(r.scenario, '11', { role: 'belarus', turns: 12, orders: (turn) => (turn === 3 ? { belarus: orders['3'] } : {}) });
  noted = makeReplay(r.scenario, '11', 'belarus', orders, run.turns.map((t) => t.hash), null, [
    { day: 3, text: 'Minsk offers talks.' },
    { day: 7, text: 'Watch the border here.' },
  ]);
  site = await serve(buildSite());
  link = replayLink(site.url, noted);
  browser = await launchChromium();
  console.log(`saves browser tests: built and launched in ${Date.now() - t0} ms`);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const dialog = (page: Page) => page.locator('.modal.saves');
/** The names of the saves listed, in order (the autosave as "[autosave]"). */
const names = (page: Page) => page.locator('.saves-list .saves-item').evaluateAll((els) => els.map((e) => (e.classList.contains('saves-auto') ? '[autosave]' : e.classList.contains('saves-undo') ? '[undo]' : (e.querySelector('.saves-label')?.textContent ?? e.querySelector('.saves-name-t')?.textContent ?? ''))));
const row = (page: Page, name: string) => page.locator('.saves-item').filter({ has: page.locator('.saves-label', { hasText: new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) }) });
const focusIn = (page: Page, sel: string) => page.evaluate((s) => !!document.activeElement?.closest(s), sel);

async function openFromTopBar(page: Page): Promise<void> {
  await page.locator('.topbar').getByRole('button', { name: 'Saves' }).click();
  await dialog(page).waitFor();
}

async function saveAs(page: Page, name: string): Promise<void> {
  await page.locator('#saves-name').fill(name);
  await page.locator('#saves-name').press('Enter');
  await row(page, name).waitFor();
}

/** Runs axe on the page as it is; the serious and critical violations. */
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const r = await page.evaluate(() => (window as unknown as { axe: { run(c: Element, o: object): Promise<AxeResults> } }).axe.run(document.querySelector('.modal.saves')!, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }));
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('Named saves in Chromium', () => {
  it('saves twice by name, renames, deletes with undo, loads one back on its day; exports every save', async () => {
    const t0 = Date.now();
    const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=7&role=belarus`);
    await playCards(page, 'belarus', [1, 3, 2]);
    const day3 = await hook(page);
    expect(day3.day).toBe(3);
    await shot(page, 'saves-topbar-1280');

    await openFromTopBar(page);
    // The dialog takes focus on the name, suggested from the game.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('saves-name');
    expect(await page.locator('#saves-name').inputValue()).toBe('Belarus, day 3');
    expect(await page.locator('.saves-form label').textContent()).toBe('Save this game as');
    await saveAs(page, 'Before the speech');
    expect(await page.locator('.saves-status').textContent()).toBe('Saved as “Before the speech”.');
    expect(await names(page)).toEqual(['[autosave]', 'Before the speech']);
    expect(await row(page, 'Before the speech').locator('.saves-meta').textContent()).toMatch(/^Allied Resolve 2022 · day 3 · Belarus · saved \d+ \w+ \d{4}, \d\d:\d\d$/);
    // Tab stays inside: Shift+Tab from the first control goes to the last, Tab from the last to the first.
    await page.locator('.saves-x').focus();
    await page.keyboard.press('Shift+Tab');
    expect(await focusIn(page, '.modal.saves')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Import saves…');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('saves-x'))).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.mouse.move(0, 0);
    await shot(page, 'saves-dialog-1280');
    // Esc closes it and focus goes back to the top bar's Saves.
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Saves');

    await playCards(page, 'belarus', [4, 2]);
    expect((await hook(page)).day).toBe(5);
    await openFromTopBar(page);
    await saveAs(page, 'After the speech');
    expect(await names(page)).toEqual(['[autosave]', 'After the speech', 'Before the speech']);
    // A name that is taken: asked first; "Keep it" saves nothing.
    await page.locator('#saves-name').fill('before the SPEECH');
    await page.locator('#saves-name').press('Enter');
    await page.locator('.modal-title', { hasText: 'Replace “Before the speech”?' }).waitFor();
    await page.getByRole('button', { name: 'Keep it' }).click();
    expect(await names(page)).toEqual(['[autosave]', 'After the speech', 'Before the speech']);

    // Rename: in place, Enter confirms; a taken name is refused with the reason.
    await row(page, 'After the speech').getByRole('button', { name: 'Rename After the speech' }).click();
    const input = page.getByRole('textbox', { name: 'New name for After the speech' });
    expect(await input.evaluate((e) => e === document.activeElement)).toBe(true);
    await input.fill('Before the speech');
    await input.press('Enter');
    expect(await page.locator('.saves-rename .saves-err').textContent()).toBe('A save named “Before the speech” already exists');
    await input.fill('Day five');
    await input.press('Enter');
    await row(page, 'Day five').waitFor();
    expect(await names(page)).toEqual(['[autosave]', 'Day five', 'Before the speech']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Rename Day five');

    // Delete offers Undo (focused); Undo puts it back; delete again.
    await page.getByRole('button', { name: 'Delete Day five' }).click();
    expect(await names(page)).toEqual(['[autosave]', 'Before the speech', '[undo]']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Undo: put back “Day five”');
    await page.keyboard.press('Enter');
    expect(await names(page)).toEqual(['[autosave]', 'Day five', 'Before the speech']);
    await page.getByRole('button', { name: 'Delete Day five' }).click();
    expect(await names(page)).toEqual(['[autosave]', 'Before the speech', '[undo]']);

    // Load the one left: it replaces the unfinished game as the autosave, so the game asks first.
    await page.getByRole('button', { name: 'Load Before the speech' }).click();
    await page.locator('.modal-title', { hasText: 'Load this save?' }).waitFor();
    expect(await page.locator('.modal-text').textContent()).toContain('Allied Resolve 2022, day 5, Belarus');
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await dialog(page).waitFor({ state: 'detached' });
    await page.waitForFunction(() => window.__brink?.day === 3);
    expect(await hook(page)).toMatchObject({ day: 3, hash: day3.hash, screen: 'play' });
    // It is the game in progress now: a reload resumes it on day 3.
    await page.reload();
    await page.waitForFunction(() => window.__brink?.ready === true && window.__brink.screen === 'play');
    expect(await hook(page)).toMatchObject({ day: 3, hash: day3.hash });

    // Export from the menu's Saves…
    await page.locator('.topbar').getByRole('button', { name: 'Menu', exact: true }).click();
    await page.getByRole('button', { name: 'Leave', exact: true }).click();
    await page.waitForFunction(() => window.__brink?.screen === 'menu');
    await shot(page, 'saves-menu-1280');
    await page.getByRole('button', { name: 'Saves…' }).click();
    await dialog(page).waitFor();
    expect(await page.locator('.saves-form').count()).toBe(0);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export all saves' }).click();
    const dl = await download;
    expect(dl.suggestedFilename()).toMatch(/^brink-saves-\d{4}-\d\d-\d\d\.json$/);
    const file = join(tmp, 'saves.json');
    await dl.saveAs(file);
    exported = readFileSync(file, 'utf8');
    const data = JSON.parse(exported) as { format: string; version: number; autosave: { replay: Replay }; saves: { name: string; replay: Replay }[] };
    expect([data.format, data.version]).toEqual(['brink-saves', 1]);
    expect(data.saves.map((s) => s.name)).toEqual(['Before the speech']);
    expect(data.autosave.replay.checkpoints).toHaveLength(3);
    expect(await page.locator('.saves-status').textContent()).toBe(`Exported 1 named save and the autosave to ${dl.suggestedFilename()}.`);
    expect(errors).toEqual([]);
    await page.close();
    console.log(`save, rename, delete, load, export: ${Date.now() - t0} ms`);
  }, T);

  it('a replay watched in the viewer is saved with its notes on the day shown, and opens there again', async () => {
    const t0 = Date.now();
    const { page, errors } = await open(browser, link);
    await page.locator('.replay-bar').waitFor();
    await page.locator('.rb-range').fill('7');
    await page.waitForFunction(() => window.__brink?.day === 7);
    await openFromTopBar(page);
    expect(await page.locator('.saves-form label').textContent()).toBe('Save this replay (day 7) as');
    await saveAs(page, 'The border');
    expect(await row(page, 'The border').locator('.saves-meta').textContent()).toMatch(/^Allied Resolve 2022 · day 7 of 12 · Belarus · saved /);
    expect(await row(page, 'The border').locator('.saves-tag').textContent()).toBe('Replay');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Close the replay' }).click();
    await page.waitForFunction(() => window.__brink?.screen === 'menu');
    // The viewer is never autosaved: the menu's Saves lists only the named save.
    await page.getByRole('button', { name: 'Saves…' }).click();
    expect(await names(page)).toEqual(['The border']);
    await page.getByRole('button', { name: 'Watch The border' }).click();
    await page.waitForFunction(() => window.__brink?.screen === 'play' && window.__brink.day === 7);
    expect(await page.locator('.rb-status').textContent()).toMatch(/Verified/);
    // Its notes came with it: the export carries them.
    await page.locator('.topbar').getByRole('button', { name: 'Saves' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export all saves' }).click();
    const saved = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { autosave: unknown; saves: { kind: string; day: number; replay: Replay }[] };
    expect(saved.autosave).toBeNull();
    expect(saved.saves.map((s) => [s.kind, s.day, s.replay.notes])).toEqual([['replay', 7, noted.notes]]);
    expect(errors).toEqual([]);
    await page.close();
    console.log(`viewer save: ${Date.now() - t0} ms`);
  }, T);

  it('imports the exported file into a fresh browser at 390×844; again skips them; a replay file is refused', async () => {
    const t0 = Date.now();
    expect(exported).not.toBe('');
    const { page, errors } = await open(browser, site.url, PHONE);
    expect(await page.locator('.resume-card').isHidden()).toBe(true);
    await shot(page, 'saves-menu-390');
    await page.getByRole('button', { name: 'Saves…' }).click();
    await dialog(page).waitFor();
    expect(await page.locator('.saves-empty').textContent()).toMatch(/^No named saves yet/);
    const pick = async (name: string, text: string) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import saves…' }).click();
      await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    };
    await pick('saves.json', exported);
    await page.locator('.saves-status-head', { hasText: 'Imported 2 saves.' }).waitFor();
    expect(await page.locator('.saves-report li').allTextContents()).toEqual(['Imported “Before the speech”.', 'Imported the autosave: Resume in the menu carries on from it.']);
    expect(await names(page)).toEqual(['[autosave]', 'Before the speech']);
    // Every control of the dialog is a 44 px tap target, and the dialog fits the screen.
    const small = await page.locator('.modal.saves button:visible, .modal.saves input:visible').evaluateAll((els) => els.map((e) => [e.getAttribute('aria-label') ?? e.textContent, e.getBoundingClientRect()] as const).filter(([, r]) => r.height < 44 || r.width < 44).map(([n]) => n));
    expect(small).toEqual([]);
    const box = await dialog(page).boundingBox();
    expect(box!.width).toBeLessThanOrEqual(PHONE.width);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'saves-import-390');

    await pick('saves.json', exported);
    await page.locator('.saves-status-head', { hasText: 'Imported 0 saves, skipped 2.' }).waitFor();
    expect(await page.locator('.saves-report li').allTextContents()).toEqual(['Skipped “Before the speech”: it is already here.', 'Skipped the autosave: it is the same as this browser’s autosave.']);
    await pick('noted.json', JSON.stringify(noted));
    await page.locator('.saves-status-head', { hasText: 'noted.json could not be imported' }).waitFor();
    expect(await page.locator('.saves-status-head').textContent()).toBe('Noted.json could not be imported: this is a replay, not a saves file — open it with “Open a replay…”');
    expect(await names(page)).toEqual(['[autosave]', 'Before the speech']);

    // The imported autosave is what the menu's Resume resumes; the named save loads on its day.
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog(page).waitFor({ state: 'detached' });
    expect(await page.locator('.resume-text').textContent()).toBe('Allied Resolve 2022, day 3, Belarus');
    await page.getByRole('button', { name: 'Saves…' }).click();
    await page.getByRole('button', { name: 'Load Before the speech' }).click();
    await waitDay(page, 3);
    expect(await hook(page)).toMatchObject({ day: 3, screen: 'play' });
    // From the phone's ☰ sheet, the dialog fills the screen.
    await page.getByRole('button', { name: 'Controls' }).click();
    await page.locator('.topbar').getByRole('button', { name: 'Saves' }).click();
    await dialog(page).waitFor();
    await saveAs(page, 'On the phone');
    expect(await page.locator('#saves-name').inputValue()).toBe('Belarus, day 3');
    const inPlay = await dialog(page).boundingBox();
    expect([inPlay!.x, inPlay!.width]).toEqual([0, PHONE.width]);
    await page.mouse.move(0, 0);
    await shot(page, 'saves-dialog-390');
    // Storage full: the save is refused in words and the saves are as they were.
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.locator('#saves-name').fill('Too much');
    await page.locator('#saves-name').press('Enter');
    await page.locator('.saves-form .saves-err:not(:empty)').waitFor();
    expect(await page.locator('.saves-form .saves-err').textContent()).toBe('“Too much” could not be saved: the browser’s storage for this page is full — delete saves you no longer need (export them first to keep a copy); your saves are as they were');
    expect(await names(page)).toEqual(['[autosave]', 'On the phone', 'Before the speech']);
    expect(errors).toEqual([]);
    await page.close();
    console.log(`import into a fresh browser: ${Date.now() - t0} ms`);
  }, T);
});
