// Conditions in plain words, for the screens: what a requirement asks for ("needs the Belarusian
// southern contingent deployed", "from 10 Feb"), and which part of it is not met now, with the value it reads today.
// Used for the greyed cards' reasons; "self" and "target" resolve to the acting actor and its target.
import { meterSlot, resolveActor, resolvePairs, type ActorRef, type CCondition, type Model } from './model';
import type { GameState } from './state';
import { holds } from './conditions';
import { overallTension } from './tension';
import { longDate, shortDate, turnDate } from './calendar';

function actorName(m: Model, a: number): string {
  return a >= 0 ? m.data.actors[a]!.name : 'any actor';
}

function whose(m: Model, ref: ActorRef, actor: number, target: number, meter: number): string {
  const who = resolveActor(ref, actor, target);
  const name = m.data.meters[meter]!.name;
  return who === actor ? `your ${name.toLowerCase()}` : `${actorName(m, who)}'s ${name.toLowerCase()}`;
}

function bounds(lo: number, hi: number): string {
  if (lo > -Infinity && hi < Infinity) return `between ${fmt(lo)} and ${fmt(hi)}`;
  return lo > -Infinity ? `at least ${fmt(lo)}` : `at most ${fmt(hi)}`;
}

function fmt(v: number): string {
  return String(Math.round(v));
}

/** The date of a turn for a reason: "10 Feb", with the year where the game runs over a year. */
function dayName(m: Model, turn: number): string {
  const iso = turnDate(m.data.meta.start, turn);
  return m.data.meta.turnLimit > 300 ? longDate(iso) : shortDate(iso);
}

/** A scripted event named for a reason: its date and the start of its text. */
function eventName(m: Model, index: number): string {
  const e = m.data.events[index]!;
  const words = e.text.replace(/\{[a-z]+\}/g, '').split(/\s+/);
  let text = '';
  for (const w of words) {
    if ((text + ' ' + w).length > 48) {
      text += '…';
      break;
    }
    text = text ? `${text} ${w}` : w;
  }
  return `“${text.replace(/[.,;:]…$/, '…')}”${e.date ? ` (${shortDate(e.date)})` : ''}`;
}

/** The condition stated as a requirement ("the Belarusian southern contingent deployed"). */
export function conditionText(m: Model, st: GameState, c: CCondition, actor: number, target: number): string {
  switch (c.kind) {
    case 'all':
      return c.list.map((x) => conditionText(m, st, x, actor, target)).join(' and ');
    case 'any':
      return `one of: ${c.list.map((x) => conditionText(m, st, x, actor, target)).join('; ')}`;
    case 'not':
      return `not ${conditionText(m, st, c.c, actor, target)}`;
    case 'overall':
      return `overall tension ${bounds(c.lo, c.hi)} (now ${fmt(overallTension(m, st))})`;
    case 'tension': {
      const pairs = resolvePairs(m, c.a, c.b, actor, target);
      const p = pairs[0];
      const label = p === undefined ? 'the pair' : `${actorName(m, m.pairA[p]!)}–${actorName(m, m.pairB[p]!)}`;
      return `${label} tension ${bounds(c.lo, c.hi)}${p === undefined ? '' : ` (now ${fmt(st.tension[p]!)})`}`;
    }
    case 'meter': {
      const who = resolveActor(c.of, actor, target);
      const now = who >= 0 ? ` (now ${fmt(st.meters[meterSlot(m, who, c.meter)]!)})` : '';
      return `${whose(m, c.of, actor, target, c.meter)} ${bounds(c.lo, c.hi)}${now}`;
    }
    case 'force': {
      const f = m.data.forces[c.force]!;
      const parts: string[] = [];
      if (c.active === true) parts.push('deployed');
      if (c.active === false) parts.push('not deployed');
      if (c.at >= 0) parts.push(`at ${m.data.places[c.at]!.name}`);
      if (c.lo > 0 || c.hi < Infinity) parts.push(`with ${bounds(c.lo, c.hi)} troops`);
      return `the ${f.name} ${parts.join(' ') || 'present'}`;
    }
    case 'turn':
      if (c.dated) {
        if (c.lo > -Infinity && c.hi < Infinity) return `${dayName(m, c.lo)} to ${dayName(m, c.hi)}`;
        return c.lo > -Infinity ? `from ${dayName(m, c.lo)}` : `until ${dayName(m, c.hi)}`;
      }
      if (c.lo > 0 && c.hi < Infinity) return `days ${c.lo} to ${c.hi}`;
      return c.lo > 0 ? `from day ${c.lo}` : `until day ${c.hi}`;
    case 'fired':
      return `after ${eventName(m, c.event)}`;
    case 'used': {
      const name = m.actions[c.action]!.data.name;
      return c.by >= 0 && c.by !== actor ? `after ${actorName(m, c.by)}'s “${name}”` : `after “${name}”`;
    }
  }
}

/** What is missing for a requirement to hold, in a few words ("needs the … deployed"), or null when it
 * holds. `st` is the state the requirement is judged on (for a card: the coming day's, turn + 1). */
export function unmetText(m: Model, st: GameState, c: CCondition, actor: number, target: number): string | null {
  if (holds(m, st, c, actor, target)) return null;
  switch (c.kind) {
    case 'all':
      for (const x of c.list) {
        const why = unmetText(m, st, x, actor, target);
        if (why) return why;
      }
      return null;
    case 'turn':
      if (c.dated) return st.turn < c.lo ? `from ${dayName(m, c.lo)}` : `only until ${dayName(m, c.hi)}`;
      if (st.turn < c.lo) return `from day ${c.lo}`;
      return `only until day ${c.hi}`;
    case 'not':
      if (c.c.kind === 'used') return `not after “${m.actions[c.c.action]!.data.name}”`;
      if (c.c.kind === 'force' && c.c.active === true) return `not while the ${m.data.forces[c.c.force]!.name} is deployed`;
      return `needs ${conditionText(m, st, c, actor, target)}`;
    case 'force':
      if (c.active === false && st.forces.active[c.force]) return `not while the ${m.data.forces[c.force]!.name} is deployed`;
      return `needs ${conditionText(m, st, c, actor, target)}`;
    case 'fired':
    case 'used':
      return conditionText(m, st, c, actor, target);
    default:
      return `needs ${conditionText(m, st, c, actor, target)}`;
  }
}
