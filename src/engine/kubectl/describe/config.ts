/** `kubectl describe` for Namespaces, ConfigMaps, Secrets, ServiceAccounts, ResourceQuotas and LimitRanges. */
import type { KubeObject } from '../../api/meta';
import { formatQuantityMilli, parseQuantityMilli, quantityFormat } from '../../api/quantity';
import { goSortStrings } from '../printers/go-format';
import { PrefixWriter } from '../printers/tabwriter';
import type { DescribeContext } from './context';
import { quantity, rec, recs, searchEvents, sortedBy, str, strs, timeField, writeAnnotations, writeEvents, writeLabels, type DescribeWriter } from './format';

const SCOPE_HELP: Readonly<Record<string, string>> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

function writeScopes(w: DescribeWriter, level: number, spec: Record<string, unknown>, bullet: string): void {
  const scopes = goSortStrings(strs(spec.scopes));
  if (scopes.length === 0) return;
  w.write(level, `Scopes:\t${scopes.join(', ')}\n`);
  for (const scope of scopes) {
    const help = SCOPE_HELP[scope];
    if (help) w.write(level, `${bullet}${help}\n`);
  }
}

/** DescribeResourceQuotas (inside `describe namespace`). */
function writeQuotas(w: DescribeWriter, quotas: readonly KubeObject[]): void {
  if (quotas.length === 0) {
    w.write(0, 'No resource quota.\n');
    return;
  }
  w.write(0, 'Resource Quotas\n');
  for (const q of sortedBy(quotas, (x) => str(x.metadata.name))) {
    w.write(1, `Name:\t${str(q.metadata.name)}\n`);
    writeScopes(w, 1, rec(q.spec), '* ');
    w.write(1, 'Resource\tUsed\tHard\n');
    w.write(1, '--------\t---\t---\n');
    const hard = rec(rec(q.status).hard);
    const used = rec(rec(q.status).used);
    for (const resource of goSortStrings(Object.keys(hard))) w.write(1, `${resource}\t${quantity(used[resource])}\t${quantity(hard[resource])}\n`);
  }
}

/** describeLimitRangeSpec: one row per limit type and resource (`-` where a bound is unset). */
function writeLimitRangeSpec(w: DescribeWriter, spec: unknown, prefix: string): void {
  for (const item of recs(rec(spec).limits)) {
    const lists = { max: rec(item.max), min: rec(item.min), def: rec(item.default), req: rec(item.defaultRequest), ratio: rec(item.maxLimitRequestRatio) };
    const names = new Set([...Object.keys(lists.max), ...Object.keys(lists.min), ...Object.keys(lists.def), ...Object.keys(lists.req), ...Object.keys(lists.ratio)]);
    // kubectl walks a Go map here (random order); sorted for a stable transcript.
    for (const n of goSortStrings(names)) {
      const cell = (list: Record<string, unknown>) => (n in list ? quantity(list[n]) : '-');
      w.write(0, `${prefix}${str(item.type)}\t${n}\t${cell(lists.min)}\t${cell(lists.max)}\t${cell(lists.req)}\t${cell(lists.def)}\t${cell(lists.ratio)}\n`);
    }
  }
}

function writeLimitRanges(w: DescribeWriter, ranges: readonly KubeObject[]): void {
  if (ranges.length === 0) {
    w.write(0, 'No LimitRange resource.\n');
    return;
  }
  w.write(0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of ranges) writeLimitRangeSpec(w, lr.spec, ' ');
}

export function describeNamespace(ns: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  const name = str(ns.metadata.name);
  w.write(0, `Name:\t${name}\n`);
  writeLabels(w, 'Labels', ns.metadata.labels);
  writeAnnotations(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${str(rec(ns.status).phase)}\n`);
  const conditions = recs(rec(ns.status).conditions);
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conditions) w.write(1, `${str(c.type)}\t${str(c.status)}\t${timeField(c.lastTransitionTime)}\t${str(c.reason)}\t${str(c.message)}\n`);
  }
  w.write(0, '\n');
  writeQuotas(w, context.list('', 'resourcequotas', name));
  w.write(0, '\n');
  writeLimitRanges(w, context.list('', 'limitranges', name));
  return w.toString();
}

export function describeResourceQuota(q: KubeObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${str(q.metadata.name)}\n`);
  w.write(0, `Namespace:\t${str(q.metadata.namespace)}\n`);
  writeScopes(w, 0, rec(q.spec), ' * ');
  w.write(0, 'Resource\tUsed\tHard\n');
  w.write(0, '--------\t----\t----\n');
  const hard = rec(rec(q.status).hard);
  const used = rec(rec(q.status).used);
  for (const resource of goSortStrings(Object.keys(hard))) {
    const hardValue = hard[resource];
    const usedValue = used[resource];
    let usedText = quantity(usedValue);
    // A used amount in another format is re-expressed in the hard limit's (whole units).
    const hardFormat = typeof hardValue === 'string' || typeof hardValue === 'number' ? quantityFormat(hardValue) : 'DecimalSI';
    const usedFormat = typeof usedValue === 'string' || typeof usedValue === 'number' ? quantityFormat(usedValue) : undefined;
    if (usedFormat !== hardFormat) {
      try {
        const milli = typeof usedValue === 'string' || typeof usedValue === 'number' ? parseQuantityMilli(usedValue) : 0n;
        const whole = milli / 1000n + (milli % 1000n > 0n ? 1n : 0n);
        usedText = formatQuantityMilli(whole * 1000n, hardFormat);
      } catch {
        // keep the text as given
      }
    }
    w.write(0, `${resource}\t${usedText}\t${quantity(hardValue)}\n`);
  }
  return w.toString();
}

export function describeLimitRange(lr: KubeObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${str(lr.metadata.name)}\n`);
  w.write(0, `Namespace:\t${str(lr.metadata.namespace)}\n`);
  w.write(0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  writeLimitRangeSpec(w, lr.spec, '');
  return w.toString();
}

export function describeConfigMap(cm: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${str(cm.metadata.name)}\n`);
  w.write(0, `Namespace:\t${str(cm.metadata.namespace)}\n`);
  writeLabels(w, 'Labels', cm.metadata.labels);
  writeAnnotations(w, 'Annotations', cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  const data = rec(cm.data);
  for (const key of goSortStrings(Object.keys(data))) {
    w.write(0, `${key}:\n----\n`);
    w.write(0, `${str(data[key])}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  const binary = rec(cm.binaryData);
  for (const key of goSortStrings(Object.keys(binary))) w.write(0, `${key}: ${base64DecodedLength(str(binary[key]))} bytes\n`);
  w.write(0, '\n');
  writeEvents(w, searchEvents(context, cm), context.nowMs);
  return w.toString();
}

/** Bytes a standard base64 string decodes to. */
function base64DecodedLength(text: string): number {
  const clean = text.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes base64 to a string of Latin-1 bytes (tokens are ASCII). */
function base64Decode(text: string): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const ch of text.replace(/[\s=]/g, '')) {
    const n = BASE64.indexOf(ch);
    if (n < 0) continue;
    value = (value << 6) | n;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}

export function describeSecret(secret: KubeObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${str(secret.metadata.name)}\n`);
  w.write(0, `Namespace:\t${str(secret.metadata.namespace)}\n`);
  writeLabels(w, 'Labels', secret.metadata.labels);
  writeAnnotations(w, 'Annotations', secret.metadata.annotations);
  w.write(0, `\nType:\t${str(secret.type)}\n`);
  w.write(0, '\nData\n====\n');
  const data = rec(secret.data);
  for (const key of goSortStrings(Object.keys(data))) {
    // A service account token is shown; every other value only by its size.
    if (key === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(0, `${key}:\t${base64Decode(str(data[key]))}\n`);
    else w.write(0, `${key}:\t${base64DecodedLength(str(data[key]))} bytes\n`);
  }
  return w.toString();
}

export function describeServiceAccount(sa: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  const namespace = str(sa.metadata.namespace);
  const secrets = context.list('', 'secrets', namespace || undefined);
  const existing = new Set(secrets.map((s) => str(s.metadata.name)));
  const tokens = secrets.filter((s) => {
    const a = rec(s.metadata.annotations);
    return s.type === 'kubernetes.io/service-account-token' && a['kubernetes.io/service-account.name'] === sa.metadata.name && a['kubernetes.io/service-account.uid'] === sa.metadata.uid;
  });
  const pull = recs(sa.imagePullSecrets).map((s) => str(s.name));
  const mountable = recs(sa.secrets).map((s) => str(s.name));
  const missing = new Set([...pull, ...mountable].filter((n) => !existing.has(n)));
  w.write(0, `Name:\t${str(sa.metadata.name)}\n`);
  w.write(0, `Namespace:\t${namespace}\n`);
  writeLabels(w, 'Labels', sa.metadata.labels);
  writeAnnotations(w, 'Annotations', sa.metadata.annotations);
  const emptyHeader = '                   ';
  const sections: [string, string[]][] = [
    ['Image pull secrets:', pull],
    ['Mountable secrets: ', mountable],
    ['Tokens:            ', tokens.map((s) => str(s.metadata.name))],
  ];
  for (const [header, names] of sections) {
    if (names.length === 0) {
      w.write(0, `${header}\t<none>\n`);
      continue;
    }
    names.forEach((n, i) => w.write(0, `${i === 0 ? header : emptyHeader}\t${n}${missing.has(n) ? ' (not found)' : ''}\n`));
  }
  writeEvents(w, searchEvents(context, sa), context.nowMs);
  return w.toString();
}
