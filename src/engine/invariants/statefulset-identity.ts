/**
 * StatefulSet identity: each member of a StatefulSet is one stable identity (name `<set>-<ordinal>`,
 * hostname, pod-name and pod-index labels), and at most one pod holds an identity at a time: a
 * replacement may only appear after its predecessor is gone from the API, terminating or not (that is
 * the at-most-one promise a StatefulSet makes). With OrderedReady (the default) the controller creates
 * member N only once members start..N-1 all exist and are Running and Ready.
 */
import type { KubeObject } from '../api/meta';
import { text } from '../api/meta';
import type { WatchEvent } from '../types';
import { isReady, keyOf, rec } from './objects';

export type IdentityCollection = 'pods' | 'statefulsets';

const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

interface Member {
  set: string;
  ordinal: number;
}

/** The set a pod belongs to (its controller is a StatefulSet) and its ordinal, from its name. */
function memberOf(pod: KubeObject): Member | undefined {
  const ref = (pod.metadata.ownerReferences ?? []).find((r) => r.controller && r.kind === 'StatefulSet');
  if (!ref) return undefined;
  const set = text(ref.name);
  const name = text(pod.metadata.name);
  const m = /^(.*)-(\d+)$/.exec(name);
  return { set, ordinal: m && m[1] === set ? Number(m[2]) : -1 };
}

export class StatefulSetIdentity {
  private readonly pods = new Map<string, KubeObject>();
  private readonly sets = new Map<string, KubeObject>();

  constructor(private readonly report: (invariant: string, detail: string) => void) {}

  observe(collection: IdentityCollection, event: WatchEvent): void {
    if (event.type !== 'ADDED' && event.type !== 'MODIFIED' && event.type !== 'DELETED') return;
    const o = event.object;
    const key = keyOf(o);
    if (collection === 'statefulsets') {
      if (event.type === 'DELETED') this.sets.delete(key);
      else this.sets.set(key, o);
      return;
    }
    if (event.type === 'DELETED') {
      this.pods.delete(key);
      return;
    }
    const before = this.pods.get(key);
    const member = memberOf(o);
    if (member) this.checkIdentity(o, member, before);
    this.pods.set(key, o);
  }

  private checkIdentity(pod: KubeObject, member: Member, before: KubeObject | undefined): void {
    const ns = text(pod.metadata.namespace ?? '');
    const name = text(pod.metadata.name);
    const where = `${ns}/${name}`;
    if (member.ordinal < 0) {
      this.report('a StatefulSet pod has its identity', `${where} is not named ${member.set}-<ordinal>`);
      return;
    }
    const labels = pod.metadata.labels ?? {};
    if (labels[POD_NAME_LABEL] !== name || labels[POD_INDEX_LABEL] !== String(member.ordinal) || text(rec(pod.spec).hostname) !== name) {
      this.report('a StatefulSet pod has its identity', `${where}: pod-name ${String(labels[POD_NAME_LABEL])}, pod-index ${String(labels[POD_INDEX_LABEL])}, hostname ${text(rec(pod.spec).hostname)}`);
    }
    if (before && before.metadata.uid !== pod.metadata.uid) {
      this.report('one pod per StatefulSet identity', `${where}: ${text(pod.metadata.uid)} appeared while ${text(before.metadata.uid)} still exists`);
    }
    for (const other of this.pods.values()) {
      if (other.metadata.namespace !== pod.metadata.namespace || other.metadata.name === pod.metadata.name) continue;
      const m = memberOf(other);
      const index = labels[POD_INDEX_LABEL];
      if (m && m.set === member.set && index !== undefined && other.metadata.labels?.[POD_INDEX_LABEL] === index) {
        this.report('one pod per StatefulSet identity', `${where} and ${text(other.metadata.name)} both hold ordinal ${index}`);
      }
    }
    if (!before) this.checkOrder(pod, member, ns);
  }

  /** OrderedReady: member N is created only when members start..N-1 are all Running and Ready. */
  private checkOrder(pod: KubeObject, member: Member, ns: string): void {
    const set = this.sets.get(`${ns}/${member.set}`);
    if (!set || set.metadata.uid !== (pod.metadata.ownerReferences ?? []).find((r) => r.controller)?.uid) return;
    const spec = rec(set.spec);
    if ((spec.podManagementPolicy ?? 'OrderedReady') !== 'OrderedReady') return;
    const start = Number(rec(spec.ordinals).start ?? 0);
    for (let i = start; i < member.ordinal; i++) {
      const previous = this.pods.get(`${ns}/${member.set}-${i}`);
      const healthy = previous && !previous.metadata.deletionTimestamp && rec(previous.status).phase === 'Running' && isReady(previous);
      if (!healthy) {
        this.report('OrderedReady creates members in order', `${ns}/${text(pod.metadata.name)} created while ${member.set}-${i} is ${previous ? 'not Running and Ready' : 'missing'}`);
        return;
      }
    }
  }
}
