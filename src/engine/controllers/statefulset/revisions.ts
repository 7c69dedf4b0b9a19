/**
 * ControllerRevisions of a StatefulSet (pkg/controller/history and stateful_set_utils.go): each
 * revision stores a strategic merge patch that replaces `spec.template`, named
 * `<set>-<hash>` where the hash is FNV-1 (32-bit) of the patch's JSON and the collision count,
 * passed through the vowel-free alphabet (the patch itself: api/controller-revision.ts).
 */
import type { KubeObject } from '../../api/meta';
import { utf8Bytes } from '../../api/sha256';
import { safeEncodeString } from '../deployment/pod-template-hash';
import { goJson, revisionData } from '../../api/controller-revision';
import { newControllerRevision } from '../history/controller-history';

export { equalRevision, revisionNumber, sortRevisions } from '../history/controller-history';

/** The label every ControllerRevision carries with its hash (history.ControllerRevisionHashLabel). */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

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

/** history.NewControllerRevision for a StatefulSet: hashed with FNV-1 of the patch, labelled `controller.kubernetes.io/hash`. */
export function newRevision(set: KubeObject, revision: number, collisionCount: number): KubeObject {
  return newControllerRevision(set, revisionHash(revisionData(set), collisionCount), CONTROLLER_REVISION_HASH_LABEL, revision);
}
