import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { calculateStatus, failedCreateConditions, newCondition, newReplicaSetConditions, pausedConditions, setCondition, stuckRequeueDelayMs, withRolloutProgress, type DeploymentCondition } from './progressing';

const T0 = '2025-09-01T09:00:00Z';
const T1 = '2025-09-01T09:00:10Z';
const T1_MS = Date.parse(T1);

function deployment(spec: Record<string, unknown> = {}, status: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', generation: 2 }, spec: { replicas: 2, progressDeadlineSeconds: 600, ...spec }, status };
}

function replicaSet(name: string, replicas: number, status: Record<string, unknown>): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, namespace: 'default' }, spec: { replicas }, status };
}

const progressing = (reason: string, status: DeploymentCondition['status'] = 'True', at = T0): DeploymentCondition => newCondition('Progressing', status, reason, 'm', at);
const available = (at = T0): DeploymentCondition => newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', at);

describe('SetDeploymentCondition', () => {
  it('leaves a condition with the same status and reason alone, message and times included', () => {
    const before = [available(), progressing('ReplicaSetUpdated')];
    const after = setCondition(before, { ...progressing('ReplicaSetUpdated', 'True', T1), message: 'other' });
    expect(after).toEqual(before);
  });

  it('keeps lastTransitionTime for the same status and moves the replaced condition to the end', () => {
    const after = setCondition([progressing('ReplicaSetUpdated'), available()], newCondition('Progressing', 'True', 'NewReplicaSetAvailable', 'done', T1));
    expect(after.map((c) => c.type)).toEqual(['Available', 'Progressing']);
    expect(after[1]).toMatchObject({ reason: 'NewReplicaSetAvailable', lastTransitionTime: T0, lastUpdateTime: T1 });
  });

  it('starts a new lastTransitionTime when the status changes', () => {
    const [c] = setCondition([progressing('ReplicaSetUpdated')], newCondition('Progressing', 'False', 'ProgressDeadlineExceeded', 'x', T1));
    expect(c).toMatchObject({ lastTransitionTime: T1, lastUpdateTime: T1 });
  });
});

describe('pause, resume and the new ReplicaSet', () => {
  it('records a pause and a resume as Unknown, with kubernetes wording', () => {
    const paused = pausedConditions(deployment({ paused: true }, { conditions: [available(), progressing('NewReplicaSetAvailable')] }), T1);
    expect(paused?.[1]).toEqual({ type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused', lastTransitionTime: T1, lastUpdateTime: T1 });
    expect(pausedConditions(deployment({ paused: true }, { conditions: paused }), T1)).toBeUndefined();
    const resumed = pausedConditions(deployment({}, { conditions: paused }), T1);
    expect(resumed?.[1]).toMatchObject({ status: 'Unknown', reason: 'DeploymentResumed', message: 'Deployment is resumed' });
  });

  it('never replaces ProgressDeadlineExceeded with a pause, and records nothing without a deadline', () => {
    expect(pausedConditions(deployment({ paused: true }, { conditions: [progressing('ProgressDeadlineExceeded', 'False')] }), T1)).toBeUndefined();
    expect(pausedConditions(deployment({ paused: true, progressDeadlineSeconds: undefined }), T1)).toBeUndefined();
    expect(pausedConditions(deployment({ paused: true, progressDeadlineSeconds: 2147483647 }), T1)).toBeUndefined();
  });

  it('says Created new replica set on creation and Found new replica set only when no Progressing condition exists', () => {
    expect(newReplicaSetConditions(deployment(), 'web-abc', true, T0)).toEqual([{ type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: 'Created new replica set "web-abc"', lastTransitionTime: T0, lastUpdateTime: T0 }]);
    expect(newReplicaSetConditions(deployment(), 'web-abc', false, T0)?.[0]).toMatchObject({ reason: 'FoundNewReplicaSet', message: 'Found new replica set "web-abc"' });
    expect(newReplicaSetConditions(deployment({}, { conditions: [progressing('ReplicaSetUpdated')] }), 'web-abc', false, T0)).toBeUndefined();
  });
});

describe('a failed ReplicaSet creation', () => {
  it('reports the API error as Progressing False ReplicaSetCreateError', () => {
    const conditions = failedCreateConditions(deployment({}, { conditions: [available(), progressing('NewReplicaSetAvailable')] }), 'web-abc', 'replicasets.apps "web-abc" is forbidden: denied', T1);
    expect(conditions?.[1]).toEqual({ type: 'Progressing', status: 'False', reason: 'ReplicaSetCreateError', message: 'Failed to create new replica set "web-abc": replicasets.apps "web-abc" is forbidden: denied', lastTransitionTime: T1, lastUpdateTime: T1 });
    expect(failedCreateConditions(deployment({ progressDeadlineSeconds: undefined }), 'web-abc', 'x', T1)).toBeUndefined();
  });
});

describe('calculateStatus and the rollout estimate', () => {
  const newRS = replicaSet('web-new', 2, { replicas: 1, readyReplicas: 0, availableReplicas: 0 });
  const oldRS = replicaSet('web-old', 1, { replicas: 1, readyReplicas: 1, availableReplicas: 1 });

  it('counts unavailable replicas against the ReplicaSets spec and sets Available by maxUnavailable', () => {
    const status = calculateStatus(deployment(), [newRS, oldRS], newRS, T1);
    expect(status).toMatchObject({ replicas: 2, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1, unavailableReplicas: 2, observedGeneration: 2 });
    // 25% of 2 rounds down to 0 unavailable, so 1 of 2 available is not enough.
    expect(status.conditions?.[0]).toMatchObject({ type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });
    const recreate = calculateStatus(deployment({ strategy: { type: 'Recreate' } }), [oldRS], undefined, T1);
    expect(recreate.conditions?.[0]).toMatchObject({ reason: 'MinimumReplicasUnavailable' });
  });

  it('refreshes ReplicaSetUpdated on progress, keeping the transition time', () => {
    const d = deployment({}, { replicas: 1, conditions: [progressing('NewReplicaSetCreated')] });
    const status = withRolloutProgress(d, calculateStatus(d, [newRS, oldRS], newRS, T1), 'web-new', T1, T1_MS);
    expect(status.conditions?.find((c) => c.type === 'Progressing')).toEqual({ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'ReplicaSet "web-new" is progressing.', lastTransitionTime: T0, lastUpdateTime: T1 });
    expect(status.conditions?.map((c) => c.type)).toEqual(['Available', 'Progressing']);
  });

  it('times out after progressDeadlineSeconds without progress, and requeues until then', () => {
    const d = deployment({ progressDeadlineSeconds: 5 }, { replicas: 2, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1, conditions: [progressing('ReplicaSetUpdated', 'True', T0)] });
    const calc = calculateStatus(d, [newRS, oldRS], newRS, T1);
    const status = withRolloutProgress(d, calc, 'web-new', T1, T1_MS);
    expect(status.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-new" has timed out progressing.', lastTransitionTime: T1 });
    const early = withRolloutProgress(d, calc, 'web-new', T1, Date.parse(T0) + 2000);
    expect(early.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    expect(stuckRequeueDelayMs(d, early, Date.parse(T0) + 2000)).toBe(4000);
  });

  it('completes with NewReplicaSetAvailable and then stops estimating', () => {
    const done = replicaSet('web-new', 2, { replicas: 2, readyReplicas: 2, availableReplicas: 2 });
    const d = deployment({}, { replicas: 2, updatedReplicas: 1, conditions: [available(), progressing('ReplicaSetUpdated')] });
    const status = withRolloutProgress(d, calculateStatus(d, [done], done, T1), 'web-new', T1, T1_MS);
    expect(status.conditions?.[1]).toMatchObject({ reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "web-new" has successfully progressed.' });
    const later = deployment({}, { ...status });
    expect(withRolloutProgress(later, calculateStatus(later, [done], done, T1), 'web-new', T1, T1_MS + 3_600_000).conditions).toEqual(status.conditions);
    expect(stuckRequeueDelayMs(later, status, T1_MS)).toBeUndefined();
  });

  it('drops Progressing when the deadline is removed', () => {
    const d = deployment({ progressDeadlineSeconds: undefined }, { conditions: [available(), progressing('ReplicaSetUpdated')] });
    expect(withRolloutProgress(d, calculateStatus(d, [oldRS], undefined, T1), undefined, T1, T1_MS).conditions?.map((c) => c.type)).toEqual(['Available']);
  });
});
