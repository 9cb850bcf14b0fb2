// The read-only test hook, window.__brink = { ready, day, hash, outcome, screen, renderer }: a frozen snapshot
// replaced on every store change. Tests read it; nothing in it can drive the model.
import type { SessionStore } from '../store/session';

export interface BrinkHook {
  readonly ready: boolean;
  readonly day: number;
  readonly hash: string | null;
  readonly outcome: string | null;
  readonly screen: string;
  /** The map's renderer ('webgl' or 'canvas'), null before the map is mounted. */
  readonly renderer: string | null;
}

declare global {
  interface Window {
    __brink?: BrinkHook;
  }
}

/** Publishes the hook now and on every store change; returns a function that re-publishes it. */
export function exposeHook(store: SessionStore, isReady: () => boolean, renderer: () => string | null = () => null): () => void {
  const publish = () => {
    const s = store.getState();
    const last = s.days[s.days.length - 1];
    const snap: BrinkHook = Object.freeze({
      ready: isReady(),
      day: s.game?.turn ?? 0,
      hash: s.game ? (last?.hash ?? null) : null,
      outcome: s.game?.outcome?.id ?? null,
      screen: s.screen,
      renderer: renderer(),
    });
    Object.defineProperty(window, '__brink', { value: snap, configurable: true, writable: false, enumerable: true });
  };
  publish();
  store.subscribe(publish);
  return publish;
}
