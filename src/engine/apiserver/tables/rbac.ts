/** RBAC bindings (printRoleBinding, printClusterRoleBinding). Roles and ClusterRoles have no printer. */
import { AGE_COLUMN, age, arr, col, doc, name, NAME_COLUMN, rec, str } from './cells';
import type { Printer } from './types';

/** rbac.SubjectsStrings: users, groups and `namespace/name` service accounts. */
function subjects(value: unknown): { users: string[]; groups: string[]; serviceAccounts: string[] } {
  const out = { users: [] as string[], groups: [] as string[], serviceAccounts: [] as string[] };
  for (const s of arr(value)) {
    if (s.kind === 'ServiceAccount') out.serviceAccounts.push(`${str(s.namespace)}/${str(s.name)}`);
    else if (s.kind === 'User') out.users.push(str(s.name));
    else if (s.kind === 'Group') out.groups.push(str(s.name));
  }
  return out;
}

function bindingPrinter(kind: 'roleBinding' | 'clusterRoleBinding'): Printer {
  return {
    columns: [
      NAME_COLUMN,
      col('Role', 'string', doc(kind === 'roleBinding' ? 'rbacb.RoleBinding.roleRef' : 'rbacb.ClusterRoleBinding.roleRef')),
      AGE_COLUMN,
      col('Users', 'string', `Users in the ${kind}`, { priority: 1 }),
      col('Groups', 'string', `Groups in the ${kind}`, { priority: 1 }),
      col('ServiceAccounts', 'string', `ServiceAccounts in the ${kind}`, { priority: 1 }),
    ],
    row(o, nowMs) {
      const ref = rec(o.roleRef);
      const s = subjects(o.subjects);
      return { cells: [name(o), `${str(ref.kind)}/${str(ref.name)}`, age(o, nowMs), s.users.join(', '), s.groups.join(', '), s.serviceAccounts.join(', ')] };
    },
  };
}

export const roleBindingPrinter = bindingPrinter('roleBinding');
export const clusterRoleBindingPrinter = bindingPrinter('clusterRoleBinding');
