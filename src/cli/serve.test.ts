/**
 * `kubelab serve` speaks the Kubernetes API well enough for a client library we did not write:
 * @kubernetes/client-node lists, creates, reads back and watches objects over HTTP.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreV1Api, KubeConfig, Watch } from '@kubernetes/client-node';
import { createSimulation } from '../engine';
import { kubeconfigFor, startServer, type RunningServer } from './serve';
import { makeServingCertificate } from './tls';

let server: RunningServer;
let config: KubeConfig;

beforeEach(async () => {
  server = await startServer({ port: 0, speed: 0, sim: createSimulation({ seed: 7 }) });
  config = new KubeConfig();
  // client-node refuses plain HTTP unless TLS verification is off; kubelab serve speaks HTTP on loopback.
  config.loadFromString(kubeconfigFor(server.url).replace(`server: ${server.url}`, `server: ${server.url}\n    insecure-skip-tls-verify: true`));
});

afterEach(async () => {
  await server.close();
});

describe('kubelab serve with @kubernetes/client-node', () => {
  it('uses the kind-kind context the kubeconfig names', () => {
    expect(config.getCurrentContext()).toBe('kind-kind');
    expect(config.getCurrentCluster()?.server).toBe(server.url);
  });

  it('lists the nodes of the default kind cluster', async () => {
    const nodes = await config.makeApiClient(CoreV1Api).listNode();
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
  });

  it('creates a pod, reads it back defaulted, and answers 404 and 409 as Status errors', async () => {
    const core = config.makeApiClient(CoreV1Api);
    const created = await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    const read = await core.readNamespacedPod({ name: 'web', namespace: 'default' });
    expect(read.spec?.restartPolicy).toBe('Always');
    expect(read.spec?.containers[0]?.imagePullPolicy).toBe('Always');
    await expect(core.readNamespacedPod({ name: 'nope', namespace: 'default' })).rejects.toMatchObject({ code: 404 });
    await expect(core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } })).rejects.toMatchObject({ code: 409 });
  });

  it('streams watch events as objects change', async () => {
    const seen: string[] = [];
    const watch = new Watch(config);
    const done = new Promise<void>((resolve) => {
      void watch
        .watch('/api/v1/namespaces/default/configmaps', { resourceVersion: '0' }, (type: string, object: { metadata?: { name?: string } }) => {
          seen.push(`${type} ${object.metadata?.name ?? ''}`);
          if (seen.includes('DELETED settings')) resolve();
        }, () => resolve())
        .then((request) => done.finally(() => request.abort()));
    });
    const core = config.makeApiClient(CoreV1Api);
    // Let the watch open before the changes, as a real client would be connected already.
    await new Promise((r) => setTimeout(r, 100));
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'settings' }, data: { a: '1' } } });
    // client-node sends JSON Patch (application/json-patch+json) by default.
    await core.patchNamespacedConfigMap({ name: 'settings', namespace: 'default', body: [{ op: 'replace', path: '/data/a', value: '2' }] });
    await core.deleteNamespacedConfigMap({ name: 'settings', namespace: 'default' });
    await done;
    expect(seen).toEqual(['ADDED kube-root-ca.crt', 'ADDED settings', 'MODIFIED settings', 'DELETED settings']);
  });
});

describe('kubelab serve over HTTPS', () => {
  it('serves TLS with its own CA, which a client verifies from the kubeconfig', async () => {
    const tls = makeServingCertificate();
    // openssl is part of every Debian image this runs on; without it the CLI falls back to HTTP.
    expect(tls).toBeDefined();
    if (!tls) return;
    const secure = await startServer({ port: 0, speed: 0, sim: createSimulation({ seed: 7 }), tls });
    try {
      expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const kc = new KubeConfig();
      kc.loadFromString(kubeconfigFor(secure.url, secure.tls));
      const nodes = await kc.makeApiClient(CoreV1Api).listNode();
      expect(nodes.items).toHaveLength(3);
    } finally {
      await secure.close();
    }
  }, 30_000);
});
