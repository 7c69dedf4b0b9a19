import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import type { Client, EventDetails, EventRecorder } from '../../client';
import { pod } from '../testing/fixtures';
import { prepareCandidate } from './preemption-executor';

/** Records the API calls prepareCandidate makes, answering each with success. */
function recorder() {
  const calls: unknown[][] = [];
  const ok = { ok: true as const, value: {} as KubeObject };
  const client = {
    patch: (ref: { name?: string; subresource?: string }, type: string, body: unknown) => (calls.push(['patch', ref.name, ref.subresource, type, body]), ok),
    delete: (ref: { name?: string }, options?: unknown) => (calls.push(['delete', ref.name, options]), ok),
  } as unknown as Client;
  const events = { record: (o: KubeObject, d: EventDetails) => calls.push(['event', o.metadata.name, d]) } as unknown as EventRecorder;
  return { calls, client, events };
}

describe('prepareCandidate', () => {
  it('clears lower-priority nominations, then marks each victim DisruptionTarget, deletes it and records Preempted', () => {
    const { calls, client, events } = recorder();
    const preemptor = { ...pod('urgent', {}, { priority: 1000 }), metadata: { name: 'urgent', namespace: 'default', uid: 'u-1' } };
    const victim = pod('victim', {}, { priority: 0 });
    const gone = { ...pod('gone', {}, { priority: 0 }), metadata: { name: 'gone', namespace: 'default', uid: 'g', deletionTimestamp: '2025-01-01T00:00:00Z' } };
    const nominatedLow = { ...pod('waiting-low', {}, { priority: 10 }), status: { nominatedNodeName: 'w1' } };
    const nominatedHigh = { ...pod('waiting-high', {}, { priority: 2000 }), status: { nominatedNodeName: 'w1' } };
    prepareCandidate({ client, events, nowMs: Date.UTC(2025, 0, 1, 0, 0, 10), nominatedPods: () => [nominatedLow, nominatedHigh, preemptor] }, { nodeName: 'w1', victims: { pods: [victim, gone], numPDBViolations: 0 } }, preemptor);
    expect(calls).toEqual([
      ['patch', 'waiting-low', 'status', 'strategic', { status: { nominatedNodeName: null } }],
      ['patch', 'victim', 'status', 'merge', { status: { conditions: [{ type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:10Z', reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod' }] } }],
      ['delete', 'victim', undefined],
      ['event', 'victim', { type: 'Normal', reason: 'Preempted', action: 'Preempting', note: 'Preempted by pod u-1 on node w1' }],
    ]);
  });
});
