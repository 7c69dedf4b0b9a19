/**
 * ttl-after-finished-controller (pkg/controller/ttlafterfinished): deletes a finished Job
 * `spec.ttlSecondsAfterFinished` seconds after its Complete or Failed condition was set, in the
 * foreground (so its pods go first) and only if it is still the same, unchanged object. It records
 * no events.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { parseRfc3339 } from '../../api/time';
import { TimerKind } from '../../clock/timer-board';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';

const JOBS = { group: 'batch', version: 'v1', resource: 'jobs' };

/** When the Job finished (its Complete/Failed condition's transition time), if it did. */
function finishedAtMs(job: KubeObject): number | undefined {
  const status = isRecord(job.status) ? job.status : {};
  const conditions = Array.isArray(status.conditions) ? status.conditions.filter(isRecord) : [];
  const done = conditions.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  return done ? parseRfc3339(done.lastTransitionTime) : undefined;
}

function ttlSeconds(job: KubeObject): number | undefined {
  const ttl = isRecord(job.spec) ? job.spec.ttlSecondsAfterFinished : undefined;
  return typeof ttl === 'number' ? ttl : undefined;
}

function needsCleanup(job: KubeObject): boolean {
  return ttlSeconds(job) !== undefined && finishedAtMs(job) !== undefined && !job.metadata.deletionTimestamp;
}

export class TtlAfterFinishedController implements Controller {
  readonly name = 'ttl-after-finished-controller';

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    const keyOf = (o: KubeObject) => `${text(o.metadata.namespace)}/${text(o.metadata.name)}`;
    const maybe = (job: KubeObject) => {
      if (needsCleanup(job)) enqueue(keyOf(job));
    };
    context.informers.forResource('batch', 'v1', 'jobs').addHandler({ onAdd: maybe, onUpdate: (_o, job) => maybe(job) });
  }

  reconcile(key: string, context: ControllerContext): ReconcileResult {
    const [namespace = '', name = ''] = key.split('/');
    const got = context.client.get({ ...JOBS, namespace, name });
    const timerId = `ttl-after-finished/${key}`;
    if (!got.ok || !needsCleanup(got.value)) {
      context.timers?.clear(timerId);
      return DONE;
    }
    const job = got.value;
    const expireAt = (finishedAtMs(job) ?? 0) + (ttlSeconds(job) ?? 0) * 1000;
    const remaining = expireAt - context.loop.nowMs();
    if (remaining > 0) {
      context.timers?.set({ id: timerId, kind: TimerKind.TtlAfterFinished, dueMs: expireAt, object: { kind: 'Job', namespace, name, uid: job.metadata.uid }, component: this.name, description: `deletes finished Job ${key} (ttlSecondsAfterFinished ${ttlSeconds(job)})` });
      return { kind: 'requeueAfter', delayMs: remaining };
    }
    context.timers?.clear(timerId);
    const r = context.client.delete({ ...JOBS, namespace, name }, { propagationPolicy: 'Foreground', preconditions: { uid: job.metadata.uid, resourceVersion: job.metadata.resourceVersion } });
    return r.ok || r.code === 404 || r.code === 409 ? DONE : { kind: 'retry', reason: 'delete job failed' };
  }
}
