import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { formatFieldError } from '../field-errors';
import { semanticEqual, validatePodUpdate } from './pod-update';

function pod(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } };
}

const messages = (next: KubeObject, previous: KubeObject) => validatePodUpdate(next, previous).map(formatFieldError);

describe('validatePodUpdate', () => {
  it('treats empty and absent lists as equal, and nothing else', () => {
    expect(semanticEqual({ a: [] }, {})).toBe(true);
    expect(semanticEqual({ a: [1] }, {})).toBe(false);
    expect(semanticEqual({ a: { b: 1 } }, { a: { b: 2 } })).toBe(false);
  });

  it('lets images change and nothing else in the containers', () => {
    expect(messages(pod({ containers: [{ name: 'c', image: 'nginx:2' }] }), pod({}))).toEqual([]);
    const [message] = messages(pod({ containers: [{ name: 'c', image: 'nginx', args: ['-g'] }] }), pod({}));
    expect(message).toMatch(/^spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,/);
    expect(message).toContain('+ \t\t\tArgs: {"-g"},');
  });

  it('allows a negative grace period to become 1, no other change to it', () => {
    expect(messages(pod({ terminationGracePeriodSeconds: 1 }), pod({ terminationGracePeriodSeconds: -1 }))).toEqual([]);
    expect(messages(pod({ terminationGracePeriodSeconds: 5 }), pod({ terminationGracePeriodSeconds: 30 }))[0]).toContain('TerminationGracePeriodSeconds: 30,');
  });

  it('lets scheduling gates go but not come, and a gated pod gain nodeSelector entries', () => {
    const gated = pod({ schedulingGates: [{ name: 'a' }], nodeSelector: { zone: 'x' } });
    expect(messages(pod({ nodeSelector: { zone: 'x', disk: 'ssd' } }), gated)).toEqual([]);
    expect(messages(pod({ schedulingGates: [{ name: 'a' }, { name: 'b' }], nodeSelector: { zone: 'x' } }), gated)).toEqual([
      "spec.schedulingGates[1].name: Forbidden: only deletion is allowed, but found new scheduling gate 'b'",
    ]);
    expect(messages(pod({ nodeSelector: { zone: 'y' } }), gated)[0]).toContain('NodeSelector');
    expect(messages(pod({ nodeSelector: { disk: 'ssd' } }), pod({}))[0]).toContain('+ \tNodeSelector: {"disk": "ssd"},');
  });

  it('stops at a changed number of containers', () => {
    expect(messages(pod({ containers: [] }), pod({}))).toEqual(['spec.containers: Forbidden: pod updates may not add or remove containers']);
  });
});
