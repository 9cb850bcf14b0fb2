// The play screen: the top bar, the map area (filled by the Phaser map), the right column (ladder,
// tension chart, pairs, "why?") and the bottom (feed, and YOUR MOVE when playing a role — or the replay
// viewer's bar while a replay is watched). A notice banner over the map shows the store's notice.
import type { Session, SessionStore } from '../store/session';
import { h } from './dom';
import { createFeed } from './feed';
import { createLadderMeter } from './ladder-meter';
import { createMoves } from './moves';
import { createNotice } from './notice';
import { createPairsList } from './pairs-list';
import { createReplayBar, type ReplayBarActions } from './replay-bar';
import { createTensionPanel } from './tension-panel';
import { createTopBar, type TopBarActions } from './topbar';
import { createWhyPanel } from './why-panel';

export type PlayActions = TopBarActions & ReplayBarActions;

export function createPlayScreen(store: SessionStore, actions: PlayActions) {
  const top = createTopBar(store, actions);
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
  const replayBar = createReplayBar(store, actions);
  const notice = createNotice(store, 'banner');
  const map = h('div', { class: 'map-area', id: 'map', 'aria-label': 'Map of the region' });
  const bottom = h('div', { class: 'bottom' }, feed.el, moves.el, replayBar.el);
  const el = h(
    'div',
    { class: 'screen play', 'aria-label': 'Play' },
    top.el,
    map,
    h('aside', { class: 'side', 'aria-label': 'Tension' }, ladder.el, chart.el, pairsList.el, whyPanel.el),
    bottom,
    notice.el,
  );

  function update(s: Session): void {
    if (!s.game) return;
    const viewing = !!s.viewer;
    const playing = s.role !== 'observer' && !viewing;
    el.classList.toggle('with-moves', playing);
    el.classList.toggle('with-replay', viewing);
    moves.el.hidden = !playing;
    replayBar.el.hidden = !viewing;
    top.update(s);
    ladder.update(s);
    chart.update(s);
    pairsList.update(s, pick);
    whyPanel.update(s, pick);
    feed.update(s);
    if (playing) moves.update(s);
    if (viewing) replayBar.update(s);
    // In the viewer the bar says why a replay does not hold; the banner is for everything else.
    notice.update(s.screen !== 'play' || (viewing && s.notice === s.viewer?.reason) ? null : s.notice);
  }
  return { el, map, update, resetPick: () => (pick = null) };
}
