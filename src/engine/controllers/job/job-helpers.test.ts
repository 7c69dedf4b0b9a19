import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { duplicateIndexPods, firstPendingIndexes, formatIndexes, matchSuccessPolicy, parseIndexes } from './completion-indexes';
import { indexedGenerateName } from './job-pod-template';
import { nextBackoffRecord, remainingBackoffMs } from './pod-failure-backoff';
import { matchPodFailurePolicy } from './pod-failure-policy';

function pod(name: string, finishedAt: string, index?: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, annotations: index === undefined ? {} : { 'batch.kubernetes.io/job-completion-index': String(index) } },
    status: { containerStatuses: [{ state: { terminated: { finishedAt } } }] },
  };
}

describe('pod failure back-off', () => {
  const t0 = Date.parse('2025-09-01T09:00:10Z');

  it('waits 10s after the first failure, doubling per failure since the last success', () => {
    let record = nextBackoffRecord({ failuresAfterLastSuccess: 0 }, [], [pod('a', '2025-09-01T09:00:10Z')]);
    expect(remainingBackoffMs(record, t0 + 1000)).toBe(9000);
    expect(remainingBackoffMs(record, t0 + 10_000)).toBe(0);
    record = nextBackoffRecord(record, [], [pod('b', '2025-09-01T09:00:30Z')]);
    expect(record.failuresAfterLastSuccess).toBe(2);
    expect(remainingBackoffMs(record, Date.parse('2025-09-01T09:00:31Z'))).toBe(19_000);
  });

  it('is capped at 10 minutes and reset by a success', () => {
    const many = { failuresAfterLastSuccess: 12, lastFailureMs: t0 };
    expect(remainingBackoffMs(many, t0)).toBe(600_000);
    const reset = nextBackoffRecord(many, [pod('ok', '2025-09-01T09:01:00Z')], []);
    expect(reset.failuresAfterLastSuccess).toBe(0);
    expect(remainingBackoffMs(reset, t0)).toBe(0);
  });

  it('after a success counts only the failures that came later', () => {
    const r = nextBackoffRecord({ failuresAfterLastSuccess: 3, lastFailureMs: t0 }, [pod('ok', '2025-09-01T09:01:00Z')], [pod('x', '2025-09-01T09:00:50Z'), pod('y', '2025-09-01T09:01:05Z')]);
    expect(r).toEqual({ failuresAfterLastSuccess: 1, lastFailureMs: Date.parse('2025-09-01T09:01:05Z') });
  });
});

describe('completion indexes', () => {
  it('parses and formats intervals as status.completedIndexes does', () => {
    expect([...parseIndexes('1,3-5,9', 8)].sort()).toEqual([1, 3, 4, 5]);
    expect(formatIndexes([5, 0, 1, 2, 7, 8])).toBe('0-2,5,7-8');
    expect(formatIndexes([])).toBe('');
  });

  it('hands out the lowest indexes that are neither done nor running', () => {
    expect(firstPendingIndexes(new Set([0]), [pod('p1', '', 1)], 2, 5)).toEqual([2, 3]);
    expect(firstPendingIndexes(new Set([0, 1, 2]), [], 5, 3)).toEqual([]);
  });

  it('removes pods with a repeated, missing or out-of-range index', () => {
    const removed = duplicateIndexPods([pod('a', '', 0), pod('b', '', 0), pod('c', ''), pod('d', '', 9), pod('e', '', 1)], 4);
    expect(removed.map((p) => p.metadata.name)).toEqual(['b', 'c', 'd']);
  });

  it('names Indexed pods <job>-<index>-, cutting long job names', () => {
    expect(indexedGenerateName('work', 3)).toBe('work-3-');
    const long = 'x'.repeat(60);
    expect(indexedGenerateName(long, 12)).toBe(`${'x'.repeat(54)}-12-`);
  });
});

describe('pod failure policy', () => {
  const failed = (exitCode: number, conditions: Record<string, unknown>[] = []): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'work-abcde', namespace: 'default' },
    status: { phase: 'Failed', conditions, containerStatuses: [{ name: 'main', state: { terminated: { exitCode } } }] },
  });
  const policy = {
    rules: [
      { action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [42] } },
      { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] },
      { action: 'Count', onExitCodes: { operator: 'NotIn', values: [1] } },
    ],
  };

  it('the first matching rule decides', () => {
    expect(matchPodFailurePolicy(policy, failed(42))).toEqual({ countFailed: true, failJobMessage: 'Container main for pod default/work-abcde failed with exit code 42 matching FailJob rule at index 0' });
    expect(matchPodFailurePolicy(policy, failed(1, [{ type: 'DisruptionTarget', status: 'True' }]))).toEqual({ countFailed: false });
    expect(matchPodFailurePolicy(policy, failed(3))).toEqual({ countFailed: true });
    expect(matchPodFailurePolicy(undefined, failed(42))).toEqual({ countFailed: true });
  });
});

describe('success policy', () => {
  const policy = { rules: [{ succeededIndexes: '0,2-3', succeededCount: 2 }, { succeededCount: 5 }] };

  it('a rule is met by all its indexes, by succeededCount of them, or by a plain count', () => {
    expect(matchSuccessPolicy(policy, 10, new Set([2]))).toBeUndefined();
    expect(matchSuccessPolicy(policy, 10, new Set([0, 3]))).toBe('Matched rules at index 0');
    expect(matchSuccessPolicy({ rules: [{ succeededIndexes: '0,2-3' }] }, 10, new Set([0, 2, 3]))).toBe('Matched rules at index 0');
    expect(matchSuccessPolicy(policy, 10, new Set([4, 5, 6, 7, 8]))).toBe('Matched rules at index 1');
    expect(matchSuccessPolicy(undefined, 10, new Set([0, 1, 2]))).toBeUndefined();
  });
});
