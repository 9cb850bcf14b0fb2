// The engine preview served by `npm start` until the Phaser front end lands: pick a bundled
// scenario and a seed, and read the run day by day. All text is set as text, never as HTML.
import { loadScenario, runGame, formatError, compile, type Scenario } from '../sim/index';
import { bundled, bundledReader } from './bundled-scenarios';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

const app = document.getElementById('app')!;
const files = Object.keys(bundled).sort();
const select = el('select', { name: 'scenario' }, ...files.map((f) => el('option', { value: f }, f.replace('scenarios/', ''))));
const seed = el('input', { name: 'seed', value: new URLSearchParams(location.search).get('seed') ?? '7', size: 10 });
const out = el('section');
const form = el('form', {}, el('label', {}, 'Scenario', select), el('label', {}, 'Seed', seed), el('button', { type: 'submit' }, 'Run'));
app.append(el('h1', {}, 'BRINK ', el('span', {}, '· engine preview')), el('p', { className: 'lede' }, 'A seeded run of the escalation model, day by day. The map and the game arrive with the front end.'), form, out);

function show(scenario: Scenario, s: string): void {
  const m = compile(scenario);
  const trace = runGame(scenario, s);
  const rows = trace.turns.map((t) => {
    const hot = Object.entries(t.tensions).sort((a, b) => b[1] - a[1]).slice(0, 2).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
    const events = t.events.filter((e) => e.visibility === 'public' && e.kind !== 'band').map((e) => e.text).join(' · ');
    return el('tr', {}, el('td', { className: 'num' }, String(t.turn)), el('td', {}, t.date), el('td', {}, t.band), el('td', { className: 'num' }, t.overall.toFixed(1)), el('td', {}, hot), el('td', {}, events));
  });
  const head = el('tr', {}, ...['Day', 'Date', 'Band', 'Overall', 'Hottest pairs', 'Events'].map((h) => el('th', {}, h)));
  const o = trace.outcome;
  const outcome = o ? m.data.outcomes.find((x) => x.id === o.id)! : undefined;
  out.replaceChildren(el('h2', {}, `${m.data.meta.title} · seed ${s}`), el('table', {}, head, ...rows), el('div', { className: 'outcome' }, outcome ? `${outcome.name} on day ${o!.turn}: ${outcome.description}` : 'No outcome yet.'));
}

function run(): void {
  const r = loadScenario(select.value, bundledReader);
  if (!r.ok) out.replaceChildren(el('pre', { className: 'error' }, r.errors.map(formatError).join('\n')));
  else show(r.scenario, seed.value);
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  run();
});
if (files.includes('scenarios/allied-resolve-2022.yaml')) select.value = 'scenarios/allied-resolve-2022.yaml';
if (files.length) run();
