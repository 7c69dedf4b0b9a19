/**
 * `kubectl edit TYPE NAME`. Real kubectl writes the object to a temporary file, runs $KUBE_EDITOR
 * or $EDITOR (vi by default) on it and patches what changed. The lab's terminal cannot hand a
 * running kubectl to the editor area, so this writes the same temporary file kubectl would (with
 * its comment header), and says how to finish the edit with `kubectl apply`/`replace` instead.
 */
import { kindPrefix } from '../../../client/discovery';
import { type FlagSpec } from '../../../kubectl/flags';
import { toYaml } from '../../../kubectl/printers/object-printer';
import { parseTargets } from './get';
import { OUTPUT_FLAG, refOf } from './common';
import { requireConnection, statusLine, type KubectlContext } from './context';

export const EDIT_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string' },
  { name: 'windows-line-endings', type: 'bool' },
  { name: 'subresource', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  OUTPUT_FLAG,
];

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

export function runEdit(k: KubectlContext): number {
  if (k.flags.positional.length === 0) {
    k.err("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  const targets = parseTargets(k, k.flags.positional);
  if ('error' in targets) {
    k.err(targets.error + '\n');
    return 1;
  }
  const t = targets[0];
  const name = t?.names[0];
  if (!t || name === undefined) {
    k.err('error: resource(s) were provided, but no name was specified\n');
    return 1;
  }
  const r = conn.client.get({ ...refOf(t.resource, conn.namespace), name });
  if (!r.ok) {
    k.err(statusLine(r.status) + '\n');
    return 1;
  }
  const object = { ...r.value, metadata: { ...r.value.metadata } };
  delete object.metadata.managedFields;
  let n = 1;
  while (k.shell.machine.fs.exists(`/tmp/kubectl-edit-${n}.yaml`)) n++;
  const path = `/tmp/kubectl-edit-${n}.yaml`;
  k.shell.machine.fs.mkdirp('/tmp');
  k.shell.machine.fs.write(path, HEADER + toYaml(object));
  const editor = k.shell.env.get('KUBE_EDITOR') ?? k.shell.env.get('EDITOR') ?? 'vi';
  k.err(
    `error: kubectl edit cannot open "${editor}" from the lab terminal.\n` +
      `The ${kindPrefix(t.resource)}/${name} object is saved in ${path}: edit that file (vi ${path} opens it in the editor area), then run\n` +
      `  kubectl replace -f ${path}\n`,
  );
  return 1;
}
