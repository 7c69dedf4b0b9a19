import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { podPrinter, podSummary } from './pods';

const NOW = Date.parse('2025-09-01T10:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString().replace('.000Z', 'Z');

function pod(spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', creationTimestamp: ago(300_000), ...meta }, spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec }, status };
}

const running = { running: { startedAt: ago(60_000) } };
const two = { containers: [{ name: 'app', image: 'nginx' }, { name: 'side', image: 'busybox' }] };

describe('pod READY, STATUS and RESTARTS (printPod)', () => {
  it.each<[string, KubeObject, string, string, string]>([
    ['an unscheduled pod', pod({}, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }] }), '0/1', 'Pending', '0'],
    ['a gated pod', pod({}, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), '0/1', 'SchedulingGated', '0'],
    ['a pod whose sandbox is being created', pod({}, { phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] }), '0/1', 'ContainerCreating', '0'],
    ['a running pod', pod({}, { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running }] }), '1/1', 'Running', '0'],
    ['a running container that is not ready', pod({}, { phase: 'Running', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: running }] }), '0/1', 'Running', '0'],
    [
      'a crash-looping pod',
      pod({}, { phase: 'Running', containerStatuses: [{ name: 'app', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(45_000) } } }] }),
      '0/1',
      'CrashLoopBackOff',
      '3 (45s ago)',
    ],
    ['restarts without a last termination time', pod({}, { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 2, state: running }] }), '1/1', 'Running', '2'],
    ['a completed pod', pod({}, { phase: 'Succeeded', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }), '0/1', 'Completed', '0'],
    ['a container killed without a reason', pod({}, { phase: 'Failed', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 137 } } }] }), '0/1', 'ExitCode:137', '0'],
    ['a container killed by a signal', pod({}, { phase: 'Failed', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, signal: 9 } } }] }), '0/1', 'Signal:9', '0'],
    [
      'the first container dominates',
      pod(two, { phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'ErrImagePull' } } }, { name: 'side', ready: true, restartCount: 0, state: running }] }),
      '1/2',
      'ErrImagePull',
      '0',
    ],
    [
      'a completed container next to a running one',
      pod(two, { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }, { name: 'side', ready: true, restartCount: 0, state: running }] }),
      '1/2',
      'NotReady',
      '0',
    ],
    [
      'a pending init container',
      pod({ initContainers: [{ name: 'init', image: 'busybox' }] }, { phase: 'Pending', initContainerStatuses: [{ name: 'init', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }] }),
      '0/1',
      'Init:0/1',
      '0',
    ],
    [
      'a crash-looping init container',
      pod({ initContainers: [{ name: 'init', image: 'busybox' }] }, { phase: 'Pending', initContainerStatuses: [{ name: 'init', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: ago(30_000) } } }] }),
      '0/1',
      'Init:CrashLoopBackOff',
      '4 (30s ago)',
    ],
    [
      'a failed init container',
      pod({ initContainers: [{ name: 'init', image: 'busybox' }] }, { phase: 'Failed', initContainerStatuses: [{ name: 'init', ready: false, restartCount: 0, state: { terminated: { exitCode: 2, reason: 'Error' } } }] }),
      '0/1',
      'Init:Error',
      '0',
    ],
    [
      'a running sidecar counts toward READY',
      pod(
        { initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }] },
        {
          phase: 'Running',
          conditions: [{ type: 'Initialized', status: 'True' }],
          initContainerStatuses: [{ name: 'proxy', ready: true, started: true, restartCount: 1, state: running, lastState: { terminated: { exitCode: 1, finishedAt: ago(120_000) } } }],
          containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running }],
        },
      ),
      '2/2',
      'Running',
      '1 (2m ago)',
    ],
    ['a terminating pod', pod({}, { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running }] }, { deletionTimestamp: ago(5_000) }), '1/1', 'Terminating', '0'],
    ['a finished pod being deleted', pod({}, { phase: 'Succeeded', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }, { deletionTimestamp: ago(5_000) }), '0/1', 'Completed', '0'],
    ['a pod on a lost node', pod({}, { phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: ago(5_000) }), '0/1', 'Unknown', '0'],
    ['an evicted pod', pod({}, { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' }), '0/1', 'Evicted', '0'],
  ])('%s', (_title, p, ready, status, restarts) => {
    expect(podSummary(p, NOW)).toEqual({ ready, reason: status, restarts });
  });
});

describe('pod row', () => {
  it('fills the wide cells and marks finished pods Completed', () => {
    const p = pod(
      { nodeName: 'kind-worker', readinessGates: [{ conditionType: 'example.com/ready' }] },
      { phase: 'Succeeded', podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }], conditions: [{ type: 'example.com/ready', status: 'True' }] },
      { name: 'job-x' },
    );
    expect(podPrinter.row(p, NOW)).toEqual({
      cells: ['job-x', '0/1', 'Succeeded', '0', '5m', '10.244.1.5', 'kind-worker', '<none>', '1/1'],
      conditions: [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }],
    });
  });

  it('never throws on odd shapes', () => {
    const odd = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'odd' }, spec: 'nope', status: { containerStatuses: [null, 3, { state: 'x' }] } } as unknown as KubeObject;
    expect(podPrinter.row(odd, NOW).cells).toEqual(['odd', '0/0', '', '0', '<unknown>', '<none>', '<none>', '<none>', '<none>']);
  });
});
