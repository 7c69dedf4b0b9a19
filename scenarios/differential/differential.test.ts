/**
 * Real kubectl v1.34 against `kubelab serve`, and the in-lab kubectl against the same simulated
 * cluster, run every script under scenarios/differential/scripts from the same seed: for each
 * command the two outputs must be equal (after masking only what cannot agree; see harness.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareScript } from './harness';
import { unifiedDiff } from './diff';

const dir = new URL('./scripts/', import.meta.url).pathname;

describe('real kubectl and the in-lab kubectl print the same', () => {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.sh')).sort()) {
    it(name, async () => {
      const results = await compareScript(readFileSync(join(dir, name), 'utf8'));
      const differing = results.filter((r) => r.ours !== r.real);
      const report = differing.map((r) => `line ${r.block.line}: ${r.block.text.split('\n')[0]}\n${unifiedDiff(r.real, r.ours)}`).join('\n\n');
      expect(report).toBe('');
      // Guards against a harness that compares nothing.
      expect(results.length).toBeGreaterThan(5);
    }, 300_000);
  }
});
