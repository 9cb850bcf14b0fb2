// The top bar's Tweak button, and the tweak panel's loading. The panel (tweak-panel.ts, with tweakpane
// and the tweak logic) is a chunk of its own that the first screen does not fetch: the first press of
// the button fetches it. Until it arrives a loading panel says "Loading the controls"; if it does not
// arrive, the loading panel says so and offers to try again. Once loaded, the panel takes its place and
// runs the button (shown only while a game is played, pressed while the panel is open). Other screens
// open the panel on one parameter through ./tweak-focus.ts, which the button serves.
import type { SessionStore } from '../../store/session';
import { h } from '../dom';
import { setTweakOpener } from './tweak-focus';
import './tweak.css';

/** The part of the loaded panel the button needs. */
export interface LoadedTweakPanel {
  el: HTMLElement;
  toggle(): void;
  /** Opens the panel on one parameter: its folders unfolded, its slider in view and focused. */
  focusKey(key: string): void;
}

/** Fetches the panel's chunk; resolves to the function that makes the panel for `button`, open or not. */
export type LoadTweakPanel = () => Promise<(button: HTMLButtonElement, open: boolean) => LoadedTweakPanel>;

export function createTweakButton(session: SessionStore, load: LoadTweakPanel) {
  const button = h('button', { class: 'btn ghost tb-tweak', 'aria-label': 'Tweak', 'aria-pressed': 'false', 'data-tip': 'Tweak the scenario’s parameters and watch the run change', onclick: () => press() }, 'Tweak');
  const status = h('div', { class: 'tw-pane' });
  const el = h(
    'aside',
    { class: 'tweak-panel', 'aria-label': 'Tweak the scenario', hidden: true },
    h('header', { class: 'tw-head' }, h('div', { class: 'tw-heading' }, h('div', { class: 'tw-kicker' }, 'Tweak')), h('button', { class: 'tw-close', 'aria-label': 'Close the tweak panel', onclick: () => press() }, '×')),
    status,
  );
  let panel: LoadedTweakPanel | null = null;
  let open = false;
  let loading = false;
  /** A parameter to focus once the panel has loaded. */
  let pending: string | null = null;

  setTweakOpener((key) => {
    if (button.hidden) return false;
    if (panel) panel.focusKey(key);
    else {
      pending = key;
      if (!open) press();
    }
    return true;
  });

  function press(): void {
    if (panel) return panel.toggle();
    open = !open;
    if (open && !loading) fetchPanel();
    render();
  }

  function fetchPanel(): void {
    loading = true;
    el.setAttribute('aria-busy', 'true');
    status.replaceChildren(h('div', { class: 'tw-loading', role: 'status' }, 'Loading the controls'));
    load().then(
      (make) => {
        unsubscribe();
        panel = make(button, open);
        el.replaceWith(panel.el);
        if (pending !== null) panel.focusKey(pending);
        pending = null;
      },
      (e: unknown) => {
        loading = false;
        el.setAttribute('aria-busy', 'false');
        console.warn('The tweak panel did not load:', e);
        status.replaceChildren(
          h(
            'div',
            { class: 'tw-failed', role: 'alert' },
            h('div', { class: 'tw-failed-title' }, 'The tweak controls could not be loaded'),
            h('p', {}, `${e instanceof Error ? e.message : String(e)}. Check the connection, then try again, or reload the page (the game is saved).`),
            h('button', { class: 'btn ghost', 'aria-label': 'Try loading the controls again', onclick: fetchPanel }, 'Try again'),
          ),
        );
      },
    );
  }

  function render(): void {
    const s = session.getState();
    const playing = s.screen === 'play' && !!s.game && !s.viewer;
    button.hidden = !playing;
    button.classList.toggle('on', open);
    button.setAttribute('aria-pressed', String(open));
    el.hidden = !(open && playing);
  }
  const unsubscribe = session.subscribe(render);
  render();

  return { button, el };
}
