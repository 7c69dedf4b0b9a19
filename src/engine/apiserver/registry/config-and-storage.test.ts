import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';

function lab() {
  const sim = createSimulation({ seed: 9 });
  return (path: string, body: unknown) => sim.api.request({ method: 'POST', path, body, userAgent: 'test' });
}

describe('defaults for namespaces, secrets and claims', () => {
  it('makes a new namespace Active whatever status the client sent', () => {
    const r = lab()('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' }, spec: {}, status: {} });
    expect((r.body as { status: unknown }).status).toEqual({ phase: 'Active' });
  });

  it('gives a Secret without a type the type Opaque', () => {
    const r = lab()('/api/v1/namespaces/default/secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, data: { password: 'czNjcmV0' } });
    expect((r.body as { type: unknown }).type).toBe('Opaque');
  });

  it('gives a claim without storageClassName the default class, and keeps an explicit ""', () => {
    const call = lab();
    const claim = (name: string, spec: Record<string, unknown>) => call('/api/v1/namespaces/default/persistentvolumeclaims', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec } });
    expect((claim('data', {}).body as { spec: { storageClassName?: string } }).spec.storageClassName).toBe('standard');
    expect((claim('none', { storageClassName: '' }).body as { spec: { storageClassName?: string } }).spec.storageClassName).toBe('');
  });
});
