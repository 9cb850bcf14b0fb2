// The glossary: a modal dialog of short, plain-language entries for the game's terms (seed, tension,
// bands, Goldstein, CAMEO, fog of war, victory points, outlook, the ledger…), with a filter field. It
// opens from the menu, the play screen's top bar, the debrief (glossaryButton) and the G key, keeps
// focus inside while open, closes on Escape and gives focus back. Its footer restarts the guided tour.
import { h } from './dom';
import { holdModal } from './modal';
import { replayTour } from './tour';

export interface GlossaryEntry {
  id: string;
  term: string;
  /** Other words the filter should find it by. */
  also?: string;
  text: string;
}

/** The entries, in reading order: the run, tension, the map, the score, the cards, the tools. */
export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'seed',
    term: 'Seed',
    also: 'random same crisis share',
    text: 'A word or number that fixes every random draw of a run: incidents, the AI’s choices, hidden facts such as the Kremlin’s real aim in Allied Resolve 2022. The same scenario, seed and moves always give the same crisis, so a seed can be shared and a game replayed exactly.',
  },
  {
    id: 'day',
    term: 'Day (turn)',
    also: 'turn next day end day autoplay',
    text: 'One turn is one day. Every actor acts (you with the card you chose), then incidents, the standing dynamics and the fog of war run, and the day’s events land in the feed. The game ends on a decisive outcome or on the scenario’s last day (day 90 in Allied Resolve 2022).',
  },
  {
    id: 'role',
    term: 'Role and Observer',
    also: 'actor player ai',
    text: 'The actor you play: you give its orders and the AI plays everyone else. As Observer the AI plays every actor and you watch.',
  },
  {
    id: 'tension',
    term: 'Tension',
    text: 'How close two actors are to open conflict, from 0 to 100, kept for each pair. Hostile moves, forces near a border and incidents push it up; cooperative moves and fatigue bring it down.',
  },
  {
    id: 'bands',
    term: 'Escalation ladder and bands',
    also: 'band ladder kahn firebreak routine subcrisis traditional intense war',
    text: 'The ladder reads tension in bands, after Herman Kahn’s escalation ladder: Routine (from 0), Subcrisis (10), Traditional crisis (30), Intense crisis (60) and War (85). A band is left downward only once tension falls 3 points below its threshold (a firebreak), so it does not flicker.',
  },
  {
    id: 'overall',
    term: 'Overall tension',
    text: 'The tension of the hottest pair that counts toward it. It sets the band on the ladder and the bold line of the tension chart.',
  },
  {
    id: 'pairs',
    term: 'Pairs',
    also: 'pair lines map',
    text: 'Two actors with a tension between them, such as Russia–Ukraine. On the map a line joins their capitals, coloured and thickened by its tension, with the number in a pill. The Pairs panel lists them with the change since yesterday; click one to see why it stands where it does.',
  },
  {
    id: 'goldstein',
    term: 'Goldstein scale',
    also: 'weight conflict cooperation',
    text: 'A weight from −10 (war-like) to +10 (cooperative) for each kind of event, from event-data research. A public action moves the tension between its actor and its target by minus its weight times a scenario factor (0.6 in Allied Resolve 2022): a −4.4 threat adds about 2.6.',
  },
  {
    id: 'cameo',
    term: 'CAMEO code',
    also: 'event code gdelt icews',
    text: 'The kind of event an action is, in CAMEO, the coding scheme of the GDELT and ICEWS event databases: 130 is “threaten”, 112 “accuse”. The code gives the action its Goldstein weight.',
  },
  {
    id: 'units',
    term: 'Units on the map',
    also: 'forces app-6 symbols friendly hostile border km',
    text: 'Forces drawn as NATO APP-6 symbols: your side’s blue (friendly), the other side’s red (hostile). Forces near a border raise tension with the side across it; “45 km to the border” marks a place close enough.',
  },
  {
    id: 'fog',
    term: 'Fog of war',
    also: 'estimate ≈ range strength secrecy',
    text: 'No side sees the others’ forces as they are: each keeps an estimate that moves toward a noisy observation every day, more slowly where the host keeps secrets (which also makes others assume worse). On the map “≈12,000” is your side’s estimate; an observer sees the range of the actors’ estimates, such as “10–30k”. A force’s owner and host see the truth.',
  },
  {
    id: 'vp',
    term: 'Victory points and your track',
    also: 'vp score track goals meters',
    text: 'Each role scores its own goals day by day, as the scenario sets them (in Allied Resolve 2022, Belarus: legitimacy and less dependence on Moscow; Ukraine: a quiet north, readiness, credibility; …). The points add up over the game on your track, drawn against your win and loss lines.',
  },
  {
    id: 'lines',
    term: 'Win and loss lines',
    also: 'win line loss line draw result',
    text: 'When the game ends in an outcome that leaves it to the score, at or above your win line you win, at or below your loss line you lose, and in between it is a draw.',
  },
  {
    id: 'decisive',
    term: 'Decisive loss',
    also: 'war regime crisis collapse defeat',
    text: 'Some outcomes decide the game whatever the points; the scenario says which, and for whom. In Allied Resolve 2022, war (Russia–Ukraine tension at 85 for two days, or Belarus–Ukraine at 85) is a loss for every role, and a regime crisis in Minsk (Belarus’s legitimacy at 15 or below for 3 days) is a loss for Belarus and Russia.',
  },
  {
    id: 'outlook',
    term: 'Outlook',
    also: 'lookahead vs hold leads toward a loss worlds',
    text: 'What the model expects a card to do for your victory points at the end of the game, compared with holding. It plays 6 possible worlds (what your side might believe about what it cannot see) to the end, with the AI acting for you after today. A decisive loss counts a full band below your loss line; a card that leads to one far more often than holding says “Leads toward a loss”.',
  },
  {
    id: 'hold',
    term: 'Hold',
    text: 'Doing nothing today. Tension still moves on its own: fatigue calms it, fear feeds it. The Hold card shows your points at the end if you hold; every other card is measured against it.',
  },
  {
    id: 'audience',
    term: 'Audience costs',
    also: 'rhetoric positions commitment credibility',
    text: 'Words bind. Each move that follows a stated position commits an actor further; acting against it costs a meter the scenario names (credibility in Allied Resolve 2022), more the more it had committed.',
  },
  {
    id: 'richardson',
    term: 'Fear, fatigue and grievance (Richardson)',
    also: 'richardson fear fatigue grievance spiral dynamics',
    text: 'Every day each pair follows Lewis Fry Richardson’s arms-race model: fear makes tension feed on itself, fatigue lets a share of it fade, grievance adds a fixed amount. Where fear is below fatigue a pair left alone settles; above it, tension spirals.',
  },
  {
    id: 'ledger',
    term: 'The ledger and “Why?”',
    also: 'why causes blame',
    text: 'Every change of a pair’s tension is booked under its cause: a move, forces near a border, an incident, grievance, the starting tension. The entries fade with the tension and always add up to it. The Why? panel shows the largest; the debrief’s blame reads the same ledger.',
  },
  {
    id: 'replay',
    term: 'Replay and “Verified”',
    also: 'save replay link diverges checkpoint hash',
    text: 'A replay is a small file or link holding the scenario, the seed, your orders and a fingerprint of every day’s state. Watching it plays the game again; “Verified” means every day matched its fingerprint. If the scenario changed, the viewer names the first day that diverged.',
  },
  {
    id: 'odds',
    term: 'Odds',
    also: 'many seeds batch distribution',
    text: 'Plays the current scenario over many seeds (100 to 2,000) in the background, with the AI in every seat, and shows how it tends to end: each outcome’s share, the day of the end and the peak tension.',
  },
];

let openDialog: { close: () => void } | null = null;

/** True while the glossary is open. */
export function glossaryOpen(): boolean {
  return openDialog !== null;
}

/** Whether an entry matches the filter text (every word, in its term, its other words or its text). */
export function matches(e: GlossaryEntry, query: string): boolean {
  const hay = `${e.term} ${e.also ?? ''} ${e.text}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** Opens the glossary (scrolled to `term`'s entry, by id, when given). Does nothing if it is already open. */
export function openGlossary(term?: string): void {
  if (openDialog) return;
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const release = holdModal();

  const filter = h('input', { class: 'gl-filter', type: 'search', placeholder: 'Filter: seed, fog, Goldstein…', 'aria-label': 'Filter the glossary', autocomplete: 'off', spellcheck: 'false' });
  const items = GLOSSARY.map((e) => ({ e, el: h('div', { class: 'gl-entry', 'data-term': e.id }, h('dt', {}, e.term), h('dd', {}, e.text)) }));
  const list = h('dl', { class: 'gl-list' }, ...items.map((i) => i.el));
  const none = h('p', { class: 'gl-none', hidden: true }, 'No entry matches.');
  const tourNote = h('span', { class: 'gl-tour-note', role: 'status' });
  const close = () => done();
  const closeX = h('button', { class: 'pop-close gl-close', 'aria-label': 'Close the glossary', onclick: close }, '×');
  const tourBtn = h(
    'button',
    {
      class: 'btn ghost gl-tour',
      onclick: () => {
        const started = replayTour(() => done());
        if (!started) tourNote.textContent = 'The tour will start with your next game.';
      },
    },
    'Show the guided tour again',
  );
  const closeBtn = h('button', { class: 'btn primary', onclick: close }, 'Close');
  const box = h(
    'div',
    { class: 'modal glossary', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'gl-title' },
    h('div', { class: 'gl-head' }, h('h2', { class: 'modal-title', id: 'gl-title' }, 'Glossary'), closeX),
    filter,
    h('div', { class: 'gl-scroll' }, list, none),
    h('div', { class: 'modal-actions gl-foot' }, tourNote, tourBtn, closeBtn),
  );
  const back = h('div', { class: 'modal-back gl-back' }, box);

  const apply = () => {
    const q = filter.value.trim();
    let shown = 0;
    for (const i of items) {
      const ok = matches(i.e, q);
      i.el.hidden = !ok;
      if (ok) shown++;
    }
    none.hidden = shown > 0;
  };
  filter.addEventListener('input', apply);

  const focusable = () => [...box.querySelectorAll<HTMLElement>('input, button')].filter((x) => !x.hidden && !(x as HTMLButtonElement).disabled);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      done();
    } else if (e.key === 'Tab') {
      // Keep focus inside the dialog.
      const f = focusable();
      if (f.length === 0) return;
      const i = f.indexOf(document.activeElement as HTMLElement);
      const next = e.shiftKey ? (i <= 0 ? f.length - 1 : i - 1) : i < 0 || i === f.length - 1 ? 0 : i + 1;
      e.preventDefault();
      f[next]!.focus();
    }
  };
  back.addEventListener('mousedown', (e) => {
    if (e.target === back) done();
  });

  function done(): void {
    if (openDialog?.close !== close) return;
    openDialog = null;
    window.removeEventListener('keydown', onKey, true);
    back.remove();
    release();
    if (before?.isConnected) before.focus({ preventScroll: true });
  }

  openDialog = { close };
  window.addEventListener('keydown', onKey, true);
  document.body.appendChild(back);
  filter.focus({ preventScroll: true });
  if (term) {
    const hit = items.find((i) => i.e.id === term);
    if (hit) {
      hit.el.classList.add('hit');
      hit.el.scrollIntoView({ block: 'nearest' });
    }
  }
}

/** Closes the glossary if it is open. */
export function closeGlossary(): void {
  openDialog?.close();
}

/** A button that opens the glossary: "? Glossary", or a round "?" for the top bar (compact). */
export function glossaryButton(options: { compact?: boolean } = {}): HTMLElement {
  const tip = 'Glossary: what the game’s terms mean (key G)';
  return options.compact
    ? h('button', { class: 'btn ghost gl-btn compact', 'aria-label': 'Glossary', 'data-tip': tip, onclick: () => openGlossary() }, h('span', { class: 'gl-q', 'aria-hidden': 'true' }, '?'))
    : h('button', { class: 'btn ghost gl-btn', 'aria-label': 'Glossary', 'data-tip': tip, onclick: () => openGlossary() }, h('span', { class: 'gl-q', 'aria-hidden': 'true' }, '?'), 'Glossary');
}
