// The play screen: the top bar, the map area (filled by the Phaser map), the right column (ladder,
// tension chart, pairs, "why?") and the bottom (feed, and YOUR MOVE when playing a role).
import type { Session, SessionStore } from '../store/session';
import { h } from './dom';
import { createFeed } from './feed';
import { createLadderMeter } from './ladder-meter';
import { createMoves } from './moves';
import { createPairsList } from './pairs-list';
import { createTensionPanel } from './tension-panel';
import { createTopBar } from './topbar';
import { createWhyPanel } from './why-panel';

export function createPlayScreen(store: SessionStore, onMenu: () => void) {
  const top = createTopBar(store, onMenu);
  const ladder = createLadderMeter();
  const chart = createTensionPanel(store);
  let pick: string | null = null;
  const pairsList = createPairsList((id) => {
    pick = pick === id ? null : id;
    update(store.getState());
  });
  const whyPanel = createWhyPanel();
  const feed = createFeed(store);
  const moves = createMoves(store);
  const map = h('div', { class: 'map-area', id: 'map', 'aria-label': 'Map of the region' });
  const bottom = h('div', { class: 'bottom' }, feed.el, moves.el);
  const el = h(
    'div',
    { class: 'screen play', 'aria-label': 'Play' },
    top.el,
    map,
    h('aside', { class: 'side', 'aria-label': 'Tension' }, ladder.el, chart.el, pairsList.el, whyPanel.el),
    bottom,
  );

  function update(s: Session): void {
    if (!s.game) return;
    const playing = s.role !== 'observer';
    el.classList.toggle('with-moves', playing);
    moves.el.hidden = !playing;
    top.update(s);
    ladder.update(s);
    chart.update(s);
    pairsList.update(s, pick);
    whyPanel.update(s, pick);
    feed.update(s);
    if (playing) moves.update(s);
  }
  return { el, map, update, resetPick: () => (pick = null) };
}
