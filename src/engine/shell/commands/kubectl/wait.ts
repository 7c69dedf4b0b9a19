/**
 * `kubectl wait --for=condition=Ready|delete|create|jsonpath='{...}'=value TYPE/NAME`: checks each
 * object, then watches it until the condition holds or `--timeout` (default 30s) passes in virtual
 * time, one object after another as kubectl does.
 */
import type { KubeObject } from '../../../api/meta';
import { isRecord } from '../../../api/meta';
import { kindPrefix } from '../../../client/discovery';
import { bool, str, type FlagSpec } from '../../../kubectl/flags';
import { JsonPath, JsonPathError, relaxedJsonPath } from '../../../kubectl/printers/jsonpath';
import { goSprint } from '../../../kubectl/printers/go-format';
import { parseTargets } from './get';
import { refOf } from './common';
import { requireConnection, statusLine, type KubectlContext } from './context';
import type { VerbResult } from './index';

export const WAIT_FLAGS: FlagSpec[] = [
  { name: 'for', type: 'string' },
  { name: 'timeout', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
];

/** Go's time.ParseDuration for the units people type (h, m, s, ms); undefined when invalid. */
export function parseDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s|us|µs|ns)/gy;
  let total = 0;
  let matched = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const n = Number(m[1]);
    const unit = m[2];
    total += unit === 'h' ? n * 3_600_000 : unit === 'm' ? n * 60_000 : unit === 's' ? n * 1000 : unit === 'ms' ? n : n / 1000;
    matched = re.lastIndex;
  }
  return matched === text.length && matched > 0 ? total : undefined;
}

type Condition =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; type: string; value: string }
  | { kind: 'jsonpath'; path: JsonPath; value: string | undefined; expression: string };

function parseFor(text: string): Condition | { error: string } {
  if (text === 'delete') return { kind: 'delete' };
  if (text === 'create') return { kind: 'create' };
  if (text.startsWith('condition=')) {
    const rest = text.slice('condition='.length);
    const eq = rest.indexOf('=');
    return { kind: 'condition', type: eq < 0 ? rest : rest.slice(0, eq), value: eq < 0 ? 'true' : rest.slice(eq + 1) };
  }
  if (text.startsWith('jsonpath=')) {
    const rest = text.slice('jsonpath='.length);
    // `{.status.phase}=Running`: the value follows the last `}=` (or `=` after a relaxed path).
    const close = rest.lastIndexOf('}');
    let expression = rest;
    let value: string | undefined;
    if (close >= 0) {
      expression = rest.slice(0, close + 1);
      if (rest[close + 1] === '=') value = rest.slice(close + 2);
      else if (close + 1 < rest.length) return { error: `unrecognized condition: "${text}"` };
    } else {
      const eq = rest.indexOf('=');
      if (eq >= 0) {
        expression = rest.slice(0, eq);
        value = rest.slice(eq + 1);
      }
    }
    if (expression === '') return { error: 'jsonpath expression cannot be empty' };
    try {
      const path = new JsonPath(relaxedJsonPath(expression));
      path.allowMissingKeys = true;
      return { kind: 'jsonpath', path, value, expression };
    } catch (e) {
      if (e instanceof JsonPathError) return { error: e.message };
      throw e;
    }
  }
  return { error: `unrecognized condition: "${text}"` };
}

function met(condition: Condition, object: KubeObject): boolean {
  if (condition.kind === 'create') return true;
  if (condition.kind === 'delete') return false;
  if (condition.kind === 'condition') {
    const status = isRecord(object.status) ? object.status : {};
    const conditions = Array.isArray(status.conditions) ? status.conditions.filter(isRecord) : [];
    const generation = object.metadata.generation;
    return conditions.some((c) => {
      if (String(c.type).toLowerCase() !== condition.type.toLowerCase()) return false;
      if (typeof c.observedGeneration === 'number' && typeof generation === 'number' && c.observedGeneration !== generation) return false;
      return String(c.status).toLowerCase() === condition.value.toLowerCase();
    });
  }
  const results = condition.path.findResults(object);
  const values = results.flat();
  if (condition.value === undefined) return values.length > 0;
  if (values.length !== 1) return false;
  const v = values[0];
  if (isRecord(v) || Array.isArray(v)) return false;
  return goSprint(v) === condition.value;
}

interface Item {
  ref: ReturnType<typeof refOf> & { name: string };
  prefix: string;
  plural: string;
}

export function runWait(k: KubectlContext): VerbResult {
  const forText = str(k.flags, 'for');
  if (!forText) {
    k.err('error: --for must be specified\n');
    return 1;
  }
  const condition = parseFor(forText);
  if ('error' in condition) {
    k.err(`error: ${condition.error}\n`);
    return 1;
  }
  const timeoutText = str(k.flags, 'timeout') ?? '30s';
  const timeoutMs = parseDuration(timeoutText);
  if (timeoutMs === undefined) {
    k.err(`error: invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"\n`);
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  const parsed = parseTargets(k, k.flags.positional);
  if ('error' in parsed) {
    k.err(parsed.error + '\n');
    return 1;
  }
  const items: Item[] = [];
  const selector = str(k.flags, 'selector');
  for (const p of parsed) {
    const namespace = bool(k.flags, 'all-namespaces') ? undefined : conn.namespace;
    if (p.names.length > 0) {
      for (const name of p.names) items.push({ ref: { ...refOf(p.resource, conn.namespace), name }, prefix: kindPrefix(p.resource), plural: p.resource.resource });
      continue;
    }
    if (!selector && !bool(k.flags, 'all') && condition.kind !== 'create') {
      k.err('error: resource(s) were provided, but no name was specified\n');
      return 1;
    }
    const list = conn.client.list({ ...refOf(p.resource, namespace ?? ''), namespace: p.resource.namespaced ? namespace : undefined }, selector ? { labelSelector: selector } : {});
    if (!list.ok) {
      k.err(statusLine(list.status) + '\n');
      return 1;
    }
    for (const item of list.value.items) items.push({ ref: { ...refOf(p.resource, String(item.metadata.namespace ?? '')), name: String(item.metadata.name) }, prefix: kindPrefix(p.resource), plural: p.resource.resource });
  }
  if (items.length === 0) {
    k.err('error: no matching resources found\n');
    return 1;
  }
  return {
    wait(finish) {
      const loop = k.shell.machine.loop;
      let stopCurrent: (() => void) | undefined;
      const next = (index: number, code: number): void => {
        const item = items[index];
        if (!item) {
          finish(code);
          return;
        }
        const current = conn.client.get(item.ref);
        if (!current.ok) {
          if (current.code === 404 && condition.kind === 'delete') {
            next(index + 1, code);
            return;
          }
          if (!(current.code === 404 && condition.kind === 'create')) {
            k.err(statusLine(current.status) + '\n');
            finish(1);
            return;
          }
        }
        if (current.ok && condition.kind !== 'delete' && met(condition, current.value)) {
          k.out(`${item.prefix}/${item.ref.name} condition met\n`);
          next(index + 1, code);
          return;
        }
        const uid = current.ok ? current.value.metadata.uid : undefined;
        const { name, ...collection } = item.ref;
        let settled = false;
        const settle = (ok: boolean) => {
          if (settled) return;
          settled = true;
          stop();
          loop.cancel(timer);
          if (ok) {
            k.out(`${item.prefix}/${name} condition met\n`);
            next(index + 1, code);
          } else {
            k.err(`error: timed out waiting for the condition on ${item.plural}/${name}\n`);
            next(index + 1, 1);
          }
        };
        const stop = conn.client.watch(collection, { fieldSelector: `metadata.name=${name}`, ...(current.ok ? { resourceVersion: String(current.value.metadata.resourceVersion) } : {}) }, (event) => {
          if (condition.kind === 'delete') {
            if (event.type === 'DELETED' && (uid === undefined || event.object.metadata.uid === uid)) settle(true);
            return;
          }
          if ((event.type === 'ADDED' || event.type === 'MODIFIED') && met(condition, event.object)) settle(true);
        });
        const timer = loop.after(timeoutMs, 'kubectl wait timeout', () => settle(false));
        stopCurrent = () => {
          settled = true;
          stop();
          loop.cancel(timer);
        };
      };
      next(0, 0);
      return () => stopCurrent?.();
    },
  };
}
