/**
 * `kubectl replace -f FILE`: PUTs each object (`pod/x replaced`). With `--force` it deletes each
 * object, waits until it is gone, and creates it again, printing both steps as kubectl does.
 */
import type { KubeObject } from '../../../api/meta';
import { deepCopy } from '../../../api/meta';
import { kindPrefix } from '../../../client/discovery';
import { bool, int, type FlagSpec } from '../../../kubectl/flags';
import { readManifestSources, resourceFor } from './apply';
import { DRY_RUN_FLAG, dryRunOf, dryRunQuery, dryRunSuffix, OUTPUT_FLAG, refOf, VALIDATE_FLAG, validationDirectiveOf, writeQuery } from './common';
import { requireConnection, statusLine, type KubectlContext } from './context';
import type { VerbResult } from './index';
import { waitUntilGone } from './wait-for-deletion';

export const REPLACE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'cascade', type: 'string' },
  { name: 'wait', type: 'bool' },
  { name: 'timeout', type: 'string' },
  { name: 'save-config', type: 'bool' },
  VALIDATE_FLAG,
  { name: 'raw', type: 'string' },
  { name: 'subresource', type: 'string' },
  { name: 'field-manager', type: 'string' },
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
];

export function runReplace(k: KubectlContext): VerbResult {
  if ((k.flags.values.get('filename') as string[] | undefined)?.length === undefined) {
    k.err("error: must specify --filename to replace\nSee 'kubectl replace -h' for help and examples\n");
    return 1;
  }
  const validation = validationDirectiveOf(k);
  if (!validation) return 1;
  const docs = readManifestSources(k);
  if (!docs) return 1;
  const dryRun = dryRunOf(k);
  if (dryRun === undefined) return 1;
  const conn = requireConnection(k);
  if (!conn) return 1;
  const force = bool(k.flags, 'force');
  let code = 0;
  const recreate: { object: KubeObject; ref: ReturnType<typeof refOf> & { name: string }; prefix: string; uid: string }[] = [];
  for (const doc of docs) {
    const resource = resourceFor(k, doc.object);
    if (!resource) {
      k.err(`error: resource mapping not found for name: "${String(doc.object.metadata.name ?? '')}" namespace: "${String(doc.object.metadata.namespace ?? '')}" from "${doc.source}": no matches for kind "${doc.object.kind}" in version "${doc.object.apiVersion}"\nensure CRDs are installed first\n`);
      code = 1;
      continue;
    }
    const namespace = typeof doc.object.metadata.namespace === 'string' && doc.object.metadata.namespace ? doc.object.metadata.namespace : conn.namespace;
    const name = String(doc.object.metadata.name ?? '');
    const ref = { ...refOf(resource, namespace), name };
    const prefix = kindPrefix(resource);
    if (force) {
      const grace = int(k.flags, 'grace-period');
      const r = conn.client.delete(ref, grace !== undefined && grace >= 0 ? { gracePeriodSeconds: grace } : {}, dryRunQuery(dryRun));
      if (!r.ok && r.code !== 404) {
        k.err(statusLine(r.status) + '\n');
        code = 1;
        continue;
      }
      if (r.ok) k.out(`${resource.kind.toLowerCase()}${resource.group ? '.' + resource.group : ''} "${name}" deleted${namespace && resource.namespaced ? ` from ${namespace} namespace` : ''}\n`);
      recreate.push({ object: doc.object, ref, prefix, uid: r.ok ? String(r.value.metadata.uid) : '' });
      continue;
    }
    if (dryRun === 'client') {
      k.out(`${prefix}/${name} replaced${dryRunSuffix(dryRun)}\n`);
      continue;
    }
    const r = conn.client.update(ref, deepCopy(doc.object), { ...writeQuery(dryRun, validation), fieldManager: 'kubectl-replace' });
    if (!r.ok) {
      k.err(statusLine(r.status, { verb: 'replacing', source: doc.source }) + '\n');
      code = 1;
      continue;
    }
    k.out(`${prefix}/${name} replaced${dryRunSuffix(dryRun)}\n`);
  }
  if (recreate.length === 0) return code;
  const createAll = (): number => {
    let c = code;
    for (const item of recreate) {
      const { name: _n, ...collection } = item.ref;
      const body = deepCopy(item.object);
      delete body.metadata.resourceVersion;
      const r = conn.client.create(collection, body, { ...writeQuery(dryRun, validation), fieldManager: 'kubectl-replace' });
      if (!r.ok) {
        k.err(statusLine(r.status) + '\n');
        c = 1;
        continue;
      }
      k.out(`${item.prefix}/${item.ref.name} replaced\n`);
    }
    return c;
  };
  const gone = recreate.filter((r) => r.uid !== '').map((r) => ({ ref: r.ref, uid: r.uid }));
  const waiting = dryRun === 'none' ? waitUntilGone(conn.client, gone, 0) : 0;
  if (typeof waiting === 'number') return createAll();
  return {
    wait(finish) {
      return waiting.wait(() => finish(createAll()));
    },
  };
}
