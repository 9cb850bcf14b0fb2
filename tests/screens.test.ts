// Screen changes are store actions (issue 14): the store itself moves a game that ends to its debrief,
// and a replay's debrief back to the viewer when the day shown is before the end, in the same change as
// the game; no subscriber ever sees a finished game on the play screen. The explicit transitions (the
// viewer's Debrief, Back to the replay, the menu) do only what they say.
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../src/store/session';
import { diskReader } from '../src/cli/files';
import { DEFAULT } from './helpers';

/** A new store with an observer game started (seed 7), and every state its subscribers were shown. */
function started() {
  const store = createSession();
  const seen: Session[] = [];
  store.subscribe((s) => seen.push(s));
  expect(store.getState().newGame({ file: DEFAULT, seed: '7', role: 'observer' }, diskReader)).toBeNull();
  return { store, seen };
}

/** Plays days until the game ends. */
function playToEnd(store: ReturnType<typeof createSession>): void {
  for (let i = 0; i < 1000 && !store.getState().game!.outcome; i++) store.getState().nextDay();
  expect(store.getState().game!.outcome).not.toBeNull();
}

describe('the store changes screens itself', () => {
  it('moves a game that ends to its debrief, in the same change', () => {
    const { store, seen } = started();
    expect(store.getState().screen).toBe('play');
    playToEnd(store);
    expect(store.getState().screen).toBe('debrief');
    expect(seen.some((s) => s.screen === 'play' && s.game?.outcome)).toBe(false);
  });

  it('resumes a finished game on its debrief, and an unfinished one in play', () => {
    const { store } = started();
    for (let i = 0; i < 5; i++) store.getState().nextDay();
    const mid = store.getState().replay()!;
    playToEnd(store);
    const ended = store.getState().replay()!;
    const again = createSession();
    expect(again.getState().resume(ended, DEFAULT, diskReader)).toBeNull();
    expect(again.getState().screen).toBe('debrief');
    expect(again.getState().resume(mid, DEFAULT, diskReader)).toBeNull();
    expect(again.getState().screen).toBe('play');
  });

  it("a replay's debrief opens at the end only, and seeking before the end goes back to the viewer", () => {
    const { store } = started();
    playToEnd(store);
    const replay = store.getState().replay()!;
    const viewer = createSession();
    const seen: Session[] = [];
    viewer.subscribe((s) => seen.push(s));
    expect(viewer.getState().openReplay(replay, DEFAULT, diskReader)).toBeNull();
    // A replay opens on day 1, in the viewer; a finished one's last day is the viewer too (not the debrief).
    expect([viewer.getState().screen, viewer.getState().viewer?.cursor]).toEqual(['play', 1]);
    viewer.getState().seek(Infinity);
    expect(viewer.getState().screen).toBe('play');
    viewer.getState().showDebrief();
    expect(viewer.getState().screen).toBe('debrief');
    viewer.getState().backToReplay();
    expect(viewer.getState().screen).toBe('play');
    viewer.getState().showDebrief();
    viewer.getState().seek(3);
    expect(viewer.getState().screen).toBe('play');
    expect(seen.some((s) => s.screen === 'debrief' && !s.game?.outcome)).toBe(false);
    // Before the end there is no debrief to show.
    viewer.getState().showDebrief();
    expect(viewer.getState().screen).toBe('play');
  });

  it('leaves for the menu with autoplay and playback stopped and the replay’s notice gone', () => {
    const { store } = started();
    playToEnd(store);
    const replay = store.getState().replay()!;
    const viewer = createSession();
    expect(viewer.getState().openReplay(replay, DEFAULT, diskReader)).toBeNull();
    viewer.getState().setViewerPlaying(true);
    viewer.getState().setNotice('a warning');
    viewer.getState().backToMenu();
    const s = viewer.getState();
    expect([s.screen, s.autoplay, s.viewer?.playing, s.notice]).toEqual(['menu', false, false, null]);
    // showMenu only changes the screen: a notice set for the menu stays.
    const { store: other } = started();
    other.getState().setNotice('the game could not start');
    other.getState().showMenu();
    expect([other.getState().screen, other.getState().notice]).toEqual(['menu', 'the game could not start']);
  });
});
