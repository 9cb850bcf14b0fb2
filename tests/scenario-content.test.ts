// The article's scenario: every scripted event and stated position carries a source with a short quote,
// quotes are the article's own words, the four roles are playable with a reading of every outcome, and
// the model's odds meet the calibration targets (docs/calibration.md; same seeds as npm run calibrate).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planCalibration, study, checks, DEFAULT_RUNS } from '../src/sim/calibration';
import { diskReader } from '../src/cli/files';
import { load, DEFAULT } from './helpers';

const base = load(DEFAULT);
/** The bundled variants of the default scenario. */
const variants = readdirSync('scenarios')
  .filter((f) => /\.ya?ml$/.test(f) && `scenarios/${f}` !== DEFAULT)
  .map((f) => load(`scenarios/${f}`))
  .filter((s) => s.files.includes(DEFAULT));

/** The source article, beside the repository as CI and developers have it. */
const ARTICLE = '../shared/source/article.txt';

function normalise(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function quotes(): { where: string; quote: string }[] {
  const d = base.data;
  const out: { where: string; quote: string }[] = [];
  for (const a of d.actors) a.positions.forEach((p, i) => out.push({ where: `actors[${a.id}].positions[${i}]`, quote: p.source.quote }));
  for (const e of d.events) out.push({ where: `events[${e.id}]`, quote: e.source.quote });
  for (const a of d.actions) if (a.source) out.push({ where: `actions[${a.id}]`, quote: a.source.quote });
  for (const f of d.forces) if (f.source) out.push({ where: `forces[${f.id}]`, quote: f.source.quote });
  const c = d.calibration;
  c?.checkpoints.forEach((x, i) => {
    if (x.source) out.push({ where: `calibration.checkpoints[${i}]`, quote: x.source.quote });
  });
  if (c?.record?.source) out.push({ where: 'calibration.record', quote: c.record.source.quote });
  return out;
}

describe('Allied Resolve 2022: sources', () => {
  it('gives every force a source quote, or says it is an assumption of the model', () => {
    const bare = base.data.forces.filter((f) => !f.source && !f.assumption).map((f) => f.id);
    expect(bare).toEqual([]);
    // The map tells players which is which.
    expect(base.data.forces.filter((f) => f.assumption).length).toBeGreaterThan(0);
  });

  it('gives every scripted event and stated position a source quote of at most 300 characters', () => {
    const d = base.data;
    const bad: string[] = [];
    for (const e of d.events) if (!e.source?.quote || e.source.quote.length > 300) bad.push(`events[${e.id}]`);
    for (const a of d.actors) {
      a.positions.forEach((p, i) => {
        if (!p.source?.quote || p.source.quote.length > 300 || p.quote.length > 300) bad.push(`actors[${a.id}].positions[${i}]`);
      });
    }
    expect(bad).toEqual([]);
    expect(d.events.length).toBeGreaterThanOrEqual(25);
    expect(d.actors.reduce((n, a) => n + a.positions.length, 0)).toBeGreaterThanOrEqual(20);
  });

  it.skipIf(!existsSync(ARTICLE))('quotes the article word for word in every source quote', () => {
    const article = normalise(readFileSync(ARTICLE, 'utf8'));
    const missing = quotes().filter((q) => !article.includes(normalise(q.quote).replace(/^\.\.\.|…$/g, '')));
    expect(missing.map((m) => `${m.where}: ${m.quote}`)).toEqual([]);
  });

  it('names its source', () => {
    expect(base.data.meta.sources[0]).toMatchObject({ publication: expect.stringMatching(/openDemocracy/), author: 'Igor Ilyash', date: '2022-02-09' });
    expect(base.data.meta.scriptUntil).toBe('2022-02-09');
    expect(base.data.meta.legend).toMatch(/Polesye/);
  });
});

describe('Allied Resolve 2022: roles', () => {
  it('lets a player be Belarus, Russia, Ukraine or NATO, each with a goal, a score track and a reading of every outcome', () => {
    const playable = base.data.actors.filter((a) => a.playable);
    expect(playable.map((a) => a.id).sort()).toEqual(['belarus', 'nato', 'russia', 'ukraine']);
    for (const a of playable) {
      expect(a.role?.goal.length).toBeGreaterThan(20);
      for (const o of base.data.outcomes) expect(['win', 'draw', 'loss', 'score']).toContain(o.roles[a.id]);
      // Each role has its own victory-point track, which decides the outcomes that read "score".
      expect(a.role?.score?.terms.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives every actor that acts a move that lowers tension', () => {
    const cooperative = new Set(base.data.actions.filter((a) => a.goldstein > 0 && a.kind !== 'incident').flatMap((a) => a.actors));
    for (const id of ['belarus', 'russia', 'ukraine', 'nato', 'usa', 'poland', 'baltics', 'osce']) expect(cooperative.has(id), id).toBe(true);
  });
});

describe('Allied Resolve 2022: calibration (2,000 seeds each)', () => {
  // The targets are the scenario's own calibration section, as npm run calibrate reads them.
  const planned = planCalibration(DEFAULT, diskReader);

  it('lists every bundled variant of the scenario, and sets targets for the base and each variant', () => {
    if (!planned.ok) throw new Error(planned.errors.map((e) => `${e.file}:${e.line} ${e.path}: ${e.message}`).join('\n'));
    const { targets, variants: listed } = planned.plan;
    expect(listed.map((v) => v.file).sort()).toEqual(variants.map((v) => v.files[0]!).sort());
    expect(targets.variants.every((v) => v.expect)).toBe(true);
    expect(targets.outcomes).toBeDefined();
    expect(targets.record?.above).toBeDefined();
  });

  it('meets every target the section sets (same seeds as npm run calibrate)', () => {
    if (!planned.ok) throw new Error('the calibration section does not load');
    const { targets, base: b, variants: listed } = planned.plan;
    const results = checks(targets, study(b, targets, DEFAULT_RUNS), listed.map((v) => study(v, targets, DEFAULT_RUNS)));
    expect(results.filter((c) => !c.ok).map((c) => c.what)).toEqual([]);
    // One check per target the section sets: none is skipped.
    const o = targets.outcomes!;
    const set = [o.maxShare !== undefined, o.everyReached === true, o.atLeast !== undefined, targets.record?.above !== undefined].filter(Boolean).length;
    expect(results.length).toBe(set + targets.variants.filter((v) => v.expect).length);
  });
});
