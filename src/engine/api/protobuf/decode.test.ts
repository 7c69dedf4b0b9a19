import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf, goDuration } from './decode';

/**
 * Fixtures: `<name>.pb.b64` is a request body real kubectl v1.34 sent (captured on the wire) and
 * `<name>.json` what `kubectl <same command> --dry-run=client -o json` printed, i.e. the object
 * kubectl encoded. The commands are listed in fixtures/COMMANDS.
 */
const dir = new URL('./fixtures/', import.meta.url).pathname;
const body = (name: string) => new Uint8Array(Buffer.from(readFileSync(join(dir, `${name}.pb.b64`), 'utf8').trim(), 'base64'));

function decoded(name: string): Record<string, unknown> {
  const r = decodeKubernetesProtobuf(body(name));
  if (!r.ok) throw new Error(r.message);
  return r.object;
}

describe('decodeKubernetesProtobuf on real kubectl bodies', () => {
  const golden = readdirSync(dir).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length));
  it('has the generator fixtures', () => {
    expect(golden.length).toBeGreaterThanOrEqual(25);
  });
  for (const name of golden) {
    it(`${name}: equals kubectl's --dry-run=client -o json`, () => {
      expect(decoded(name)).toEqual(JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')));
    });
  }

  it('keeps an explicit zero behind a pointer (replicas: 0) and drops unset scalars', () => {
    const spec = decoded('deployment-zero').spec as Record<string, unknown>;
    expect(spec.replicas).toBe(0);
    expect(spec).not.toHaveProperty('minReadySeconds');
    expect(spec).not.toHaveProperty('paused');
  });

  it('turns Secret bytes into base64 and Quantity / IntOrString into their JSON forms', () => {
    expect(decoded('secret-generic').data).toEqual({ password: Buffer.from('s3cr3t!').toString('base64'), user: 'YWRtaW4=' });
    expect((decoded('quota').spec as Record<string, unknown>).hard).toEqual({ cpu: '1', memory: '1Gi', pods: '10', 'requests.storage': '5Gi' });
    expect((decoded('pdb').spec as Record<string, unknown>).minAvailable).toBe('50%');
    expect((decoded('pdb-max').spec as Record<string, unknown>).maxUnavailable).toBe(1);
  });

  it('decodes the autoscaling/v1 fallback kubectl autoscale sends', () => {
    const hpa = decoded('autoscale-v1');
    expect(hpa.apiVersion).toBe('autoscaling/v1');
    expect(hpa.spec).toEqual({ scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' }, minReplicas: 2, maxReplicas: 5 });
    // Pointer-less int32 status fields are printed even at zero.
    expect(hpa.status).toEqual({ currentReplicas: 0, desiredReplicas: 0 });
  });

  it('decodes create token (TokenRequest) and a DELETE body (DeleteOptions)', () => {
    expect(decoded('token')).toEqual({ kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1', metadata: {}, spec: { audiences: ['api'], expirationSeconds: 3600, boundObjectRef: null }, status: { token: '', expirationTimestamp: null } });
    expect(decoded('delete-options')).toEqual({ kind: 'DeleteOptions', apiVersion: 'v1' });
  });
  it('decodes the Pod kubectl debug node sends (hostPath volume, host namespaces, tolerations)', () => {
    const pod = decoded('debug-node');
    expect(pod.metadata).toEqual({ name: 'node-debugger-kind-worker-x54q9', labels: { 'app.kubernetes.io/managed-by': 'kubectl-debug' } });
    expect(pod.spec).toEqual({
      volumes: [{ name: 'host-root', hostPath: { path: '/' } }],
      containers: [{ name: 'debugger', image: 'busybox', command: ['true'], resources: {}, volumeMounts: [{ name: 'host-root', mountPath: '/host' }], terminationMessagePolicy: 'File' }],
      restartPolicy: 'Never',
      nodeName: 'kind-worker',
      hostNetwork: true,
      hostPID: true,
      hostIPC: true,
      tolerations: [{ operator: 'Exists' }],
    });
  });

  it('decodes the review objects kubectl auth can-i / whoami send', () => {
    expect(decoded('auth-can-i')).toEqual({
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: {},
      spec: { resourceAttributes: { namespace: 'kube-system', verb: 'list', resource: 'pods', subresource: 'log' } },
      status: { allowed: false },
    });
    expect(decoded('auth-whoami')).toEqual({ kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: {}, status: { userInfo: {} } });
  });
});

describe('decodeKubernetesProtobuf on other input', () => {
  const envelope = (apiVersion: string, kind: string, raw: number[]) => {
    const typeMeta = [0x0a, apiVersion.length, ...Buffer.from(apiVersion), 0x12, kind.length, ...Buffer.from(kind)];
    return new Uint8Array([0x6b, 0x38, 0x73, 0x00, 0x0a, typeMeta.length, ...typeMeta, 0x12, raw.length, ...raw]);
  };

  it('refuses a kind it has no descriptor for, marking it as unknown', () => {
    const r = decodeKubernetesProtobuf(envelope('v1', 'Shirt', []));
    expect(r).toEqual({ ok: false, unknownKind: true, message: 'no kind "Shirt" is registered for version "v1" in scheme "k8s.io/kubernetes/pkg/api/legacyscheme/scheme.go:30"' });
  });

  it('reports a truncated object instead of throwing', () => {
    // metadata (field 1) claims 5 bytes but only 2 follow.
    const r = decodeKubernetesProtobuf(envelope('v1', 'Namespace', [0x0a, 0x05, 0x0a, 0x03]));
    expect(r).toEqual({ ok: false, message: 'Namespace in version "v1" cannot be handled as a Namespace: unexpected EOF' });
  });

  it('reports a field with the wrong wire type', () => {
    // ObjectMeta.name (1) sent as a varint.
    const r = decodeKubernetesProtobuf(envelope('v1', 'Namespace', [0x0a, 0x02, 0x08, 0x01]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('Namespace in version "v1" cannot be handled as a Namespace: proto: wrong wireType = 0 for field Name');
  });

  it('rejects bodies without the k8s magic', () => {
    expect(decodeKubernetesProtobuf(new Uint8Array([0x7b, 0x7d])).ok).toBe(false);
  });

  it('merges repeated occurrences of a message field and keeps the last scalar', () => {
    // metadata twice: name "a", then name "b" and namespace "x".
    const r = decodeKubernetesProtobuf(envelope('v1', 'ConfigMap', [0x0a, 0x03, 0x0a, 0x01, 0x61, 0x0a, 0x06, 0x0a, 0x01, 0x62, 0x1a, 0x01, 0x78]));
    expect(r).toEqual({ ok: true, object: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'b', namespace: 'x' } } });
  });

  it('prints an absent []byte as null and a present empty one as ""', () => {
    const csr = (spec: number[]) => decodeKubernetesProtobuf(envelope('certificates.k8s.io/v1', 'CertificateSigningRequest', [0x12, spec.length, ...spec]));
    const request = (r: ReturnType<typeof csr>) => (r.ok ? (r.object.spec as Record<string, unknown>).request : 'failed');
    expect(request(csr([]))).toBeNull();
    expect(request(csr([0x0a, 0x00]))).toBe('');
    expect(request(csr([0x0a, 0x02, 0x68, 0x69]))).toBe('aGk=');
  });

  it('decodes an Eviction with its DeleteOptions (policy/v1)', () => {
    // metadata {name: "p"}, deleteOptions {gracePeriodSeconds: 0, propagationPolicy: "Foreground"}
    const raw = [0x0a, 0x03, 0x0a, 0x01, 0x70, 0x12, 0x0e, 0x08, 0x00, 0x22, 0x0a, ...Buffer.from('Foreground')];
    const r = decodeKubernetesProtobuf(envelope('policy/v1', 'Eviction', raw));
    expect(r).toEqual({ ok: true, object: { kind: 'Eviction', apiVersion: 'policy/v1', metadata: { name: 'p' }, deleteOptions: { gracePeriodSeconds: 0, propagationPolicy: 'Foreground' } } });
  });

  it('never throws on arbitrary bytes after the magic', () => {
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      const len = i % 64;
      const bytes = [0x6b, 0x38, 0x73, 0x00];
      for (let j = 0; j < len; j++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        bytes.push(seed & 0xff);
      }
      expect(() => decodeKubernetesProtobuf(new Uint8Array(bytes))).not.toThrow();
    }
  });

  it('prints durations as Go does', () => {
    expect(goDuration(0n)).toBe('0s');
    expect(goDuration(3_600_000_000_000n)).toBe('1h0m0s');
    expect(goDuration(90_500_000_000n)).toBe('1m30.5s');
    expect(goDuration(1_500_000n)).toBe('1.5ms');
    expect(goDuration(-2_000_000_000n)).toBe('-2s');
  });
});
