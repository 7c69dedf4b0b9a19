/**
 * The engine must be deterministic: no host time, host randomness or host timers anywhere in
 * src/engine (formatting a given virtual time with `new Date(ms)` is fine). ESLint enforces the
 * same rule while editing; this test keeps it true in CI whatever the lint configuration.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const engine = new URL('.', import.meta.url).pathname;
const BANNED: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew Date\(\s*\)/, 'new Date() without a virtual time'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\b(setTimeout|setInterval|setImmediate|queueMicrotask|requestAnimationFrame)\s*\(/, 'host timers'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
  [/\bcrypto\.(getRandomValues|randomUUID)\s*\(/, 'host randomness'],
  [/\bprocess\.hrtime\b/, 'process.hrtime'],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.ts$/.test(n) && !/\.test\.ts$/.test(n) ? [p] : [];
  });
}

describe('engine determinism', () => {
  it('reads no host time, host randomness or host timers', () => {
    const hits: string[] = [];
    for (const file of sources(engine)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          for (const [re, what] of BANNED) if (re.test(code)) hits.push(`${relative(engine, file)}:${i + 1}: ${what}`);
        });
    }
    expect(hits).toEqual([]);
  });
});
