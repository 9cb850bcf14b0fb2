// The replay viewer: while the store holds a replay (store.viewer), this panel takes the place of YOUR
// MOVE. The timeline (replay-timeline.ts: the scrubber over a heat strip of the days' tension, with the
// marks that tell the story), step back/forward, jump to either end, play/pause at the game's speed, the
// day and date, the day's marks and what the player did that day, "Add a note" for the day shown (the
// notes themselves show in a caption over the map: replay-notes.ts), the verdict (all days match / a
// warning / the day it diverges, with the reason) and the ways out: play on from the day shown (or from
// the last good day), share (the replay, a link to the day shown, or a printable handout of that day:
// handout.ts), or open the debrief. The map and the panels follow the store, which seek() moves to the
// day shown.
import { DAY_MS, type Session, type SessionStore } from '../store/session';
import { nextMarkedDay, timelineMarks } from '../store/replay-marks';
import { actorName, displayDate, playerOn, seatText } from '../store/ui-view';
import { h, replace } from './dom';
import { icon } from './icons';
import { createNoteCaption, openNoteEditor } from './replay-notes';
import { createTimeline, markGlyph } from './replay-timeline';
import { exportHandout } from './handout';

export interface ReplayBarActions {
  playOn(): void;
  saveReplay(): void;
  copyLink(): void;
  /** Copies a link that opens the replay on the day shown. */
  copyDayLink(): void;
  debrief(): void;
  close(): void;
  /** Opens the "Compare…" dialog (ui/compare-dialog.ts). */
  compare(): void;
  /** Opens "Play on from day N as…" (ui/play-on-as.ts). */
  playOnAs(): void;
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

/** Jumps to the next marked day (dir 1) or the previous one (dir −1) of the timeline, if there is one. */
export function stepMark(store: SessionStore, dir: 1 | -1): void {
  const s = store.getState();
  if (!s.viewer) return;
  const day = nextMarkedDay(timelineMarks(s), s.viewer.cursor, dir);
  if (day !== null) seekViewer(store, day);
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

  const timeline = createTimeline(store, (day) => seekViewer(store, day));
  const caption = createNoteCaption(store);

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
  const addNote = h('button', { class: 'btn ghost rb-small rb-add-note', 'aria-label': 'Add a note to this day', 'data-tip': 'Write a note (up to 280 characters) that shows on this day, in the file and in the link', onclick: () => noteHere() }, icon('note'), h('span', { class: 'lbl' }, 'Add a note'));
  const debrief = h('button', { class: 'btn primary rb-debrief', 'aria-label': 'Show the debrief', onclick: () => actions.debrief(), hidden: true }, 'Debrief ▸');
  const compareBtn = h('button', { class: 'btn ghost rb-small rb-compare', 'aria-label': 'Compare this replay with another run', 'data-tip': 'Compare with the same seed with no orders, the same orders on a variant, or another replay: both curves on one chart, the day they part and what differed', onclick: () => actions.compare() }, icon('compare'), h('span', { class: 'lbl' }, 'Compare…'));
  const playOnAs = h('button', { class: 'btn primary rb-playon-as', 'aria-label': 'Play on from here as another role', 'data-tip': 'Play on from the day shown as another role (or as an observer): the AI takes the role played so far', onclick: () => actions.playOnAs() }, h('span', { 'aria-hidden': 'true' }, 'as…'));
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
        h('button', { class: 'btn ghost rb-small', 'aria-label': 'Copy link', 'data-tip': 'Copy a link that opens this replay on day 1, with its notes', onclick: () => actions.copyLink() }, icon('link'), h('span', { class: 'lbl' }, 'Link')),
        h('button', { class: 'btn ghost rb-small rb-day-link', 'aria-label': 'Copy link to this day', 'data-tip': 'Copy a link that opens this replay on the day shown', onclick: () => actions.copyDayLink() }, icon('link'), h('span', { class: 'lbl' }, 'Link to this day')),
        h('button', { class: 'btn ghost rb-small rb-handout', 'aria-label': 'Handout (PNG) of the day shown', 'data-tip': 'Download a printable page of the day shown (PNG): the tension chart with the day marked, the turning points, what was done that day and the notes', onclick: () => void exportHandout(store, 'day') }, icon('handout'), h('span', { class: 'lbl' }, 'Handout')),
        h('button', { class: 'btn ghost rb-small', 'aria-label': 'Close the replay', 'data-tip': 'Back to the menu', onclick: () => actions.close() }, icon('close')),
      ),
    ),
    alert,
    timeline.el,
    h('div', { class: 'rb-day-row' }, did, compareBtn, addNote),
    h(
      'div',
      { class: 'rb-controls' },
      h('div', { class: 'rb-buttons', role: 'group', 'aria-label': 'Replay controls' }, first, back, play, fwd, last),
      h('div', { class: 'rb-day' }, dayNum, dayDate, dayOf),
      h('div', { class: 'rb-go' }, debrief, h('span', { class: 'rb-split' }, playOnHere, playOnAs)),
    ),
  );

  function noteHere(): void {
    const v = store.getState().viewer;
    if (!v) return;
    if (v.playing) store.getState().setViewerPlaying(false);
    openNoteEditor(store, { day: v.cursor });
  }

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

  let titled = '';
  let key = '';
  let marked: unknown = null;
  function update(s: Session): void {
    caption.update(s);
    const v = s.viewer;
    if (!v) return;
    timeline.update(s);
    const n = v.states.length - 1;
    const t = `${s.scenario?.data.meta.title ?? ''} · seed ${s.seed} · ${seatText(s)}`;
    if (t !== titled) who.textContent = titled = t;
    const marks = timeline.marked();
    const k = `${v.cursor}|${v.playing}|${v.divergedAt}|${v.reason}|${s.game?.outcome?.id}`;
    if (k === key && marks === marked) return;
    key = k;
    marked = marks;
    const rec = v.records[v.cursor]!;
    dayNum.textContent = `Day ${rec.turn}`;
    dayDate.textContent = rec.turn === 0 ? `eve of ${displayDate(rec.date)}` : displayDate(rec.date);
    dayOf.textContent = `of ${n}`;
    // The day's marks as small chips (what their tooltips say, on screen; the notes have their caption),
    // then what the player did (an observer: the day's first public event).
    const today = marks.find((d) => d.day === v.cursor)?.marks.filter((m) => m.kind !== 'note' && m.kind !== 'move') ?? [];
    const chips = today.map((m) => h('span', { class: `rb-chip k-${m.kind}` }, markGlyph(m.kind, m), m.kind === 'band' ? m.text : m.title));
    // The role that held the player's seat that day (a replay played on as another role changes hands).
    const seat = playerOn(s, rec.turn);
    const mine = rec.events.filter((e) => e.kind === 'action' && e.actor === seat);
    const top = rec.events.find((e) => e.visibility === 'public');
    if (rec.turn === 0) replace(did, ...chips, 'The eve of the crisis.');
    else if (seat === 'observer') replace(did, ...chips, ...(top ? [h('span', { class: 'rb-did-k' }, 'That day: '), top.text] : ['A quiet day.']));
    else replace(did, ...chips, h('span', { class: 'rb-did-k' }, `${actorName(s, seat)} that day: `), mine.length ? mine.map((e) => e.text).join(' ') : 'held.');
    did.setAttribute('title', did.textContent ?? '');
    addNote.setAttribute('aria-label', `Add a note to day ${rec.turn}`);
    playOnAs.setAttribute('aria-label', `Play on from day ${rec.turn} as another role`);

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
    } else {
      alertText.textContent = v.reason ? `Note: ${v.reason}.` : '';
      playOnLast.hidden = true;
    }
    debrief.hidden = !s.game?.outcome;
    playOnHere.hidden = playOnAs.hidden = !!s.game?.outcome;
  }
  /** The caption of the day's notes: the play screen shows it over the map. */
  return { el, caption: caption.el, update };
}
