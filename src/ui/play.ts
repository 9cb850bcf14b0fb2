// The play screen: the top bar, the map area (filled by the Phaser map), the side column (the ladder,
// the goals panel always in sight, and tabs for the tension chart, the pairs and "why?" — and the feed
// while a role is played, or on a phone) and the bottom (YOUR MOVE while a role is played, the feed while
// watching, or the replay viewer's bar, whose notes of the day show as a caption over the map). On a
// phone (styles/phone.css) the screen is one column that scrolls, YOUR MOVE is a bottom sheet, and an
// observer gets a dock with Next day and Autoplay. A notice banner over the map shows the store's notice.
import type { Session, SessionStore } from '../store/session';
import { createAlertBanner } from './alert-banner';
import { h } from './dom';
import { createFeed } from './feed';
import { createLadderMeter } from './ladder-meter';
import { createMapText } from './map-text';
import { createMoves } from './moves';
import { createNotice } from './notice';
import { createPairsList } from './pairs-list';
import { createReplayBar, type ReplayBarActions } from './replay-bar';
import { createSideTabs } from './side-tabs';
import { createTensionPanel } from './tension-panel';
import { createTopBar, type TopBarActions } from './topbar';
import { createTrackPanel } from './track-panel';
import { createWhyPanel } from './why-panel';

export type PlayActions = TopBarActions & ReplayBarActions;

export function createPlayScreen(store: SessionStore, actions: PlayActions) {
  const top = createTopBar(store, actions);
  const ladder = createLadderMeter();
  const track = createTrackPanel(store);
  const chart = createTensionPanel(store);
  let pick: string | null = null;
  // A panel in a hidden tab is brought up to date when its tab is shown, not on every change (a jump
  // of the replay viewer would otherwise redraw panels nobody sees).
  const tabs = createSideTabs(() => update(store.getState()));
  const pairsList = createPairsList((id) => {
    pick = pick === id ? null : id;
    if (pick) tabs.show('why');
    update(store.getState());
  });
  const whyPanel = createWhyPanel();
  const feed = createFeed(store);
  const moves = createMoves(store);
  const replayBar = createReplayBar(store, actions);
  const notice = createNotice(store, 'banner');
  const alert = createAlertBanner(store);
  const map = h('div', { class: 'map-area', id: 'map', role: 'region', 'aria-label': 'Map of the region' });
  const mapText = createMapText();
  map.setAttribute('aria-describedby', 'map-text');
  const bottom = h('div', { class: 'bottom' }, feed.el, moves.el, replayBar.el);
  // The phone's dock for a watcher: the day controls within thumb's reach (the top bar folds them away).
  const dockNext = h('button', { class: 'btn', onclick: () => store.getState().nextDay() }, 'Next day');
  const dockPlay = h('button', { class: 'btn primary', onclick: () => store.getState().setAutoplay(!store.getState().autoplay) }, 'Autoplay');
  const dock = h('div', { class: 'phone-dock', role: 'group', 'aria-label': 'Day' }, dockNext, dockPlay);
  const phone = window.matchMedia('(max-width: 760px), (max-height: 500px)');
  phone.addEventListener('change', () => update(store.getState()));
  const el = h(
    'div',
    { class: 'screen play', 'aria-label': 'Play' },
    top.el,
    map,
    replayBar.caption,
    h('aside', { class: 'side', 'aria-label': 'Tension and goals' }, ladder.el, track.el, tabs.el),
    bottom,
    dock,
    mapText.el,
    mapText.live,
    alert.el,
    notice.el,
  );
  const sideTabs = [
    { id: 'tension', label: 'Tension', el: chart.el },
    { id: 'pairs', label: 'Pairs', el: pairsList.el },
    { id: 'why', label: 'Why?', el: whyPanel.el },
  ];

  function update(s: Session): void {
    if (!s.game) return;
    const viewing = !!s.viewer;
    const playing = s.role !== 'observer' && !viewing;
    el.classList.toggle('with-moves', playing);
    el.classList.toggle('with-replay', viewing);
    moves.el.hidden = !playing;
    replayBar.el.hidden = !viewing;
    // The feed: a tab beside the goals while a role is played (the cards take the bottom) and on a phone,
    // else the bottom.
    el.classList.toggle('phone', phone.matches);
    dock.hidden = playing || viewing || !phone.matches;
    dockNext.disabled = dockPlay.disabled = !!s.game.outcome;
    dockPlay.textContent = s.autoplay ? 'Pause' : 'Autoplay';
    dockPlay.setAttribute('aria-pressed', String(s.autoplay));
    if (playing || phone.matches) tabs.set([{ id: 'feed', label: 'Feed', el: feed.el }, ...sideTabs], 'feed');
    else {
      tabs.set(sideTabs, 'tension');
      if (feed.el.parentElement !== bottom) {
        for (const a of ['id', 'role', 'aria-labelledby']) feed.el.removeAttribute(a);
        feed.el.hidden = false;
        bottom.prepend(feed.el);
      }
    }
    top.update(s);
    ladder.update(s);
    track.update(s);
    const shown = tabs.current();
    if (shown === 'tension') chart.update(s);
    if (shown === 'pairs') pairsList.update(s, pick);
    if (shown === 'why') whyPanel.update(s, pick);
    if (shown === 'feed' || feed.el.parentElement === bottom) feed.update(s);
    if (playing) moves.update(s);
    if (viewing) replayBar.update(s);
    else replayBar.caption.hidden = true;
    alert.update(s);
    mapText.update(s);
    // In the viewer the bar says why a replay does not hold; the banner is for everything else.
    notice.update(s.screen !== 'play' || (viewing && s.notice === s.viewer?.reason) ? null : s.notice);
  }
  return { el, map, update, resetPick: () => (pick = null) };
}
