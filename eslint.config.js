// ESLint flat config: typescript-eslint's recommended rules, plus the model's purity rules for src/sim.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'tests/screenshots/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: ['phaser', 'phaser/*', '../store/*', '../game/*', 'node:*', 'fs', 'path'] }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'src/sim draws from the seeded generator in the game state.' },
        { object: 'Date', property: 'now', message: 'src/sim has no clock.' },
        { object: 'performance', property: 'now', message: 'src/sim has no clock.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'src/sim has no clock; dates are computed from the scenario start.' }],
    },
  },
);
