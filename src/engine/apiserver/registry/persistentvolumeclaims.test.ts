import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';

describe('DefaultStorageClass admission', () => {
  const claim = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec } });

  it('gives a claim without a class the default class, and leaves "" and explicit classes alone', () => {
    const sim = createSimulation({ seed: 3 });
    const create = (body: unknown) => (sim.api.request({ method: 'POST', path: '/api/v1/namespaces/default/persistentvolumeclaims', body, userAgent: 'test' }).body as { spec: { storageClassName?: string } }).spec.storageClassName;
    expect(create(claim('a', {}))).toBe('standard');
    expect(create(claim('b', { storageClassName: '' }))).toBe('');
    expect(create(claim('c', { storageClassName: 'fast' }))).toBe('fast');
  });
});
