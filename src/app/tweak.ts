// The tweak panel's place in the app: its Tweak button goes in the top bar, before the Menu button, and
// the panel itself (with tweakpane) is fetched when the button is first pressed. A tweak it makes is
// kept as one of the player's scenario files ("tweaked" in the menu) and restarts the run on it with
// the same seed and role.
import type { ScenarioReader } from '../sim/index';
import type { SessionStore } from '../store/session';
import type { MenuChoice } from '../ui/menu';
import type { ErrorPanel } from '../ui/load/error-panel';
import type { UserScenarios } from '../ui/load/user-scenarios';
import { createTweakButton } from '../ui/tweak/tweak-button';

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
  const tweak = createTweakButton(store, () =>
    import('../ui/tweak/tweak-panel').then(({ createTweakPanel }) => (button: HTMLButtonElement, open: boolean) =>
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
          start({ file, seed: s.seed, role: s.role });
        },
      }),
    ),
  );
  const menuButton = playEl.querySelector('.tb-right > .tb-menu');
  menuButton?.parentElement?.insertBefore(tweak.button, menuButton);
  return tweak.el;
}
