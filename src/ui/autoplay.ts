// Autoplay: while the store says autoplay is on and a game is running, play one day per tick. The delay
// is read from the store's speed on every tick, so changing speed takes effect at once.
import { DAY_MS, type SessionStore } from '../store/session';

/** Starts the autoplay driver; returns a function that stops it. */
export function startAutoplay(store: SessionStore): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let scheduledSpeed = 0;

  const running = () => {
    const s = store.getState();
    return s.autoplay && s.screen === 'play' && !!s.game && !s.game.outcome;
  };

  // The time the last day was played: the next one is due DAY_MS after it, so the time the day itself
  // takes to play and draw does not slow the cadence.
  let lastDay = 0;

  const tick = () => {
    timer = null;
    if (!running()) return;
    lastDay = performance.now();
    store.getState().nextDay();
    schedule();
  };

  const schedule = () => {
    if (timer !== null || !running()) return;
    scheduledSpeed = store.getState().speed;
    const wait = DAY_MS[store.getState().speed] - (performance.now() - lastDay);
    timer = setTimeout(tick, Math.max(16, Math.min(DAY_MS[store.getState().speed], wait)));
  };

  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (!running()) cancel();
    else if (timer !== null && s.speed !== scheduledSpeed && s.speed !== prev.speed) {
      cancel();
      schedule();
    } else schedule();
  });
  schedule();
  return () => {
    cancel();
    unsubscribe();
  };
}
