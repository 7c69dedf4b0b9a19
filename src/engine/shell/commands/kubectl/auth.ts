/**
 * `kubectl auth can-i VERB RESOURCE [NAME]` (`--as`, `--as-group`, `-n`, `-A`): prints `yes` or
 * `no` (exit 1). kind's admin user is in a group bound to cluster-admin, so it may do anything;
 * other identities are checked against the RBAC Roles and bindings stored in the cluster.
 * UNVERIFIED: real kubectl asks the API server with a SelfSubjectAccessReview; the lab evaluates
 * RBAC on the client from the stored objects (same rules: verbs, groups, resources, names).
 */
import type { KubeObject } from '../../../api/meta';
import { isRecord } from '../../../api/meta';
import { resolveResource } from '../../../client/discovery';
import { bool, str, strings, type FlagSpec } from '../../../kubectl/flags';
import { unknownCommandMessage } from '../../../kubectl/suggest';
import { requireConnection, type KubectlContext } from './context';

export const AUTH_FLAGS: FlagSpec[] = [
  { name: 'as', type: 'string' },
  { name: 'as-group', type: 'stringArray' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'list', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'subresource', type: 'string' },
];

type Obj = Record<string, unknown>;
const rec = (v: unknown): Obj => (isRecord(v) ? v : {});
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

interface Identity {
  user: string;
  groups: string[];
}

function identity(k: KubectlContext): Identity {
  const as = str(k.flags, 'as');
  if (!as) return { user: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };
  const groups = [...strings(k.flags, 'as-group'), 'system:authenticated'];
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(as);
  if (sa) groups.push('system:serviceaccounts', `system:serviceaccounts:${sa[1] ?? ''}`);
  return { user: as, groups };
}

function subjectMatches(subject: Obj, who: Identity, bindingNamespace: string | undefined): boolean {
  if (subject.kind === 'User') return subject.name === who.user;
  if (subject.kind === 'Group') return who.groups.includes(String(subject.name));
  if (subject.kind === 'ServiceAccount') return who.user === `system:serviceaccount:${typeof subject.namespace === 'string' ? subject.namespace : (bindingNamespace ?? '')}:${String(subject.name)}`;
  return false;
}

function ruleAllows(rule: Obj, verb: string, group: string, resource: string, name: string | undefined): boolean {
  const verbs = strs(rule.verbs);
  if (!verbs.includes('*') && !verbs.includes(verb)) return false;
  const groups = strs(rule.apiGroups);
  if (!groups.includes('*') && !groups.includes(group)) return false;
  const resources = strs(rule.resources);
  if (!resources.includes('*') && !resources.includes(resource) && !resources.includes(`${resource.split('/')[0] ?? ''}/*`)) return false;
  const names = strs(rule.resourceNames);
  return names.length === 0 || (name !== undefined && names.includes(name));
}

export function runAuth(k: KubectlContext): number {
  const [sub, ...args] = k.flags.positional;
  if (sub !== 'can-i') {
    if (sub === undefined) {
      k.out('Check what identities may do.\n\nAvailable Commands:\n  can-i         Ask whether an action is allowed\n  reconcile     Bring RBAC roles and bindings in line with a file\n  whoami        Show who the server thinks you are\n\nUsage:\n  kubectl auth [flags] [options]\n\nUse "kubectl auth <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n');
      return 0;
    }
    if (sub === 'reconcile' || sub === 'whoami') {
      k.err(`error: kubectl auth ${sub} is not available in the lab yet\n`);
      return 1;
    }
    k.err(unknownCommandMessage(sub, 'kubectl auth', ['can-i', 'reconcile', 'whoami']));
    return 1;
  }
  const [verb, target, nameArg] = args;
  if (verb === undefined || target === undefined) {
    k.err("error: you must specify two or three arguments: verb, resource, and optional resourceName\nSee 'kubectl auth can-i -h' for help and examples\n");
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  let group = '';
  let resource = target;
  let name = nameArg;
  if (target.includes('/') && !target.startsWith('/')) {
    const [t = '', n] = target.split('/');
    resource = t;
    name = n;
  }
  if (!target.startsWith('/') && resource !== '*') {
    const found = resolveResource(k.resources(), resource);
    if (found) {
      group = found.group;
      resource = found.resource;
    } else k.err(`Warning: the server doesn't have a resource type '${resource}'\n\n`);
  }
  const sub2 = str(k.flags, 'subresource');
  if (sub2) resource = `${resource}/${sub2}`;
  const who = identity(k);
  const namespace = bool(k.flags, 'all-namespaces') ? undefined : conn.namespace;
  const list = (resourceName: string, ns?: string): KubeObject[] => {
    const r = conn.client.list({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: resourceName, namespace: ns });
    return r.ok ? r.value.items : [];
  };
  const rulesOf = (kind: string, roleName: string, ns: string | undefined): Obj[] => {
    const roles = kind === 'ClusterRole' ? list('clusterroles') : list('roles', ns);
    const role = roles.find((r) => r.metadata.name === roleName);
    return role ? (Array.isArray((role as unknown as Obj).rules) ? ((role as unknown as Obj).rules as unknown[]).map(rec) : []) : [];
  };
  let allowed = false;
  for (const b of list('clusterrolebindings')) {
    const binding = b as unknown as Obj;
    if (!(Array.isArray(binding.subjects) ? binding.subjects.map(rec) : []).some((s) => subjectMatches(s, who, undefined))) continue;
    const ref = rec(binding.roleRef);
    if (rulesOf('ClusterRole', String(ref.name), undefined).some((rule) => ruleAllows(rule, verb, group, resource, name))) allowed = true;
  }
  if (!allowed && namespace !== undefined) {
    for (const b of list('rolebindings', namespace)) {
      const binding = b as unknown as Obj;
      if (!(Array.isArray(binding.subjects) ? binding.subjects.map(rec) : []).some((s) => subjectMatches(s, who, namespace))) continue;
      const ref = rec(binding.roleRef);
      if (rulesOf(String(ref.kind), String(ref.name), namespace).some((rule) => ruleAllows(rule, verb, group, resource, name))) allowed = true;
    }
  }
  // kind's admin credentials carry a group bound to cluster-admin (or system:masters, which bypasses RBAC).
  if (!str(k.flags, 'as')) allowed = true;
  if (!bool(k.flags, 'quiet')) k.out(allowed ? 'yes\n' : 'no\n');
  return allowed ? 0 : 1;
}
