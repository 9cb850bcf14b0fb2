// The balance guard (issue 13): a small run of `npm run balance` on Allied Resolve 2022, with its figures
// pinned within a tolerance, so a change to the model or the scenario that breaks a role's decision shows
// up in npm test. The full report (400 seeds, every bot) is docs/balance.md: rerun it with
// `npm run -s balance -- --write docs/balance.md` after such a change, and re-pin these on purpose.
import { describe, expect, it } from 'vitest';
import type { RoleBalance } from '../src/sim/index';
import { cli, DEFAULT } from './helpers';

/** 24 seeds (901–924, not the report's), five bots, card truth on 3 seeds: about a minute on 2 cores.
 * (12 seeds were too few: after issue 17's event rule they showed Ukraine's cooperative bot level with
 * greedy, 5 games each, where 200 seeds give 32% against 71%.) */
const ARGS = [DEFAULT, '--seeds', '24', '--first', '901', '--bots', 'hold,cooperative,hostile,greedy,search', '--truth-seeds', '3', '--json'];

/** Win shares per bot (24 games each), decision days and card truth, as measured when last pinned (issue 17:
 * scripted events that perform an action start no cooldown). */
const PINNED: Record<string, { wins: Record<string, number>; decisionDays: number; spearman: number }> = {
  belarus: { wins: { hold: 0, cooperative: 0, hostile: 0, greedy: 0, search: 0.625 }, decisionDays: 0.8222, spearman: 0.7785 },
  russia: { wins: { hold: 0.0417, cooperative: 0, hostile: 0, greedy: 0.6667, search: 0.5417 }, decisionDays: 0.9111, spearman: 0.8286 },
  ukraine: { wins: { hold: 0, cooperative: 0.3333, hostile: 0, greedy: 0.5, search: 0.375 }, decisionDays: 0.6341, spearman: 0.7545 },
  nato: { wins: { hold: 0, cooperative: 0, hostile: 0, greedy: 0.4167, search: 0.4167 }, decisionDays: 0.6222, spearman: 0.7714 },
};

/** Four games in twenty-four either way; decision days and card truth are noisier on so few days. */
const TOLERANCE = { win: 0.17, decisionDays: 0.15, spearman: 0.3 };

describe('balance guard (Allied Resolve 2022, 24 seeds)', () => {
  const r = cli('balance', ARGS, 600_000);
  const roles = (r.status === 0 ? (JSON.parse(r.stdout) as { roles: Record<string, RoleBalance> }).roles : {}) as Record<string, RoleBalance>;

  it('runs', () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(Object.keys(roles).sort()).toEqual(Object.keys(PINNED).sort());
  });

  it.each(Object.keys(PINNED))('keeps the figures of %s within tolerance', (role) => {
    const got = roles[role]!;
    const want = PINNED[role]!;
    for (const [bot, win] of Object.entries(want.wins)) expect(Math.abs(got.bots[bot]!.win - win), `${bot} wins ${got.bots[bot]!.win}, pinned ${win}`).toBeLessThanOrEqual(TOLERANCE.win);
    expect(Math.abs(got.decisionDays.share - want.decisionDays), `decision days ${got.decisionDays.share}`).toBeLessThanOrEqual(TOLERANCE.decisionDays);
    expect(Math.abs(got.cardTruth.spearman! - want.spearman), `card truth ${got.cardTruth.spearman}`).toBeLessThanOrEqual(TOLERANCE.spearman);
  });

  it.each(Object.keys(PINNED))('keeps %s a decision: a thinking bot wins, and beats every trivial bot by 10 points or more', (role) => {
    const b = roles[role]!.bots;
    const thinking = Math.max(b.greedy!.win, b.search!.win);
    const trivial = Math.max(b.hold!.win, b.cooperative!.win, b.hostile!.win);
    expect(thinking).toBeGreaterThanOrEqual(0.35);
    expect(thinking - trivial).toBeGreaterThanOrEqual(0.1);
    expect(roles[role]!.decisionDays.share).toBeGreaterThanOrEqual(0.4);
  });
}, 240_000);
