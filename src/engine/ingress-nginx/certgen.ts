/**
 * kube-webhook-certgen (registry.k8s.io/ingress-nginx/kube-webhook-certgen), what the manifest's two
 * admission Jobs run: `create` makes a CA and a serving certificate for the webhook Service and stores
 * them in a Secret (ca, cert, key), leaving an existing one alone; `patch` copies that CA into the
 * ValidatingWebhookConfiguration's caBundle and sets its failurePolicy. Each exits 0 when done and 1 on
 * an API error, so its Job (restartPolicy OnFailure) retries.
 */
import { isRecord, text } from '../api/meta';
import { encodeBase64 } from '../api/base64';
import type { Random, SimLoop } from '../clock';
import type { Client } from '../client';
import type { ContainerProcess } from '../kubelet/runtime/processes';
import type { Program } from '../kubelet/runtime/sh-interpreter';

function b64(random: Random, label: string, bytes: number): string {
  let raw = `-----BEGIN ${label}-----\n`;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < bytes; i++) raw += alphabet[random.intBelow(64)] ?? 'A';
  raw += `\n-----END ${label}-----\n`;
  return encodeBase64(raw);
}

export interface CertgenDeps {
  client: Client;
  loop: SimLoop;
  random: Random;
}

export function certgenProcess(deps: CertgenDeps, argv: readonly string[]): ContainerProcess {
  return { program: run(deps, argv), listeners: [], onSigterm: 'fast' };
}

function* run(deps: CertgenDeps, argv: readonly string[]): Program {
  const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const namespace = flag('namespace') ?? 'default';
  const secretName = flag('secret-name') ?? '';
  // UNVERIFIED: kube-webhook-certgen's log lines (logrus JSON) are approximated.
  const log = (msg: string, level = 'info') => ({
    kind: 'write' as const,
    stream: 'stderr' as const,
    text: `{"level":"${level}","msg":"${msg}","time":"${new Date(deps.loop.nowMs()).toISOString().replace(/\.\d+Z$/, 'Z')}"}\n`,
  });
  const secrets = { group: '', version: 'v1', resource: 'secrets', namespace };
  const existing = deps.client.get({ ...secrets, name: secretName });
  if (argv[0] === 'create') {
    if (existing.ok) {
      yield log('secret already exists');
      return 0;
    }
    yield log('creating new secret');
    const created = deps.client.create(secrets, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: secretName, namespace },
      data: { ca: b64(deps.random, 'CERTIFICATE', 48), cert: b64(deps.random, 'CERTIFICATE', 48), key: b64(deps.random, 'EC PRIVATE KEY', 32) },
    });
    if (!created.ok) {
      yield log(`failed creating secret: ${created.status.message}`, 'fatal');
      return 1;
    }
    yield log('saved secret');
    return 0;
  }
  if (argv[0] === 'patch') {
    if (!existing.ok) {
      yield log(`error getting secret: secrets "${secretName}" not found`, 'fatal');
      return 1;
    }
    const name = flag('webhook-name') ?? '';
    const ref = { group: 'admissionregistration.k8s.io', version: 'v1', resource: 'validatingwebhookconfigurations', name };
    const webhook = deps.client.get(ref);
    if (!webhook.ok) {
      yield log(`failed getting validating webhook: ${webhook.status.message}`, 'fatal');
      return 1;
    }
    const ca = text(isRecord(existing.value.data) ? existing.value.data.ca : '');
    const policy = flag('patch-failure-policy');
    const webhooks = (Array.isArray(webhook.value.webhooks) ? webhook.value.webhooks : [])
      .filter(isRecord)
      .map((w) => ({ ...w, ...(policy ? { failurePolicy: policy } : {}), clientConfig: { ...(isRecord(w.clientConfig) ? w.clientConfig : {}), caBundle: ca } }));
    const patched = deps.client.update(ref, { ...webhook.value, webhooks });
    if (!patched.ok) {
      yield log(`failed patching webhook: ${patched.status.message}`, 'fatal');
      return 1;
    }
    yield log(`Patched hook(s)`);
    return 0;
  }
  yield log(`unknown command "${argv[0] ?? ''}"`, 'fatal');
  return 1;
}
