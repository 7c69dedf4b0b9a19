/**
 * An in-memory DescribeContext for tests: equality and inequality field selectors on dotted
 * paths, equality label selectors. Not a model of the API server, just enough to feed describers.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';
import type { DescribeContext } from './context';

function field(o: KubeObject, path: string): string {
  let v: unknown = o;
  for (const part of path.split('.')) v = isRecord(v) ? v[part] : undefined;
  return typeof v === 'string' ? v : '';
}

function matches(o: KubeObject, options?: { labelSelector?: string; fieldSelector?: string }): boolean {
  for (const term of (options?.fieldSelector ?? '').split(',').filter(Boolean)) {
    const negated = term.includes('!=');
    const [k = '', v = ''] = negated ? term.split('!=') : term.split('=');
    if (negated ? field(o, k) === v : field(o, k) !== v) return false;
  }
  for (const term of (options?.labelSelector ?? '').split(',').filter(Boolean)) {
    const [k = '', v = ''] = term.split('=');
    if ((o.metadata.labels ?? {})[k] !== v) return false;
  }
  return true;
}

/** Objects are keyed `group/resource` (`/pods`, `apps/replicasets`). */
export function fakeContext(nowMs: number, objects: Record<string, KubeObject[]>): DescribeContext {
  return {
    nowMs,
    list: (group, resource, namespace, options) => (objects[`${group}/${resource}`] ?? []).filter((o) => (namespace === undefined || o.metadata.namespace === namespace) && matches(o, options)),
    get: (group, resource, namespace, name) => (objects[`${group}/${resource}`] ?? []).find((o) => o.metadata.name === name && (namespace === undefined || o.metadata.namespace === namespace)),
  };
}
