// The balance report (npm run balance): its arithmetic on small hand-made records (shares, the strongest
// bot, decision days, Spearman with ties, card truth, the targets), one day of card-truth samples on the
// mini scenario, and the command line as a user runs it: the JSON's shape, the same figures on any number
// of threads, a scenario without a playable role, bad files and options, --check and --write.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGame, cardOutlook, legalOrders } from '../src/sim/index';
import {
  botShares,
  strongestBot,
  decisionDays,
  ranks,
  spearman,
  cardTruth,
  noTruthReason,
  checkTargets,
  isTrivialBot,
  isTruthDay,
  sampleCards,
  roleBalance,
  type GameRecord,
  type CardSample,
  type RoleBalance,
  type BotBalance,
} from '../src/sim/balance';
import { cli, load, MINI, DEFAULT } from './helpers';

const game = (bot: string, result: GameRecord['result'], outcome: string, role = 'north', seed = '1'): GameRecord => ({ role, bot, seed, outcome, result });
const bb = (win: number, loss: number, draw = 1 - win - loss): BotBalance => ({ win, draw, loss, outcomes: {} });
const card = (seed: string, turn: number, action: string, shown: number, measured: number, target?: string): CardSample => ({ seed, turn, action, ...(target ? { target } : {}), shown, measured, searched: measured });

describe('botShares', () => {
  it('counts win, draw, loss and outcome shares per bot, in the listed order, outcomes largest first', () => {
    const records = [game('a', 'win', 'peace'), game('a', 'win', 'peace'), game('a', 'loss', 'war'), game('a', 'draw', 'standoff'), game('b', 'loss', 'war'), game('a', 'win', 'peace', 'south')];
    const s = botShares(records, 'north', ['b', 'a', 'absent']);
    expect(Object.keys(s)).toEqual(['b', 'a']);
    expect(s.a).toEqual({ win: 0.5, draw: 0.25, loss: 0.25, outcomes: { peace: 0.5, standoff: 0.25, war: 0.25 } });
    expect(Object.keys(s.a!.outcomes)).toEqual(['peace', 'standoff', 'war']);
    expect(s.b).toEqual({ win: 0, draw: 0, loss: 1, outcomes: { war: 1 } });
  });

  it('rounds shares to 4 decimals', () => {
    const s = botShares([game('a', 'win', 'x'), game('a', 'loss', 'y'), game('a', 'loss', 'y')], 'north', ['a']);
    expect(s.a).toEqual({ win: 0.3333, draw: 0, loss: 0.6667, outcomes: { y: 0.6667, x: 0.3333 } });
  });
});

describe('strongestBot', () => {
  it('is the bot with the highest win share', () => {
    expect(strongestBot({ hold: bb(0.1, 0.5), search: bb(0.6, 0.2), random: bb(0.3, 0.3) })).toBe('search');
  });

  it('on a tie, is the bot listed first', () => {
    expect(strongestBot({ greedy: bb(0.6, 0.1), search: bb(0.6, 0.2) })).toBe('greedy');
    expect(strongestBot({})).toBe('');
  });
});

describe('decisionDays', () => {
  it('is the share of days whose best and worst values differ by the margin or more (the margin itself counts)', () => {
    const days = [{ values: [0.5, 0.56] }, { values: [0.5, 0.52, 0.51] }, { values: [0.3, 0.3, 0.35] }];
    expect(decisionDays(days)).toEqual({ share: 0.6667, days: 3 });
    expect(decisionDays(days, 0.1)).toEqual({ share: 0, days: 3 });
  });

  it('is 0 over no days', () => {
    expect(decisionDays([])).toEqual({ share: 0, days: 0 });
  });
});

describe('ranks and spearman', () => {
  it('gives tied values their average rank', () => {
    expect(ranks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(ranks([3, 1, 3, 3])).toEqual([3, 1, 3, 3]);
  });

  it('is 1 for the same order, −1 for the reverse, whatever the scale', () => {
    expect(spearman([1, 2, 3, 4], [10, 100, 1000, 10_000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [0.4, 0.3, 0.2, 0.1])).toBeCloseTo(-1, 12);
  });

  it('with ties: Pearson on average ranks (4.5 / √22.5)', () => {
    // ranks [1, 2.5, 2.5, 4] against [1, 3, 2, 4]
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(0.9487, 4);
  });

  it('is null with fewer than 2 values or no spread, and refuses unequal lengths', () => {
    expect(spearman([1], [2])).toBeNull();
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(() => spearman([1, 2], [1])).toThrow(/2 values against 1/);
  });
});

describe('cardTruth', () => {
  const samples = [
    // a: two targets on day 1 of seed 1, then days 7 and 13: 3 days, 4 samples
    card('1', 1, 'a', 0.1, 0.02, 'x'),
    card('1', 1, 'a', 0.3, 0.06, 'y'),
    card('1', 7, 'a', 0.2, 0.04),
    card('2', 1, 'a', 0.2, 0.08),
    // b: 3 days
    card('1', 1, 'b', -0.1, -0.05),
    card('1', 7, 'b', -0.2, -0.04),
    card('2', 1, 'b', 0, -0.03),
    // c: the same 3 days, shown highest and measured lowest
    card('1', 1, 'c', 0.5, -0.2),
    card('1', 7, 'c', 0.5, -0.2),
    card('2', 7, 'c', 0.5, -0.2),
    // d: only 2 days, left out
    card('1', 1, 'd', 9, 9),
    card('2', 1, 'd', 9, 9),
  ];

  it('averages per action over its days and targets, keeps actions legal on ≥ 3 days, best measured first', () => {
    const t = cardTruth(samples, 3);
    expect(t.cards).toEqual([
      { action: 'a', shown: 0.2, measured: 0.05, days: 3 },
      { action: 'b', shown: -0.1, measured: -0.04, days: 3 },
      { action: 'c', shown: 0.5, measured: -0.2, days: 3 },
    ]);
    // shown ranks a 2, b 1, c 3; measured ranks a 3, b 2, c 1: rho = −0.5
    expect(t.spearman).toBe(-0.5);
    expect(noTruthReason(t)).toBeNull();
  });

  it('with a lower day count, the two-day action counts too', () => {
    const t = cardTruth(samples, 2);
    expect(t.cards.map((c) => c.action)).toEqual(['d', 'a', 'b', 'c']);
    // shown ranks d 4, a 2, b 1, c 3; measured ranks d 4, a 3, b 2, c 1
    expect(t.spearman).toBe(0.4);
  });

  it('has no figure, and says why, without two cards or without spread', () => {
    expect(noTruthReason(cardTruth([]))).toBe('no card was sampled on enough days');
    const flat = cardTruth(['1', '2', '3'].flatMap((s) => [card(s, 1, 'a', 0, 0.1), card(s, 1, 'b', 0, 0.2)]), 3);
    expect(flat.spearman).toBeNull();
    expect(noTruthReason(flat)).toBe('all 2 cards show the same value');
  });
});

describe('the helpers', () => {
  it('calls hold, random, cooperative, hostile and always:X trivial, and not greedy or search', () => {
    expect(['hold', 'random', 'cooperative', 'hostile', 'always:talk>north'].every(isTrivialBot)).toBe(true);
    expect(['greedy', 'search'].some(isTrivialBot)).toBe(false);
  });

  it('samples day 1 and every 6th day after (the state before day d has turn d − 1)', () => {
    const days = Array.from({ length: 20 }, (_, t) => t).filter((turn) => isTruthDay({ turn } as never, 6)).map((t) => t + 1);
    expect(days).toEqual([1, 7, 13, 19]);
  });

  it('puts a role together: shares, strongest, decision days and card truth', () => {
    // Two sampled days: on day 1 'talk' measures +0.2 against holding (a decision); on day 7 every order
    // is within 0.01 of holding (nothing to decide).
    const samples = [
      { seed: '1', turn: 1, action: 'talk', shown: 0.1, measured: 0.2, searched: 0.2 },
      { seed: '1', turn: 7, action: 'talk', shown: 0.01, measured: 0.01, searched: 0.01 },
      { seed: '1', turn: 7, action: 'threaten', target: 'south', shown: -0.01, measured: -0.01, searched: -0.01 },
    ];
    const r = roleBalance([game('hold', 'loss', 'war'), game('search', 'win', 'peace')], 'north', ['hold', 'search'], samples, 1);
    expect(r).toEqual({
      bots: { hold: { win: 0, draw: 0, loss: 1, outcomes: { war: 1 } }, search: { win: 1, draw: 0, loss: 0, outcomes: { peace: 1 } } },
      strongest: 'search',
      decisionDays: { share: 0.5, days: 2 },
      cardTruth: { spearman: 1, cards: [{ action: 'talk', shown: 0.055, measured: 0.105, days: 2 }, { action: 'threaten', shown: -0.01, measured: -0.01, days: 1 }] },
    });
  });
});

describe('checkTargets', () => {
  const role = (bots: Record<string, BotBalance>, decision = 0.5, rho: number | null = 0.8): RoleBalance => ({
    bots,
    strongest: strongestBot(bots),
    decisionDays: { share: decision, days: 100 },
    cardTruth: { spearman: rho, cards: [] },
  });

  it('passes a role that meets every target, with what it found', () => {
    const lines = checkTargets({ belarus: role({ hold: bb(0.2, 0.5), random: bb(0.3, 0.4), 'always:x': bb(0.1, 0.97), search: bb(0.6, 0.2) }) });
    expect(lines.map((l) => [l.role, l.ok])).toEqual(Array(5).fill(['belarus', true]));
    expect(lines[0]).toEqual({ role: 'belarus', target: 'strongest wins 35.0%–85.0%', ok: true, detail: 'search wins 60.0%' });
    expect(lines[1]!.detail).toBe('best trivial: random 30.0% against 60.0%');
    // always:x loses 97%: not a sensible strategy, so the span is hold 20% … search 60%
    expect(lines[2]!.detail).toBe('40.0 points over 3 bots: hold 20.0% … search 60.0%');
    expect(lines[3]!.detail).toBe('50.0% of 100 sampled days');
    expect(lines[4]!.detail).toBe('0.80 over 0 cards');
  });

  it('fails each target that is missed, naming the culprits', () => {
    const lines = checkTargets({ nato: role({ hold: bb(0.52, 0.2), random: bb(0.55, 0.2), search: bb(0.6, 0.2) }, 0.39, 0.59) });
    expect(lines.map((l) => l.ok)).toEqual([true, false, false, false, false]);
    expect(lines[1]!.detail).toBe('2 too strong: hold 52.0%, random 55.0%');
    expect(lines[2]!.detail).toBe('8.0 points over 3 bots: hold 52.0% … search 60.0%');
  });

  it('fails a role whose strongest bot is trivial, or wins too often, and unmeasured figures', () => {
    const lines = checkTargets({ ukraine: { ...role({ cooperative: bb(0.9, 0.05), search: bb(0.5, 0.3) }, 0, null), decisionDays: { share: 0, days: 0 } } });
    expect(lines[0]).toMatchObject({ ok: false, detail: 'cooperative wins 90.0%' });
    expect(lines[1]).toMatchObject({ ok: false, detail: 'the strongest bot, cooperative, is itself trivial (90.0%)' });
    expect(lines[3]).toMatchObject({ ok: false, detail: 'not measured (the search bot did not play)' });
    expect(lines[4]).toMatchObject({ ok: false, detail: 'not measured: no card was sampled on enough days' });
  });
});

describe('sampleCards', () => {
  it("gives each legal order but hold its card's vsHold and a measured value against holding, for the next day", () => {
    const mini = load(MINI);
    const st = createGame(mini, '3', { role: 'south' });
    const orders = legalOrders(mini, st, 'south');
    const samples = sampleCards(mini, st, 'south', { samples: 2, seed: 'truth', then: 'ai' });
    expect(samples.map((s) => (s.target ? `${s.action}>${s.target}` : s.action))).toEqual(orders.slice(1).map((o) => (o.target ? `${o.action}>${o.target}` : o.action)));
    const shown = cardOutlook(mini, st, 'south', orders);
    samples.forEach((s, i) => {
      expect(s).toMatchObject({ seed: '3', turn: 1 });
      expect(s.shown).toBe(shown[i + 1]!.vsHold);
      expect(Math.abs(s.measured)).toBeLessThanOrEqual(1);
    });
  });
});

interface Doc {
  scenario: { id: string; file: string; hash: string };
  seeds: { count: number; first: string; last: string };
  roles: Record<string, RoleBalance>;
  targets: { role: string; target: string; ok: boolean; detail: string }[];
  note?: string;
}

/** The mini scenario with no playable role. */
function noRoleFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'brink-balance-'));
  const file = join(dir, 'no-role.yaml');
  writeFileSync(file, readFileSync(MINI, 'utf8').replace(/playable: true/g, 'playable: false'));
  return file;
}

describe('npm run balance', () => {
  it('prints one JSON object: each bot\'s shares summing to 1, the strongest, and the targets', () => {
    const r = cli('balance', [DEFAULT, '--bots', 'hold,random', '--roles', 'belarus', '--seeds', '6', '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.scenario).toEqual({ id: 'allied-resolve-2022', title: 'Allied Resolve 2022', file: DEFAULT, hash: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(doc.seeds).toEqual({ count: 6, first: '1', last: '6' });
    expect(Object.keys(doc.roles)).toEqual(['belarus']);
    const belarus = doc.roles.belarus!;
    expect(Object.keys(belarus.bots)).toEqual(['hold', 'random']);
    for (const b of Object.values(belarus.bots)) {
      expect(b.win + b.draw + b.loss).toBeCloseTo(1, 3);
      expect(Object.values(b.outcomes).reduce((a, x) => a + x, 0)).toBeCloseTo(1, 3);
      for (const s of [b.win, b.draw, b.loss, ...Object.values(b.outcomes)]) expect(Math.round(s * 6)).toBeCloseTo(s * 6, 3);
    }
    expect(['hold', 'random']).toContain(belarus.strongest);
    // Without the search bot there is nothing to measure decisions or card truth with.
    expect(belarus.decisionDays).toEqual({ share: 0, days: 0 });
    expect(belarus.cardTruth).toEqual({ spearman: null, cards: [] });
    expect(doc.targets.map((t) => t.role)).toEqual(Array(5).fill('belarus'));
    expect(doc.targets.find((t) => /decision days/.test(t.target))).toMatchObject({ ok: false, detail: 'not measured (the search bot did not play)' });
  });

  it('gives the same figures on 1 and 3 threads, with every bot and both measures, on the mini scenario', () => {
    const args = [MINI, '--seeds', '5', '--first', '11', '--truth-seeds', '2', '--json'];
    const one = cli('balance', [...args, '--workers', '1']);
    const three = cli('balance', [...args, '--workers', '3']);
    expect(one.status).toBe(0);
    expect(three.stdout).toBe(one.stdout);
    const doc = JSON.parse(one.stdout) as Doc;
    expect(doc.seeds).toEqual({ count: 5, first: '11', last: '15' });
    expect(Object.keys(doc.roles)).toEqual(['north', 'south']);
    expect(Object.keys(doc.roles.south!.bots)).toEqual(['hold', 'random', 'cooperative', 'hostile', 'greedy', 'search', 'always:threaten>north', 'always:talk>north', 'always:publish']);
    const south = doc.roles.south!;
    // The search bot evaluates every day with a choice (a 30-day game at most, 5 games).
    expect(south.decisionDays.days).toBeGreaterThan(5);
    expect(south.decisionDays.days).toBeLessThanOrEqual(150);
    // 2 truth seeds, days 1, 7, 13, … : an action counts when legal on 3 of them or more.
    for (const c of south.cardTruth.cards) expect(c.days).toBeGreaterThanOrEqual(3);
    expect(south.cardTruth.cards.length).toBeGreaterThan(0);
  });

  it('prints tables per role with the measures, then the targets; --check exits 1 when one is missed', () => {
    const r = cli('balance', [MINI, '--seeds', '3', '--bots', 'hold,search,always', '--truth-seeds', '1', '--check']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^Mini crisis \(tests\/fixtures\/mini\.yaml\) · 3 seeds, "1" … "3"$/m);
    expect(r.stdout).toMatch(/^north\nbot +win +draw +loss /m);
    expect(r.stdout).toMatch(/^always:threaten>south(?: \(strongest\))? +\d+\.\d%/m);
    expect(r.stdout).toMatch(/^decision days: on \d+\.\d% of \d+ sampled days the best order and the worst/m);
    expect(r.stdout).toMatch(/^card truth: /m);
    expect(r.stdout).toMatch(/^targets\n(?:[✅❌] (?:north|south): .+\n){10}/m);
    const only = cli('balance', [MINI, '--seeds', '3', '--bots', 'hold', '--targets']);
    expect(only.status).toBe(0);
    expect(only.stdout.trim().split('\n')).toHaveLength(11);
  });

  it('says so and exits 0 for a scenario without a playable role; --write covers several files', () => {
    const none = noRoleFile();
    const r = cli('balance', [none]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${none}: no playable role, nothing to balance\n`);
    const json = cli('balance', [none, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ roles: {}, targets: [], note: `${none}: no playable role, nothing to balance` });

    const md = join(mkdtempSync(join(tmpdir(), 'brink-balance-')), 'docs', 'balance.md');
    const w = cli('balance', [MINI, none, '--seeds', '2', '--bots', 'hold,search', '--truth-seeds', '2', '--write', md, '--json']);
    expect(w.status).toBe(0);
    expect(w.stderr).toContain(`wrote ${md}`);
    expect((JSON.parse(w.stdout) as Doc[]).map((d) => d.scenario.file)).toEqual([MINI, none]);
    const text = readFileSync(md, 'utf8');
    expect(text).toContain(`Generated by \`npm run balance -- ${MINI} ${none} --seeds 2 --bots hold,search --truth-seeds 2 --write ${md} --json\`. Do not edit by hand.`);
    expect(text).toMatch(/^## Mini crisis \(`tests\/fixtures\/mini\.yaml`\)$/m);
    expect(text).toMatch(/^### south\n\n\| bot \| win \| draw \| loss \|/m);
    expect(text).toMatch(/^\| card \| days \| shown \| measured \|$/m);
    expect(text).toMatch(/^- [✅❌] `tests\/fixtures\/mini\.yaml` north: strongest wins/m);
    expect(text).toContain('no playable role, nothing to balance');
    expect(text).toMatch(/^## How it was reached$/m);
  });

  it('reports a bad file like sim (exit 1), and refuses an unknown bot, role or option (exit 2)', () => {
    const missing = cli('balance', ['scenarios/does-not-exist.yaml', '--seeds', '1']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/does-not-exist\.yaml:1:1 file not found/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const bot = cli('balance', [MINI, '--bots', 'hold,wizard']);
    expect(bot.status).toBe(2);
    expect(bot.stderr).toMatch(/^balance: unknown bot 'wizard'/);
    const always = cli('balance', [MINI, '--bots', 'always:invade']);
    expect(always.status).toBe(2);
    expect(always.stderr).toMatch(/no role can play 'always:invade'/);
    const role = cli('balance', [MINI, '--roles', 'atlantis']);
    expect(role.status).toBe(2);
    expect(role.stderr).toMatch(/unknown role 'atlantis': playable roles are north, south/);
    expect(cli('balance', [MINI, '--seed', '3']).stderr).toMatch(/unknown option --seed/);
    const help = cli('balance', ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^ {2}--seeds N +how many seeds \(default 400\)/m);
  });
});
