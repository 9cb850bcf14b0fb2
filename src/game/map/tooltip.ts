// The hover card: a small dark panel next to the pointer with a title line and a few detail rows,
// kept inside the canvas.
import type * as Phaser from 'phaser';
import * as P from './palette';

export interface TooltipContent {
  title: string;
  /** Accent colour of the title bar (0xRRGGBB). */
  accent?: number;
  rows: string[];
}

export class Tooltip {
  private readonly c: Phaser.GameObjects.Container;
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly body: Phaser.GameObjects.Text;
  private key = '';

  constructor(scene: Phaser.Scene, depth: number) {
    this.g = scene.add.graphics();
    this.title = scene.add.text(12, 8, '', P.textStyle(12, '700', P.TEXT, false)).setResolution(P.TEXT_RESOLUTION);
    this.body = scene.add
      .text(12, 26, '', { ...P.textStyle(11, '500', '#b8c5d1', false), lineSpacing: 3, wordWrap: { width: 240 } })
      .setResolution(P.TEXT_RESOLUTION);
    this.c = scene.add.container(0, 0, [this.g, this.title, this.body]).setDepth(depth).setVisible(false);
  }

  show(content: TooltipContent, x: number, y: number, width: number, height: number): void {
    const key = content.title + '\n' + content.rows.join('\n');
    if (key !== this.key) {
      this.key = key;
      this.title.setText(content.title);
      this.body.setText(content.rows.join('\n'));
      const w = Math.max(this.title.width, this.body.width) + 24;
      const h = (content.rows.length ? this.body.y + this.body.height : this.title.y + this.title.height) + 10;
      this.g.clear();
      this.g.fillStyle(0x000000, 0.4).fillRoundedRect(2, 3, w, h, 6);
      this.g.fillStyle(0x111c26, 0.96).fillRoundedRect(0, 0, w, h, 6);
      this.g.lineStyle(1, 0x3a4c5c, 1).strokeRoundedRect(0.5, 0.5, w - 1, h - 1, 6);
      this.g.fillStyle(content.accent ?? 0x8197aa, 1).fillRoundedRect(0, 0, 4, h, { tl: 6, bl: 6, tr: 0, br: 0 });
      this.c.setSize(w, h);
    }
    const w = this.c.width;
    const h = this.c.height;
    let tx = x + 16;
    let ty = y + 14;
    if (tx + w > width - 6) tx = x - w - 12;
    if (ty + h > height - 6) ty = y - h - 10;
    this.c.setPosition(Math.round(Math.max(6, tx)), Math.round(Math.max(6, ty))).setVisible(true);
  }

  /** The title of the card shown, or null. */
  shown(): string | null {
    return this.c.visible ? this.title.text : null;
  }

  hide(): void {
    this.c.setVisible(false);
    this.key = '';
  }

  destroy(): void {
    this.c.destroy(true);
  }
}
