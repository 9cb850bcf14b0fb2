// The tweak panel's place in the app: its Tweak button goes in the top bar, before the Menu button, and
// the panel itself (with tweakpane) is fetched when the button is first pressed. A tweak it makes is
// kept as one of the player's scenario files ("tweaked" in the menu), and the game carries over to it:
// the same seed and role, the player's orders played again up to the day reached, and the alert banner
// says where the run first diverged (or which order the tweak no longer allows).
import { retryable } from '../ui/chunk-retry';
import type { ScenarioReader } from '../sim/index';
import type { SessionStore } from '../store/session';
import type { MenuChoice } from '../ui/menu';
import type { ErrorPanel } from '../ui/load/error-panel';
import type { UserScenarios } from '../ui/load/user-scenarios';
import { createTweakButton } from '../ui/tweak/tweak-button';
import { notify } from '../ui/notice';

export interface TweakDeps {
  store: SessionStore;
  users: UserScenarios;
  reader: ScenarioReader;
  errors: ErrorPanel;
  /** The play screen, whose top bar gets the Tweak button. */
  playEl: HTMLElement;
  refreshCatalogue(): void;
  start(c: MenuChoice): void;
}

/** Puts the Tweak button in the top bar; returns the panel's element (a loading panel until the controls arrive). */
export function installTweak({ store, users, reader, errors, playEl, refreshCatalogue, start }: TweakDeps): HTMLElement {
  const loadPanel = retryable(() => import('../ui/tweak/tweak-panel'));
  const tweak = createTweakButton(store, () =>
    loadPanel().then(({ createTweakPanel }) => (button: HTMLButtonElement, open: boolean) =>
      createTweakPanel({
        session: store,
        reader,
        errors,
        button,
        open,
        isTweak: (f) => users.kind(f) === 'tweak',
        saveTweak: (file, text) => {
          users.add(file, text, 'tweak');
          refreshCatalogue();
        },
        restart: (file) => {
          const s = store.getState();
          // Keep the player's place: their orders played again on the tweaked scenario up to today.
          if (s.game && !s.viewer && s.game.turn > 0) {
            const r = store.getState().carryOver(file, reader);
            if (typeof r !== 'string') return;
            notify(store, 'The game could not be carried over to the tweak', `${r}; it starts again from day 0`);
          }
          start({ file, seed: s.seed, role: s.role });
        },
      }),
    ),
  );
  const menuButton = playEl.querySelector('.tb-right > .tb-menu');
  menuButton?.parentElement?.insertBefore(tweak.button, menuButton);
  return tweak.el;
}
