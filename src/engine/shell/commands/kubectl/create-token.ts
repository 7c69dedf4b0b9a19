/**
 * `kubectl create token SERVICE_ACCOUNT_NAME` (kubectl/pkg/cmd/create/create_token.go): POSTs a
 * TokenRequest to the service account's token subresource and prints the token (with a newline,
 * as on a terminal), or the TokenRequest with `-o`.
 */
import { str, strings } from '../../../kubectl/flags';
import { exactlyOneName, printOutcome } from './common';
import { requireConnection, type KubectlContext } from './context';
import { parseDuration } from './wait';

const BOUND_KINDS: Record<string, string> = { Pod: 'v1', Secret: 'v1' };

function fail(k: KubectlContext, message: string): number {
  k.err(`error: ${message}\n`);
  return 1;
}

export function runCreateToken(k: KubectlContext, names: readonly string[]): number {
  const name = exactlyOneName(k, 'create token', names);
  if (name === undefined) return 1;
  const durationText = str(k.flags, 'duration');
  const durationMs = durationText === undefined ? 0 : parseDuration(durationText);
  if (durationMs === undefined) return fail(k, `invalid argument "${durationText ?? ''}" for "--duration" flag: time: invalid duration "${durationText ?? ''}"`);
  const audiences = strings(k.flags, 'audience');
  const boundKind = str(k.flags, 'bound-object-kind') ?? '';
  const boundName = str(k.flags, 'bound-object-name') ?? '';
  const boundUid = str(k.flags, 'bound-object-uid') ?? '';
  // TokenOptions.Validate, in its order.
  if (durationMs < 0) return fail(k, '--duration must be greater than or equal to 0');
  if (durationMs % 1000 !== 0) return fail(k, '--duration cannot be expressed in units less than seconds');
  if (audiences.some((a) => a === '')) return fail(k, '--audience must not be an empty string');
  if (boundKind === '') {
    if (boundName !== '') return fail(k, '--bound-object-name can only be set if --bound-object-kind is provided');
    if (boundUid !== '') return fail(k, '--bound-object-uid can only be set if --bound-object-kind is provided');
  } else {
    if (BOUND_KINDS[boundKind] === undefined) return fail(k, `supported --bound-object-kind values are ${Object.keys(BOUND_KINDS).sort().join(', ')}`);
    if (boundName === '') return fail(k, '--bound-object-name is required if --bound-object-kind is provided');
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  const spec: Record<string, unknown> = { audiences: audiences.length > 0 ? audiences : null };
  if (durationMs > 0) spec.expirationSeconds = durationMs / 1000;
  if (boundKind !== '') spec.boundObjectRef = { kind: boundKind, apiVersion: BOUND_KINDS[boundKind], name: boundName, uid: boundUid };
  const r = conn.client.create({ group: '', version: 'v1', resource: 'serviceaccounts', namespace: conn.namespace, name, subresource: 'token' }, { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', metadata: {}, spec });
  if (!r.ok) return fail(k, `failed to create token: ${r.status.message ?? ''}`);
  const status = r.value.status;
  const token = status !== null && typeof status === 'object' && 'token' in status && typeof status.token === 'string' ? status.token : '';
  if (token === '') return fail(k, 'failed to create token: no token in server response');
  if ((str(k.flags, 'output') ?? '') !== '') return printOutcome(k, r.value, { kind: 'TokenRequest', group: 'authentication.k8s.io' }, 'created', 'none') ? 0 : 1;
  k.out(`${token}\n`);
  return 0;
}
