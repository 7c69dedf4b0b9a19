/**
 * POST serviceaccounts/<name>/token (pkg/registry/core/serviceaccount/storage/token.go): issues a
 * service account token as a JWT with the claims Kubernetes signs (aud, exp, iat, iss, jti,
 * kubernetes.io, nbf, sub). kind's apiserver uses https://kubernetes.default.svc.cluster.local as
 * issuer and default audience. There is no real key: the signature is 256 bytes derived by hashing
 * the signed part, so tokens are deterministic for a seed yet shaped like RS256 ones.
 */
import type { KubeObject } from '../api/meta';
import { isRecord } from '../api/meta';
import type { ResourceType } from '../api/resources';
import { encodeBase64 } from '../api/base64';
import { bytesToBase64 } from '../api/protobuf/wire';
import { sha256 } from '../api/sha256';
import { formatRfc3339 } from '../api/time';
import type { ApiRequest, ApiResponse } from '../types';
import * as errors from './errors';
import type { ApiServer } from './server';

const ISSUER = 'https://kubernetes.default.svc.cluster.local';
const DEFAULT_EXPIRATION_SECONDS = 3600;
const MIN_EXPIRATION_SECONDS = 600;
const MAX_EXPIRATION_SECONDS = 2 ** 32;

const issued = new WeakMap<ApiServer, number>();

function base64url(standard: string): string {
  return standard.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function jsonPart(value: unknown): string {
  return base64url(encodeBase64(JSON.stringify(value)));
}

function bytesPart(bytes: number[]): string {
  return base64url(bytesToBase64(Uint8Array.from(bytes)));
}

/** A UUID-shaped jti drawn from a hash (the registry uses a random UUID). */
function uuidFrom(bytes: number[]): string {
  const h = bytes.slice(0, 16).map((b) => b.toString(16).padStart(2, '0')).join('');
  const variant = ((parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function handleTokenRequest(server: ApiServer, type: ResourceType, ns: string | undefined, name: string, request: ApiRequest): ApiResponse {
  const sa: KubeObject | undefined = server.read(type, ns, name);
  if (!sa) {
    const status = errors.notFound(type, name);
    return { status: status.code, body: status };
  }
  const body = isRecord(request.body) ? request.body : {};
  const spec = isRecord(body.spec) ? body.spec : {};
  const audiences = Array.isArray(spec.audiences) && spec.audiences.length > 0 ? spec.audiences.map(String) : [ISSUER];
  const expirationSeconds = typeof spec.expirationSeconds === 'number' ? spec.expirationSeconds : DEFAULT_EXPIRATION_SECONDS;
  // ValidateTokenRequest runs after the service account lookup; its Invalid error names no object.
  const detail = expirationSeconds < MIN_EXPIRATION_SECONDS ? 'may not specify a duration less than 10 minutes' : expirationSeconds > MAX_EXPIRATION_SECONDS ? 'may not specify a duration larger than 2^32 seconds' : undefined;
  if (detail) {
    const status = errors.invalid('TokenRequest', 'authentication.k8s.io', '', [{ type: 'FieldValueInvalid', field: 'spec.expirationSeconds', value: expirationSeconds, detail }]);
    return { status: status.code, body: status };
  }
  const nowMs = server.nowMs();
  const iat = Math.floor(nowMs / 1000);
  const namespace = String(sa.metadata.namespace ?? '');
  const saName = String(sa.metadata.name);
  const sequence = (issued.get(server) ?? 0) + 1;
  issued.set(server, sequence);
  const jti = uuidFrom(sha256(`jti/${String(sa.metadata.uid)}/${nowMs}/${sequence}`));
  // Keys in sorted order, as go-jose marshals the merged claims map.
  const claims = {
    aud: audiences,
    exp: iat + expirationSeconds,
    iat,
    iss: ISSUER,
    jti,
    'kubernetes.io': { namespace, serviceaccount: { name: saName, uid: String(sa.metadata.uid) } },
    nbf: iat,
    sub: `system:serviceaccount:${namespace}:${saName}`,
  };
  const kid = bytesPart(sha256('kubelab/sa.pub'));
  const signingInput = `${jsonPart({ alg: 'RS256', kid })}.${jsonPart(claims)}`;
  const signature: number[] = [];
  for (let i = 0; signature.length < 256; i++) signature.push(...sha256(`${signingInput}/${i}`));
  const token = `${signingInput}.${bytesPart(signature)}`;
  const meta = isRecord(body.metadata) ? body.metadata : {};
  return {
    status: 201,
    body: {
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { ...meta, name: saName, namespace, uid: String(sa.metadata.uid), creationTimestamp: formatRfc3339(nowMs) },
      spec: { audiences, expirationSeconds, boundObjectRef: isRecord(spec.boundObjectRef) ? spec.boundObjectRef : null },
      status: { token, expirationTimestamp: formatRfc3339((iat + expirationSeconds) * 1000) },
    },
  };
}
