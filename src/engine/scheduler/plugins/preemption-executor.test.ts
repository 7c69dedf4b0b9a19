import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { SimLoop } from '../../clock';
import type { Client, EventDetails, EventRecorder } from '../../client';
import { pod } from '../testing/fixtures';
import { AsyncPreemption, prepareCandidate, type ExecutorContext } from './preemption-executor';

const NOW_MS = Date.UTC(2025, 0, 1, 0, 0, 10);

/** Records the API calls the executor makes, answering each with success (or 500 for `failing`). */
function recorder(failing = new Set<string>()) {
  const calls: unknown[][] = [];
  const ok = { ok: true as const, value: {} as KubeObject };
  const client = {
    patch: (ref: { name?: string; subresource?: string }, type: string, body: unknown) => (calls.push(['patch', ref.name, ref.subresource, type, body]), failing.has(ref.name ?? '') ? { ok: false, code: 500 } : ok),
    delete: (ref: { name?: string }, options?: unknown) => (calls.push(['delete', ref.name, options]), ok),
  } as unknown as Client;
  const events = { record: (o: KubeObject, d: EventDetails) => calls.push(['event', o.metadata.name, d]) } as unknown as EventRecorder;
  return { calls, client, events };
}

const preemptor = { ...pod('urgent', {}, { priority: 1000 }), metadata: { name: 'urgent', namespace: 'default', uid: 'u-1' } };
const nominatedLow = { ...pod('waiting-low', {}, { priority: 10 }), status: { nominatedNodeName: 'w1' } };
const nominatedHigh = { ...pod('waiting-high', {}, { priority: 2000 }), status: { nominatedNodeName: 'w1' } };
const condition = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:10Z', reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod' };
const preempted = (name: string) => [
  ['patch', name, 'status', 'merge', { status: { conditions: [condition] } }],
  ['delete', name, undefined],
  ['event', name, { type: 'Normal', reason: 'Preempted', action: 'Preempting', note: 'Preempted by pod u-1 on node w1' }],
];
const clearLow = ['patch', 'waiting-low', 'status', 'strategic', { status: { nominatedNodeName: null } }];

describe('prepareCandidate (synchronous)', () => {
  it('marks each victim DisruptionTarget, deletes it and records Preempted, then clears lower-priority nominations', () => {
    const { calls, client, events } = recorder();
    const victim = pod('victim', {}, { priority: 0 });
    const gone = { ...pod('gone', {}, { priority: 0 }), metadata: { name: 'gone', namespace: 'default', uid: 'g', deletionTimestamp: '2025-01-01T00:00:00Z' } };
    prepareCandidate({ client, events, nowMs: NOW_MS, nominatedPods: () => [nominatedLow, nominatedHigh, preemptor] }, { nodeName: 'w1', victims: { pods: [victim, gone], numPDBViolations: 0 } }, preemptor);
    expect(calls).toEqual([...preempted('victim'), clearLow]);
  });
});

describe('AsyncPreemption (SchedulerAsyncPreemption)', () => {
  function setup(failing?: Set<string>) {
    const loop = new SimLoop(NOW_MS);
    const { calls, client, events } = recorder(failing);
    const gatedAtDelete: boolean[] = [];
    const activated: string[] = [];
    const probe = () => executor.isPodRunningPreemption('u-1');
    // Observe the gate at the moment each delete is sent.
    const observing = { ...client, delete: (ref: never, o: never) => (gatedAtDelete.push(probe()), client.delete(ref, o)) } as unknown as Client;
    const context = (): ExecutorContext => ({ client: observing, events, nowMs: loop.nowMs(), nominatedPods: () => [nominatedLow, nominatedHigh, preemptor] });
    const executor = new AsyncPreemption({ loop, context, activate: (p) => activated.push(String(p.metadata.name)) });
    return { loop, calls, executor, gatedAtDelete, activated, probe };
  }

  it('only marks the preemptor during the cycle; the calls run in a later loop task, the gate opening before the last victim goes', () => {
    const { loop, calls, executor, gatedAtDelete, probe } = setup();
    executor.prepareCandidateAsync({ nodeName: 'w1', victims: { pods: [pod('v1', {}, { priority: 0 }), pod('v2', {}, { priority: 0 })], numPDBViolations: 0 } }, preemptor);
    expect(calls).toEqual([]);
    expect(probe()).toBe(true);
    loop.drainTasks();
    expect(calls).toEqual([clearLow, ...preempted('v1'), ...preempted('v2')]);
    // v1 was deleted while the preemptor was still gated, v2 after the gate opened.
    expect(gatedAtDelete).toEqual([true, false]);
    expect(probe()).toBe(false);
  });

  it('activates the preemptor again when an API call fails', () => {
    const { loop, executor, activated, probe } = setup(new Set(['v1']));
    executor.prepareCandidateAsync({ nodeName: 'w1', victims: { pods: [pod('v1', {}, { priority: 0 })], numPDBViolations: 0 } }, preemptor);
    loop.drainTasks();
    expect(activated).toEqual(['urgent']);
    expect(probe()).toBe(false);
  });
});
