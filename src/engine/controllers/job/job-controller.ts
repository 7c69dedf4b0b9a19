/**
 * job-controller (pkg/controller/job): runs a Job's pods until `completions` succeed or the Job
 * fails. Pods carry the `batch.kubernetes.io/job-tracking` finalizer; a finished pod is first
 * recorded in `status.uncountedTerminatedPods`, then its finalizer is removed, then it is moved
 * into `succeeded`/`failed`, so no pod is counted twice or lost. Failed pods are replaced after the
 * pod-failure back-off; past `backoffLimit` or `activeDeadlineSeconds` the Job gets the interim
 * FailureTarget condition, its active pods are deleted, and once none is left terminating it is
 * Failed. Success goes through SuccessCriteriaMet to Complete the same way. Suspended Jobs delete
 * their pods. Indexed Jobs give each pod an index (annotation, label, hostname and
 * JOB_COMPLETION_INDEX) and track `completedIndexes`.
 *
 * podFailurePolicy rules (FailJob, Ignore, Count) and Indexed Jobs' successPolicy are honoured.
 * Not modelled: backoffLimitPerIndex (and FailIndex), managedBy, adoption of orphan pods matching
 * the selector, creation/deletion expectations (writes here are synchronous, so the informer
 * cache cannot lag behind them).
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { formatRfc3339, parseRfc3339 } from '../../api/time';
import { LegacyEventRecorder } from '../../client';
import { TimerKind } from '../../clock/timer-board';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';
import { PodControl } from '../pod-control';
import { controllerRef, deletionRank, isPodActive, isPodReady } from '../pod-helpers';
import { completionIndexOf, duplicateIndexPods, firstPendingIndexes, formatIndexes, matchSuccessPolicy, parseIndexes } from './completion-indexes';
import { jobPodTemplate, JOB_TRACKING_FINALIZER, indexedGenerateName } from './job-pod-template';
import { ensureCondition, findCondition, isJobFinished, newCondition, readJobStatus, writeJobStatus, type JobCondition, type JobStatus } from './job-status';
import { nextBackoffRecord, remainingBackoffMs, type BackoffRecord } from './pod-failure-backoff';
import { matchPodFailurePolicy, podFailurePolicyOf } from './pod-failure-policy';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** Pod events and status-only Job updates are batched: the Job syncs a second after the first. */
const SYNC_JOB_BATCH_PERIOD_MS = 1000;
const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
const ORPHAN_KEY_PREFIX = 'orphan-pod:';

const JOBS = { group: 'batch', version: 'v1', resource: 'jobs' };

interface SyncState {
  key: string;
  job: KubeObject;
  status: JobStatus;
  pods: KubeObject[];
  active: KubeObject[];
  succeeded: number;
  failed: number;
  terminating: number;
  ready: number;
  uncounted: { succeeded: Set<string>; failed: Set<string> };
  finished?: JobCondition;
  prevSucceededIndexes: Set<number>;
  succeededIndexes: Set<number>;
  backoff: BackoffRecord;
  requeueMs?: number;
}

function hasTrackingFinalizer(pod: KubeObject): boolean {
  return (pod.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
}

/** Replacement pods wait until failed pods are fully terminated (podReplacementPolicy Failed, implied by a podFailurePolicy). */
function onlyReplaceFailedPods(job: KubeObject): boolean {
  return rec(job.spec).podReplacementPolicy === 'Failed' || podFailurePolicyOf(job) !== undefined;
}

/** Failed, or (unless only failed pods are replaced) deleted before it could finish. */
function isPodFailed(pod: KubeObject, job: KubeObject): boolean {
  const phase = rec(pod.status).phase;
  if (phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return Boolean(pod.metadata.deletionTimestamp) && phase !== 'Succeeded';
}

function isTerminating(pod: KubeObject): boolean {
  const phase = rec(pod.status).phase;
  return Boolean(pod.metadata.deletionTimestamp) && phase !== 'Failed' && phase !== 'Succeeded';
}

export class JobController implements Controller {
  readonly name = 'job-controller';
  private pods: PodControl | undefined;
  private events: LegacyEventRecorder | undefined;
  private readonly backoffs = new Map<string, BackoffRecord>();
  private readonly batched = new Set<string>();
  private client: ControllerContext['client'] | undefined;

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    this.client = context.client;
    this.events = new LegacyEventRecorder(context.client, context.loop, 'job-controller', '');
    this.pods = new PodControl(context.client, this.events);
    const keyOf = (o: KubeObject) => `${text(o.metadata.namespace)}/${text(o.metadata.name)}`;
    const batched = (key: string) => {
      if (this.batched.has(key)) return;
      this.batched.add(key);
      context.loop.after(SYNC_JOB_BATCH_PERIOD_MS, 'job-controller batch', () => {
        this.batched.delete(key);
        enqueue(key);
      });
    };
    const jobs = context.informers.forResource('batch', 'v1', 'jobs');
    jobs.addHandler({
      onAdd: (job) => enqueue(keyOf(job)),
      onUpdate: (old, job) => (old.metadata.generation === job.metadata.generation ? batched(keyOf(job)) : enqueue(keyOf(job))),
      onDelete: (job) => {
        enqueue(keyOf(job));
        for (const pod of context.informers.forResource('', 'v1', 'pods').list()) {
          if (controllerRef(pod)?.uid === job.metadata.uid && hasTrackingFinalizer(pod)) enqueue(ORPHAN_KEY_PREFIX + keyOf(pod));
        }
      },
    });
    const onPod = (pod: KubeObject) => {
      const ref = controllerRef(pod);
      const job = ref?.kind === 'Job' ? jobs.list().find((j) => j.metadata.uid === ref.uid) : undefined;
      if (job && !isJobFinished(job)) batched(keyOf(job));
      else if (hasTrackingFinalizer(pod) && (!ref || ref.kind === 'Job')) enqueue(ORPHAN_KEY_PREFIX + keyOf(pod));
    };
    context.informers.forResource('', 'v1', 'pods').addHandler({ onAdd: onPod, onUpdate: (_o, p) => onPod(p), onDelete: onPod });
  }

  reconcile(key: string, context: ControllerContext): ReconcileResult {
    if (key.startsWith(ORPHAN_KEY_PREFIX)) return this.syncOrphanPod(key.slice(ORPHAN_KEY_PREFIX.length), context);
    const [namespace = '', name = ''] = key.split('/');
    const got = context.client.get({ ...JOBS, namespace, name });
    if (!got.ok || isJobFinished(got.value)) {
      this.backoffs.delete(key);
      this.clearTimers(key, context);
      return DONE;
    }
    const job = got.value;
    const mode = text(rec(job.spec).completionMode) || 'NonIndexed';
    if (mode !== 'NonIndexed' && mode !== 'Indexed') {
      this.events?.record(job, 'Warning', 'UnknownCompletionMode', 'Skipped Job sync because completion mode is unknown');
      return DONE;
    }
    const state = this.observe(key, job, context);
    if (!state) return { kind: 'retry', reason: 'list pods failed' };
    const ok = this.sync(state, context);
    if (!ok) return { kind: 'retry', reason: 'job status update failed' };
    return state.requeueMs === undefined ? DONE : { kind: 'requeueAfter', delayMs: Math.max(0, state.requeueMs) };
  }

  /** Reads the Job's pods and what they add to its counters (the top of syncJob). */
  private observe(key: string, job: KubeObject, context: ControllerContext): SyncState | undefined {
    const listed = context.client.list({ group: '', version: 'v1', resource: 'pods', namespace: job.metadata.namespace });
    if (!listed.ok) return undefined;
    const pods = listed.value.items.filter((p) => controllerRef(p)?.uid === job.metadata.uid);
    const status = readJobStatus(job);
    const spec = rec(job.spec);
    const indexed = spec.completionMode === 'Indexed';
    const completions = typeof spec.completions === 'number' ? spec.completions : 0;
    const uncounted = { succeeded: new Set(status.uncounted.succeeded), failed: new Set(status.uncounted.failed) };
    const active = pods.filter(isPodActive);
    // Pods not yet counted: they still carry the finalizer and are not in the uncounted lists.
    const fresh = (pod: KubeObject, seen: Set<string>) => hasTrackingFinalizer(pod) && !seen.has(text(pod.metadata.uid)) && (!indexed || ((completionIndexOf(pod) ?? completions) < completions));
    const newSucceeded = pods.filter((p) => fresh(p, uncounted.succeeded) && rec(p.status).phase === 'Succeeded');
    const newFailed = pods.filter((p) => fresh(p, uncounted.failed) && isPodFailed(p, job));
    const policy = podFailurePolicyOf(job);
    const countedNewFailed = newFailed.filter((p) => matchPodFailurePolicy(policy, p).countFailed);
    const state: SyncState = {
      key,
      job,
      status,
      pods,
      active,
      succeeded: status.succeeded + newSucceeded.length + uncounted.succeeded.size,
      failed: status.failed + countedNewFailed.length + uncounted.failed.size,
      terminating: pods.filter(isTerminating).length,
      ready: active.filter(isPodReady).length,
      uncounted,
      prevSucceededIndexes: new Set(),
      succeededIndexes: new Set(),
      backoff: nextBackoffRecord(this.backoffs.get(key) ?? { failuresAfterLastSuccess: 0 }, newSucceeded, newFailed),
    };
    if (indexed) {
      state.prevSucceededIndexes = parseIndexes(status.completedIndexes, completions);
      state.succeededIndexes = new Set(state.prevSucceededIndexes);
      for (const p of pods) {
        const ix = completionIndexOf(p);
        if (rec(p.status).phase === 'Succeeded' && ix !== undefined && ix < completions) state.succeededIndexes.add(ix);
      }
      state.succeeded = state.succeededIndexes.size;
    }
    return state;
  }

  /** syncJob after the pods are read: decide whether the Job is done, manage pods, track status. */
  private sync(state: SyncState, context: ControllerContext): boolean {
    const { job, status } = state;
    const spec = rec(job.spec);
    const now = context.loop.nowMs();
    const suspended = spec.suspend === true;
    const backoffLimit = typeof spec.backoffLimit === 'number' ? spec.backoffLimit : 6;
    if (!status.startTime && !suspended) status.startTime = formatRfc3339(now);

    state.finished = this.finishedCondition(state, backoffLimit, now, context);
    if (!state.finished && spec.completionMode === 'Indexed') {
      const matched = matchSuccessPolicy(spec.successPolicy, typeof spec.completions === 'number' ? spec.completions : 0, state.succeededIndexes);
      if (matched) state.finished = newCondition('SuccessCriteriaMet', 'True', 'SuccessPolicy', matched, now);
    }
    if (state.finished || suspended) context.timers?.clear(`job-active-deadline/${state.key}`);

    let active = state.active.length;
    let suspendChanged = false;
    if (state.finished) {
      const { deleted, deletedReady } = this.deletePods(job, state.active, false);
      if (deleted !== state.active.length) state.finished = undefined;
      active -= deleted;
      state.terminating += deleted;
      state.ready -= deletedReady;
    } else {
      let managed = false;
      if (!job.metadata.deletionTimestamp) {
        active = this.manageJob(state, context);
        managed = true;
      }
      const complete = typeof spec.completions === 'number' ? state.succeeded >= spec.completions && active === 0 : state.succeeded > 0 && active === 0;
      if (complete) state.finished = newCondition('SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods', now);
      else if (managed && suspended) {
        suspendChanged = ensureCondition(status, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now);
        if (suspendChanged) this.events?.record(job, 'Normal', 'Suspended', 'Job suspended');
      } else if (managed) {
        suspendChanged = ensureCondition(status, 'Suspended', 'False', 'JobResumed', 'Job resumed', now);
        if (suspendChanged) {
          this.events?.record(job, 'Normal', 'Resumed', 'Job resumed');
          // A resumed Job's active deadline counts from now.
          status.startTime = formatRfc3339(now);
        }
      }
    }

    const needsUpdate = suspendChanged || active !== status.active || state.ready !== status.ready || state.terminating !== status.terminating;
    status.active = active;
    status.ready = state.ready;
    status.terminating = state.terminating;
    return this.trackStatusAndRemoveFinalizers(state, needsUpdate, context);
  }

  /**
   * Whether the Job is done failing: an interim condition from an earlier sync becomes the
   * terminal one; else a FailJob rule, the backoff limit, or the active deadline set FailureTarget.
   */
  private finishedCondition(state: SyncState, backoffLimit: number, now: number, context: ControllerContext): JobCondition | undefined {
    const { job, status } = state;
    const spec = rec(job.spec);
    const successMet = findCondition(status, 'SuccessCriteriaMet');
    // SuccessCriteriaMet stays itself until the status is tracked (so pods stopped now are not counted failed).
    if (successMet?.status === 'True') return successMet;
    const failureTarget = findCondition(status, 'FailureTarget');
    if (failureTarget?.status === 'True') return newCondition('Failed', 'True', failureTarget.reason ?? '', failureTarget.message ?? '', now);
    const policy = podFailurePolicyOf(job);
    const failJob = policy ? state.pods.filter((p) => isPodFailed(p, job)).map((p) => matchPodFailurePolicy(policy, p).failJobMessage).find((m) => m !== undefined) : undefined;
    if (failJob) return newCondition('FailureTarget', 'True', 'PodFailurePolicy', failJob, now);
    if (state.failed > backoffLimit || this.pastBackoffLimitOnFailure(job, state.pods, backoffLimit)) return newCondition('FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', now);
    if (typeof spec.activeDeadlineSeconds !== 'number' || !status.startTime || spec.suspend === true) return undefined;
    const remaining = spec.activeDeadlineSeconds * 1000 - (now - (parseRfc3339(status.startTime) ?? now));
    if (remaining <= 0) return newCondition('FailureTarget', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline', now);
    this.requeue(state, remaining);
    context.timers?.set({ id: `job-active-deadline/${state.key}`, kind: TimerKind.JobActiveDeadline, dueMs: now + remaining, object: this.ref(job), component: this.name, description: `fails Job ${state.key} if it is still running (activeDeadlineSeconds ${spec.activeDeadlineSeconds})` });
    return undefined;
  }

  private ref(job: KubeObject): { kind: string; namespace?: string; name: string; uid?: string } {
    return { kind: 'Job', namespace: job.metadata.namespace, name: text(job.metadata.name), uid: job.metadata.uid };
  }

  private clearTimers(key: string, context: ControllerContext): void {
    context.timers?.clear(`job-active-deadline/${key}`);
    context.timers?.clear(`job-pod-failure-back-off/${key}`);
  }

  /** With restartPolicy OnFailure, container restarts of running pods count toward the limit. */
  private pastBackoffLimitOnFailure(job: KubeObject, pods: KubeObject[], backoffLimit: number): boolean {
    if (rec(rec(rec(job.spec).template).spec).restartPolicy !== 'OnFailure') return false;
    let restarts = 0;
    for (const pod of pods) {
      const s = rec(pod.status);
      if (s.phase !== 'Running' && s.phase !== 'Pending') continue;
      for (const list of [s.initContainerStatuses, s.containerStatuses]) for (const c of Array.isArray(list) ? list.filter(isRecord) : []) restarts += typeof c.restartCount === 'number' ? c.restartCount : 0;
    }
    return backoffLimit === 0 ? restarts > 0 : restarts >= backoffLimit;
  }

  private requeue(state: SyncState, delayMs: number): void {
    state.requeueMs = state.requeueMs === undefined ? delayMs : Math.min(state.requeueMs, delayMs);
  }

  /** Creates or deletes pods toward the wanted number of active pods; returns the active count. */
  private manageJob(state: SyncState, context: ControllerContext): number {
    const { job } = state;
    const spec = rec(job.spec);
    let active = state.active.length;
    const indexed = spec.completionMode === 'Indexed';
    const completions = typeof spec.completions === 'number' ? spec.completions : undefined;
    if (spec.suspend === true) {
      const { deleted, deletedReady } = this.deletePods(job, [...state.active].sort(deletionRank), true);
      state.terminating += deleted;
      state.ready -= deletedReady;
      return active - deleted;
    }
    const parallelism = typeof spec.parallelism === 'number' ? spec.parallelism : 1;
    let wantActive: number;
    if (completions === undefined) wantActive = state.succeeded > 0 ? active : parallelism;
    else wantActive = Math.max(0, Math.min(completions - state.succeeded, parallelism));

    const rmAtLeast = Math.max(0, active - wantActive);
    let toDelete = indexed && completions !== undefined ? duplicateIndexPods(state.active, completions) : [];
    if (toDelete.length < rmAtLeast) {
      const left = [...state.active].filter((p) => !toDelete.includes(p)).sort(deletionRank);
      toDelete = [...toDelete, ...left.slice(0, rmAtLeast - toDelete.length)];
    }
    toDelete = toDelete.slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
    if (toDelete.length > 0) {
      const { deleted, deletedReady } = this.deletePods(job, toDelete, true);
      state.terminating += deleted;
      state.ready -= deletedReady;
      return active - deleted;
    }

    const terminating = onlyReplaceFailedPods(job) ? state.terminating : 0;
    let diff = Math.min(wantActive - terminating - active, MAX_POD_CREATE_DELETE_PER_SYNC);
    if (diff <= 0) return active;
    const wait = remainingBackoffMs(state.backoff, context.loop.nowMs());
    if (wait > 0) {
      this.requeue(state, Math.max(wait, SYNC_JOB_BATCH_PERIOD_MS));
      const failures = state.backoff.failuresAfterLastSuccess;
      context.timers?.set({ id: `job-pod-failure-back-off/${state.key}`, kind: TimerKind.JobPodFailureBackOff, dueMs: context.loop.nowMs() + wait, object: this.ref(job), component: this.name, description: `replaces failed pods of Job ${state.key} (back-off after ${failures} failure${failures === 1 ? '' : 's'})` });
      // As syncJob does, the Job reports no active pods while its replacements wait.
      return 0;
    }
    context.timers?.clear(`job-pod-failure-back-off/${state.key}`);
    const indexes = indexed && completions !== undefined ? firstPendingIndexes(state.succeededIndexes, state.active, diff, completions) : [];
    if (indexed) diff = indexes.length;
    // Slow start: batches of 1, 2, 4, ... stop at the first batch with a failure.
    let batch = 1;
    while (diff > 0) {
      const size = Math.min(batch, diff);
      let failed = 0;
      for (let i = 0; i < size; i++) {
        const index = indexes.shift();
        const template = jobPodTemplate(job, index);
        const generateName = index === undefined ? undefined : indexedGenerateName(text(job.metadata.name), index);
        if (this.pods?.create(job, template, {}, { generateName, finalizers: [JOB_TRACKING_FINALIZER] }).created) active++;
        else failed++;
      }
      if (failed > 0) break;
      diff -= size;
      batch *= 2;
    }
    return active;
  }

  /**
   * Deletes pods (SuccessfulDelete events). `dropFinalizer` first removes the tracking finalizer,
   * as deleteJobPods does for pods removed by scale-down or suspension (they are not counted failed).
   */
  private deletePods(job: KubeObject, pods: KubeObject[], dropFinalizer: boolean): { deleted: number; deletedReady: number } {
    let deleted = 0;
    let deletedReady = 0;
    for (const pod of pods) {
      if (dropFinalizer && hasTrackingFinalizer(pod) && !this.removeFinalizer(pod)) continue;
      if (this.pods?.delete(job, pod) === false) continue;
      deleted++;
      if (isPodReady(pod)) deletedReady++;
    }
    return { deleted, deletedReady };
  }

  private removeFinalizer(pod: KubeObject): boolean {
    if (!this.client) return false;
    const finalizers = (pod.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER);
    const r = this.client.patch({ group: '', version: 'v1', resource: 'pods', namespace: pod.metadata.namespace, name: text(pod.metadata.name) }, 'merge', { metadata: { finalizers: finalizers.length ? finalizers : null } });
    return r.ok || r.code === 404;
  }

  /**
   * trackJobStatusAndRemoveFinalizers: finished pods go to uncountedTerminatedPods (flushed), lose
   * their finalizer, then move into the counters; the terminal condition is added once nothing is
   * uncounted or terminating.
   */
  private trackStatusAndRemoveFinalizers(state: SyncState, needsFlush: boolean, context: ControllerContext): boolean {
    const { status } = state;
    const spec = rec(state.job.spec);
    const indexed = spec.completionMode === 'Indexed';
    const completions = typeof spec.completions === 'number' ? spec.completions : 0;
    const withFinalizer = new Set(state.pods.filter(hasTrackingFinalizer).map((p) => text(p.metadata.uid)));
    if (this.countUncountedWithoutFinalizer(status, withFinalizer)) needsFlush = true;
    const toRemove: KubeObject[] = [];
    const newSucceededIndexes: number[] = [];
    const finishing = state.finished !== undefined && state.finished.type !== 'SuccessCriteriaMet';
    for (const pod of state.pods) {
      if (!hasTrackingFinalizer(pod)) continue;
      const uid = text(pod.metadata.uid);
      const failed = isPodFailed(pod, state.job);
      const succeeded = rec(pod.status).phase === 'Succeeded';
      if (!state.job.metadata.deletionTimestamp && !state.finished && !succeeded && !failed) continue;
      toRemove.push(pod);
      const ix = completionIndexOf(pod);
      if (succeeded && !state.uncounted.failed.has(uid)) {
        if (indexed) {
          if (ix !== undefined && ix < completions && !state.prevSucceededIndexes.has(ix)) {
            newSucceededIndexes.push(ix);
            needsFlush = true;
          }
        } else if (!state.uncounted.succeeded.has(uid)) {
          status.uncounted.succeeded.push(uid);
          needsFlush = true;
        }
      } else if ((failed || finishing) && !state.uncounted.failed.has(uid) && (!indexed || (ix !== undefined && ix < completions))) {
        if (matchPodFailurePolicy(podFailurePolicyOf(state.job), pod).countFailed) {
          status.uncounted.failed.push(uid);
          needsFlush = true;
        }
      }
    }
    if (indexed) {
      const all = new Set([...state.succeededIndexes, ...newSucceededIndexes]);
      const text = formatIndexes(all);
      if (text !== status.completedIndexes) needsFlush = true;
      status.completedIndexes = text;
      status.succeeded = all.size;
    }
    let finished = state.finished;
    if (finished?.type === 'FailureTarget') {
      status.conditions.push(finished);
      needsFlush = true;
      finished = newCondition('Failed', 'True', finished.reason ?? '', finished.message ?? '', context.loop.nowMs());
    }
    if (finished?.type === 'SuccessCriteriaMet') {
      if (!findCondition(status, 'SuccessCriteriaMet')) {
        status.conditions.push(finished);
        needsFlush = true;
      }
      finished = newCondition('Complete', 'True', finished.reason ?? '', finished.message ?? '', context.loop.nowMs());
    }
    let job = state.job;
    if (needsFlush) {
      const updated = this.updateStatus(job, status, context);
      if (!updated) return false;
      job = updated;
      this.backoffs.set(`${text(job.metadata.namespace)}/${text(job.metadata.name)}`, state.backoff);
      needsFlush = false;
    }
    for (const pod of toRemove) if (this.removeFinalizer(pod)) withFinalizer.delete(text(pod.metadata.uid));
    if (this.countUncountedWithoutFinalizer(status, withFinalizer)) needsFlush = true;
    // enactJobFinished: only once every finished pod is counted and none is still terminating.
    let jobFinished = false;
    if (finished && status.uncounted.succeeded.length + status.uncounted.failed.length === 0 && (status.terminating ?? 0) === 0) {
      ensureCondition(status, finished.type, finished.status, finished.reason ?? '', finished.message ?? '', context.loop.nowMs());
      if (finished.type === 'Complete') status.completionTime = finished.lastTransitionTime;
      jobFinished = true;
      needsFlush = true;
    }
    if (needsFlush) {
      const updated = this.updateStatus(job, status, context);
      if (!updated) return false;
      if (jobFinished) this.recordFinished(updated, finished as JobCondition, status);
    }
    return true;
  }

  /** Moves uncounted pods whose finalizer is gone into the counters; returns whether any moved. */
  private countUncountedWithoutFinalizer(status: JobStatus, withFinalizer: Set<string>): boolean {
    const succeeded = status.uncounted.succeeded.filter((uid) => withFinalizer.has(uid));
    const failed = status.uncounted.failed.filter((uid) => withFinalizer.has(uid));
    const changed = succeeded.length !== status.uncounted.succeeded.length || failed.length !== status.uncounted.failed.length;
    status.succeeded += status.uncounted.succeeded.length - succeeded.length;
    status.failed += status.uncounted.failed.length - failed.length;
    status.uncounted = { succeeded, failed };
    return changed;
  }

  private updateStatus(job: KubeObject, status: JobStatus, context: ControllerContext): KubeObject | undefined {
    const r = context.client.update({ ...JOBS, namespace: job.metadata.namespace, name: text(job.metadata.name), subresource: 'status' }, { ...job, status: writeJobStatus(status) });
    return r.ok ? r.value : undefined;
  }

  private recordFinished(job: KubeObject, condition: JobCondition, status: JobStatus): void {
    const completions = rec(job.spec).completions;
    if (condition.type === 'Complete') {
      if (typeof completions === 'number' && status.succeeded > completions) this.events?.record(job, 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached');
      this.events?.record(job, 'Normal', 'Completed', 'Job completed');
    } else this.events?.record(job, 'Warning', condition.reason ?? '', condition.message ?? '');
  }

  /** Removes the tracking finalizer from a pod whose Job is gone or finished (syncOrphanPod). */
  private syncOrphanPod(key: string, context: ControllerContext): ReconcileResult {
    const [namespace = '', name = ''] = key.split('/');
    const got = context.client.get({ group: '', version: 'v1', resource: 'pods', namespace, name });
    if (!got.ok || !hasTrackingFinalizer(got.value)) return DONE;
    const ref = controllerRef(got.value);
    if (ref && ref.kind !== 'Job') return DONE;
    if (ref) {
      const job = context.client.get({ ...JOBS, namespace, name: ref.name });
      if (job.ok && job.value.metadata.uid === ref.uid && !isJobFinished(job.value)) return DONE;
    }
    return this.removeFinalizer(got.value) ? DONE : { kind: 'retry', reason: 'removing tracking finalizer failed' };
  }
}
