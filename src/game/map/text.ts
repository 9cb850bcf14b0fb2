// Map texts made cheaply: a Phaser Text gets the device resolution in its style (so it is drawn once;
// setResolution afterwards draws it again), and the metrics of its font (which Phaser measures for each
// new Text on a canvas of its own) measured once per font and handed to the next. A jump in a replay
// makes many new labels at once (a unit's strength, a border tag): this halved their cost.
import type * as Phaser from 'phaser';
import { TEXT_RESOLUTION } from './palette';

type Style = Phaser.Types.GameObjects.Text.TextStyle;
type Metrics = Phaser.Types.GameObjects.Text.TextMetrics;

const metricsByFont = new Map<string, Metrics>();

/** Adds a Text to the scene at the device's resolution, drawn once. */
export function addText(scene: Phaser.Scene, x: number, y: number, text: string, style: Style): Phaser.GameObjects.Text {
  const font = `${style.fontStyle ?? ''} ${style.fontSize ?? ''} ${style.fontFamily ?? ''}`.trim();
  const metrics = metricsByFont.get(font);
  const t = scene.add.text(x, y, text, { ...style, resolution: TEXT_RESOLUTION, ...(metrics ? { metrics } : {}) });
  // Kept only once the font is loaded (the Boot scene waits for it): a fallback's metrics would differ.
  if (!metrics && (typeof document === 'undefined' || !document.fonts || document.fonts.check(font))) metricsByFont.set(font, t.getTextMetrics());
  return t;
}
