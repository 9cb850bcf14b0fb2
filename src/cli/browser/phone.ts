// A phone for the bench: a 390×844 touch viewport (a mid-size phone in portrait) and the CPU slowed 4× with
// CDP's Emulation.setCPUThrottlingRate, so the figures stand for a phone's core. Used by the bench's
// phone keys (phoneFirstFrameMillis, phoneFrameP95Millis).
import type { BrowserContextOptions, Page } from 'playwright-core';

export const PHONE_THROTTLE = 4;

export const PHONE_CONTEXT: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, bypassCSP: true };

export const DESKTOP_CONTEXT: BrowserContextOptions = { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, bypassCSP: true };

/** Slows the page's CPU (before it navigates, so the whole load is slowed). */
export async function throttle(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}
