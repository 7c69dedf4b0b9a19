import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';

function lab() {
  const sim = createSimulation({ seed: 9 });
  return (method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown, contentType?: string) => sim.api.request({ method, path, body, contentType, userAgent: 'test' });
}

const deployment = (labels: Record<string, string>, selector: Record<string, string> = { app: 'web' }) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { selector: { matchLabels: selector }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
});

describe('workload registry', () => {
  it('defaults a Deployment as Kubernetes does', () => {
    const call = lab();
    const r = call('POST', '/apis/apps/v1/namespaces/default/deployments', deployment({ app: 'web' }));
    expect(r.status).toBe(201);
    const spec = (r.body as { spec: Record<string, unknown> }).spec;
    expect(spec).toMatchObject({ replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } });
    expect(spec.template).toMatchObject({ spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, containers: [{ imagePullPolicy: 'Always' }] } });
    expect((r.body as { metadata: { generation: number } }).metadata.generation).toBe(1);
  });

  it('rejects a selector that does not match the template labels, in Kubernetes words', () => {
    const r = lab()('POST', '/apis/apps/v1/namespaces/default/deployments', deployment({ app: 'api' }));
    expect(r.status).toBe(422);
    expect((r.body as { message: string }).message).toBe('Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`');
  });

  it('keeps the selector immutable and bumps generation on spec changes', () => {
    const call = lab();
    call('POST', '/apis/apps/v1/namespaces/default/deployments', deployment({ app: 'web', tier: 'x' }));
    const changed = call('PATCH', '/apis/apps/v1/namespaces/default/deployments/web', { spec: { selector: { matchLabels: { tier: 'x' } } } }, 'application/merge-patch+json');
    expect((changed.body as { message: string }).message).toContain('spec.selector: Invalid value');
    expect((changed.body as { message: string }).message).toContain('field is immutable');
    const scaled = call('PATCH', '/apis/apps/v1/namespaces/default/deployments/web', { spec: { replicas: 3 } }, 'application/merge-patch+json');
    expect((scaled.body as { metadata: { generation: number } }).metadata.generation).toBe(2);
  });

  it('gives a Job its controller-uid selector and rejects restartPolicy Always', () => {
    const call = lab();
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34.0' }] } } } };
    const r = call('POST', '/apis/batch/v1/namespaces/default/jobs', job);
    const body = r.body as { metadata: { uid: string }; spec: Record<string, unknown> };
    expect(body.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': body.metadata.uid } } });
    const bad = call('POST', '/apis/batch/v1/namespaces/default/jobs', { ...job, metadata: { name: 'bad' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } } } });
    expect((bad.body as { message: string }).message).toBe('Job.batch "bad" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"');
  });
});

describe('StatefulSet registry', () => {
  const sts = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', selector: { matchLabels: { app: 'db' } }, updateStrategy: { rollingUpdate: { maxUnavailable: 2 } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'nginx' }] } } } };
  const path = '/apis/apps/v1/namespaces/default/statefulsets';

  it('drops maxUnavailable (alpha, off in 1.34) and defaults the rest', () => {
    const r = lab()('POST', path, sts);
    expect((r.body as { spec: Record<string, unknown> }).spec).toMatchObject({ replicas: 1, podManagementPolicy: 'OrderedReady', revisionHistoryLimit: 10, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' } });
    expect((r.body as { spec: { updateStrategy: { rollingUpdate: Record<string, unknown> } } }).spec.updateStrategy.rollingUpdate).not.toHaveProperty('maxUnavailable');
  });

  it('defaults each volumeClaimTemplate as a claim', () => {
    const r = lab()('POST', path, { ...sts, spec: { ...sts.spec, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }] } });
    expect((r.body as { spec: { volumeClaimTemplates: unknown[] } }).spec.volumeClaimTemplates).toEqual([{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' }, status: { phase: 'Pending' } }]);
  });

  it('forbids updates to fields other than the mutable ones, in Kubernetes words', () => {
    const call = lab();
    call('POST', path, sts);
    const renamed = call('PATCH', `${path}/db`, { spec: { serviceName: 'other' } }, 'application/merge-patch+json');
    expect(renamed.status).toBe(422);
    expect((renamed.body as { message: string }).message).toBe(
      "StatefulSet.apps \"db\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    );
    expect(call('PATCH', `${path}/db`, { spec: { replicas: 3, minReadySeconds: 5 } }, 'application/merge-patch+json').status).toBe(200);
  });
});
