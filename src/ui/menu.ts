// The menu: pick a scenario (every bundled file; broken files show their errors), read its briefing
// (summary, legend, sources), pick a role (or observe) and a seed (typed, random or today's), start.
// Above the columns: the saved game's Resume (and Discard) button, Saves… (the Saves dialog), "Load a
// scenario…" (your own .yaml or .json; listed below, marked "your file"), "Open a replay…" (a file picker;
// a replay or a scenario can also be dropped anywhere on the page), the glossary, and a notice strip for
// anything that went wrong.
// Under the seed, one line says what a seed is (with a link to its glossary entry).
import type { CatalogueEntry, Session, SessionStore } from '../store/session';
import { briefing, displayDate, type BriefingView } from '../store/ui-view';
import { h, replace } from './dom';
import { randomSeed, todaySeed } from './format';
import { glossaryButton, openGlossary } from './glossary';
import { icon } from './icons';
import { createNotice } from './notice';
import { describeSave, type SavedGame } from './saves';

type Reader = Parameters<Session['newGame']>[1];

/** The menu's default: the scenario that says so (meta.featured), else the first that loads. */
export function defaultEntry(cat: readonly (CatalogueEntry & { featured?: boolean })[]): CatalogueEntry | undefined {
  return cat.find((c) => c.featured === true && !c.error) ?? cat.find((c) => !c.error);
}

export interface MenuChoice {
  file: string;
  role: string;
  seed: string;
}

export interface MenuActions {
  start(c: MenuChoice): void;
  resume(): void;
  discard(): void;
  openReplay(): void;
  /** Opens the Saves dialog. */
  saves(): void;
  /** Opens the scenario file picker. */
  loadScenario(): void;
  /** A mark for the player's own files ("your file", "tweaked"), or null for a bundled one. */
  mark(file: string): string | null;
  /** The saved game (read afresh each time the menu shows), an error, or null. */
  saved(): SavedGame | { error: string } | null;
}

export function createMenu(store: SessionStore, reader: Reader, actions: MenuActions) {
  const onStart = actions.start;
  let file = '';
  let role = 'observer';
  const scenarioList = h('div', { class: 'menu-list', role: 'radiogroup', 'aria-label': 'Scenario' });
  const brief = h('div', { class: 'brief' });
  const roleList = h('div', { class: 'menu-list roles', role: 'radiogroup', 'aria-label': 'Role' });
  const seed = h('input', { class: 'seed-input mono', id: 'seed', type: 'text', value: '7', maxlength: 64, spellcheck: 'false', autocomplete: 'off', 'aria-label': 'Seed' });
  const start = h('button', { class: 'btn primary start', 'aria-label': 'Start the game', onclick: () => go() }, 'Start ▸');

  const notice = createNotice(store, 'menu');
  const resumeText = h('div', { class: 'resume-text' });
  const resumeKicker = h('div', { class: 'resume-k' }, 'Saved game');
  const resumeBtn = h('button', { class: 'btn primary resume-btn', onclick: () => actions.resume() }, icon('resume'), 'Resume');
  const resume = h(
    'div',
    { class: 'resume-card', role: 'group', 'aria-label': 'Saved game', hidden: true },
    h('div', { class: 'resume-info' }, resumeKicker, resumeText),
    resumeBtn,
    h('button', { class: 'btn ghost resume-discard', 'aria-label': 'Discard the saved game', 'data-tip': 'Delete the saved game', onclick: () => actions.discard() }, 'Discard'),
  );
  const openReplay = h('button', { class: 'btn ghost open-replay', 'aria-label': 'Open a replay…', 'data-tip': 'Open a replay file (.json) saved from Brink or recorded on the command line. You can also drop one anywhere on the page.', onclick: () => actions.openReplay() }, icon('open'), 'Open a replay…');

  const saves = h('button', { class: 'btn ghost menu-saves', 'aria-label': 'Saves…', 'data-tip': 'Your named saves and the autosave: load, rename, delete, export or import them', onclick: () => actions.saves() }, icon('slots'), 'Saves…');
  const loadFile = h('button', { class: 'btn ghost load-scenario', 'aria-label': 'Load a scenario…', 'data-tip': 'Load your own scenario file (.yaml or .json). A variant that extends a bundled scenario finds its base. You can also drop one anywhere on the page.', onclick: () => actions.loadScenario() }, icon('open'), 'Load a scenario…');

  const el = h(
    'div',
    { class: 'screen menu', 'aria-label': 'Menu' },
    h(
      'header',
      { class: 'menu-head' },
      h('div', { class: 'logo' }, 'BRINK'),
      h('div', { class: 'tagline' }, 'A seeded escalation game. Watch deployments and rhetoric move tension — or step in as one of the actors.'),
      h('div', { class: 'menu-actions' }, resume, saves, loadFile, openReplay, glossaryButton()),
    ),
    notice.el,
    h(
      'div',
      { class: 'menu-grid' },
      h('section', { class: 'menu-col', 'aria-label': 'Scenario' }, h('h2', { class: 'col-title' }, h('span', { class: 'step' }, '1'), 'Scenario'), scenarioList),
      h('section', { class: 'menu-col brief-col', 'aria-label': 'Briefing' }, h('h2', { class: 'col-title' }, h('span', { class: 'step' }, '2'), 'Briefing'), brief),
      h(
        'section',
        { class: 'menu-col role-col', 'aria-label': 'Role and seed' },
        h('h2', { class: 'col-title' }, h('span', { class: 'step' }, '3'), 'Your role'),
        // The roles scroll when they do not fit; the seed and Start stay in view beneath them.
        h('div', { class: 'role-scroll' }, roleList),
        h(
          'div',
          { class: 'role-foot' },
          h('h2', { class: 'col-title' }, h('span', { class: 'step' }, '4'), 'Seed'),
          h(
            'div',
            { class: 'seed-row' },
            seed,
            h('button', { class: 'btn ghost', 'aria-label': 'Random seed', 'data-tip': 'A fresh random seed', onclick: () => setSeed(randomSeed()) }, '⚄ Random'),
            h('button', { class: 'btn ghost', 'aria-label': "Today's seed", 'data-tip': 'Today’s date as the seed: everyone playing today gets the same crisis', onclick: () => setSeed(todaySeed()) }, 'Today'),
          ),
          h('p', { class: 'hint seed-hint' }, 'The same seed and moves give the same crisis. ', h('button', { class: 'linkish', 'aria-label': 'What is a seed? (glossary)', onclick: () => openGlossary('seed') }, 'What is a seed?')),
          start,
        ),
      ),
    ),
  );
  seed.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') go();
  });

  function setSeed(v: string): void {
    seed.value = v;
    seed.focus();
  }

  function go(): void {
    const sd = seed.value.trim() || '1';
    if (!file) return;
    onStart({ file, role, seed: sd });
  }

  function renderScenarios(cat: CatalogueEntry[]): void {
    replace(
      scenarioList,
      ...cat.map((c) =>
        h(
          'button',
          {
            class: `menu-card scenario${c.file === file ? ' sel' : ''}${c.error ? ' broken' : ''}`,
            role: 'radio',
            'aria-checked': String(c.file === file),
            'aria-label': c.error ? `${c.file}: does not load` : `${c.title}`,
            'data-file': c.file,
            disabled: !!c.error,
            onclick: () => pickScenario(c.file),
          },
          h('div', { class: 'card-title' }, c.title, markOf(c.file), h('span', { class: 'file mono' }, c.file.replace('scenarios/', ''))),
          c.error ? h('pre', { class: 'load-error' }, c.error) : h('div', { class: 'card-sum' }, c.summary),
        ),
      ),
    );
  }

  function markOf(f: string): HTMLElement | null {
    const m = actions.mark(f);
    return m ? h('span', { class: 'yours' }, m) : null;
  }

  function renderBrief(b: BriefingView | null): void {
    if (!b) return replace(brief, h('p', {}, 'This file does not load.'));
    replace(
      brief,
      h('h3', { class: 'brief-title' }, b.title),
      h('div', { class: 'brief-span mono' }, `${b.turnLimit} days from ${displayDate(b.start)}`),
      h('p', { class: 'brief-sum' }, b.summary),
      b.legend ? h('details', { class: 'legend-box' }, h('summary', {}, 'The exercise’s own legend'), h('p', {}, b.legend)) : null,
      h('h4', { class: 'brief-k' }, 'Sources'),
      h(
        'ul',
        { class: 'sources' },
        ...b.sources.map((s) =>
          h('li', {}, h('strong', {}, s.publication), s.author ? ` · ${s.author}` : '', s.title ? h('span', { class: 'src-title' }, ` “${s.title}”`) : '', s.date ? ` · ${displayDate(s.date)}` : '', s.url ? h('div', { class: 'src-url mono' }, s.url) : null),
        ),
      ),
      h('p', { class: 'hint' }, 'Events from the sources carry their quote; everything else the model simulates and marks as such.'),
    );
  }

  function renderRoles(b: BriefingView | null): void {
    const opts = [{ id: 'observer', name: 'Observer', leader: null as string | null, colour: '#8a96a3', goal: 'Watch the crisis unfold: the AI plays every actor. Step through day by day or let it autoplay.' }, ...(b?.roles ?? [])];
    if (!opts.some((o) => o.id === role)) role = 'observer';
    replace(
      roleList,
      ...opts.map((r) =>
        h(
          'button',
          { class: `menu-card role${r.id === role ? ' sel' : ''}`, role: 'radio', 'aria-checked': String(r.id === role), 'aria-label': r.name, 'aria-describedby': `role-goal-${r.id}`, 'data-role': r.id, onclick: () => pickRole(r.id) },
          h('div', { class: 'card-title' }, h('i', { class: 'dot', style: `background:${r.colour}` }), r.name, r.leader ? h('span', { class: 'leader' }, r.leader) : null),
          h('div', { class: 'card-sum', id: `role-goal-${r.id}` }, r.goal),
        ),
      ),
    );
  }

  /** Focus stays on the card chosen (a list drawn again would drop it). */
  function refocus(list: HTMLElement, attr: string, value: string, had: boolean): void {
    if (had) list.querySelector<HTMLElement>(`[${attr}="${CSS.escape(value)}"]`)?.focus({ preventScroll: true });
  }

  function pickScenario(f: string): void {
    const had = scenarioList.contains(document.activeElement);
    file = f;
    const b = briefing(f, reader);
    renderScenarios(store.getState().catalogue);
    renderBrief(b);
    renderRoles(b);
    start.disabled = !b;
    refocus(scenarioList, 'data-file', f, had);
  }

  function pickRole(r: string): void {
    const had = roleList.contains(document.activeElement);
    role = r;
    renderRoles(briefing(file, reader));
    refocus(roleList, 'data-role', r, had);
  }

  /** Shows the menu, preselecting the last game (or the scenario that says meta.featured, else the first that loads). */
  function show(s: Session): void {
    const cat = s.catalogue;
    const last = s.file && cat.some((c) => c.file === s.file) ? s.file : defaultEntry(cat)?.file;
    role = s.role;
    if (s.game) seed.value = s.seed;
    if (last) pickScenario(last);
    else renderScenarios(cat);
    showSaved();
    update(s);
  }

  /** The Resume card: the saved game, described; hidden when there is none (or it cannot be used). */
  function showSaved(): void {
    const g = actions.saved();
    resume.hidden = !g || 'error' in g;
    if (!g || 'error' in g) return;
    const desc = describeSave(g);
    resumeKicker.textContent = g.ended ? 'Saved game · ended' : 'Saved game';
    resumeText.textContent = desc;
    resumeBtn.setAttribute('aria-label', `Resume: ${desc}`);
    resumeBtn.setAttribute('data-tip', g.ended ? 'Back to the end of this game and its debrief' : 'Carry on exactly where you left off');
  }

  /** Keeps the notice strip in step with the store while the menu is shown. */
  function update(s: Session): void {
    notice.update(s.notice);
  }

  /** Selects a scenario (a file just loaded), re-reading the list. */
  function select(f: string): void {
    pickScenario(f);
    scenarioList.querySelector(`[data-file="${CSS.escape(f)}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  return { el, show, update, showSaved, select };
}
