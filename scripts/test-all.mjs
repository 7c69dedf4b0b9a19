#!/usr/bin/env node
// What `npm test` runs: type check, lint, unit + scenario tests, build, browser tests. Every step
// runs even after a failure; the last line sums all suites as `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const ci = process.env.CI === 'true';
mkdirSync('reports', { recursive: true });
let passed = 0;
let failed = 0;

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${[command, ...args].join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${label}`);
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const bin = (name) => `node_modules/.bin/${name}`;

if (!run('typecheck', bin('tsc'), ['-b'])) failed++;
if (existsSync('eslint.config.js') && !run('lint', bin('eslint'), ['.'])) failed++;

rmSync('reports/vitest.json', { force: true });
const unitOk = run('unit and scenario tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json']);
const vitest = readJson('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  if (!unitOk && vitest.numFailedTests === 0) failed++; // e.g. a suite that failed to load
} else failed++;

if (existsSync('index.html')) {
  if (!run('build', bin('vite'), ['build', '--logLevel', 'warn'])) failed++;
}

if (existsSync('playwright.config.ts')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.log(`✘ browser tests: no Chromium at ${chromium}`);
    failed++;
  } else {
    rmSync('reports/playwright.json', { force: true });
    const e2eOk = run('browser tests', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'reports/playwright.json' });
    const stats = readJson('reports/playwright.json')?.stats;
    if (stats) {
      passed += stats.expected;
      failed += stats.unexpected + stats.flaky;
      if (!e2eOk && stats.unexpected === 0) failed++;
    } else failed++;
  }
} else if (ci) {
  console.log('✘ browser tests: playwright.config.ts is missing');
  failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
