// Playing each of the four roles at 1280×720 (issue 15): the role's goals panel is in sight with the
// values the model gives; every available card is in sight at once, with no hidden horizontal overflow;
// after End day, "your move" names the move and the largest change booked to it; the feed marks it as
// yours; and the debrief's counterfactuals name the outcomes the command line gives for the same seed
// (held every day: the role's run with no orders; the AI in the seat: the observer's run). Screenshots
// of the play screen and the debrief go to tests/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite, cliRun } from '../../src/cli/browser/site';
import { launchChromium } from '../../src/cli/browser/chromium';
import { serve, type Served } from '../../src/cli/browser/serve';
import { createGame, legalOrders, step, viewOf, type GameState, type Order } from '../../src/sim/index';
import { DEFAULT, load } from '../helpers';
import { hook, mapDrawn, open, playCards, shot } from './page';

const T = 150_000;
/** A seed whose games end early for every role (war or a regime crisis by about day 45), to keep the run short. */
const SEED = '181';
const sc = load(DEFAULT);

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

/** "−1.2" as the goals panel writes a number. */
const num = (v: number) => (v < 0 ? `−${Math.abs(v).toFixed(1)}` : v.toFixed(1));
/** "+2.6" / "−1.5" as the cards and the result line write a change. */
const signed = (v: number) => (Math.abs(v).toFixed(1) === '0.0' ? '±0.0' : `${v > 0 ? '+' : '−'}${Math.abs(v).toFixed(1)}`);

/** Whether an element's box lies inside the viewport and inside its scrolling box. */
async function inSight(page: Page, selector: string): Promise<boolean[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      const box = el.closest('.cards-scroll')?.getBoundingClientRect() ?? { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
      return r.width > 0 && r.left >= Math.max(0, box.left) - 0.5 && r.right <= Math.min(innerWidth, box.right) + 0.5 && r.top >= Math.max(0, box.top) - 0.5 && r.bottom <= Math.min(innerHeight, box.bottom) + 0.5;
    }),
  );
}

describe.each(['belarus', 'russia', 'ukraine', 'nato'])('playing %s at 1280×720', (role) => {
  it(
    'shows its goals, every card at once, what its move did, and the counterfactuals in the debrief',
    async () => {
      const { page, errors } = await open(browser, `${site.url}?scenario=allied-resolve-2022&seed=${SEED}&role=${role}&alerts=0`);
      await mapDrawn(page);
      await page.locator('.card.hold').waitFor();

      // The goals panel, in sight, with the model's values.
      const st0 = createGame(sc, SEED, { role });
      const v0 = viewOf(sc, st0, role);
      expect(await inSight(page, '.track-panel')).toEqual([true]);
      expect(await page.locator('.track-panel .vp-now').textContent()).toBe(num(v0.track!.points));
      expect(await page.locator('.goal-lines .gl-value').allTextContents()).toEqual(v0.track!.lines.map((l) => String(Math.round(l.value))));
      expect(await page.locator('.track-panel .stake').count()).toBe(v0.stakes.length);
      expect(await page.locator('.track-panel .stake').first().textContent()).toContain(v0.stakes[0]!.text);

      // Every available card (one per action, and Hold) is in sight at once, with nothing hidden sideways.
      const groups = new Set(legalOrders(sc, st0, role).slice(1).map((o) => o.action)).size;
      expect(await page.locator('.cards .card').count()).toBe(groups + 1);
      expect(await inSight(page, '.cards .card')).toEqual(Array.from({ length: groups + 1 }, () => true));
      const overflow = await page.evaluate(() => ['.moves', '.cards-scroll', '.cards'].map((s) => { const e = document.querySelector(s)!; return e.scrollWidth - e.clientWidth; }));
      expect(overflow).toEqual([0, 0, 0]);
      await shot(page, `steer-${role}-play`);

      // Two days through the cards; after each, "your move" names it and its largest booked change.
      const orders = await playCards(page, role, [0, 1]);
      let st: GameState = st0;
      for (let d = 1; d <= 2; d++) {
        const order = orders[String(d)]![role] as Order;
        const r = step(sc, st, { [role]: order });
        st = r.state;
        if (d === 2) {
          const e = r.events.find((x) => x.kind === 'action' && x.actor === role)!;
          expect(await page.locator('.move-result .mr-k').textContent()).toBe(`Day ${d} · your move`);
          expect(await page.locator('.move-result .mr-name').textContent()).toContain(sc.data.actions.find((a) => a.id === order.action)!.name);
          const changes = [...Object.values(e.deltas), ...Object.values(e.meters)].sort((a, b) => Math.abs(b) - Math.abs(a));
          if (changes.length) expect(await page.locator('.move-result .mr-fx').textContent()).toContain(signed(changes[0]!));
          else expect(await page.locator('.move-result .mr-fx').textContent()).toBe('it moved nothing directly');
        }
      }
      expect((await hook(page)).hash).toBe(cliRun(DEFAULT, SEED, role, orders).turns[1]!.hash);
      // Day 2's cards are all in sight too.
      const groups2 = new Set(legalOrders(sc, st, role).slice(1).map((o) => o.action)).size;
      expect(await page.locator('.cards .card').count()).toBe(groups2 + 1);
      expect(await inSight(page, '.cards .card')).toEqual(Array.from({ length: groups2 + 1 }, () => true));
      // The feed is a tab beside the goals while playing; it marks the player's moves.
      await page.getByRole('tab', { name: 'Feed' }).click();
      expect(await page.locator('.feed-item.mine .tag.mine').first().textContent()).toBe('your move ▸');

      // Autoplay to the end (the seat holds), then the debrief's counterfactuals against the command line.
      await page.getByRole('button', { name: 'Speed 3' }).click();
      await page.getByRole('button', { name: 'Autoplay' }).click();
      await page.waitForFunction(() => window.__brink?.screen === 'debrief', null, { timeout: 120_000, polling: 250 });
      await page.locator('.whatif').first().waitFor();
      const held = cliRun(DEFAULT, SEED, role).outcome!;
      const ai = cliRun(DEFAULT, SEED).outcome!;
      const heldLine = page.locator('.whatif[data-kind="held"]');
      expect(await heldLine.getAttribute('data-outcome')).toBe(held.id);
      expect(await heldLine.locator('.wi-label').textContent()).toBe('Had you held every day (same seed):');
      expect(await heldLine.locator('.wi-outcome').textContent()).toBe(sc.data.outcomes.find((o) => o.id === held.id)!.name);
      expect(await heldLine.locator('.wi-s').textContent()).toMatch(new RegExp(`^day ${held.turn} · `));
      expect(await page.locator('.whatif[data-kind="ai"]').getAttribute('data-outcome')).toBe(ai.id);
      // What decided it, and the role's own points charted.
      expect((await page.locator('.decided-text').textContent())!.length).toBeGreaterThan(10);
      expect(await page.locator('.decided .factors li').count()).toBeGreaterThan(0);
      expect(await page.getByRole('button', { name: 'Your points' }).getAttribute('aria-pressed')).toBe('true');
      await page.waitForTimeout(400);
      await shot(page, `steer-${role}-debrief`);
      expect(errors).toEqual([]);
      await page.close();
    },
    T,
  );
});
