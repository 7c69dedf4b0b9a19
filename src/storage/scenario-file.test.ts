import { describe, expect, it } from 'vitest';
import type { SavedLab } from '../engine/protocol';
import { decodeScenario, encodeScenario, scenarioFromFragment, scenarioLinkFragment } from './scenario-file';

const lab: SavedLab = {
  snapshot: { version: 1, seed: 7, nowMs: 1756717260000, files: { dirs: [], files: [['/home/learner/a.yaml', 'kind: Pod\n']] } },
  terminal: { cwd: '/home/learner/work', env: { A: 'b' }, aliases: { k: 'kubectl' }, history: ['ls'] },
  lesson: { lessonId: 'tour', current: 2, typed: ['kubectl get nodes'] },
};

describe('scenario files and links', () => {
  it('round-trips a lab through a file and through a link', async () => {
    const text = encodeScenario(lab);
    const decoded = decodeScenario(text);
    expect(decoded).toEqual({ ok: true, lab, dropped: [], preview: { virtualTimeMs: 1756717260000, cwd: '/home/learner/work', lessonId: 'tour' } });
    const fragment = await scenarioLinkFragment(text);
    expect(fragment).toMatch(/^#scenario=[A-Za-z0-9_-]+$/);
    expect(await scenarioFromFragment(fragment)).toEqual({ ok: true, text });
  });

  it('refuses what is not a scenario, in words, and keeps what it can of a damaged one', () => {
    expect(decodeScenario('{"kind": "kubelab-scenario"')).toMatchObject({ ok: false, error: expect.stringMatching(/^not a kubelab scenario: it is not JSON \(/) as string });
    expect(decodeScenario('{"apiVersion": "v1", "kind": "Pod"}')).toEqual({ ok: false, error: 'not a kubelab scenario: it has no "kind": "kubelab-scenario"' });
    expect(decodeScenario('{"kind": "kubelab-scenario", "format": 9, "lab": {}}')).toEqual({ ok: false, error: 'this scenario was made by a newer kubelab (format 9); this one reads format 1' });
    expect(decodeScenario('{"kind": "kubelab-scenario", "format": 1, "lab": {"format": 1, "snapshot": 3}}')).toEqual({ ok: false, error: 'its cluster cannot be read (the saved cluster (unreadable))' });
    const damaged = JSON.parse(encodeScenario(lab)) as { lab: { terminal: unknown } };
    damaged.lab.terminal = 'nope';
    const kept = decodeScenario(JSON.stringify(damaged).replace('"lab":{', '"lab":{"__proto__":{"polluted":true},'));
    expect(kept.ok).toBe(true);
    expect(kept.ok && kept.lab.terminal).toBeUndefined();
    expect(kept.ok && kept.dropped).toEqual(["the terminal's working directory, variables and aliases (unreadable)"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(decodeScenario('x'.repeat(20 * 1024 * 1024 + 1))).toEqual({ ok: false, error: 'the file is too big for a kubelab scenario (20.0 MB; at most 20 MB)' });
  });

  it('says a cut-short link is damaged', async () => {
    const fragment = await scenarioLinkFragment(encodeScenario(lab));
    expect(await scenarioFromFragment(fragment.slice(0, 40))).toEqual({ ok: false, error: 'the scenario in the link is damaged (it may have been cut short when copied)' });
    expect(await scenarioFromFragment('#lesson=tour')).toEqual({ ok: false, error: 'the link carries no scenario' });
  });
});
