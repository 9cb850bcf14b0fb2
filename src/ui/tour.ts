// The guided first game: a few coach marks on the real play screen — a spotlight around one element and
// a small popover beside it with the step's text, "k of n", Next and Skip tour — explaining the map, the
// player's track, a card, End day (for an observer: Next day and Autoplay) and the debrief. It starts by
// itself the first time a live game (not the replay viewer) is on the play screen, pauses autoplay, keeps
// the game's keys aside while shown (holdModal), and is never shown again once finished or skipped: that
// is remembered in localStorage under brink.tour ("done"). Where localStorage is refused it never starts
// by itself. The glossary's "Show the guided tour again" calls replayTour.
import type { Session, SessionStore } from '../store/session';
import { h } from './dom';
import { holdModal } from './modal';

/** The localStorage key, and its value once the tour was finished or skipped. */
export const TOUR_KEY = 'brink.tour';
const DONE = 'done';

type Side = 'bottom' | 'top' | 'right' | 'left';

interface Step {
  id: string;
  /** Selectors of the element to point at, the first one found on screen wins. */
  target: string[];
  title: string;
  text: string;
  /** Where the popover goes, in order of preference (the first that fits). */
  prefer: Side[];
  /** Shown even when its element is absent (the popover then points at nothing). */
  always?: boolean;
}

/** The steps for a player, or for an observer (no cards: Next day and Autoplay instead). */
function stepsFor(observer: boolean): Step[] {
  const map: Step = {
    id: 'map',
    target: ['#map'],
    title: 'The map',
    text: observer
      ? 'The crisis on the real map. Unit symbols are forces, labelled with the range of strengths the actors estimate (the fog of war). Lines between capitals are the pairs, coloured by tension, with its number in the pill. Speech bubbles rise when someone speaks.'
      : 'The crisis on the real map. Unit symbols are forces — yours blue, the other side’s red — labelled with the strength your side estimates (“≈”: the fog of war). Lines between capitals are the pairs, coloured by tension, with its number in the pill. Speech bubbles rise when someone speaks.',
    prefer: ['right', 'bottom', 'left', 'top'],
  };
  const track: Step = {
    id: 'track',
    target: ['.track-panel'],
    title: observer ? 'The tracks' : 'Your track',
    text: observer
      ? 'Every role’s victory points against its win and loss lines: where the crisis leaves each side. A warning shows when one of them nears a defeat.'
      : 'Your goal and your victory points (VP), earned each day from your role’s own goals. If the game ends on the score, at or above the win line you win, at or below the loss line you lose. A warning shows here before a defeat, while there is still time to act.',
    prefer: ['left', 'bottom', 'top', 'right'],
  };
  const card: Step = {
    id: 'card',
    target: ['.cards .card:not(.hold)'],
    title: 'A card',
    text: 'Each card is a move you can make today. It says what the move does to your goals and to tension, and its outlook: what the model expects it to do for your points at the end, against holding (6 possible worlds played to the end). Its details hold the Goldstein weight and the CAMEO code. Click a card to choose it; Hold does nothing.',
    prefer: ['top', 'right', 'bottom', 'left'],
  };
  const end: Step = {
    id: 'end-day',
    target: ['.end-day'],
    title: 'End day',
    text: 'End day plays the day with the card you chose, or holds if you chose none. Space does the same. Every actor then moves, and the map, the feed and the panels show what happened.',
    prefer: ['top', 'left', 'bottom', 'right'],
  };
  const controls: Step = {
    id: 'controls',
    target: ['.tb-controls'],
    title: 'Next day and Autoplay',
    text: 'You watch: the AI plays every actor. Next day (or Space) plays one day; Autoplay (P) lets the days run on their own, and 1–3 set the speed.',
    prefer: ['bottom', 'right', 'left', 'top'],
  };
  const debrief: Step = {
    id: 'debrief',
    target: ['.tb-day', '.topbar'],
    title: 'The end: the debrief',
    text: observer
      ? 'The game ends in war, a collapse or another decisive outcome, or on its last day. The debrief then shows what decided it and what it means for each role, and lets you play again or watch the replay. A word you do not know? Press G, or ? in the top bar, for the glossary.'
      : 'The game ends in war, a collapse or another decisive outcome, or on its last day. The debrief then shows what decided it and what would have happened had you held, and lets you play again or watch the replay. A word you do not know? Press G, or ? in the top bar, for the glossary.',
    prefer: ['bottom', 'right', 'left', 'top'],
    always: true,
  };
  return observer ? [map, track, controls, debrief] : [map, track, card, end, debrief];
}

/** The page's localStorage, or null where it is refused. */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Whether the tour was finished or skipped: null when that cannot be known (no localStorage). */
function isDone(): boolean | null {
  try {
    const st = storage();
    return st ? st.getItem(TOUR_KEY) === DONE : null;
  } catch {
    return null;
  }
}

function setDone(done: boolean): void {
  try {
    if (done) storage()?.setItem(TOUR_KEY, DONE);
    else storage()?.removeItem(TOUR_KEY);
  } catch {
    // Refused: the tour is simply not remembered.
  }
}

/** A live game on the play screen: the tour's place (not the replay viewer, not a finished game). */
function live(s: Session): boolean {
  return s.screen === 'play' && !!s.game && !s.viewer && !s.game.outcome;
}

/** The first of the selectors that finds an element on screen (laid out, not hidden). */
function find(selectors: readonly string[]): HTMLElement | null {
  for (const sel of selectors) {
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      if (el.getClientRects().length > 0 && !el.closest('[hidden], .off')) return el;
    }
  }
  return null;
}

let store: SessionStore | null = null;
let active: { stop(done: boolean): void; reposition(): void } | null = null;
/** Asked for again ("Show the guided tour again") while no live game was on screen. */
let pending = false;

function wanted(): boolean {
  return pending || isDone() === false;
}

/** Starts the tour by itself when a live game is first shown (unless it was done); returns the unsubscribe. */
export function installTour(s: SessionStore): () => void {
  store = s;
  let scheduled = false;
  const check = (st: Session) => {
    if (active) {
      if (!live(st)) active.stop(false);
      else active.reposition();
      return;
    }
    if (scheduled || !live(st) || !wanted()) return;
    scheduled = true;
    // Two frames: the play screen is drawn and laid out before the first step measures it.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        scheduled = false;
        if (!active && live(s.getState()) && wanted()) startTour();
      }),
    );
  };
  const un = s.subscribe(check);
  check(s.getState());
  return un;
}

/**
 * Shows the tour again: clears the "done" mark and starts it now when a live game is on the play screen
 * (calling `beforeStart` first, e.g. to close the glossary), else with the next game. True if it started.
 */
export function replayTour(beforeStart?: () => void): boolean {
  setDone(false);
  const s = store?.getState();
  if (s && live(s) && !active) {
    beforeStart?.();
    startTour();
    return true;
  }
  pending = true;
  return false;
}

function startTour(): void {
  const s = store?.getState();
  if (!s || active) return;
  pending = false;
  if (s.autoplay) s.setAutoplay(false);
  const moves = document.querySelector<HTMLElement>('.moves');
  const observer = s.role === 'observer' || !moves || moves.hidden !== false;
  const steps = stepsFor(observer).filter((st) => st.always || find(st.target));
  if (steps.length === 0) return;

  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const release = holdModal();
  let index = 0;
  let target: HTMLElement | null = null;

  const count = h('span', { class: 'tour-count mono' });
  const title = h('h2', { class: 'tour-title', id: 'tour-title' });
  const text = h('p', { class: 'tour-text', id: 'tour-text' });
  const dots = h('span', { class: 'tour-dots', 'aria-hidden': 'true' }, ...steps.map(() => h('i', {})));
  const skip = h('button', { class: 'btn ghost tour-skip', onclick: () => stop(true) }, 'Skip tour');
  const next = h('button', { class: 'btn primary tour-next', onclick: () => go(index + 1) });
  const pop = h(
    'div',
    { class: 'tour-pop', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'tour-title', 'aria-describedby': 'tour-text' },
    h('div', { class: 'tour-k' }, h('span', {}, 'Guided tour'), count),
    title,
    text,
    h('div', { class: 'tour-actions' }, skip, dots, next),
  );
  const spot = h('div', { class: 'tour-spot', 'aria-hidden': 'true' });
  // Catches clicks on the rest of the page while the tour is shown.
  const block = h('div', { class: 'tour-block', 'aria-hidden': 'true' });
  // A click there keeps the focus in the popover.
  block.addEventListener('mousedown', (e) => e.preventDefault());

  const observed = new ResizeObserver(() => reposition());

  function go(i: number): void {
    if (i >= steps.length) return stop(true);
    index = i;
    const st = steps[i]!;
    pop.dataset.step = st.id;
    count.textContent = `${i + 1} of ${steps.length}`;
    title.textContent = st.title;
    text.textContent = st.text;
    next.textContent = i === steps.length - 1 ? 'Finish' : 'Next ▸';
    next.setAttribute('aria-label', i === steps.length - 1 ? 'Finish the tour' : 'Next step');
    [...dots.children].forEach((d, k) => d.classList.toggle('on', k === i));
    target = find(st.target);
    target?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    observed.disconnect();
    if (target) observed.observe(target);
    observed.observe(pop);
    reposition();
    next.focus({ preventScroll: true });
  }

  /** Puts the spotlight on the step's element and the popover beside it, inside the viewport. */
  function reposition(): void {
    const st = steps[index]!;
    if (!target || !target.isConnected) target = find(st.target);
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const m = 8;
    const w = pop.offsetWidth;
    const ph = pop.offsetHeight;
    const clampX = (x: number) => Math.max(m, Math.min(vw - w - m, x));
    const clampY = (y: number) => Math.max(m, Math.min(vh - ph - m, y));
    if (!target) {
      spot.hidden = true;
      block.classList.add('dim');
      pop.style.left = `${clampX((vw - w) / 2)}px`;
      pop.style.top = `${clampY((vh - ph) / 2)}px`;
      return;
    }
    spot.hidden = false;
    block.classList.remove('dim');
    const raw = target.getBoundingClientRect();
    // The visible part of the element, padded a little for the outline.
    const pad = 4;
    const r = {
      left: Math.max(2, raw.left - pad),
      top: Math.max(2, raw.top - pad),
      right: Math.min(vw - 2, raw.right + pad),
      bottom: Math.min(vh - 2, raw.bottom + pad),
    };
    spot.style.left = `${r.left}px`;
    spot.style.top = `${r.top}px`;
    spot.style.width = `${Math.max(0, r.right - r.left)}px`;
    spot.style.height = `${Math.max(0, r.bottom - r.top)}px`;
    const gap = 10;
    const cx = (r.left + r.right) / 2;
    const cy = (r.top + r.bottom) / 2;
    const at: Record<Side, { x: number; y: number; fits: boolean }> = {
      bottom: { x: clampX(cx - w / 2), y: r.bottom + gap, fits: r.bottom + gap + ph <= vh - m },
      top: { x: clampX(cx - w / 2), y: r.top - gap - ph, fits: r.top - gap - ph >= m },
      right: { x: r.right + gap, y: clampY(cy - ph / 2), fits: r.right + gap + w <= vw - m },
      left: { x: r.left - gap - w, y: clampY(cy - ph / 2), fits: r.left - gap - w >= m },
    };
    const side = st.prefer.find((sd) => at[sd].fits);
    // Nowhere beside it (a large element, a small screen): inside its lower part, kept in the viewport.
    const p = side ? at[side] : { x: clampX(cx - w / 2), y: clampY(r.bottom - ph - 16) };
    pop.dataset.side = side ?? 'inside';
    pop.style.left = `${Math.round(p.x)}px`;
    pop.style.top = `${Math.round(p.y)}px`;
  }

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      stop(true);
    } else if (e.key === 'Tab') {
      // Keep focus inside the popover.
      e.preventDefault();
      (document.activeElement === next ? skip : next).focus();
    }
  };
  const onResize = () => reposition();

  function stop(done: boolean): void {
    if (active !== handle) return;
    active = null;
    observed.disconnect();
    window.removeEventListener('keydown', onKey, true);
    window.removeEventListener('resize', onResize);
    pop.remove();
    spot.remove();
    block.remove();
    release();
    if (done) setDone(true);
    if (before?.isConnected) before.focus({ preventScroll: true });
  }

  const handle = { stop, reposition };
  active = handle;
  window.addEventListener('keydown', onKey, true);
  window.addEventListener('resize', onResize);
  document.body.append(block, spot, pop);
  go(0);
}
