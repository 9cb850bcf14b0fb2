// The replay viewer: while the store holds a replay (store.viewer), this panel takes the place of YOUR
// MOVE. A timeline scrubber over the days (coloured by the day's overall tension, the diverging day
// marked), step back/forward, jump to either end, play/pause at the game's speed, the day and date, what
// the player did that day, the verdict (all days match / a warning / the day it diverges, with the reason)
// and the ways out: play on from the day shown (or from the last good day), share, or open the debrief.
// The map and the panels follow the store, which seek() moves to the day shown.
import { DAY_MS, type Session, type SessionStore } from '../store/session';
import { actorName, displayDate } from '../store/ui-view';
import { h, replace } from './dom';
import { icon } from './icons';
import { tensionColour } from './palette';

export interface ReplayBarActions {
  playOn(): void;
  saveReplay(): void;
  copyLink(): void;
  debrief(): void;
  close(): void;
}

/** Moves the viewer by `delta` days (stopping playback). */
export function stepViewer(store: SessionStore, delta: number): void {
  const s = store.getState();
  if (!s.viewer) return;
  if (s.viewer.playing) s.setViewerPlaying(false);
  s.seek(s.viewer.cursor + delta);
}

/** Jumps to a day (stopping playback). */
export function seekViewer(store: SessionStore, day: number): void {
  const s = store.getState();
  if (!s.viewer) return;
  if (s.viewer.playing) s.setViewerPlaying(false);
  s.seek(day);
}

/** Play/pause; playing from the last day starts again from the first. */
export function toggleViewerPlay(store: SessionStore): void {
  const s = store.getState();
  const v = s.viewer;
  if (!v) return;
  if (v.playing) return s.setViewerPlaying(false);
  if (v.cursor >= v.states.length - 1) s.seek(0);
  store.getState().setViewerPlaying(true);
}

/** Advances the viewer one day per DAY_MS[speed] while it plays; stops at the last day. */
export function startViewerPlayback(store: SessionStore): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const tick = () => {
    timer = null;
    const s = store.getState();
    const v = s.viewer;
    if (!v?.playing) return;
    const last = v.states.length - 1;
    if (v.cursor < last) s.seek(v.cursor + 1);
    const now = store.getState().viewer;
    if (now && now.cursor >= last) store.getState().setViewerPlaying(false);
  };
  const unsubscribe = store.subscribe((s) => {
    if (!s.viewer?.playing || s.screen !== 'play') cancel();
    else if (timer === null) timer = setTimeout(tick, DAY_MS[s.speed]);
  });
  return () => {
    cancel();
    unsubscribe();
  };
}

export function createReplayBar(store: SessionStore, actions: ReplayBarActions) {
  const who = h('span', { class: 'panel-sub rb-who' });
  const status = h('span', { class: 'rb-status' });
  const alertText = h('div', { class: 'rb-alert-text' });
  const playOnLast = h('button', { class: 'btn rb-alert-btn', onclick: () => playOnFrom(lastGood()) });
  const alert = h('div', { class: 'rb-alert', role: 'alert', hidden: true }, icon('warn'), alertText, playOnLast);

  const strip = h('div', { class: 'rb-strip', 'aria-hidden': 'true' });
  const marker = h('div', { class: 'rb-diverged', 'aria-hidden': 'true', hidden: true });
  const head = h('div', { class: 'rb-head', 'aria-hidden': 'true' });
  const range = h('input', { class: 'rb-range', type: 'range', min: 0, max: 0, step: 1, value: 0, 'aria-label': 'Day of the replay' });
  range.addEventListener('input', () => seekViewer(store, Number(range.value)));
  const ticks = h('div', { class: 'rb-ticks mono', 'aria-hidden': 'true' });
  const track = h('div', { class: 'rb-track' }, strip, marker, head, range);

  const btn = (name: Parameters<typeof icon>[0], label: string, tip: string, fn: () => void, fill = false) => h('button', { class: 'btn rb-ctl', 'aria-label': label, 'data-tip': tip, onclick: fn }, icon(name, fill));
  const first = btn('first', 'First day', 'The eve of the crisis (Home)', () => seekViewer(store, 0));
  const back = btn('back', 'Step back', 'One day back (←)', () => stepViewer(store, -1));
  const playIco = h('span', { class: 'rb-play-ico' }, icon('play', true));
  const playLbl = h('span', { class: 'lbl' }, 'Play');
  const play = h('button', { class: 'btn rb-play', 'aria-label': 'Play the replay', 'aria-pressed': 'false', 'data-tip': 'Play or pause the replay at the game’s speed (Space)', onclick: () => toggleViewerPlay(store) }, playIco, playLbl);
  const fwd = btn('fwd', 'Step forward', 'One day on (→)', () => stepViewer(store, 1));
  const last = btn('last', 'Last day', 'The last recorded day (End)', () => seekViewer(store, Infinity));
  const dayNum = h('span', { class: 'rb-day-num' });
  const dayDate = h('span', { class: 'rb-day-date' });
  const dayOf = h('span', { class: 'rb-day-of mono' });
  const did = h('div', { class: 'rb-did' });
  const debrief = h('button', { class: 'btn primary rb-debrief', 'aria-label': 'Show the debrief', onclick: () => actions.debrief(), hidden: true }, 'Debrief ▸');
  const playOnHere = h('button', { class: 'btn primary rb-playon', 'aria-label': 'Play on from here', 'data-tip': 'Leave the replay and play on from the day shown, as the same role', onclick: () => actions.playOn() }, 'Play on from here ▸');

  const el = h(
    'section',
    { class: 'panel replay-bar', 'aria-label': 'Replay' },
    h(
      'div',
      { class: 'rb-top' },
      h('h2', { class: 'panel-title', 'data-tip': 'A recorded game, replayed from its seed and orders and checked against its checkpoints day by day.' }, 'Replay', who),
      status,
      h(
        'div',
        { class: 'rb-share' },
        h('button', { class: 'btn ghost rb-small', 'aria-label': 'Save replay', 'data-tip': 'Download this replay as a .json file', onclick: () => actions.saveReplay() }, icon('save'), h('span', { class: 'lbl' }, 'Save')),
        h('button', { class: 'btn ghost rb-small', 'aria-label': 'Copy link', 'data-tip': 'Copy a link that opens this replay', onclick: () => actions.copyLink() }, icon('link'), h('span', { class: 'lbl' }, 'Link')),
        h('button', { class: 'btn ghost rb-small', 'aria-label': 'Close the replay', 'data-tip': 'Back to the menu', onclick: () => actions.close() }, icon('close')),
      ),
    ),
    alert,
    h('div', { class: 'rb-timeline' }, track, ticks),
    did,
    h(
      'div',
      { class: 'rb-controls' },
      h('div', { class: 'rb-buttons', role: 'group', 'aria-label': 'Replay controls' }, first, back, play, fwd, last),
      h('div', { class: 'rb-day' }, dayNum, dayDate, dayOf),
      h('div', { class: 'rb-go' }, debrief, playOnHere),
    ),
  );

  function lastGood(): number {
    const v = store.getState().viewer;
    return v?.divergedAt != null ? Math.max(0, v.divergedAt - 1) : 0;
  }

  function playOnFrom(day: number): void {
    const s = store.getState();
    if (!s.viewer) return;
    s.setViewerPlaying(false);
    s.seek(day);
    actions.playOn();
  }

  let records: unknown = null;
  let key = '';
  function update(s: Session): void {
    const v = s.viewer;
    if (!v) return;
    const n = v.states.length - 1;
    if (v.records !== records) {
      records = v.records;
      // The strip: each day's overall tension as a colour band, like a heat bar under the scrubber.
      const stops = v.records.map((r, i) => `${tensionColour(r.overall)} ${((100 * i) / Math.max(1, n)).toFixed(2)}%`);
      strip.style.background = `linear-gradient(90deg, ${stops.join(', ')})`;
      range.max = String(n);
      const every = n > 60 ? 14 : n > 20 ? 7 : n > 8 ? 2 : 1;
      replace(ticks, ...Array.from({ length: Math.floor(n / every) + 1 }, (_, i) => h('span', { style: `left:${((100 * i * every) / Math.max(1, n)).toFixed(2)}%` }, String(i * every))));
      who.textContent = `${s.scenario?.data.meta.title ?? ''} · seed ${s.seed} · ${actorName(s, s.role)}`;
    }
    const k = `${v.cursor}|${v.playing}|${v.divergedAt}|${v.reason}|${s.game?.outcome?.id}`;
    if (k === key) return;
    key = k;
    const rec = v.records[v.cursor]!;
    range.value = String(v.cursor);
    range.setAttribute('aria-valuetext', `Day ${rec.turn}, ${displayDate(rec.date)}`);
    const pct = (100 * v.cursor) / Math.max(1, n);
    head.style.left = `${pct}%`;
    el.style.setProperty('--rb-pos', `${pct}%`);
    dayNum.textContent = `Day ${rec.turn}`;
    dayDate.textContent = rec.turn === 0 ? `eve of ${displayDate(rec.date)}` : displayDate(rec.date);
    dayOf.textContent = `of ${n}`;
    const mine = rec.events.filter((e) => e.kind === 'action' && e.actor === s.role);
    if (s.role === 'observer') {
      const top = rec.events.find((e) => e.visibility === 'public');
      if (top) replace(did, h('span', { class: 'rb-did-k' }, 'That day: '), top.text);
      else did.textContent = rec.turn === 0 ? 'The eve of the crisis.' : 'A quiet day.';
    }
    else if (rec.turn === 0) did.textContent = 'The eve of the crisis.';
    else replace(did, h('span', { class: 'rb-did-k' }, `${actorName(s, s.role)} that day: `), mine.length ? mine.map((e) => e.text).join(' ') : 'held.');
    did.setAttribute('title', did.textContent ?? '');

    playIco.replaceChildren(icon(v.playing ? 'pause' : 'play', !v.playing));
    playLbl.textContent = v.playing ? 'Pause' : 'Play';
    play.setAttribute('aria-pressed', String(v.playing));
    play.setAttribute('aria-label', v.playing ? 'Pause the replay' : 'Play the replay');
    play.classList.toggle('on', v.playing);
    first.disabled = back.disabled = v.cursor <= 0;
    fwd.disabled = last.disabled = v.cursor >= n;

    const diverged = v.divergedAt !== null;
    status.className = `rb-status ${diverged ? 'bad' : v.reason ? 'warn' : 'good'}`;
    status.textContent = diverged ? `Diverges on day ${v.divergedAt}` : v.reason ? `${n} days match · scenario changed` : `Verified · ${n} days match`;
    status.setAttribute('data-tip', diverged ? 'A checkpoint disagrees: from this day on the replay is not what was recorded.' : 'Every day replayed to the same state hash as the recording.');
    alert.hidden = !v.reason;
    alert.classList.toggle('bad', diverged);
    if (diverged) {
      const d = v.divergedAt!;
      alertText.textContent = `The replay diverges on day ${d}: ${v.reason}.`;
      playOnLast.hidden = false;
      playOnLast.textContent = `Play on from day ${Math.max(0, d - 1)}`;
      playOnLast.setAttribute('aria-label', `Play on from day ${Math.max(0, d - 1)}`);
      marker.hidden = false;
      marker.style.left = `${(100 * d) / Math.max(1, n)}%`;
      marker.classList.toggle('flip', d > n * 0.7);
      marker.setAttribute('data-day', String(d));
    } else {
      alertText.textContent = v.reason ? `Note: ${v.reason}.` : '';
      playOnLast.hidden = true;
      marker.hidden = true;
    }
    debrief.hidden = !s.game?.outcome;
    playOnHere.hidden = !!s.game?.outcome;
  }
  return { el, update };
}
