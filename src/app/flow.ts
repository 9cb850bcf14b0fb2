// The ways into and out of a game, as the menu, the top bar, the replay viewer and the debrief ask for
// them: start a game (asking first when that replaces an unfinished save) or play one again with a new
// seed, open a replay (also on a turning point's day, from the debrief), resume the saved game, discard
// it, play on from a replay, and leave for the menu (asking first mid-game). The store changes the screen; this adds what goes with each move: the
// confirmations, the notices, the address bar (through sharing) and `enter`, which readies the play
// screen (map, pick).
import type { Replay, ScenarioReader } from '../sim/index';
import type { SessionStore } from '../store/session';
import { clearSave } from '../store/saves';
import type { MenuChoice } from '../ui/menu';
import { closePopover } from '../ui/popover';
import { confirmModal } from '../ui/modal';
import { randomSeed } from '../ui/format';
import { notify } from '../ui/notice';
import { describeSave, savedGame } from '../ui/saves';
import type { Sharing } from './sharing';

export interface FlowDeps {
  store: SessionStore;
  reader: ScenarioReader;
  sharing: Sharing;
  /** Readies the play screen as play begins (a game or a replay): mounts the map, clears the pick. */
  enter(): void;
  /** The saved game was discarded: the menu shows it is gone. */
  discarded(): void;
}

export type Flow = ReturnType<typeof createFlow>;

export function createFlow({ store, reader, sharing, enter, discarded }: FlowDeps) {
  /** Starts a game; a choice that cannot start becomes a notice on the menu. */
  function start(c: MenuChoice): void {
    closePopover();
    const err = store.getState().newGame(c, reader);
    if (err) {
      notify(store, 'The game could not start', err);
      store.getState().showMenu();
      return;
    }
    enter();
    sharing.play();
  }

  /** The saved game, when it is unfinished and has days to lose. */
  function unfinishedSave() {
    const g = savedGame(store.getState().catalogue);
    return g && !('error' in g) && !g.ended && g.day > 0 ? g : null;
  }

  /** Starting a game replaces the save: ask first when it holds an unfinished game. */
  async function startFromMenu(c: MenuChoice): Promise<void> {
    const g = unfinishedSave();
    if (g && !(await confirmModal({ title: 'Start a new game?', text: `This replaces your game in progress: ${describeSave(g)}. You can resume it from the menu instead.`, ok: 'Start new game', cancel: 'Keep it' }))) return;
    start(c);
  }

  /** The debrief's "Play again with a new seed": the same scenario and role. */
  function playAgain(): void {
    const s = store.getState();
    if (s.file) void startFromMenu({ file: s.file, role: s.role, seed: randomSeed() });
  }

  /** A replay opened in the viewer: it is what is shared now, and play begins. */
  function watch(replay: Replay): void {
    sharing.watch(replay);
    enter();
  }

  /**
   * The debrief's turning point: its day in the replay viewer — the replay's own viewer, or else the game
   * just played, opened as a replay (with its notes) on that day.
   */
  function showDay(day: number): void {
    const s = store.getState();
    if (s.viewer) {
      s.seek(day);
      store.getState().backToReplay();
      return;
    }
    const replay = s.replay();
    if (!replay || !s.file) return;
    const err = s.openReplay(replay, s.file, reader, day);
    if (err) {
      notify(store, 'The replay could not be opened', err);
      return;
    }
    watch(replay);
  }

  /** Resumes the saved game; false (with a notice) when there is none or it cannot be used. */
  function resumeSaved(): boolean {
    const g = savedGame(store.getState().catalogue);
    if (!g) {
      notify(store, 'Nothing to resume', 'there is no saved game in this browser');
      return false;
    }
    if ('error' in g) {
      notify(store, 'The saved game could not be used', g.error);
      return false;
    }
    const err = store.getState().resume(g.save.replay, g.save.file, reader);
    if (err) {
      notify(store, 'The saved game could not be used', err);
      return false;
    }
    enter();
    sharing.play();
    return true;
  }

  async function discardSave(): Promise<void> {
    const g = savedGame(store.getState().catalogue);
    if (g && !('error' in g) && !(await confirmModal({ title: 'Discard the saved game?', text: `${describeSave(g)} will be deleted from this browser. This cannot be undone.`, ok: 'Discard', cancel: 'Keep it' }))) return;
    clearSave(localStorage);
    store.getState().setNotice(null);
    discarded();
  }

  /**
   * Leaves the viewer and plays on from the day shown — as `role` when given ("Play on from here as another
   * role") — asking first when that replaces another saved game.
   */
  async function playOn(role?: string): Promise<void> {
    const s = store.getState();
    if (!s.viewer) return;
    s.setViewerPlaying(false);
    const g = unfinishedSave();
    const day = s.viewer.cursor;
    const opened = sharing.watched();
    const same = g && opened && !role && g.save.replay.scenario.id === opened.scenario.id && g.save.replay.seed === opened.seed && g.save.replay.role === opened.role;
    if (g && !same && !(await confirmModal({ title: `Play on from day ${day}?`, text: `This replaces your saved game: ${describeSave(g)}.`, ok: 'Play on', cancel: 'Stay in the replay' }))) return;
    const err = store.getState().playOn(role);
    if (err) {
      notify(store, 'Could not play on', err);
      return;
    }
    sharing.play();
  }

  /** Back to the menu from anywhere (the debrief, the viewer's close button). */
  function backToMenu(): void {
    closePopover();
    sharing.leave();
    store.getState().backToMenu();
  }

  /** The top bar's Menu: a game in progress asks first (it stays saved either way). */
  async function leaveToMenu(): Promise<void> {
    const s = store.getState();
    if (s.game && !s.game.outcome && !s.viewer && s.days.length > 1) {
      s.setAutoplay(false);
      if (!(await confirmModal({ title: 'Leave this game?', text: 'It is saved; you can resume it from the menu.', ok: 'Leave', cancel: 'Stay' }))) return;
    }
    backToMenu();
  }

  return { start, startFromMenu, playAgain, watch, showDay, resumeSaved, discardSave, playOn, backToMenu, leaveToMenu };
}
