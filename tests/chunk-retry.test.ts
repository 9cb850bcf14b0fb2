// A lazily loaded chunk tried again after a failure (src/ui/chunk-retry.ts): the failed URL is read from
// the browsers' messages, and a later try asks for the file again (the browser test in
// tests/browser/tweak.browser.test.ts checks that the Tweak panel then loads in Chromium).
import { describe, expect, it } from 'vitest';
import { failedChunkUrl, retryable } from '../src/ui/chunk-retry';

describe('a chunk that failed to arrive', () => {
  it.each([
    ['Chromium', 'Failed to fetch dynamically imported module: http://127.0.0.1:4173/assets/tweak-panel-Bx1.js', 'http://127.0.0.1:4173/assets/tweak-panel-Bx1.js'],
    ['Firefox', 'error loading dynamically imported module: https://brink.example/assets/odds-9f.js', 'https://brink.example/assets/odds-9f.js'],
    ['a retry that failed again', 'Failed to fetch dynamically imported module: http://h/assets/p.js?retry=2', 'http://h/assets/p.js'],
    ['Safari (no URL)', 'Importing a module script failed.', null],
  ])('names its URL as %s says it', (_, message, url) => {
    expect(failedChunkUrl(new TypeError(message))).toBe(url);
  });

  it('is loaded again on the next call when the message names no file, and not before', async () => {
    let calls = 0;
    const load = retryable(async () => {
      calls += 1;
      if (calls === 1) throw new TypeError('Importing a module script failed.');
      return { ok: calls };
    });
    await expect(load()).rejects.toThrow('Importing a module script failed.');
    expect(calls).toBe(1);
    await expect(load()).resolves.toEqual({ ok: 2 });
  });
});
