// Frame times of bare Phaser drawing one full-canvas texture (see ./bare-phaser.ts) in the same headless
// Chromium as the game: the floor under the game's own frame times in this browser. Used by the bench.
import { serve } from './serve';
import { launchChromium } from './chromium';
import { recordFrames, type FrameStats } from './frames';

/** `renderer`: the one bare Phaser uses (default: Phaser's AUTO, WebGL where there is any). */
export async function measureBareFrames(built: string, seconds: number, renderer?: 'webgl' | 'canvas'): Promise<FrameStats> {
  const site = await serve(built);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, bypassCSP: true });
    await page.goto(renderer ? `${site.url}?renderer=${renderer}` : site.url);
    await page.waitForFunction('window.__bareReady === true', null, { timeout: 60_000 });
    return await recordFrames(page, seconds);
  } finally {
    await browser.close();
    await site.close();
  }
}
