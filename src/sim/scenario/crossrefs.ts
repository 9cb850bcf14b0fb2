// Checks a schema-valid scenario as a whole: every reference points at something defined, ids are
// unique, ranges are not inverted, dates are real, and each playable role has a reading of each outcome.
// Reports every problem at once, each with its path and a hint.
import type { ConditionInput, ScenarioData } from './schema';
import type { Problem } from './zod-issues';
import { suggest } from './errors';
import { dateTurn, isRealDate } from '../calendar';

type Path = (string | number)[];

interface Ctx extends Omit<KnownIds, 'pairs'> {
  s: ScenarioData;
  /** Keys of the defined pairs (actor ids sorted, joined by "-"). */
  pairs: Set<string>;
  out: Problem[];
}

function ref(ctx: Ctx, path: Path, value: string, known: string[], what: string, extra: readonly string[] = []): void {
  if (known.includes(value) || extra.includes(value)) return;
  ctx.out.push({ path, message: `unknown ${what.replace(/s$/, '')} '${value}'`, hint: suggest(value, [...known, ...extra], what) });
}

function unique(ctx: Ctx, list: { id?: string }[], path: string): void {
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    if (item.id === undefined) return;
    const prev = seen.get(item.id);
    if (prev !== undefined) ctx.out.push({ path: [path, i, 'id'], message: `duplicate id '${item.id}' (also entry ${prev + 1})`, hint: 'ids must be unique within a list' });
    else seen.set(item.id, i);
  });
}

function range(ctx: Ctx, path: Path, r: number | [number, number] | undefined): void {
  if (Array.isArray(r) && r[0] > r[1]) ctx.out.push({ path, message: `inverted range [${r[0]}, ${r[1]}]`, hint: `write it low first: [${r[1]}, ${r[0]}]` });
}

function date(ctx: Ctx, path: Path, d: string | undefined): void {
  if (d !== undefined && !isRealDate(d)) ctx.out.push({ path, message: `'${d}' is not a calendar date` });
}

/**
 * A from/until window (inclusive dates): real dates, inside the game (an error: a window outside it is
 * a typo, and one that reaches past either end says nothing), and until not before from.
 */
function dateWindow(ctx: Ctx, path: Path, w: { from?: string; until?: string }): void {
  const { start, turnLimit } = ctx.s.meta;
  for (const key of ['from', 'until'] as const) {
    const d = w[key];
    if (d === undefined) continue;
    if (!isRealDate(d)) {
      date(ctx, [...path, key], d);
      continue;
    }
    if (start === undefined || !isRealDate(start)) continue;
    const t = dateTurn(start, d);
    const open = key === 'from' ? 'leave out from: the window is then open from the start' : 'leave out until: the window then stays open to the end';
    if (t < 1) ctx.out.push({ path: [...path, key], message: `${key} ${d} is before the start (${start})`, hint: `a date inside the game, or ${open}` });
    else if (t > turnLimit) ctx.out.push({ path: [...path, key], message: `${key} ${d} is after the last turn (turn ${turnLimit})`, hint: `a date inside the game, or ${open}` });
  }
  if (w.from !== undefined && w.until !== undefined && isRealDate(w.from) && isRealDate(w.until) && w.until < w.from) {
    ctx.out.push({ path: [...path, 'until'], message: `until ${w.until} is before from ${w.from}: the window is empty`, hint: 'both days are inclusive: write the later date in until' });
  }
}

/** Pair ends inside actions may be self/target/*; elsewhere only actor ids (and * in effects). */
function pairEnds(ctx: Ctx, path: Path, pair: readonly [string, string], extra: readonly string[], mustExist = true): void {
  pair.forEach((end, i) => ref(ctx, [...path, i], end, ctx.actors, 'actors', extra));
  if (pair[0] === pair[1] && pair[0] !== '*') ctx.out.push({ path, message: `a pair needs two different actors, got [${pair[0]}, ${pair[1]}]` });
  else if (mustExist && pair.every((x) => ctx.actors.includes(x)) && !ctx.pairs.has([...pair].sort().join('-'))) {
    ctx.out.push({ path, message: `no pair is defined between ${pair[0]} and ${pair[1]}`, hint: `add { between: [${pair[0]}, ${pair[1]}], tension: … } to pairs` });
  }
}

function condition(ctx: Ctx, path: Path, c: ConditionInput, extra: readonly string[]): void {
  if ('all' in c) c.all.forEach((x, i) => condition(ctx, [...path, 'all', i], x, extra));
  else if ('any' in c) c.any.forEach((x, i) => condition(ctx, [...path, 'any', i], x, extra));
  else if ('not' in c) condition(ctx, [...path, 'not'], c.not, extra);
  else if ('tension' in c) {
    if (c.tension !== 'overall') pairEnds(ctx, [...path, 'tension'], c.tension, extra);
  } else if ('meter' in c) {
    ref(ctx, [...path, 'meter'], c.meter, ctx.meters, 'meters');
    ref(ctx, [...path, 'of'], c.of, ctx.actors, 'actors', extra);
  } else if ('force' in c) {
    ref(ctx, [...path, 'force'], c.force, ctx.forces, 'forces');
    if (c.at !== undefined) ref(ctx, [...path, 'at'], c.at, ctx.places, 'places');
  } else if ('fired' in c) ref(ctx, [...path, 'fired'], c.fired, ctx.events, 'events');
  else if ('used' in c) {
    ref(ctx, [...path, 'used'], c.used, ctx.actions, 'actions');
    if (c.by !== undefined) ref(ctx, [...path, 'by'], c.by, ctx.actors, 'actors');
  }
  if ('atLeast' in c && 'atMost' in c && c.atLeast !== undefined && c.atMost !== undefined && c.atLeast > c.atMost) {
    ctx.out.push({ path, message: `atLeast ${c.atLeast} is above atMost ${c.atMost}: the condition can never hold` });
  }
}

function effects(ctx: Ctx, path: Path, list: ScenarioData['actions'][number]['effects'], extra: readonly string[]): void {
  list.forEach((e, i) => {
    const p = [...path, i];
    if ('tension' in e) pairEnds(ctx, [...p, 'tension'], e.tension, [...extra, '*']);
    else if ('meter' in e) {
      ref(ctx, [...p, 'meter'], e.meter, ctx.meters, 'meters');
      ref(ctx, [...p, 'of'], e.of, ctx.actors, 'actors', extra);
    } else if ('force' in e) {
      ref(ctx, [...p, 'force'], e.force, ctx.forces, 'forces');
      if (e.moveTo !== undefined) ref(ctx, [...p, 'moveTo'], e.moveTo, ctx.places, 'places');
    } else if ('reveal' in e && e.reveal !== 'all') ref(ctx, [...p, 'reveal'], e.reveal, ctx.forces, 'forces');
    else if ('aim' in e) {
      pairEnds(ctx, [...p, 'aim'], e.aim, extra);
      ref(ctx, [...p, 'of'], e.of, ctx.actors, 'actors', extra);
      const who = ctx.s.actors.find((a) => a?.id === e.of);
      const key = [...e.aim].sort().join('-');
      const hasIdeal = who?.goals.some((g) => 'tension' in g && g.tension !== 'overall' && g.ideal !== undefined && g.tension.map((x) => (x === 'self' ? who.id : x)).sort().join('-') === key);
      if (who && e.aim.every((x) => ctx.actors.includes(x)) && !hasIdeal) {
        ctx.out.push({ path: [...p, 'of'], message: `${e.of} has no tension goal with an ideal on [${e.aim.join(', ')}] for this aim to move`, hint: `give ${e.of} a goal { tension: [${e.aim.join(', ')}], weight: …, ideal: … }` });
      }
    }
    if ('add' in e) range(ctx, [...p, 'add'], e.add);
    if ('mul' in e) range(ctx, [...p, 'mul'], e.mul);
  });
}

export interface KnownIds {
  actors: string[];
  places: string[];
  meters: string[];
  actions: string[];
  events: string[];
  forces: string[];
  sources?: string[];
  /** Keys of the defined pairs (actor ids sorted, joined by "-"). */
  pairs?: string[];
}

/** The ids each list defines (entries without a string id are skipped, so this also reads raw, unvalidated data). */
export function knownIds(s: unknown): KnownIds {
  const ids = (key: string): string[] => {
    const list = s && typeof s === 'object' ? (s as Record<string, unknown>)[key] : undefined;
    return Array.isArray(list) ? list.map((x) => (x && typeof x === 'object' ? (x as { id?: unknown }).id : undefined)).filter((x): x is string => typeof x === 'string') : [];
  };
  const meta = s && typeof s === 'object' ? (s as { meta?: unknown }).meta : undefined;
  return { actors: ids('actors'), places: ids('places'), meters: ids('meters'), actions: ids('actions'), events: ids('events'), forces: ids('forces'), sources: sourceIdsOf(meta), pairs: pairKeysOf(s) };
}

function pairKeysOf(s: unknown): string[] {
  const list = s && typeof s === 'object' ? (s as { pairs?: unknown }).pairs : undefined;
  if (!Array.isArray(list)) return [];
  return list
    .map((x) => (x && typeof x === 'object' ? (x as { between?: unknown }).between : undefined))
    .filter((b): b is [string, string] => Array.isArray(b) && b.length === 2 && b.every((v) => typeof v === 'string'))
    .map((b) => [...b].sort().join('-'));
}

function sourceIdsOf(meta: unknown): string[] {
  const list = meta && typeof meta === 'object' ? (meta as { sources?: unknown }).sources : undefined;
  return Array.isArray(list) ? list.map((x) => (x && typeof x === 'object' ? (x as { id?: unknown }).id : undefined)).filter((x): x is string => typeof x === 'string') : [];
}

/**
 * All cross-reference problems of a scenario. List entries may be holes (undefined) where an entry
 * failed the schema; the ids it defines still count through `known`, so other entries are checked too.
 */
export function crossCheck(s: ScenarioData, known: KnownIds = knownIds(s)): Problem[] {
  const pairs = new Set(known.pairs ?? (s.pairs ?? []).filter(Boolean).map((p) => [...p.between].sort().join('-')));
  const ctx: Ctx = { s, out: [], ...known, pairs };
  for (const [name, list] of [
    ['actors', s.actors], ['places', s.places], ['meters', s.meters], ['actions', s.actions], ['events', s.events],
    ['forces', s.forces], ['outcomes', s.outcomes], ['borders', s.borders], ['dynamics', s.dynamics], ['pairs', s.pairs],
  ] as const) unique(ctx, (list as ({ id?: string } | undefined)[]).map((x) => x ?? {}), name);
  unique(ctx, s.meta.sources, 'meta.sources');
  const sourceIds = known.sources ?? s.meta.sources.map((x) => x.id);
  const src = (path: Path, x: { ref?: string; date?: string } | undefined): void => {
    if (!x) return;
    if (x.ref !== undefined) ref(ctx, [...path, 'ref'], x.ref, sourceIds, 'sources');
    date(ctx, [...path, 'date'], x.date);
  };

  date(ctx, ['meta', 'start'], s.meta.start);
  date(ctx, ['meta', 'scriptUntil'], s.meta.scriptUntil);
  s.meta.sources.forEach((x, i) => date(ctx, ['meta', 'sources', i, 'date'], x.date));

  if (s.bands) {
    s.bands.forEach((b, i) => {
      if (!b) return;
      const prev = s.bands![i - 1];
      if (prev && b.from <= prev.from) ctx.out.push({ path: ['bands', i, 'from'], message: `bands must rise: ${b.from} is not above ${prev.from}` });
    });
    if (s.bands[0] && s.bands[0].from !== 0) ctx.out.push({ path: ['bands', 0, 'from'], message: 'the first band must start at 0' });
  }
  if (s.rules.audienceCost) ref(ctx, ['rules', 'audienceCost', 'meter'], s.rules.audienceCost.meter, ctx.meters, 'meters');
  if (s.rules.fog.secrecyMeter !== undefined) ref(ctx, ['rules', 'fog', 'secrecyMeter'], s.rules.fog.secrecyMeter, ctx.meters, 'meters');

  s.places.forEach((p, i) => {
    if (!p) return;
    if (p.country !== undefined) ref(ctx, ['places', i, 'country'], p.country, ctx.actors, 'actors');
    src(['places', i, 'source'], p.source);
  });
  s.borders.forEach((b, i) => b && pairEnds(ctx, ['borders', i, 'between'], b.between, [], false));
  s.meters.forEach((m, i) => {
    if (!m) return;
    if (m.min >= m.max) ctx.out.push({ path: ['meters', i, 'min'], message: `min ${m.min} is not below max ${m.max}` });
    else if (m.initial < m.min || m.initial > m.max) ctx.out.push({ path: ['meters', i, 'initial'], message: `initial ${m.initial} is outside [${m.min}, ${m.max}]` });
  });

  s.actors.forEach((a, i) => {
    if (!a) return;
    const p: Path = ['actors', i];
    if (a.capital !== undefined) ref(ctx, [...p, 'capital'], a.capital, ctx.places, 'places');
    for (const [m, v] of Object.entries(a.meters)) {
      const def = s.meters.find((x) => x?.id === m);
      if (!def) ref(ctx, [...p, 'meters', m], m, ctx.meters, 'meters');
      else if (v < def.min || v > def.max) ctx.out.push({ path: [...p, 'meters', m], message: `${v} is outside the meter's range [${def.min}, ${def.max}]` });
    }
    a.goals.forEach((g, j) => {
      if ('meter' in g) {
        ref(ctx, [...p, 'goals', j, 'meter'], g.meter, ctx.meters, 'meters');
        ref(ctx, [...p, 'goals', j, 'of'], g.of, ctx.actors, 'actors', ['self']);
      } else {
        if (g.tension !== 'overall') pairEnds(ctx, [...p, 'goals', j, 'tension'], g.tension, ['self']);
        range(ctx, [...p, 'goals', j, 'ideal'], g.ideal);
      }
    });
    a.positions.forEach((pos, j) => src([...p, 'positions', j, 'source'], pos.source));
    const score = a.role?.score;
    if (score) {
      score.terms.forEach((t, j) => {
        const q: Path = [...p, 'role', 'score', 'terms', j];
        if ((t.meter === undefined) === (t.tension === undefined)) ctx.out.push({ path: q, message: 'a score line reads either a meter or a tension', hint: 'give it meter: … (and of: …) or tension: …, not both' });
        if (t.meter !== undefined) {
          ref(ctx, [...q, 'meter'], t.meter, ctx.meters, 'meters');
          ref(ctx, [...q, 'of'], t.of, ctx.actors, 'actors', ['self']);
        }
        if (t.tension !== undefined && t.tension !== 'overall') pairEnds(ctx, [...q, 'tension'], t.tension, ['self']);
      });
      if (score.loss >= score.win) ctx.out.push({ path: [...p, 'role', 'score'], message: `loss (${score.loss}) must be below win (${score.win})`, hint: 'between the two the result is a draw' });
    }
    if (a.playable && !a.role) ctx.out.push({ path: [...p, 'role'], message: 'a playable actor needs a role with a goal', hint: 'add role: { goal: "…" } or set playable: false' });
  });

  const pairKeys = new Map<string, number>();
  s.pairs.forEach((pr, i) => {
    if (!pr) return;
    pairEnds(ctx, ['pairs', i, 'between'], pr.between, [], false);
    const key = [...pr.between].sort().join('-');
    const prev = pairKeys.get(key);
    if (prev !== undefined) ctx.out.push({ path: ['pairs', i, 'between'], message: `the pair ${key} is defined twice (also entry ${prev + 1})` });
    else pairKeys.set(key, i);
    src(['pairs', i, 'source'], pr.source);
  });

  s.dynamics.forEach((d, i) => {
    if (!d) return;
    const p: Path = ['dynamics', i];
    for (const side of ['target', 'from'] as const) {
      const t = d[side];
      if ('meter' in t) {
        ref(ctx, [...p, side, 'meter'], t.meter, ctx.meters, 'meters');
        ref(ctx, [...p, side, 'of'], t.of, ctx.actors, 'actors');
      } else if (t.tension !== 'overall') pairEnds(ctx, [...p, side, 'tension'], t.tension, []);
    }
    src([...p, 'source'], d.source);
  });

  s.forces.forEach((f, i) => {
    if (!f) return;
    const p: Path = ['forces', i];
    ref(ctx, [...p, 'owner'], f.owner, ctx.actors, 'actors');
    ref(ctx, [...p, 'location'], f.location, ctx.places, 'places');
    if (f.origin !== undefined) ref(ctx, [...p, 'origin'], f.origin, ctx.places, 'places');
    range(ctx, [...p, 'strength'], f.strength);
    const lo = Array.isArray(f.strength) ? f.strength[0] : f.strength;
    if (lo < 0) ctx.out.push({ path: [...p, 'strength'], message: `strength cannot be negative (${lo})` });
    src([...p, 'source'], f.source);
  });

  s.actions.forEach((a, i) => {
    if (!a) return;
    const p: Path = ['actions', i];
    a.actors.forEach((x, j) => ref(ctx, [...p, 'actors', j], x, ctx.actors, 'actors'));
    a.targets?.forEach((x, j) => ref(ctx, [...p, 'targets', j], x, ctx.actors, 'actors'));
    const extra = a.targets?.length ? ['self', 'target'] : ['self'];
    if (a.requires) condition(ctx, [...p, 'requires'], a.requires, extra);
    dateWindow(ctx, p, a);
    if (typeof a.visibility === 'object') a.visibility.to.forEach((x, j) => ref(ctx, [...p, 'visibility', 'to', j], x, ctx.actors, 'actors', a.targets?.length ? ['target'] : []));
    effects(ctx, [...p, 'effects'], a.effects, extra);
    if (a.kind === 'incident' && !a.targets?.length) ctx.out.push({ path: [...p, 'targets'], message: 'an incident needs targets: it happens on a pair (actor, target)' });
    src([...p, 'source'], a.source);
  });

  const lastTurn = s.meta.turnLimit;
  s.events.forEach((e, i) => {
    if (!e) return;
    const p: Path = ['events', i];
    date(ctx, [...p, 'date'], e.date);
    if (e.date !== undefined && isRealDate(e.date) && isRealDate(s.meta.start)) {
      const t = dateTurn(s.meta.start, e.date);
      if (t < 1) ctx.out.push({ path: [...p, 'date'], message: `${e.date} is before the start (${s.meta.start})`, hint: 'move meta.start earlier or drop the event' });
      else if (t > lastTurn) ctx.out.push({ path: [...p, 'date'], message: `${e.date} is after the last turn (turn ${lastTurn})`, hint: 'raise meta.turnLimit or drop the event' });
    }
    if (e.date === undefined && e.when === undefined) ctx.out.push({ path: p, message: 'an event needs a date, a when condition, or both' });
    dateWindow(ctx, p, e);
    if (e.date !== undefined && (e.from !== undefined || e.until !== undefined)) {
      ctx.out.push({ path: [...p, e.from !== undefined ? 'from' : 'until'], message: 'a dated event fires on its date: from and until are for events with a when and no date', hint: 'drop the date (the event then fires the first day its when holds inside the window), or drop from and until' });
    }
    if (e.actor !== undefined) ref(ctx, [...p, 'actor'], e.actor, ctx.actors, 'actors');
    if (e.target !== undefined) ref(ctx, [...p, 'target'], e.target, ctx.actors, 'actors');
    if (e.action !== undefined) {
      ref(ctx, [...p, 'action'], e.action, ctx.actions, 'actions');
      if (e.actor === undefined) ctx.out.push({ path: [...p, 'actor'], message: 'an event that performs an action needs its actor' });
      const act = s.actions.find((x) => x?.id === e.action);
      if (act?.targets?.length && e.target === undefined) ctx.out.push({ path: [...p, 'target'], message: `the action '${act.id}' needs a target`, hint: `one of: ${act.targets.join(', ')}` });
    }
    const extra = e.actor !== undefined ? (e.target !== undefined ? ['self', 'target'] : ['self']) : [];
    if (e.when) condition(ctx, [...p, 'when'], e.when, extra);
    effects(ctx, [...p, 'effects'], e.effects, extra);
    src([...p, 'source'], e.source);
  });

  const playable = s.actors.filter((a) => a?.playable).map((a) => a.id);
  let limits = 0;
  s.outcomes.forEach((o, i) => {
    if (!o) return;
    const p: Path = ['outcomes', i];
    if (o.when) condition(ctx, [...p, 'when'], o.when, []);
    if (o.atLimit) limits++;
    if (!o.when && !o.atLimit) ctx.out.push({ path: p, message: 'an outcome needs a when condition or atLimit: true' });
    if (o.blame) pairEnds(ctx, [...p, 'blame'], o.blame, []);
    for (const r of Object.keys(o.roles)) ref(ctx, [...p, 'roles', r], r, ctx.actors, 'actors');
    for (const a of playable) {
      if (!(a in o.roles)) ctx.out.push({ path: [...p, 'roles'], message: `no reading for the playable role '${a}'`, hint: `add ${a}: win, draw or loss (or score)` });
      else if (o.roles[a] === 'score' && !s.actors.find((x) => x?.id === a)?.role?.score) {
        ctx.out.push({ path: [...p, 'roles', a], message: `'score' needs a victory-point track for ${a}`, hint: `add role.score to ${a}, or read this outcome as win, draw or loss` });
      }
    }
  });
  if (limits !== 1) {
    ctx.out.push({ path: ['outcomes'], message: limits === 0 ? 'no outcome has atLimit: true' : `${limits} outcomes have atLimit: true`, hint: 'exactly one outcome (e.g. a stalemate) applies when the turn limit is reached' });
  }
  if (s.calibration) calibration(ctx, s.calibration, src);
  if (s.lint?.publicFrom !== undefined) ref(ctx, ['lint', 'publicFrom'], s.lint.publicFrom, ctx.events, 'events');
  return ctx.out;
}

/** The calibration section: its pair, dates inside the game and in order, outcomes, and variant files named once. */
function calibration(ctx: Ctx, c: NonNullable<ScenarioData['calibration']>, src: (path: Path, x: { ref?: string; date?: string } | undefined) => void): void {
  const p: Path = ['calibration'];
  pairEnds(ctx, [...p, 'pair'], c.pair, []);
  const { start, turnLimit } = ctx.s.meta;
  /** Dates that exist, fall inside the game, and come each after the one before. */
  const dates = (path: Path, list: (string | undefined)[]): void => {
    let prev: string | undefined;
    list.forEach((d, i) => {
      if (d === undefined) return;
      const q = [...path, i];
      if (!isRealDate(d)) {
        date(ctx, q, d);
        return;
      }
      if (start !== undefined && isRealDate(start)) {
        const t = dateTurn(start, d);
        if (t < 1) ctx.out.push({ path: q, message: `${d} is before the start (${start})`, hint: 'calibration dates fall inside the game' });
        else if (t > turnLimit) ctx.out.push({ path: q, message: `${d} is after the last turn (turn ${turnLimit})`, hint: 'calibration dates fall inside the game' });
      }
      if (prev !== undefined && d <= prev) ctx.out.push({ path: q, message: `${d} does not come after ${prev}`, hint: 'list the dates in order, each once' });
      prev = d;
    });
  };
  dates([...p, 'checkpoints'], c.checkpoints.map((x) => x?.date));
  c.checkpoints.forEach((x, i) => src([...p, 'checkpoints', i, 'source'], x?.source));
  if (c.record) {
    dates([...p, 'record', 'rises'], c.record.rises);
    src([...p, 'record', 'source'], c.record.source);
  }
  const outcomeIds = (ctx.s.outcomes ?? []).filter(Boolean).map((o) => o.id);
  const files = new Map<string, number>();
  c.variants.forEach((v, i) => {
    if (!v) return;
    const q: Path = [...p, 'variants', i];
    if (v.expect) ref(ctx, [...q, 'expect', 'outcome'], v.expect.outcome, outcomeIds, 'outcomes');
    const name = v.file.replace(/^\.\//, '');
    const prev = files.get(name);
    if (prev !== undefined) ctx.out.push({ path: [...q, 'file'], message: `the variant '${v.file}' is listed twice (also entry ${prev + 1})`, hint: 'list each variant once' });
    else files.set(name, i);
  });
}
