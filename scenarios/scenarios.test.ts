/**
 * Scenario tests: every `*.sh` under scenarios/ is typed into a fresh simulation by the headless
 * runner, and its transcript must equal the `.out` file beside it byte for byte. A first line
 * `# kubelab: --seed N --empty --single-node` sets the runner's options.
 * Set UPDATE_SCENARIOS=1 to rewrite the expected transcripts (then review the diff in git).
 */
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript, type RunOptions } from '../src/engine/scenario/runner';

const root = new URL('.', import.meta.url).pathname;

/** Folders whose scripts are not transcript tests (the differential scripts compare two kubectls instead). */
const OTHER_SUITES = new Set(['differential']);

function scripts(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return OTHER_SUITES.has(name) ? [] : scripts(path);
      return name.endsWith('.sh') ? [path] : [];
    })
    .sort();
}

export function optionsOf(script: string): RunOptions {
  const header = /^# kubelab:(.*)$/m.exec(script.split('\n')[0] ?? '');
  const options: RunOptions = {};
  if (!header) return options;
  const words = (header[1] ?? '').trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    if (words[i] === '--seed') options.seed = Number(words[++i]);
    if (words[i] === '--empty') options.cluster = 'empty';
    if (words[i] === '--single-node') options.cluster = 'single-node';
  }
  return options;
}

describe('scenario transcripts', () => {
  for (const path of scripts(root)) {
    it(relative(root, path), () => {
      const script = readFileSync(path, 'utf8');
      const actual = runScript(script, optionsOf(script));
      const expectedPath = path.replace(/\.sh$/, '.out');
      if (process.env.UPDATE_SCENARIOS === '1' || !existsSync(expectedPath)) {
        if (process.env.CI === 'true' && !existsSync(expectedPath)) throw new Error(`missing expected transcript ${expectedPath}`);
        writeFileSync(expectedPath, actual);
      }
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});
