#!/usr/bin/env node
// What `npm test` runs, in order: type check, lint, unit + scenario tests, build, browser tests.
// Every step runs even after an earlier one failed; the result of each is printed as it ends and
// again in a recap, and the very last line is `N passed, N failed`: Vitest's tests plus
// Playwright's, where a failed step with no tests of its own (tsc, eslint, build) counts as 1 failed.
// Exit code 0 only when nothing failed. The browser tests always run: no Chromium is a failure.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, rmSync } from 'node:fs';

const REPORTS = 'reports';
const VITEST_JSON = `${REPORTS}/vitest.json`;
const PLAYWRIGHT_JSON = `${REPORTS}/playwright.json`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** @typedef {{ label: string, passed: number, failed: number, note: string }} StepResult */

/** @type {StepResult[]} */
const results = [];

/** @param {string} name */
const bin = (name) => `node_modules/.bin/${name}`;

/**
 * Runs one command with inherited output; true when it exited 0.
 * @param {string} label @param {string} command @param {string[]} args @param {Record<string, string>} [env]
 */
function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (child.error) console.log(`  could not start ${command}: ${child.error.message}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`  (${label} took ${seconds} s)`);
  return child.status === 0;
}

/** @param {StepResult} result */
function record(result) {
  results.push(result);
  const ok = result.failed === 0;
  console.log(`${ok ? '✔' : '✘'} ${result.label}${result.note ? `: ${result.note}` : ''}`);
}

/** A step that has no test count of its own: 0 passed, 1 failed when it fails. @param {string} label @param {boolean} ok */
function recordStep(label, ok) {
  record({ label, passed: 0, failed: ok ? 0 : 1, note: ok ? 'ok' : 'failed' });
}

/** @param {string} path @returns {unknown} */
function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** @param {unknown} value @returns {Record<string, unknown>} */
function rec(value) {
  return typeof value === 'object' && value !== null ? /** @type {Record<string, unknown>} */ (value) : {};
}

/** @param {unknown} value */
const count = (value) => (typeof value === 'number' ? value : 0);

function typecheck() {
  recordStep('typecheck (tsc -b)', run('typecheck', bin('tsc'), ['-b']));
}

function lint() {
  recordStep('lint (eslint)', run('lint', bin('eslint'), ['.']));
}

function unitTests() {
  const label = 'unit and scenario tests (vitest)';
  rmSync(VITEST_JSON, { force: true });
  const ok = run(label, bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`]);
  const report = rec(readJson(VITEST_JSON));
  if (!('numTotalTests' in report)) {
    record({ label, passed: 0, failed: 1, note: `no report at ${VITEST_JSON}` });
    return;
  }
  const files = Array.isArray(report.testResults) ? report.testResults.map(rec) : [];
  // A test file that fails to load has no assertions; count it as one failure so it cannot hide.
  const brokenFiles = files.filter((f) => f.status === 'failed' && !(Array.isArray(f.assertionResults) && f.assertionResults.length > 0)).length;
  const passed = count(report.numPassedTests);
  let failed = count(report.numFailedTests) + brokenFiles;
  if (!ok && failed === 0) failed = 1;
  record({ label, passed, failed, note: `${passed} tests passed, ${failed} failed` });
}

function build() {
  rmSync('dist', { recursive: true, force: true }); // the browser tests must never see a stale build
  recordStep('build (vite build)', run('build', bin('vite'), ['build', '--logLevel', 'warn']));
}

function chromiumProblem() {
  try {
    accessSync(CHROMIUM, constants.X_OK);
    return undefined;
  } catch {
    return `no Chromium at ${CHROMIUM} (run \`npm run pretest\`, or set CHROMIUM_PATH)`;
  }
}

function browserTests() {
  const label = 'browser tests (playwright)';
  const problem = chromiumProblem();
  if (problem) {
    record({ label, passed: 0, failed: 1, note: problem });
    return;
  }
  rmSync(PLAYWRIGHT_JSON, { force: true });
  const ok = run(label, bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON });
  const report = rec(readJson(PLAYWRIGHT_JSON));
  const stats = rec(report.stats);
  if (!('expected' in stats)) {
    record({ label, passed: 0, failed: 1, note: `no report at ${PLAYWRIGHT_JSON}` });
    return;
  }
  const passed = count(stats.expected);
  let failed = count(stats.unexpected) + count(stats.flaky);
  // Errors outside any test (the web server did not start, a spec failed to load) count once.
  if (failed === 0 && (!ok || (Array.isArray(report.errors) && report.errors.length > 0))) failed = 1;
  const skipped = count(stats.skipped);
  record({ label, passed, failed, note: `${passed} tests passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}` });
}

mkdirSync(REPORTS, { recursive: true });
typecheck();
lint();
unitTests();
build();
browserTests();

console.log('\nRecap:');
for (const r of results) console.log(`  ${r.failed === 0 ? '✔' : '✘'} ${r.label}: ${r.note}`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
