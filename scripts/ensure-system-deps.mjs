#!/usr/bin/env node
// `npm test`'s pretest step. The browser tests need Debian's Chromium (Playwright never downloads a
// browser here) and a Korean font (without one, the Korean UI text renders as boxes).
// Missing either: as root with apt-get, install both; otherwise print the one command to run, and
// fail under CI=true (where the browser tests must run) while letting a local `npm test` go on.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const APT_PACKAGES = ['chromium', 'fonts-nanum'];
const INSTALL = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${APT_PACKAGES.join(' ')}`;

/** @param {string} script */
const shellSucceeds = (script) => spawnSync('sh', ['-c', script], { stdio: 'ignore' }).status === 0;

function hasChromium() {
  try {
    accessSync(chromium, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const hasKoreanFont = () => shellSucceeds('fc-list :lang=ko | grep -q .');

function missingThings() {
  const missing = [];
  if (!hasChromium()) missing.push(`Chromium (${chromium})`);
  if (!hasKoreanFont()) missing.push('a Korean font');
  return missing;
}

/** Ends the step as failed; under CI also prints the closing count line the test runner would have. @param {string} message */
function fail(message) {
  console.error(`pretest: ${message}`);
  if (process.env.CI === 'true') {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  console.error('pretest: continuing; the browser tests will fail until this is fixed.');
  process.exit(0);
}

const missing = missingThings();
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !shellSucceeds('command -v apt-get')) {
  fail(`the browser tests need ${missing.join(' and ')}. Install with:\n  sudo sh -c '${INSTALL}'`);
}

console.log(`pretest: installing ${APT_PACKAGES.join(', ')} (missing: ${missing.join(', ')}) ...`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', ...APT_PACKAGES]]) {
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (result.status !== 0) fail(`\`apt-get ${args.join(' ')}\` failed (exit ${String(result.status)}).`);
}
const stillMissing = missingThings();
if (stillMissing.length > 0) fail(`still missing after apt-get: ${stillMissing.join(', ')}.`);
console.log('pretest: system dependencies installed.');
