// Accessibility checks (issue 16, section 6) in real Chromium against the BUILT game: axe-core (a dev
// dependency, injected by the test only, never shipped) must find no serious or critical violation of
// WCAG 2.0/2.1 A and AA on the menu, the play screen (as Belarus, two days played), the Tweak panel, the
// Odds panel with results, the error panel, the debrief and the replay viewer (with its timeline marks,
// a note, and the note editor), at 1280×720 and at 390×844 (there also the top bar's controls sheet,
// open). The page keeps its strict Content-Security-Policy: axe's source is evaluated through the
// DevTools protocol (page.evaluate), which the CSP does not govern, instead of an inline <script>
// (which it blocks). A failure lists each rule, its impact and the elements to fix.
// Screenshots: tests/screenshots/a11y-*.png.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { AxeResults, ImpactValue } from 'axe-core';
import { buildSite } from '../../src/cli/browser/site';
import { launchChromium } from '../../src/cli/browser/chromium';
import { serve, type Served } from '../../src/cli/browser/serve';
import { loadScenario, makeReplay, runGame } from '../../src/sim/index';
import { diskReader } from '../../src/cli/files';
import { replayLink } from '../../src/store/replay-link';
import { hook, mapDrawn, open, shot, waitDay } from './page';

const T = 120_000;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING: ImpactValue[] = ['serious', 'critical'];
const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };
const SIZES = [DESKTOP, PHONE];
type Size = typeof DESKTOP;
/** A scenario that does not load: an unknown field on line 5 and an actor nobody defines. */
const BROKEN = `extends: ./allied-resolve-2022.yaml
meta:
  id: broken-a11y
  title: Broken
  colour: red
pairs:
  - between: [russia, atlantis]
    tension: 10
`;

let browser: Browser;
let site: Served;
/** A 12-day share link (seed 11, Belarus, two moves, two notes) made the way the game makes one, opening on day 12 (which has a note). */
let link: string;
/** Every screen's violations of any impact, for the log. */
const seen: string[] = [];

beforeAll(async () => {
  const t0 = Date.now();
  const r = loadScenario('scenarios/allied-resolve-2022.yaml', diskReader);
  if (!r.ok) throw new Error('the base scenario does not load');
  const orders = { '3': { action: 'peace-initiative', target: 'ukraine' }, '6': { action: 'war-rhetoric', target: 'ukraine' } };
  const byDay: Record<number, { action: string; target: string }> = { 3: orders['3'], 6: orders['6'] };
  const run = runGame(r.scenario, '11', { role: 'belarus', turns: 12, orders: (turn) => (byDay[turn] ? { belarus: byDay[turn] } : {}) });
  site = await serve(buildSite());
  const notes = [
    { day: 12, text: 'Twelve days in: the exercises are announced, and tension has barely moved. Why?' },
    { day: 3, text: 'Belarus offers talks.' },
  ];
  link = replayLink(site.url, makeReplay(r.scenario, '11', 'belarus', orders, run.turns.map((t) => t.hash), null, notes), 12);
  browser = await launchChromium();
  console.log(`a11y browser tests: built and launched in ${Date.now() - t0} ms`);
}, 240_000);

afterAll(async () => {
  console.log(`axe, all impacts:\n${seen.join('\n') || '(none)'}`);
  await browser?.close();
  await site?.close();
});

/** Runs axe on the page as it is, once its finite animations (panels sliding or fading in) are over. */
async function axe(page: Page): Promise<AxeResults['violations']> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const results = await page.evaluate((tags) => (window as unknown as { axe: { run(c: Document, o: object): Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), TAGS);
  return results.violations;
}

/** Audits the screen: no serious or critical violation, each listed with its elements when there is one. */
async function audit(page: Page, screen: string): Promise<void> {
  const size = page.viewportSize()!;
  const where = `${screen} at ${size.width}×${size.height}`;
  const violations = await axe(page);
  for (const v of violations) seen.push(`${where}: ${v.id} (${v.impact}) on ${v.nodes.length}`);
  if (!violations.length) seen.push(`${where}: none`);
  const blocking = violations.filter((v) => BLOCKING.includes(v.impact ?? 'minor'));
  const report = blocking.map((v) => `  ${v.id} (${v.impact}) on ${v.nodes.length}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1).join(' ').trim()}` : ''}`).join('\n')}`);
  expect.soft(blocking.map((v) => v.id), `axe on ${where}:\n${report.join('\n')}`).toEqual([]);
}

/**
 * Presses a button. On the phone, a top-bar button folded into the control sheet is reached through ☰.
 * Where the phone layout (being rebuilt) covers a button, the click is dispatched to it: this file checks
 * names, roles and contrast; the layout's own tests check that everything can be tapped.
 */
async function press(page: Page, button: Locator): Promise<void> {
  const more = page.locator('.topbar .tb-more');
  if (!(await button.isVisible()) && (await more.isVisible()) && (await button.evaluate((b) => !!b.closest('.topbar')))) await more.click();
  if (!(await button.isVisible())) return button.dispatchEvent('click');
  await button.scrollIntoViewIfNeeded();
  const reached = await button.evaluate((b) => {
    const r = b.getBoundingClientRect();
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return !!top && b.contains(top);
  });
  if (reached) await button.click();
  else await button.dispatchEvent('click');
}

/** Plays a day as the role on the screen with the nth action card chosen. */
async function playDay(page: Page, nth: number): Promise<void> {
  const day = (await hook(page)).day;
  const card = page.locator('.card[data-action]:not(.hold)').nth(nth);
  await press(page, card.locator('.card-main'));
  await page.waitForFunction((a) => document.querySelector('.card.sel')?.getAttribute('data-action') === a, await card.getAttribute('data-action'));
  await press(page, page.getByRole('button', { name: 'End day' }));
  await waitDay(page, day + 1);
}

/** The menu, then a game as Belarus: two days played, the Tweak panel, the Odds with results, the error panel. */
async function playScreens(size: Size): Promise<void> {
  const tag = `${size.width}x${size.height}`;
  const { page, errors } = await open(browser, site.url, size);
  await page.locator('.menu-card.role[data-role="belarus"]').click();
  await audit(page, 'the menu');
  await shot(page, `a11y-menu-${tag}`);

  await page.locator('#seed').fill('7');
  await press(page, page.getByRole('button', { name: 'Start the game' }));
  await page.waitForFunction(() => window.__brink?.screen === 'play' && window.__brink.ready);
  await mapDrawn(page);
  await playDay(page, 1);
  await playDay(page, 3);
  // On a phone the cards are a bottom sheet: open it, so that they are audited too.
  const sheet = page.locator('.moves .sheet-toggle');
  if ((await sheet.isVisible()) && (await sheet.getAttribute('aria-expanded')) === 'false') await press(page, sheet);
  await audit(page, 'play as Belarus on day 2');
  await shot(page, `a11y-play-${tag}`);
  // On a phone the top bar's controls fold into a sheet behind ☰: audit them open.
  const more = page.locator('.topbar .tb-more');
  if (await more.isVisible()) {
    await more.click();
    await page.locator('.topbar .tb-menu').waitFor();
    await audit(page, "the top bar's controls sheet");
    await page.keyboard.press('Escape');
  }

  // The Tweak panel with a pair's and an actor's number fields in sight.
  await press(page, page.locator('.topbar').getByRole('button', { name: 'Tweak', exact: true, includeHidden: true }));
  const tweak = page.locator('.tweak-panel');
  for (const folder of ['Pairs', 'Pairs › Russia – Ukraine', 'Actors']) await press(page, tweak.locator(`[data-folder="${folder}"] > button`).first());
  await tweak.locator('[data-key="pairs.0.fear"] input').first().waitFor();
  await audit(page, 'the Tweak panel');
  await shot(page, `a11y-tweak-${tag}`);
  await press(page, tweak.getByRole('button', { name: 'Close the tweak panel' }));
  await tweak.waitFor({ state: 'hidden' });

  await press(page, page.locator('.topbar').getByRole('button', { name: 'Odds', exact: true, includeHidden: true }));
  await page.locator('.odds').waitFor();
  await press(page, page.locator('.od-size[data-n="100"]'));
  await press(page, page.locator('.od-run'));
  await page.waitForFunction(() => document.querySelector<HTMLElement>('.odds')?.dataset.status === 'done', null, { timeout: 60_000, polling: 100 });
  await audit(page, 'the Odds panel with 100 games');
  await shot(page, `a11y-odds-${tag}`);
  await page.keyboard.press('Escape');
  await page.locator('.odds').waitFor({ state: 'detached' });

  await page.setInputFiles('input.scenario-file', { name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from(BROKEN) });
  await page.locator('.error-panel').waitFor({ state: 'visible' });
  await audit(page, 'the error panel');
  await shot(page, `a11y-errors-${tag}`);
  expect(errors).toEqual([]);
  await page.close();
}

/** An observer's autoplay to the end and its debrief, then the replay viewer on a share link. */
async function endScreens(size: Size): Promise<void> {
  const tag = `${size.width}x${size.height}`;
  const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=181&role=observer&autoplay=1&speed=3&alerts=0`, size);
  await page.waitForFunction(() => window.__brink?.screen === 'debrief', null, { timeout: 60_000, polling: 100 });
  await audit(page, 'the debrief');
  await shot(page, `a11y-debrief-${tag}`);

  await page.goto(link);
  await page.waitForFunction(() => window.__brink?.ready === true && window.__brink.day === 12, null, { timeout: 30_000 });
  await page.locator('.replay-bar').waitFor();
  await page.locator('.rb-caption').waitFor();
  expect(await page.locator('.rb-mark').count()).toBeGreaterThan(1);
  await audit(page, 'the replay viewer, with its marks and a note');
  await shot(page, `a11y-replay-${tag}`);
  // The note editor, open on the day's note.
  await press(page, page.getByRole('button', { name: /^Edit the note: Twelve days in/ }));
  await page.locator('.note-editor').waitFor();
  await audit(page, 'the note editor');
  await page.keyboard.press('Escape');
  await page.locator('.note-editor').waitFor({ state: 'detached' });
  // Comparing with the no-orders twin: the Compare dialog, then the comparison panel (its chart and its list).
  await press(page, page.getByRole('button', { name: 'Compare this replay with another run' }));
  await page.locator('.cmp-dialog').waitFor();
  await audit(page, 'the Compare dialog');
  await page.locator('.cmp-dialog').getByRole('button', { name: 'Compare with no orders' }).click();
  await page.locator('.cmp-panel:not([hidden])').waitFor();
  await audit(page, 'the comparison of two runs');
  if (size === DESKTOP) {
    await page.locator('.cmp-panel').getByRole('button', { name: 'What differed' }).click();
    await audit(page, 'the comparison’s list of what differed');
  }
  await shot(page, `a11y-compare-${tag}`);
  // Play on from the day shown as another role: the role picker.
  await press(page, page.getByRole('button', { name: /^Play on from day \d+ as another role$/ }));
  await page.locator('.poa-dialog').waitFor();
  await audit(page, 'play on as another role');
  await page.keyboard.press('Escape');
  await page.locator('.poa-dialog').waitFor({ state: 'detached' });
  expect(errors).toEqual([]);
  await page.close();
}

describe('axe finds no serious or critical violation', () => {
  for (const size of SIZES) {
    // The two pages run side by side: the autoplay to the debrief mostly waits on its timer.
    it(`at ${size.width}×${size.height}: the menu, play, Tweak, Odds, the error panel, the debrief and the replay viewer`, async () => {
      const done = await Promise.allSettled([playScreens(size), endScreens(size)]);
      for (const d of done) if (d.status === 'rejected') throw d.reason;
    }, T);
  }
});
