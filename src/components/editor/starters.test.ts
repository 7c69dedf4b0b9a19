import { describe, expect, it } from 'vitest';
import { applyHeadless } from './apply-headless.test-support';
import { STARTER_MANIFESTS } from './starters';

describe('starter manifests', () => {
  it.each(STARTER_MANIFESTS.map((s) => [s.title, s.yaml]))('%s applies cleanly to a fresh kind cluster', (_title, yaml) => {
    const { output, exitCode } = applyHeadless(yaml);
    expect(exitCode, output).toBe(0);
    expect(output).toMatch(/^(\S+ created\n)+$/);
  });
});
