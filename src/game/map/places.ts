// The scenario's places: capitals (star), cities (dot), bases (small square), areas (ring), with name
// labels placed by candidate offsets so they clear each other, the unit symbols and the tension pills.
// Places of kind 'edge' are off-map origins and are not drawn. Labels keep their screen size at every
// zoom; the smaller kinds of place show only from a scale on (cities, then bases and areas), so they
// appear as the player zooms in and thin out as the map zooms out or gets small (a phone).
import * as Phaser from 'phaser';
import type { MapPlace } from '../../store/map-view';
import type { View } from './projection';
import { centred, placeLabel, type Box } from './layout';
import * as P from './palette';
import { addText } from './text';

interface Drawn {
  place: MapPlace;
  label: Phaser.GameObjects.Text;
  x: number;
  y: number;
  on: boolean;
  priority: number;
}

/**
 * The scale (screen px per map unit; about 1.6 at the default view at 1280×720, 0.8 on a 390 px phone)
 * from which a kind of place shows, by priority: capitals always, cities, then bases and areas.
 */
export const PLACE_MIN_SCALE = [0, 0.95, 1.3];

/** A short map name: drops a trailing parenthesis ("Orzysz (NATO battlegroup)" → "Orzysz"). */
function shortName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '');
}

export class Places {
  private readonly g: Phaser.GameObjects.Graphics;
  private drawn: Drawn[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly depth: number,
  ) {
    this.g = scene.add.graphics().setDepth(depth);
  }

  setPlaces(places: MapPlace[]): void {
    for (const d of this.drawn) d.label.destroy();
    this.drawn = places
      .filter((p) => p.kind !== 'edge')
      .map((place) => {
        const priority = place.capital ? 0 : place.kind === 'city' ? 1 : 2;
        const label = addText(this.scene, 0, 0, shortName(place.name), priority === 0 ? P.textStyle(13, '700', P.TEXT) : priority === 1 ? P.textStyle(11, '500', '#c9d3dc') : P.textStyle(10, 'italic 500', P.TEXT_DIM)).setDepth(this.depth + 20);
        if (priority === 0) label.setLetterSpacing(0.5);
        return { place, label, x: 0, y: 0, on: false, priority };
      })
      .sort((a, b) => a.priority - b.priority);
  }

  /** Positions the markers; returns their boxes (obstacles for labels; capitals also for units). */
  layoutMarkers(view: View): Box[] {
    const g = this.g;
    g.clear();
    const boxes: Box[] = [];
    for (const d of this.drawn) {
      const p = view.at(d.place.lon, d.place.lat);
      d.x = p.x;
      d.y = p.y;
      d.on = p.x > 4 && p.x < view.width - 4 && p.y > 4 && p.y < view.height - 4 && view.scale >= PLACE_MIN_SCALE[d.priority]!;
      if (!d.on) continue;
      const k = d.place.kind;
      if (d.place.capital) {
        star(g, p.x, p.y, 7.5, 3.2);
        boxes.push(centred(p.x, p.y, 14, 14));
      } else if (k === 'city') {
        g.fillStyle(P.parseHex(P.TEXT_SHADOW), 0.9).fillCircle(p.x, p.y, 4);
        g.fillStyle(0xdfe6ec, 1).fillCircle(p.x, p.y, 2.6);
        boxes.push(centred(p.x, p.y, 7, 7));
      } else if (k === 'base') {
        g.fillStyle(P.parseHex(P.TEXT_SHADOW), 0.9).fillRect(p.x - 3.5, p.y - 3.5, 7, 7);
        g.lineStyle(1.4, 0xb9c6d1, 1).strokeRect(p.x - 2.5, p.y - 2.5, 5, 5);
        boxes.push(centred(p.x, p.y, 7, 7));
      } else {
        g.lineStyle(1.2, 0xb9c6d1, 0.8).strokeCircle(p.x, p.y, 3.5);
        boxes.push(centred(p.x, p.y, 7, 7));
      }
    }
    return boxes;
  }

  /** The markers of the places other than capitals that are drawn (labels may cover their edge). */
  dotBoxes(): Box[] {
    return this.drawn.filter((d) => d.on && !d.place.capital).map((d) => centred(d.x, d.y, 7, 7));
  }

  /** The capitals' star boxes (units keep off them). */
  capitalBoxes(): Box[] {
    return this.drawn.filter((d) => d.on && d.place.capital).map((d) => centred(d.x, d.y, 16, 16));
  }

  /**
   * Places the name labels of one priority (0 capitals, 1 cities, 2 bases and areas), avoiding `taken`
   * (the boxes already on the map), less so `soft` ones, and the canvas's edges, and adds the labels
   * shown to `taken`. Capitals always show; the others only where they overlap nothing in `taken`.
   */
  layoutLabels(taken: Box[], priority: number, bounds: Box, soft: Box[] = []): void {
    for (const d of this.drawn) {
      if (d.priority !== priority) continue;
      if (!d.on) {
        d.label.setVisible(false);
        continue;
      }
      const w = d.label.width;
      const h = d.label.height;
      // A capital's name keeps away from the other capitals' stars too, so it cannot be read as theirs.
      const near = d.priority === 0 ? this.drawn.filter((o) => o !== d && o.on && o.priority === 0).map((o) => centred(o.x, o.y, 34, 30)) : [];
      const r = placeLabel(d.x, d.y, w, h, taken, d.place.capital ? 1.4 : 1, bounds, [...soft, ...near]);
      const show = d.priority === 0 || r.hard < 8;
      d.label.setVisible(show).setPosition(Math.round(r.box.x), Math.round(r.box.y));
      if (show) taken.push(r.box);
    }
  }

  /** The place under the pointer, if any. */
  hit(x: number, y: number): MapPlace | null {
    for (const d of this.drawn) {
      if (!d.on) continue;
      if (Math.hypot(d.x - x, d.y - y) <= 8) return d.place;
      const b = d.label.getBounds();
      if (d.label.visible && b.contains(x, y)) return d.place;
    }
    return null;
  }

  /** Screen position of a place drawn on the map. */
  position(id: string): { x: number; y: number } | null {
    const d = this.drawn.find((p) => p.place.id === id);
    return d ? { x: d.x, y: d.y } : null;
  }

  destroy(): void {
    this.g.destroy();
    for (const d of this.drawn) d.label.destroy();
  }
}

function star(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number, ri: number): void {
  const pts: { x: number; y: number }[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : ri;
    pts.push({ x: x + Math.cos(a) * rr, y: y + Math.sin(a) * rr });
  }
  const path = (grow: number) => {
    g.beginPath();
    pts.forEach((p, i) => {
      const px = x + (p.x - x) * grow;
      const py = y + (p.y - y) * grow;
      if (i === 0) g.moveTo(px, py);
      else g.lineTo(px, py);
    });
    g.closePath();
  };
  g.fillStyle(P.parseHex(P.TEXT_SHADOW), 0.9);
  path(1.35);
  g.fillPath();
  g.fillStyle(0xf5e6b8, 1);
  path(1);
  g.fillPath();
}
