/**
 * ControllerRevision helpers shared by the StatefulSet and DaemonSet controllers
 * (pkg/controller/history): a new revision owned by its workload, holding the patch that restores
 * its pod template (api/controller-revision.ts), revision numbers and their order.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { goJson, revisionData } from '../../api/controller-revision';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/**
 * history.NewControllerRevision: named `<parent>-<hash>` (the parent's name cut to 223 characters),
 * labelled with the pod template's labels plus `hashLabel: hash`, with the parent's annotations,
 * controlled by the parent.
 */
export function newControllerRevision(parent: KubeObject, hash: string, hashLabel: string, revision: number): KubeObject {
  const templateLabels = rec(rec(rec(parent.spec).template).metadata).labels;
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${text(parent.metadata.name).slice(0, 223)}-${hash}`,
      namespace: parent.metadata.namespace,
      labels: { ...(rec(templateLabels) as Record<string, string>), [hashLabel]: hash },
      ...(parent.metadata.annotations ? { annotations: { ...parent.metadata.annotations } } : {}),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: parent.kind, name: text(parent.metadata.name), uid: text(parent.metadata.uid), controller: true, blockOwnerDeletion: true }],
    },
    data: revisionData(parent),
    revision,
  };
}

/** history.EqualRevision: the same patch bytes. */
export function equalRevision(a: KubeObject, b: KubeObject): boolean {
  return goJson(a.data) === goJson(b.data);
}

/** Whether a revision restores exactly the workload's current pod template (DaemonSet Match). */
export function matchesTemplate(parent: KubeObject, revision: KubeObject): boolean {
  return goJson(revisionData(parent)) === goJson(revision.data);
}

export function revisionNumber(revision: KubeObject): number {
  return typeof revision.revision === 'number' ? revision.revision : 0;
}

/** maxRevision: the highest revision number, 0 for none. */
export function maxRevision(revisions: readonly KubeObject[]): number {
  return Math.max(0, ...revisions.map(revisionNumber));
}

/** history.SortControllerRevisions: by revision, then creation time, then name. */
export function sortRevisions(revisions: readonly KubeObject[]): KubeObject[] {
  return [...revisions].sort((a, b) => revisionNumber(a) - revisionNumber(b) || text(a.metadata.creationTimestamp).localeCompare(text(b.metadata.creationTimestamp)) || (text(a.metadata.name) < text(b.metadata.name) ? -1 : 1));
}
