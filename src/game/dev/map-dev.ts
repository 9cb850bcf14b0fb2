// Throwaway dev harness for the Phaser map: a session on the bundled default scenario, the map mounted
// in #map, and days stepped on a timer. Query: ?days=N (play N days first), ?step=ms (0: no timer),
// ?speed=1|2|3, ?role=observer|belarus|…, ?seed=, ?w=&h= (box size).
import '@fontsource-variable/inter';
import { createSession } from '../../store/session';
import { autoplayDayMs } from '../../store/map-view';
import { bundledReader } from '../../web/bundled-scenarios';
import { mountMap } from '../mount';

const q = new URLSearchParams(location.search);
const store = createSession();
const err = store.getState().newGame({ file: 'scenarios/allied-resolve-2022.yaml', seed: q.get('seed') ?? '7', role: q.get('role') ?? 'observer' }, bundledReader);
if (err) throw new Error(err);
const speed = Number(q.get('speed') ?? 3) as 1 | 2 | 3;
store.getState().setSpeed(speed);
for (let i = 0; i < Number(q.get('days') ?? 0); i++) store.getState().nextDay();

const el = document.getElementById('map')!;
if (q.get('w')) el.style.width = `${q.get('w')}px`;
if (q.get('h')) el.style.height = `${q.get('h')}px`;
const map = mountMap(el, store);
const info = document.getElementById('info')!;
const show = () => {
  const s = store.getState();
  info.textContent = `day ${s.days.length - 1} · ${s.days[s.days.length - 1]?.date} · speed ${s.speed}`;
};
store.subscribe(show);
show();

const stepMs = Number(q.get('step') ?? autoplayDayMs(speed));
if (stepMs > 0) setInterval(() => store.getState().nextDay(), stepMs);
Object.assign(window, { __store: store, __map: map });
