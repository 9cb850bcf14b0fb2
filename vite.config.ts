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
    globalSetup: ['tests/browser/prebuild.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Four files at once on two cores: a browser test spends most of its time waiting on the page
    // (autoplay's day timer, workers, animations), so with two at once the cores were busy 0.6 of the
    // time (user + sys 11.7 min over a 19.5 min run); four overlap those waits.
    maxWorkers: 4,
  },
});
