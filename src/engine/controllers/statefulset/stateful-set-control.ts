/**
 * One sync of a StatefulSet's members (stateful_set_control.go updateStatefulSet), given the current
 * and update revisions:
 *
 * - OrderedReady (monotonic): members are made in ordinal order, each waiting until the one before
 *   it is Running, Ready and available; a Failed or Succeeded member is deleted and made again;
 *   surplus members go one at a time from the highest ordinal, only while the rest are healthy.
 * - Parallel: every missing member is made, every surplus one deleted, without waiting.
 * - RollingUpdate: once all members exist and are healthy, the highest-ordinal member not at the
 *   update revision (down to `partition`) is deleted, and the loop above makes it again at the
 *   update revision; one at a time, waiting for each to be healthy (maxUnavailable is alpha and
 *   off in 1.34). OnDelete replaces nothing: members pick up the new template when deleted.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { isPodAvailable } from '../pod-helpers';
import type { StatefulPodControl } from './stateful-pod-control';
import { revisionTemplate } from '../../api/controller-revision';
import { identityLabels, identityMatches, inOrdinalRange, isCreated, isHealthy, isRunningAndReady, isTerminating, newStatefulSetPod, ordinalOf, phaseOf, podRevision, replicasOf, startOrdinal, storageMatches, volumesWithClaims } from './stateful-set-utils';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** The status fields the controller computes (StatefulSetStatus without conditions). */
export interface SetStatus {
  observedGeneration: number;
  replicas: number;
  readyReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
  availableReplicas: number;
  currentRevision: string;
  updateRevision: string;
  collisionCount: number;
}

export interface SyncInput {
  set: KubeObject;
  currentRevision: KubeObject;
  updateRevision: KubeObject;
  collisionCount: number;
  pods: readonly KubeObject[];
  nowMs: number;
}

function minReadySeconds(set: KubeObject): number {
  const v = rec(set.spec).minReadySeconds;
  return typeof v === 'number' ? v : 0;
}

/** computeReplicaStatus over every member list. */
export function replicaStatus(pods: readonly KubeObject[], input: Pick<SyncInput, 'set' | 'currentRevision' | 'updateRevision' | 'nowMs'>): Pick<SetStatus, 'replicas' | 'readyReplicas' | 'availableReplicas' | 'currentReplicas' | 'updatedReplicas'> {
  const s = { replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0 };
  for (const pod of pods) {
    if (isCreated(pod)) s.replicas++;
    if (isRunningAndReady(pod)) {
      s.readyReplicas++;
      if (isPodAvailable(pod, minReadySeconds(input.set), input.nowMs)) s.availableReplicas++;
    }
    if (isCreated(pod) && !isTerminating(pod)) {
      if (podRevision(pod) === input.currentRevision.metadata.name) s.currentReplicas++;
      if (podRevision(pod) === input.updateRevision.metadata.name) s.updatedReplicas++;
    }
  }
  return s;
}

/** What a sync does to pods and claims (StatefulPodControl; tests record the calls instead). */
export type MemberControl = Pick<StatefulPodControl, 'createStatefulPod' | 'deleteStatefulPod' | 'updateStatefulPod' | 'createMissingClaims' | 'claimsMatchRetentionPolicy' | 'updateClaimsForRetentionPolicy'>;

export class StatefulSetControl {
  constructor(private readonly pods: MemberControl) {}

  updateStatefulSet(input: SyncInput): SetStatus {
    const { set, currentRevision, updateRevision } = input;
    const status: SetStatus = {
      observedGeneration: set.metadata.generation ?? 1,
      ...replicaStatus(input.pods, input),
      currentRevision: text(currentRevision.metadata.name),
      updateRevision: text(updateRevision.metadata.name),
      collisionCount: input.collisionCount,
    };
    const count = replicasOf(set);
    const start = startOrdinal(set);
    const replicas: KubeObject[] = new Array<KubeObject>(count);
    const condemned: KubeObject[] = [];
    for (const pod of input.pods) {
      if (inOrdinalRange(set, pod)) replicas[ordinalOf(pod) - start] = pod;
      else if (ordinalOf(pod) >= 0) condemned.push(pod);
    }
    for (let i = 0; i < count; i++) replicas[i] ??= this.versionedPod(set, currentRevision, updateRevision, start + i, status.currentReplicas);
    condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));
    const firstUnhealthy = replicas.find((p) => !isHealthy(p)) ?? [...condemned].reverse().find((p) => !isHealthy(p));
    const finish = () => ({ ...status, ...replicaStatus([...replicas, ...condemned], input) });
    if (set.metadata.deletionTimestamp) return status;
    const monotonic = rec(set.spec).podManagementPolicy !== 'Parallel';
    const updateSet = { ...set, spec: { ...rec(set.spec), template: revisionTemplate(updateRevision) } };

    for (const pod of replicas) if (this.processReplica(set, updateSet, monotonic, pod, input.nowMs) && monotonic) return finish();
    for (const pod of condemned) {
      if (!this.pods.claimsMatchRetentionPolicy(updateSet, pod)) this.pods.updateClaimsForRetentionPolicy(updateSet, pod);
    }
    for (const pod of condemned) if (this.processCondemned(set, firstUnhealthy, monotonic, pod, input.nowMs) && monotonic) return finish();

    const done = finish();
    if (rec(rec(set.spec).updateStrategy).type === 'OnDelete') return done;
    const partition = Number(rec(rec(rec(set.spec).updateStrategy).rollingUpdate).partition ?? 0);
    for (let target = replicas.length - 1; target >= partition; target--) {
      const pod = replicas[target] as KubeObject;
      if (podRevision(pod) !== updateRevision.metadata.name && !isTerminating(pod)) {
        this.pods.deleteStatefulPod(set, pod);
        done.currentReplicas--;
        return done;
      }
      if (!isHealthy(pod)) return done;
    }
    return done;
  }

  /** newVersionedStatefulSetPod: below the partition at the current revision, otherwise at the update revision. */
  private versionedPod(set: KubeObject, current: KubeObject, update: KubeObject, ordinal: number, currentReplicas: number): KubeObject {
    const strategy = rec(rec(set.spec).updateStrategy);
    const rolling = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : undefined;
    const atCurrent = (strategy.type === 'RollingUpdate' && !rolling && ordinal < startOrdinal(set) + currentReplicas) || (rolling !== undefined && ordinal < startOrdinal(set) + Number(rolling.partition ?? 0));
    const revision = atCurrent ? current : update;
    return newStatefulSetPod(set, revisionTemplate(revision), ordinal, text(revision.metadata.name));
  }

  /** processReplica: true when this member blocks further progress in this sync. */
  private processReplica(set: KubeObject, updateSet: KubeObject, monotonic: boolean, pod: KubeObject, nowMs: number): boolean {
    const phase = phaseOf(pod);
    if (phase === 'Failed' || phase === 'Succeeded') {
      if (!isTerminating(pod)) this.pods.deleteStatefulPod(set, pod);
      return true;
    }
    // A member not yet created is made; in OrderedReady mode nothing else happens this sync.
    if (!isCreated(pod)) return !this.pods.createStatefulPod(set, pod) || monotonic;
    if (phase === 'Pending' && this.pods.createMissingClaims(set, pod) !== undefined) return true;
    if (monotonic && (isTerminating(pod) || !isRunningAndReady(pod) || !isPodAvailable(pod, minReadySeconds(set), nowMs))) return true;
    // Enforce the invariants: claims owned as the retention policy says, identity labels, claim volumes.
    if (!this.pods.claimsMatchRetentionPolicy(updateSet, pod)) this.pods.updateClaimsForRetentionPolicy(updateSet, pod);
    if (identityMatches(set, pod) && storageMatches(set, pod)) return false;
    const ordinal = ordinalOf(pod);
    const spec = rec(pod.spec);
    const next: KubeObject = { ...pod, metadata: { ...pod.metadata, labels: { ...(pod.metadata.labels ?? {}), ...identityLabels(set, ordinal) } }, spec: { ...spec, volumes: volumesWithClaims(updateSet, ordinal, spec.volumes) } };
    return !this.pods.updateStatefulPod(updateSet, pod, next);
  }

  /** processCondemned: surplus members leave one at a time (monotonic) from the highest ordinal. */
  private processCondemned(set: KubeObject, firstUnhealthy: KubeObject | undefined, monotonic: boolean, pod: KubeObject, nowMs: number): boolean {
    if (isTerminating(pod)) return monotonic;
    if (monotonic && pod !== firstUnhealthy && (!isRunningAndReady(pod) || !isPodAvailable(pod, minReadySeconds(set), nowMs))) return true;
    this.pods.deleteStatefulPod(set, pod);
    return true;
  }
}
