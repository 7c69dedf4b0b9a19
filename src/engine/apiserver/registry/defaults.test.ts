import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';

function lab() {
  const sim = createSimulation({ seed: 9 });
  return (path: string, body: unknown) => sim.api.request({ method: 'POST', path, body, userAgent: 'test' });
}

describe('defaults for namespaces and secrets', () => {
  it('makes a new namespace Active whatever status the client sent', () => {
    const r = lab()('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' }, spec: {}, status: {} });
    expect((r.body as { status: unknown }).status).toEqual({ phase: 'Active' });
  });

  it('gives a Secret without a type the type Opaque', () => {
    const r = lab()('/api/v1/namespaces/default/secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, data: { password: 'czNjcmV0' } });
    expect((r.body as { type: unknown }).type).toBe('Opaque');
  });
});
