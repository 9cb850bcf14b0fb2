// The balance report's words and tables (npm run balance): the text on a terminal, the targets with ✅/❌,
// and the Markdown of `--write docs/balance.md`, from the figures of src/sim/balance.ts.
import { BOT_HELP, DEFAULT_SEARCH, CARD_LOOKAHEAD, DECISION_MARGIN, TARGETS, noTruthReason, type RoleBalance, type TargetLine, type TruthOptions } from '../sim/index';

/** The report of one scenario file, as `--json` prints it. */
export interface BalanceDoc {
  scenario: { id: string; title: string; file: string; hash: string };
  seeds: { count: number; first: string; last: string };
  roles: Record<string, RoleBalance>;
  targets: TargetLine[];
  /** Set when there was nothing to balance. */
  note?: string;
}

/** How a run sampled card truth, for the words around the figures. */
export interface RunSettings {
  truth: TruthOptions;
  truthSeeds: number;
}

/** Outcome columns per role table; the rest are summed as "other". */
const TOP_OUTCOMES = 4;

type Align = 'l' | 'r';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;

function textTable(rows: string[][], align: readonly Align[]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (align[c] === 'r' ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd());
}

function markdownTable(rows: string[][], align: readonly Align[]): string[] {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${rows[0]!.map(esc).join(' | ')} |`, `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`, ...rows.slice(1).map((r) => `| ${r.map(esc).join(' | ')} |`)];
}

/** A role's bots as rows: bot, win, draw, loss, then the role's most common outcomes and the rest. */
function botRows(r: RoleBalance): { rows: string[][]; align: Align[] } {
  const totals = new Map<string, number>();
  for (const b of Object.values(r.bots)) for (const [id, s] of Object.entries(b.outcomes)) totals.set(id, (totals.get(id) ?? 0) + s);
  const ids = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  const shown = ids.slice(0, TOP_OUTCOMES);
  const other = ids.length > shown.length;
  const rows = [['bot', 'win', 'draw', 'loss', ...shown, ...(other ? ['other'] : [])]];
  for (const [id, b] of Object.entries(r.bots)) {
    const cells = shown.map((o) => b.outcomes[o] ?? 0);
    const rest = Math.max(0, 1 - cells.reduce((a, x) => a + x, 0));
    rows.push([id === r.strongest ? `${id} (strongest)` : id, pct(b.win), pct(b.draw), pct(b.loss), ...cells.map(pct), ...(other ? [pct(rest)] : [])]);
  }
  return { rows, align: rows[0]!.map((_, c) => (c === 0 ? 'l' : 'r')) };
}

function cardRows(r: RoleBalance): { rows: string[][]; align: Align[] } {
  return { rows: [['card', 'days', 'shown', 'measured'], ...r.cardTruth.cards.map((c) => [c.action, String(c.days), signed(c.shown), signed(c.measured)])], align: ['l', 'r', 'r', 'r'] };
}

function decisionLine(r: RoleBalance): string {
  const d = r.decisionDays;
  return d.days ? `decision days: on ${pct(d.share)} of ${d.days} sampled days the best order and the worst, hold included, differ by ≥ ${DECISION_MARGIN} in the search bot's evaluation` : 'decision days: not measured (the search bot did not play)';
}

function truthLine(r: RoleBalance, s: RunSettings): string {
  const t = r.cardTruth;
  if (t.spearman === null) return `card truth: not measured: ${noTruthReason(t)}`;
  return `card truth: Spearman ${t.spearman.toFixed(2)} over ${t.cards.length} cards (the search bot's games on ${s.truthSeeds} seeds, every ${s.truth.every}th day)`;
}

/** The targets as lines with ✅/❌. */
export function targetText(targets: readonly TargetLine[]): string[] {
  return targets.map((t) => `${t.ok ? '✅' : '❌'} ${t.role}: ${t.target} — ${t.detail}`);
}

function seedRange(doc: BalanceDoc): string {
  return `${doc.seeds.count} seed${doc.seeds.count === 1 ? '' : 's'}, "${doc.seeds.first}" … "${doc.seeds.last}"`;
}

/** The terminal report of one file: a table per role, its decision-day and card-truth lines and cards, then the targets. */
export function textReport(doc: BalanceDoc, s: RunSettings): string {
  if (doc.note) return `${doc.note}\n`;
  const out = [`${doc.scenario.title} (${doc.scenario.file}) · ${seedRange(doc)}`];
  for (const [role, r] of Object.entries(doc.roles)) {
    const bots = botRows(r);
    out.push('', `${role}`, ...textTable(bots.rows, bots.align), decisionLine(r), truthLine(r, s));
    if (r.cardTruth.cards.length) {
      const cards = cardRows(r);
      out.push(...textTable(cards.rows, cards.align).map((l) => `  ${l}`));
    }
  }
  out.push('', 'targets', ...targetText(doc.targets), '');
  return out.join('\n');
}

function markdownSection(doc: BalanceDoc, s: RunSettings): string[] {
  const out = [`## ${doc.scenario.title} (\`${doc.scenario.file}\`)`, ''];
  if (doc.note) return [...out, doc.note, ''];
  out.push(`${seedRange(doc)}. Scenario hash \`${doc.scenario.hash}\`.`, '');
  for (const [role, r] of Object.entries(doc.roles)) {
    const bots = botRows(r);
    out.push(`### ${role}`, '', ...markdownTable(bots.rows, bots.align), '');
    out.push(`- Strongest: **${r.strongest}** (${pct(r.bots[r.strongest]?.win ?? 0)} wins).`);
    out.push(`- ${decisionLine(r).replace(/^decision days: /, 'Decision days: ')}.`);
    out.push(`- ${truthLine(r, s).replace(/^card truth: /, 'Card truth: ')}.`);
    if (r.cardTruth.cards.length) {
      const cards = cardRows(r);
      out.push('', 'Cards, by measured value (against holding, on the 0–1 value scale):', '', ...markdownTable(cards.rows, cards.align));
    }
    out.push('', 'Targets:', '', ...doc.targets.filter((t) => t.role === role).map((t) => `- ${t.ok ? '✅' : '❌'} ${t.target} — ${t.detail}`), '');
  }
  return out;
}

function howItWasReached(s: RunSettings): string[] {
  const b = DEFAULT_SEARCH;
  return [
    '## How it was reached',
    '',
    "Each playable role is played by each bot over the same seeds, with the AI in every other seat. A bot gives its orders through the same public API as a person (`legalOrders`, then `step`), with its own seeded generator, so it never reads the game's future draws. A game's result for the role is its outcome's reading for that role: a win, a draw or a loss, or, where the outcome leaves it to the role's victory-point track, the points against the role's win and loss lines.",
    '',
    'The bots:',
    '',
    ...Object.entries(BOT_HELP).map(([id, help]) => `- \`${id}\`: ${help}.`),
    '',
    `The \`always:X\` bots are one per order the role could ever give (\`everyOrder\`). The search bot's budget: every legal order on ${b.first} sampled worlds for ${b.horizon} days, then the best ${b.keep} on ${b.more} more. The strongest bot is the one with the highest win share (on a tie, the one listed first).`,
    '',
    'The measures:',
    '',
    `- **Decision days**: on the sampled days below (days with more than one legal order), whether the search bot's own evaluation (its lookahead: ${b.horizon} days, then ${b.then === 'hold' ? 'holding' : 'the AI playing on'}, on ${s.truth.samples} worlds) separates the best order from the worst, hold included, by at least ${DECISION_MARGIN} on the 0–1 value scale (0 a sure loss, 1 a sure win). The figure is the share of such days.`,
    `- **Card truth**: on the search bot's games of the first ${s.truthSeeds} seeds, every ${s.truth.every}th day from day 1, each legal card's shown value (what the card displays: its outlook in victory points at the end against holding, ${CARD_LOOKAHEAD.samples} worlds ${Number.isFinite(CARD_LOOKAHEAD.horizon) ? `over ${CARD_LOOKAHEAD.horizon} days` : 'played to the end of the game'}, the AI playing on) is set against its measured value (rollouts to the end of the game on ${s.truth.samples} other worlds, the AI playing on after the first day, minus holding on the same worlds). Both are averaged per action over its days and targets; actions legal on fewer than ${s.truth.minDays} sampled days are left out. The figure is Spearman's rank correlation between the two over the role's cards (tied values share their average rank).`,
    '',
    'The targets, per role:',
    '',
    `- the strongest bot wins ${pct(TARGETS.strongestMin)}–${pct(TARGETS.strongestMax)} of games;`,
    `- every trivial bot (hold, random, cooperative, hostile and each always:X) wins at most ${pct(TARGETS.trivialMax)}, and at least ${TARGETS.trivialGap * 100} points less than the strongest;`,
    `- across sensible strategies (the bots that lose under ${pct(TARGETS.sensibleLossBelow)}), the win share spans at least ${TARGETS.sensibleSpan * 100} points;`,
    `- decision days at least ${pct(TARGETS.decisionDays)};`,
    `- card truth at least ${TARGETS.spearman}.`,
    '',
  ];
}

/** The Markdown report over every file of a run, with the command that wrote it. */
export function markdownReport(docs: readonly BalanceDoc[], s: RunSettings, command: string): string {
  const targets = docs.flatMap((d) => d.targets.map((t) => ({ ...t, file: d.scenario.file })));
  const failed = targets.filter((t) => !t.ok).length;
  return [
    '# Balance',
    '',
    `Generated by \`${command}\`. Do not edit by hand.`,
    '',
    `Seeds: ${docs[0] ? seedRange(docs[0]) : 'none'}; card truth on the first ${s.truthSeeds}.`,
    '',
    '## Targets',
    '',
    targets.length ? `${targets.length - failed} of ${targets.length} met.` : 'No role to check.',
    '',
    ...targets.map((t) => `- ${t.ok ? '✅' : '❌'} \`${t.file}\` ${t.role}: ${t.target} — ${t.detail}`),
    '',
    ...docs.flatMap((d) => markdownSection(d, s)),
    ...howItWasReached(s),
  ].join('\n');
}
