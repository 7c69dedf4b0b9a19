/**
 * Random HTTP requests to `kubelab serve`: whatever the method, path, headers and body, the server
 * answers (never hangs or crashes), errors are Kubernetes Status objects, and the cluster's objects
 * are untouched unless a request was a valid write.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulation } from '../engine';
import { startServer, type RunningServer } from './serve';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, speed: 0, sim: createSimulation({ seed: 9 }) });
});

afterAll(async () => {
  await server.close();
});

const paths = fc.oneof(
  fc.constantFrom('/api', '/apis', '/api/v1', '/api/v1/pods', '/api/v1/namespaces/default/pods', '/api/v1/namespaces/default/pods/x', '/apis/apps/v1/namespaces/default/deployments', '/openapi/v3', '/openapi/v2', '/version', '/', '/api/v1/nodes/kind-worker/status', '/api/v1/namespaces/default/pods/x/log'),
  fc.string({ maxLength: 40 }).map((s) => `/${encodeURIComponent(s)}`),
);
const bodies = fc.oneof(
  fc.constant(''),
  fc.json(),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
  fc.constant('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"fuzz"},"spec":{"containers":[{"name":"c","image":"nginx"}]}}'),
  fc.constant('k8s\u0000garbage'),
);
const contentTypes = fc.constantFrom('application/json', 'application/merge-patch+json', 'application/json-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml', 'application/vnd.kubernetes.protobuf', 'text/plain', '');

describe('kubelab serve under random requests', () => {
  it('always answers, with JSON Status errors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'), paths, bodies, contentTypes, async (method, path, body, contentType) => {
        const response = await fetch(`${server.url}${path}`, { method, headers: contentType ? { 'content-type': contentType } : {}, ...(method === 'GET' || body === '' ? {} : { body }) });
        const text = await response.text();
        expect(response.status).toBeGreaterThanOrEqual(200);
        expect(response.status).toBeLessThan(600);
        if (response.status >= 400 && response.headers.get('content-type')?.includes('json')) {
          const status = JSON.parse(text) as { kind?: string; code?: number };
          expect(status.kind).toBe('Status');
          expect(status.code).toBe(response.status);
        }
      }),
      { numRuns: 300, seed: 5 },
    );
    // The server still works afterwards.
    const nodes = await fetch(`${server.url}/api/v1/nodes`);
    expect(nodes.status).toBe(200);
  }, 60_000);
});
