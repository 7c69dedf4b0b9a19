import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { defineConfig, globalIgnores } from 'eslint/config';

const HOST_TIME = 'The engine is deterministic: use the virtual clock (SimLoop) and the seeded random source.';

export default defineConfig([
  globalIgnores(['dist', 'test-results', 'playwright-report', 'reports', 'node_modules', '.kubelab']),
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
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: HOST_TIME },
        { object: 'Math', property: 'random', message: HOST_TIME },
        { object: 'performance', property: 'now', message: HOST_TIME },
        { object: 'crypto', property: 'getRandomValues', message: HOST_TIME },
        { object: 'crypto', property: 'randomUUID', message: HOST_TIME },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: HOST_TIME },
        { name: 'setInterval', message: HOST_TIME },
        { name: 'setImmediate', message: HOST_TIME },
        { name: 'queueMicrotask', message: HOST_TIME },
        { name: 'requestAnimationFrame', message: HOST_TIME },
        { name: 'performance', message: HOST_TIME },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: HOST_TIME }],
    },
  },
]);
