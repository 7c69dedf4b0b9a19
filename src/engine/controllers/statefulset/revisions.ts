/**
 * ControllerRevisions of a StatefulSet (pkg/controller/history and stateful_set_utils.go): each
 * revision stores a strategic merge patch that replaces `spec.template`, named
 * `<set>-<hash>` where the hash is FNV-1 (32-bit) of the patch's JSON and the collision count,
 * passed through the vowel-free alphabet (the patch itself: api/controller-revision.ts).
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { utf8Bytes } from '../../api/sha256';
import { safeEncodeString } from '../deployment/pod-template-hash';
import { goJson, revisionData } from '../../api/controller-revision';

/** The label every ControllerRevision carries with its hash (history.ControllerRevisionHashLabel). */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** Go's hash/fnv New32 (FNV-1: multiply, then xor) over the UTF-8 bytes of `s`. */
export function fnv1(s: string): number {
  let h = 0x811c9dc5;
  for (const b of utf8Bytes(s)) {
    h = Math.imul(h, 0x01000193) >>> 0;
    h = (h ^ b) >>> 0;
  }
  return h >>> 0;
}

/** HashControllerRevision: the patch bytes, then the collision count in decimal. */
export function revisionHash(data: unknown, collisionCount: number): string {
  return safeEncodeString(String(fnv1(goJson(data) + String(collisionCount))));
}

/** history.NewControllerRevision for a StatefulSet: owned by it, with its template labels and its annotations. */
export function newRevision(set: KubeObject, revision: number, collisionCount: number): KubeObject {
  const data = revisionData(set);
  const hash = revisionHash(data, collisionCount);
  const templateLabels = rec(rec(rec(set.spec).template).metadata).labels;
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${text(set.metadata.name).slice(0, 223)}-${hash}`,
      namespace: set.metadata.namespace,
      labels: { ...(rec(templateLabels) as Record<string, string>), [CONTROLLER_REVISION_HASH_LABEL]: hash },
      ...(set.metadata.annotations ? { annotations: { ...set.metadata.annotations } } : {}),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: text(set.metadata.name), uid: text(set.metadata.uid), controller: true, blockOwnerDeletion: true }],
    },
    data,
    revision,
  };
}

/** history.EqualRevision: the same patch bytes. */
export function equalRevision(a: KubeObject, b: KubeObject): boolean {
  return goJson(a.data) === goJson(b.data);
}

export function revisionNumber(revision: KubeObject): number {
  return typeof revision.revision === 'number' ? revision.revision : 0;
}

/** history.SortControllerRevisions: by revision, then creation time, then name. */
export function sortRevisions(revisions: readonly KubeObject[]): KubeObject[] {
  return [...revisions].sort((a, b) => revisionNumber(a) - revisionNumber(b) || text(a.metadata.creationTimestamp).localeCompare(text(b.metadata.creationTimestamp)) || (text(a.metadata.name) < text(b.metadata.name) ? -1 : 1));
}
