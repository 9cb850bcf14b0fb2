// The play screen's top bar: brand, scenario, day and date, the day controls (next day, autoplay,
// pause, speed 1–3), the role and the seed (click to copy), the Odds panel (loaded on first use),
// the Saves dialog (save under a name, load, rename, delete), sharing (save the replay, copy a link), a
// way back to the menu and the glossary ("?"). On a phone the controls fold into a sheet opened by ☰. While a replay
// is watched the day controls give way to a REPLAY badge (the speed stays: it paces the replay's
// playback).
import { retryable } from './chunk-retry';
import { DAY_MS, type Session, type SessionStore } from '../store/session';
import { actorName, actors, dayLine } from '../store/ui-view';
import { h } from './dom';
import { glossaryButton } from './glossary';
import { icon } from './icons';

export interface TopBarActions {
  menu(): void;
  /** Opens the Saves dialog (Save as, and every save). */
  saves(): void;
  saveReplay(): void;
  copyLink(): void;
  /** The name a scenario file of the player's own was loaded as, or null (a bundled file): the Odds panel's command names it. */
  loadedAs(file: string): string | null;
}

/** A speed button's tip, from the autoplay cadence itself (DAY_MS): "Autoplay speed 2: one day every 0.9 s (key 2)". */
export function speedTip(speed: 1 | 2 | 3): string {
  const ms = DAY_MS[speed];
  const perSecond = 1000 / ms;
  const often = perSecond >= 2 ? ` (about ${Math.round(perSecond)} days a second)` : '';
  return `Autoplay speed ${speed}: one day every ${Number((ms / 1000).toFixed(2))} s${often} (key ${speed})`;
}

export function createTopBar(store: SessionStore, actions: TopBarActions) {
  const title = h('span', { class: 'tb-scenario' });
  const dayNum = h('span', { class: 'tb-day-num' });
  const dayDate = h('span', { class: 'tb-day-date' });
  const progress = h('span', { class: 'tb-progress-fill' });
  const day = h(
    'div',
    { class: 'tb-day', 'data-tip': 'The current day of the crisis (one turn is one day) and its date.' },
    dayNum,
    dayDate,
    h('span', { class: 'tb-progress', 'aria-hidden': 'true' }, progress),
  );

  const next = h('button', { class: 'btn ctl', 'aria-label': 'Next day', 'data-tip': 'Play the next day (Space)', onclick: () => store.getState().nextDay() }, h('span', { class: 'ico' }, '▶'), h('span', { class: 'lbl' }, 'Next day'));
  const play = h('button', { class: 'btn ctl', 'aria-label': 'Autoplay', 'aria-pressed': 'false', 'data-tip': 'Let the days run on their own (P toggles)', onclick: () => store.getState().setAutoplay(true) }, h('span', { class: 'ico' }, '▶▶'), h('span', { class: 'lbl' }, 'Autoplay'));
  const pause = h('button', { class: 'btn ctl', 'aria-label': 'Pause', 'data-tip': 'Pause autoplay (P)', onclick: () => store.getState().setAutoplay(false) }, h('span', { class: 'ico' }, '❚❚'));
  const speeds = ([1, 2, 3] as const).map((n) =>
    h('button', { class: 'btn speed', 'aria-label': `Speed ${n}`, 'aria-pressed': 'false', 'data-tip': speedTip(n), onclick: () => store.getState().setSpeed(n) }, String(n)),
  );
  const badge = h('span', { class: 'tb-replay', 'data-tip': 'You are watching a recorded game: the controls are below the map.', hidden: true }, 'Replay');
  const controls = h('div', { class: 'tb-controls', role: 'group', 'aria-label': 'Day controls' }, badge, next, play, pause, h('div', { class: 'speeds', role: 'group', 'aria-label': 'Speed' }, ...speeds));

  const roleDot = h('span', { class: 'dot' });
  const roleName = h('span', {});
  const role = h('div', { class: 'chip role-chip', 'data-tip': 'The actor you play. As Observer, the AI plays every actor.' }, h('span', { class: 'chip-k' }, 'Role'), roleDot, roleName);
  const seedVal = h('span', { class: 'mono' });
  const seed = h(
    'button',
    {
      class: 'chip seed-chip',
      'data-tip': 'The seed: the same scenario, seed and moves always give the same run. Click to copy.',
      onclick: () => {
        const text = store.getState().seed;
        void navigator.clipboard?.writeText(text).catch(() => undefined);
        seed.classList.add('copied');
        setTimeout(() => seed.classList.remove('copied'), 1200);
      },
    },
    h('span', { class: 'chip-k' }, 'Seed'),
    seedVal,
    h('span', { class: 'copy-ok' }, 'copied'),
  );
  // The Odds panel's chunk, fetched on the first press (again on a later press if it failed to arrive).
  const loadOdds = retryable(() => import('./odds/panel'));
  const odds = h('button', { class: 'btn ghost tb-odds', 'aria-label': 'Odds', 'data-tip': 'Odds: play this scenario over many seeds and see how it tends to end', onclick: () => void loadOdds().then((m) => m.toggleOdds(store, actions.loadedAs)) }, 'Odds');
  const menu = h('button', { class: 'btn ghost tb-menu', 'data-tip': 'Leave this game and return to the menu (it is saved)', onclick: () => actions.menu() }, 'Menu');
  const share = h(
    'div',
    { class: 'tb-share', role: 'group', 'aria-label': 'Share' },
    h('button', { class: 'btn ghost tb-icon tb-saves', 'aria-label': 'Saves', 'data-tip': 'Saves: keep this game under a name, or load, rename and delete your saves', onclick: () => actions.saves() }, icon('slots'), h('span', { class: 'lbl' }, 'Saves')),
    h('button', { class: 'btn ghost tb-icon', 'aria-label': 'Save replay', 'data-tip': 'Save replay: download this game so far as a .json file', onclick: () => actions.saveReplay() }, icon('save'), h('span', { class: 'lbl' }, 'Save replay')),
    h('button', { class: 'btn ghost tb-icon', 'aria-label': 'Copy link', 'data-tip': 'Copy link: a link that replays this game so far', onclick: () => actions.copyLink() }, icon('link'), h('span', { class: 'lbl' }, 'Copy link')),
  );

  // On a phone the controls fold into a sheet under the bar, opened by ☰ (Esc or ✕ closes it).
  const more = h('button', { class: 'btn tb-more', 'aria-label': 'Controls', 'aria-expanded': 'false', 'aria-controls': 'tb-sheet', onclick: () => setOpen(!el.classList.contains('open')) }, h('span', { 'aria-hidden': 'true' }, '☰'));
  const sheet = h('div', { class: 'tb-sheet', id: 'tb-sheet' }, controls, h('div', { class: 'tb-right' }, role, seed, odds, share, menu, glossaryButton({ compact: true })));
  const el = h('header', { class: 'topbar' }, h('div', { class: 'brand', 'aria-label': 'Brink' }, 'BRINK'), title, day, sheet, more);
  function setOpen(open: boolean): void {
    el.classList.toggle('open', open);
    more.setAttribute('aria-expanded', String(open));
    if (open) (sheet.querySelector('button:not([disabled]):not([hidden])') as HTMLElement | null)?.focus();
  }
  sheet.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && el.classList.contains('open')) {
      e.stopPropagation();
      setOpen(false);
      more.focus();
    }
  });
  // A control used from the sheet closes it (the day plays, a panel opens); the speed buttons keep it open.
  sheet.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest('button');
    if (b && el.classList.contains('open') && !b.classList.contains('speed')) setOpen(false);
  });

  let key = '';
  function update(s: Session): void {
    const viewing = !!s.viewer;
    const k = `${s.days.length}|${s.autoplay}|${s.speed}|${s.role}|${s.seed}|${s.scenario?.data.meta.id}|${s.game?.outcome?.id}|${viewing}`;
    if (k === key) return;
    key = k;
    const d = dayLine(s);
    title.textContent = s.scenario?.data.meta.title ?? '';
    title.title = title.textContent;
    dayNum.textContent = d ? `Day ${d.day}` : '';
    dayDate.textContent = d ? (d.day === 0 ? `eve of ${d.date}` : d.date) : '';
    progress.style.transform = `scaleX(${d ? d.day / d.limit : 0})`;
    const over = !!s.game?.outcome;
    badge.hidden = !viewing;
    next.hidden = play.hidden = pause.hidden = viewing;
    next.disabled = over;
    play.disabled = over;
    play.setAttribute('aria-pressed', String(s.autoplay));
    play.classList.toggle('on', s.autoplay);
    pause.disabled = !s.autoplay;
    speeds.forEach((b, i) => {
      b.setAttribute('aria-pressed', String(s.speed === i + 1));
      b.classList.toggle('on', s.speed === i + 1);
    });
    const me = actors(s).find((a) => a.id === s.role);
    roleDot.style.background = me?.colour ?? '#8a96a3';
    roleName.textContent = actorName(s, s.role);
    seedVal.textContent = s.seed;
  }
  return { el, update };
}
