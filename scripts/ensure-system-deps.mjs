#!/usr/bin/env node
// `npm test`'s pretest step: the browser tests need Debian's Chromium and a Korean font.
// Installs them with apt-get when missing and we are root; otherwise says the one command to run.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasKoreanFont = () => spawnSync('sh', ['-c', 'fc-list :lang=ko | grep -q .']).status === 0;
const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (!hasKoreanFont()) missing.push('fonts-nanum');
if (missing.length === 0) process.exit(0);

const command = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.join(' ')}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
if (isRoot && hasApt) {
  console.log(`pretest: installing ${missing.join(', ')} ...`);
  execSync(command, { stdio: 'inherit' });
  process.exit(0);
}
console.error(`pretest: the browser tests need ${missing.join(' and ')}. Install with:\n  sudo sh -c '${command}'`);
process.exit(process.env.CI === 'true' ? 1 : 0);
