// Small line icons (inline SVG, currentColor) for the replay controls: save, link, play, pause, step,
// jump, open. Drawn on a 16×16 grid so they sit on the text baseline of 13px buttons.
import { svg } from './dom';

const PATHS: Record<string, string> = {
  save: 'M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13h10',
  link: 'M6.5 9.5l3-3M7 4.5l1.2-1.2a2.6 2.6 0 0 1 3.7 3.7L10.7 8.2M9 11.5l-1.2 1.2a2.6 2.6 0 0 1-3.7-3.7L5.3 7.8',
  play: 'M5 3.5v9l7-4.5z',
  pause: 'M5.5 3.5v9M10.5 3.5v9',
  back: 'M11 3.5 6 8l5 4.5M4.5 3.5v9',
  fwd: 'M5 3.5 10 8l-5 4.5M11.5 3.5v9',
  first: 'M12 3.5 7.5 8l4.5 4.5M7 3.5 2.5 8 7 12.5',
  last: 'M4 3.5 8.5 8 4 12.5M9 3.5 13.5 8 9 12.5',
  open: 'M2.5 4.5h4l1.5 1.5h5.5v6.5h-11zM8 12V8M6.3 9.7 8 8l1.7 1.7',
  close: 'M4 4l8 8M12 4l-8 8',
  resume: 'M3 8a5 5 0 1 0 1.5-3.6M3 2.5v2.5h2.5',
  warn: 'M8 2.5 14 13H2zM8 6.5v3M8 11.2v.3',
  note: 'M2.5 3h11v7.5H8l-3.5 3v-3h-2zM5.5 6.8h5',
  slots: 'M4.5 2.5h7v11L8 10.8l-3.5 2.7z',
  handout: 'M2.5 3.5h11v9h-11zM2.5 10.5l3.2-3 2.3 2.1 2-1.6 3.5 2.9M10.5 6.2v.1',
  compare: 'M2 8h3.5c2.2 0 3-4 6-4h2.5M5.5 8c2.2 0 3 4 6 4h2.5',
};

/** An icon element; `fill` for the solid play triangle. */
export function icon(name: keyof typeof PATHS, fill = false): SVGSVGElement {
  const el = svg('svg', { class: `icon icon-${name}`, viewBox: '0 0 16 16', width: 14, height: 14, 'aria-hidden': 'true', focusable: 'false' });
  el.appendChild(svg('path', { d: PATHS[name]!, fill: fill ? 'currentColor' : 'none', stroke: 'currentColor', 'stroke-width': 1.6, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }));
  return el;
}
