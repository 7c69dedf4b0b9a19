/**
 * A DaemonSet's ControllerRevisions (pkg/controller/daemon/update.go): one per pod template it has
 * run, named `<ds>-<hash>` with the hash of controller.ComputeHash (the same as a Deployment's
 * pod-template-hash) and labelled `controller-revision-hash`, the label its pods carry too.
 * constructHistory splits them into the current one and the old ones; cleanupHistory keeps
 * revisionHistoryLimit old ones besides those live pods still use.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';
import { podTemplateHash } from '../deployment/pod-template-hash';
import { matchesTemplate, maxRevision, newControllerRevision, revisionNumber, sortRevisions } from '../history/controller-history';

/** apps.DefaultDaemonSetUniqueLabelKey: on the DaemonSet's ControllerRevisions and pods. */
export const DAEMONSET_HASH_LABEL = 'controller-revision-hash';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** dsc.snapshot's revision for the DaemonSet's current template. */
export function daemonSetRevision(ds: KubeObject, revision: number): KubeObject {
  const hash = podTemplateHash(rec(ds.spec).template, Number(rec(ds.status).collisionCount ?? 0));
  return newControllerRevision(ds, hash, DAEMONSET_HASH_LABEL, revision);
}

/** What constructHistory found: the revisions equal to the template, the others, and the number the current one should have. */
export interface HistorySplit {
  current: KubeObject[];
  old: KubeObject[];
  /** maxRevision(old) + 1. */
  nextRevision: number;
}

export function splitHistory(ds: KubeObject, revisions: readonly KubeObject[]): HistorySplit {
  const current = revisions.filter((r) => matchesTemplate(ds, r));
  const old = revisions.filter((r) => !matchesTemplate(ds, r));
  return { current: sortRevisions(current), old, nextRevision: maxRevision(old) + 1 };
}

/** dedupCurHistories keeps the current revision with the highest number. */
export function keptCurrent(current: readonly KubeObject[]): KubeObject | undefined {
  return sortRevisions(current).at(-1);
}

/** cleanupHistory: the oldest old revisions past the limit, skipping any a live pod is labelled with. */
export function revisionsToDelete(old: readonly KubeObject[], limit: number, liveHashes: ReadonlySet<string>): KubeObject[] {
  let toKill = old.length - limit;
  const out: KubeObject[] = [];
  for (const r of [...old].sort((a, b) => revisionNumber(a) - revisionNumber(b))) {
    if (toKill <= 0) break;
    if (liveHashes.has(r.metadata.labels?.[DAEMONSET_HASH_LABEL] ?? '')) continue;
    out.push(r);
    toKill--;
  }
  return out;
}
