/** `kubectl describe TYPE [NAME]`: a readable summary of objects and their events. */
import { describe, type DescribeContext } from '../../../kubectl/describe';
import type { ResourceType } from '../../../api/resources';
import type { FlagSpec } from '../../../kubectl/flags';
import { bool, str } from '../../../kubectl/flags';
import { parseTargets } from './get';
import { requireConnection, statusLine, type KubectlContext } from './context';

export const DESCRIBE_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-events', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
];

export function runDescribe(k: KubectlContext): number {
  const conn = requireConnection(k);
  if (!conn) return 1;
  if (k.flags.positional.length === 0) {
    k.err(`You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n`);
    return 1;
  }
  const targets = parseTargets(k, k.flags.positional);
  if ('error' in targets) {
    k.err(targets.error + '\n');
    return 1;
  }
  const context: DescribeContext = {
    nowMs: k.shell.machine.loop.nowMs(),
    list(group, resource, namespace, options) {
      const r = k.resources().find((x) => x.group === group && x.resource === resource);
      if (!r) return [];
      const res = conn.client.list({ group, version: r.version, resource, namespace }, { ...(options?.labelSelector ? { labelSelector: options.labelSelector } : {}), ...(options?.fieldSelector ? { fieldSelector: options.fieldSelector } : {}) });
      return res.ok ? res.value.items : [];
    },
    get(group, resource, namespace, name) {
      const r = k.resources().find((x) => x.group === group && x.resource === resource);
      if (!r) return undefined;
      const res = conn.client.get({ group, version: r.version, resource, namespace, name });
      return res.ok ? res.value : undefined;
    },
  };
  let status = 0;
  const blocks: string[] = [];
  for (const t of targets) {
    const namespace = t.resource.namespaced && !bool(k.flags, 'all-namespaces') ? conn.namespace : undefined;
    const ref = { group: t.resource.group, version: t.resource.version, resource: t.resource.resource, namespace };
    const apiVersion = t.resource.group ? `${t.resource.group}/${t.resource.version}` : t.resource.version;
    const type: ResourceType = { ...t.resource, shortNames: t.resource.shortNames, categories: t.resource.categories, verbs: [], subresources: [], storagePrefix: t.resource.resource };
    if (t.names.length) {
      for (const name of t.names) {
        const r = conn.client.get({ ...ref, name });
        if (r.ok) {
          blocks.push(describe(type, r.value, context));
          continue;
        }
        // `kubectl describe TYPE NAME_PREFIX`: without an exact match, every object whose name starts with it.
        const listed = r.code === 404 ? conn.client.list(ref) : undefined;
        const matches = listed?.ok ? listed.value.items.filter((o) => String(o.metadata.name).startsWith(name)) : [];
        if (matches.length === 0) {
          k.err(statusLine(r.status) + '\n');
          status = 1;
        }
        for (const o of matches) blocks.push(describe(type, { ...o, apiVersion: o.apiVersion || apiVersion, kind: o.kind || t.resource.kind }, context));
      }
    } else {
      const selector = str(k.flags, 'selector');
      const r = conn.client.list(ref, selector ? { labelSelector: selector } : {});
      if (r.ok) for (const o of r.value.items) blocks.push(describe(type, { ...o, apiVersion: o.apiVersion || apiVersion, kind: o.kind || t.resource.kind }, context));
      if (r.ok && r.value.items.length === 0) k.err(namespace ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n');
    }
  }
  k.out(blocks.join('\n\n'));
  return status;
}
