import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/meta';
import { admissionRejection } from './admission';

const node: KubeObject = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'n', labels: { 'kubernetes.io/os': 'linux' } },
  spec: {},
  status: { allocatable: { cpu: '2', memory: '1Gi', pods: '2', 'ephemeral-storage': '10Gi' } },
};

function pod(name: string, requests: Record<string, string> = {}, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: name },
    spec: { nodeName: 'n', containers: [{ name: 'c', image: 'nginx', resources: { requests } }], ...extra },
  };
}

describe('kubelet admission', () => {
  it('names the resource, the request, what is used and the capacity', () => {
    expect(admissionRejection(pod('a', { memory: '2Gi' }), node, [], false)).toEqual({
      reason: 'OutOfmemory',
      message: "Node didn't have enough resource: memory, requested: 2147483648, used: 0, capacity: 1073741824",
    });
    expect(admissionRejection(pod('b', { cpu: '1500m' }), node, [pod('x', { cpu: '1' })], false)?.message).toBe("Node didn't have enough resource: cpu, requested: 1500, used: 1000, capacity: 2000");
  });

  it('checks the pod count first', () => {
    expect(admissionRejection(pod('c', { cpu: '5' }), node, [pod('x'), pod('y')], false)?.reason).toBe('OutOfpods');
  });

  it('ignores extended resources the node does not list, but not native ones', () => {
    expect(admissionRejection(pod('d', { 'example.com/dongle': '1' }), node, [], false)).toBeUndefined();
    expect(admissionRejection(pod('e', { 'hugepages-2Mi': '2Mi' }), node, [], false)?.reason).toBe('OutOfhugepages-2Mi');
  });

  it('rejects another OS, an unmatched node selector and an untolerated NoExecute taint (not for static pods)', () => {
    expect(admissionRejection({ ...pod('f'), metadata: { ...pod('f').metadata, labels: { 'kubernetes.io/os': 'windows' } } }, node, [], false)?.reason).toBe('PodOSSelectorNodeLabelDoesNotMatch');
    expect(admissionRejection(pod('g', {}, { nodeSelector: { disk: 'ssd' } }), node, [], false)).toEqual({
      reason: 'NodeAffinity',
      message: "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector",
    });
    const tainted = { ...node, spec: { taints: [{ key: 'k', effect: 'NoExecute' }] } };
    expect(admissionRejection(pod('h'), tainted, [], false)?.reason).toBe('TaintToleration');
    expect(admissionRejection(pod('h'), tainted, [], true)).toBeUndefined();
  });
});
