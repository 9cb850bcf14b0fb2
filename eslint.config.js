// ESLint flat config: typescript-eslint's recommended rules, the model's purity rules for src/sim, and
// the architecture's boundaries (docs/architecture.md): src/sim imports nothing outside itself; the
// store, the command line and the workers use the model through src/sim/index.ts only; src/ui and
// src/game import the store, never the model. tests/lint-boundaries.test.ts shows each rule bites.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** What the model may not import: the engine, the store's library, Node, the DOM's helpers. */
const NOT_PURE = [{ group: ['phaser', 'phaser/*', 'zustand', 'zustand/*', 'tweakpane', 'milsymbol', 'lz-string', 'node:*', 'fs', 'path', 'worker_threads'], message: 'src/sim is pure: no engine, no store library, no DOM helpers, no Node.' }];
const MODEL_ALONE = 'src/sim is the pure model: it imports nothing outside src/sim.';

export default tseslint.config(
  { ignores: ['dist/', 'dist-cli/', 'node_modules/', 'coverage/', 'tests/screenshots/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The model is pure and stands alone: nothing outside src/sim, no engine, no DOM, no Node, no clock.
  {
    files: ['src/sim/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [...NOT_PURE, { regex: '^(\\.\\./)+(store|game|ui|cli|workers|app|web|dev)(/|$)', message: MODEL_ALONE }] }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'src/sim draws from the seeded generator in the game state.' },
        { object: 'Date', property: 'now', message: 'src/sim has no clock.' },
        { object: 'performance', property: 'now', message: 'src/sim has no clock.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'src/sim has no clock; dates are computed from the scenario start.' }],
    },
  },
  // One level deeper (src/sim/scenario): going up two levels leaves the model.
  {
    files: ['src/sim/*/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...NOT_PURE, { regex: '^\\.\\./\\.\\./', message: MODEL_ALONE }] }] },
  },
  {
    files: ['src/sim/*.ts'],
    // One exception: the atlas's borders, plain data made by scripts/prepare-map.ts (src/sim/atlas.ts).
    rules: { 'no-restricted-imports': ['error', { patterns: [...NOT_PURE, { regex: '^\\.\\./(?!\\.\\./assets/map/borders\\.json$)', message: MODEL_ALONE }] }] },
  },
  // The store, the command line, the workers and the app's composition use the model's public face only.
  {
    files: ['src/store/**/*.ts', 'src/cli/**/*.ts', 'src/workers/**/*.ts', 'src/app/**/*.ts', 'src/main.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)sim/(?!index$)', message: 'Import the model through src/sim/index.ts (its public face); export what you need there.' }] }] },
  },
  // The store knows nothing of the screens.
  {
    files: ['src/store/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)sim/(?!index$)', message: 'Import the model through src/sim/index.ts (its public face); export what you need there.' }, { regex: '^(\\.\\./)+(ui|game|app)(/|$)', message: 'The store is the seam: it does not know the screens.' }, { group: ['phaser', 'phaser/*'], message: 'The store is the seam: it does not know the screens.' }] }] },
  },
  // The screens read the store and never the model.
  {
    files: ['src/ui/**/*.ts', 'src/game/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)sim(/|$)', message: 'Screens read the model through the store (src/store): the model computes, the screens only show.' }] }] },
  },
);
