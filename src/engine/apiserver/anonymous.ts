/**
 * What kube-apiserver answers an unauthenticated client in a kind cluster: anonymous auth is on,
 * and RBAC's system:public-info-viewer (bound to system:unauthenticated) allows only GET of
 * /healthz, /livez, /readyz and /version; everything else is a 403 Status naming system:anonymous.
 * Bodies are as the apiserver writes them for curl (indented JSON).
 */
import type { Client } from '../client';
import { parseRequestInfo } from './request-info';

const PUBLIC_PATHS = /^\/(healthz|livez|readyz|version)\/?$/;

function forbiddenStatus(message: string, details: Record<string, string>): string {
  const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Forbidden', details, code: 403 };
  return JSON.stringify(status, null, 2);
}

/** The reply to `method path` from system:anonymous. */
export function anonymousRequest(client: Client, method: string, path: string): { status: number; body: string } {
  const verb = method.toUpperCase();
  if (verb === 'GET' && PUBLIC_PATHS.test(path)) {
    const reply = client.raw({ method: 'GET', path });
    return { status: reply.status, body: typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body, null, 2) };
  }
  const info = parseRequestInfo(verb, path, {});
  const user = 'User "system:anonymous"';
  if (info.kind !== 'resource') return { status: 403, body: forbiddenStatus(`forbidden: ${user} cannot ${verb.toLowerCase()} path "${path}"`, {}) };
  const resource = info.subresource ? `${info.resource}/${info.subresource}` : info.resource;
  const qualified = info.group ? `${info.resource}.${info.group}` : info.resource;
  const scope = info.namespace ? `in the namespace "${info.namespace}"` : 'at the cluster scope';
  const subject = info.name ? `${qualified} "${info.name}"` : qualified;
  const details: Record<string, string> = {};
  if (info.name) details.name = info.name;
  if (info.group) details.group = info.group;
  details.kind = info.resource;
  return { status: 403, body: forbiddenStatus(`${subject} is forbidden: ${user} cannot ${info.verb} resource "${resource}" in API group "${info.group}" ${scope}`, details) };
}
