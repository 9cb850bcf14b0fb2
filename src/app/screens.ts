// The screens on the page: shows the one the store names (boot, menu, play, or the debrief over the play
// screen) and keeps it drawn as the store changes. It only follows the store: every change of screen is
// a store action (a game that ends moves to its debrief in the store itself).
import type { Session, SessionStore } from '../store/session';

export interface Screens {
  boot: { el: HTMLElement };
  menu: { el: HTMLElement; show(s: Session): void; update(s: Session): void };
  play: { el: HTMLElement; update(s: Session): void };
  debrief: { el: HTMLElement; update(s: Session): void };
}

/** Draws the screens on every store change; returns the draw function (to draw the first frame). */
export function showScreens(store: SessionStore, { boot, menu, play, debrief }: Screens): (s: Session) => void {
  let shown: Session['screen'] | null = null;
  function render(s: Session): void {
    if (s.screen !== shown) {
      shown = s.screen;
      boot.el.hidden = s.screen !== 'boot';
      menu.el.hidden = s.screen !== 'menu';
      play.el.classList.toggle('off', s.screen !== 'play' && s.screen !== 'debrief');
      debrief.el.hidden = s.screen !== 'debrief';
      if (s.screen === 'menu') menu.show(s);
      if (s.screen === 'debrief') debrief.update(s);
      document.body.dataset.screen = s.screen;
    }
    if (s.screen === 'menu') menu.update(s);
    if (s.screen === 'play' || s.screen === 'debrief') play.update(s);
  }
  store.subscribe(render);
  return render;
}
