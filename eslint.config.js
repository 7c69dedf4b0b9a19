import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { defineConfig, globalIgnores } from 'eslint/config';

const HOST_TIME = 'The engine is deterministic: use the virtual clock (SimLoop) and the seeded random source.';

/**
 * Host time, host randomness and host timers: banned inside src/engine (DESIGN.md, principle 2).
 * @type {import('eslint').Linter.RulesRecord}
 */
const engineDeterminism = {
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: HOST_TIME },
    { object: 'Math', property: 'random', message: HOST_TIME },
    { object: 'performance', property: 'now', message: HOST_TIME },
    { object: 'crypto', property: 'getRandomValues', message: HOST_TIME },
    { object: 'crypto', property: 'randomUUID', message: HOST_TIME },
    { object: 'globalThis', property: 'setTimeout', message: HOST_TIME },
    { object: 'globalThis', property: 'setInterval', message: HOST_TIME },
    { object: 'globalThis', property: 'queueMicrotask', message: HOST_TIME },
    { object: 'globalThis', property: 'performance', message: HOST_TIME },
    { object: 'globalThis', property: 'crypto', message: HOST_TIME },
  ],
  'no-restricted-globals': [
    'error',
    ...['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'requestAnimationFrame', 'performance', 'crypto'].map((name) => ({
      name,
      message: HOST_TIME,
    })),
  ],
  'no-restricted-syntax': [
    'error',
    // `new Date(virtualMs)` formats a virtual timestamp and stays allowed; `new Date()` reads the host clock.
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: HOST_TIME },
    { selector: "CallExpression[callee.name='Date']", message: `Date() reads the host clock. ${HOST_TIME}` },
  ],
  '@typescript-eslint/no-explicit-any': 'error',
};

export default defineConfig([
  globalIgnores(['dist', 'test-results', 'playwright-report', 'reports', 'node_modules', '.kubelab']),
  {
    // Scripts and configs in plain JavaScript run under Node.
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.node },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked, reactHooks.configs.flat.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.worker, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Playwright fixtures call `use()`, which the React hooks rule mistakes for React's.
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Tests are hosts too (they may time themselves), so only the engine's own code is held to this.
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: engineDeterminism,
  },
]);
