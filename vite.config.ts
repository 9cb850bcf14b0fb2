// Vite config: the game's dev server and static build (relative base, so the site runs under any sub-path),
// the dev server's scenario hot reload (src/dev/scenario-hot-reload.ts), the menu's list of bundled
// scenarios read at build time (src/dev/scenario-catalogue.ts), and Vitest's settings for the Node-side
// test suite.
import { defineConfig } from 'vitest/config';
import { scenarioHotReload } from './src/dev/scenario-hot-reload.js';
import { scenarioCatalogue } from './src/dev/scenario-catalogue.js';

export default defineConfig({
  base: './',
  plugins: [scenarioHotReload(), scenarioCatalogue()],
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/cli-prebuild.ts', 'tests/browser/prebuild.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Vitest's default on 2 cores is one file at a time (cores - 1). Browser files mostly wait on the
    // page (autoplay's day timer, animations), so with two at once the cores were still busy only about
    // 0.8 of the time; three keep them busy. Four at once starved the timing-sensitive browser tests.
    maxWorkers: 3,
  },
});
