// The read side: what each role may see comes from the model's view (src/sim/view.ts), and the store
// only compares recorded days. Covers the view's rules (own units exact, others estimated, an observer
// sees the range; own meters only; cards on request), the briefing read again when its file changes,
// quotes credited only to the source they name, and that the store never reads the model's tables.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canSee, createGame, scenarioView, step, viewOf, type GameState } from '../src/sim/index';
import { createSession } from '../src/store/session';
import { briefing, sourceOf } from '../src/store/ui-view';
import { pairs, visibleEvents } from '../src/store/selectors';
import { diskReader } from '../src/cli/files';
import { load, memoryReader, DEFAULT } from './helpers';

const AR = load(DEFAULT);

function played(days: number, seed = '7'): GameState {
  let st = createGame(AR, seed);
  for (let i = 0; i < days; i++) st = step(AR, st, {}).state;
  return st;
}

describe('viewOf: what a role may see', () => {
  const st = played(30);

  it('shows a role its own forces exactly and others as it estimates them', () => {
    const nato = viewOf(AR, st, 'nato');
    const own = nato.units.filter((u) => u.own);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((u) => u.owner === 'nato' && u.strength.low === u.strength.high)).toBe(true);
    // A Russian force: NATO's estimate is one number, and not (in general) the truth.
    const russian = nato.units.filter((u) => u.owner === 'russia');
    expect(russian.length).toBeGreaterThan(0);
    expect(russian.every((u) => !u.own && u.strength.low === u.strength.high)).toBe(true);
    const truth = russian.map((u) => st.forces.strength[AR.data.forces.findIndex((f) => f.id === u.id)]!);
    expect(russian.some((u, i) => u.strength.low !== truth[i])).toBe(true);
  });

  it('shows an observer the range of the watchers’ estimates, owning nothing', () => {
    const obs = viewOf(AR, st, 'observer');
    expect(obs.units.some((u) => u.own)).toBe(false);
    expect(obs.units.some((u) => u.strength.high > u.strength.low)).toBe(true);
    expect(obs.meters).toEqual([]);
    expect(obs.track).toBeNull();
  });

  it('gives a role its own meters and score track, and no one else’s', () => {
    const by = viewOf(AR, st, 'belarus');
    expect(by.meters.map((m) => m.id).sort()).toEqual(Object.keys(AR.data.actors.find((a) => a.id === 'belarus')!.meters).sort());
    for (const m of by.meters) expect(m.value).toBeGreaterThanOrEqual(m.min);
    expect(by.track).not.toBeNull();
  });

  it('answers "why?" for every pair: its six largest causes, largest first', () => {
    const v = viewOf(AR, st, 'ukraine');
    for (const p of v.pairs) {
      const causes = v.why[p.id]!;
      expect(causes.length).toBeGreaterThan(0);
      expect(causes.length).toBeLessThanOrEqual(6);
      for (let i = 1; i < causes.length; i++) expect(Math.abs(causes[i]!.amount)).toBeLessThanOrEqual(Math.abs(causes[i - 1]!.amount));
    }
    expect(v.ladder.overall).toBe(Math.max(...v.pairs.filter((p) => p.counts).map((p) => p.tension)));
  });

  it('runs the cards only when asked, and keeps the view per state and viewer', () => {
    const early = played(3);
    const plain = viewOf(AR, early, 'nato');
    expect(plain.cards).toBeNull();
    expect(viewOf(AR, early, 'nato')).toBe(plain);
    const withCards = viewOf(AR, early, 'nato', { cards: true });
    expect(withCards.cards!.list.length).toBeGreaterThan(0);
    expect(viewOf(AR, early, 'observer', { cards: true }).cards).toBeNull();
  });

  it('lets a viewer see public events and its own private ones only', () => {
    const mine = { visibility: 'private' as const, actor: 'russia' };
    expect(canSee('russia', mine)).toBe(true);
    expect(canSee('nato', mine)).toBe(false);
    expect(canSee('observer', mine)).toBe(false);
    expect(canSee('observer', { visibility: 'public', actor: 'russia' })).toBe(true);
  });
});

describe('the store: days compared, nothing computed', () => {
  it('gives each pair its change since the day before, and filters the feed by the model’s rule', () => {
    const store = createSession();
    expect(store.getState().newGame({ file: DEFAULT, seed: '7', role: 'belarus' }, diskReader)).toBeNull();
    for (let i = 0; i < 40; i++) store.getState().nextDay();
    const s = store.getState();
    for (const p of pairs(s)) expect(p.delta).toBeCloseTo(s.days[40]!.tensions[p.index]! - s.days[39]!.tensions[p.index]!, 12);
    // The feed's rule is the model's: public events, and the player's own private ones.
    const ev = (actor: string, visibility: 'public' | 'private') => ({ ...s.days[1]!.events[0]!, actor, visibility, text: `${actor} ${visibility}` });
    store.setState({ days: [s.days[0]!, { ...s.days[1]!, events: [ev('belarus', 'private'), ev('russia', 'private'), ev('russia', 'public')] }] });
    expect(visibleEvents(store.getState(), 1).map((e) => e.text)).toEqual(['belarus private', 'russia public']);
    store.setState({ role: 'observer' });
    expect(visibleEvents(store.getState(), 1).map((e) => e.text)).toEqual(['russia public']);
  });

  it('has no compile() and no flat-table index arithmetic under src/store', () => {
    const dir = 'src/store';
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/\bcompile\(/);
      expect(text, f).not.toMatch(/\*\s*m\.n[AMFPT]\b/);
      expect(text, f).not.toMatch(/\.pairOf\[|\.estimates\[/);
    }
  });
});

describe('briefings and sources', () => {
  const file = (title: string) => readFileSync('tests/fixtures/mini.yaml', 'utf8').replace(/^(\s*title:).*$/m, `$1 ${title}`);

  it('reads a briefing again after its file changes (hot reload, a tweak file saved again)', () => {
    const files: Record<string, string> = { 'x.yaml': file('First title') };
    const reader = memoryReader(files);
    expect(briefing('x.yaml', reader)!.title).toBe('First title');
    files['x.yaml'] = file('Second title');
    expect(briefing('x.yaml', reader)!.title).toBe('Second title');
    files['x.yaml'] = 'meta: [';
    expect(briefing('x.yaml', reader)).toBeNull();
  });

  it('credits a quote only to the source it names', () => {
    const store = createSession();
    store.getState().newGame({ file: DEFAULT, seed: '1', role: 'observer' }, diskReader);
    const s = store.getState();
    const first = scenarioView(AR).sources[0]!;
    expect(sourceOf(s, first.id)!.publication).toBe(first.publication);
    expect(sourceOf(s, 'no-such-source')).toBeNull();
    expect(sourceOf(s, undefined)).toBeNull();
  });
});
