/**
 * cronjob-controller (pkg/controller/cronjob, controller v2): at each scheduled time creates the
 * Job `<cronjob>-<minutes since epoch>` from the job template, honouring suspend,
 * startingDeadlineSeconds (MissSchedule) and concurrencyPolicy (Forbid skips with
 * JobAlreadyActive, Replace deletes the running Jobs first); keeps status.active,
 * lastScheduleTime and lastSuccessfulTime; deletes finished Jobs beyond the history limits. It
 * wakes itself up 100 ms after the next scheduled time.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { formatRfc3339, parseRfc3339 } from '../../api/time';
import { LegacyEventRecorder } from '../../client';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';
import { controllerRef } from '../pod-helpers';
import { CronParseError, parseCronSchedule, type CronSchedule } from '../../api/cron/cron-schedule';
import { jobNameFor, mostRecentScheduleTime, NEXT_SCHEDULE_DELTA_MS, nextScheduleDelayMs, type ScheduleInputs } from './schedule-times';
import { TimerKind } from '../../clock/timer-board';
import { formatRfc3339InZone, loadZone } from '../../api/cron/time-zones';
import { conditionTrue, isJobFinished } from '../job/job-status';

export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

const CRONJOBS = { group: 'batch', version: 'v1', resource: 'cronjobs' };
const JOBS = { group: 'batch', version: 'v1', resource: 'jobs' };

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: `Mon, 01 Sep 2025 09:15:00 +0000`. */
function formatRfc1123z(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

interface ActiveRef {
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  apiVersion: string;
  resourceVersion: string;
}

interface CronJobState {
  cj: KubeObject;
  active: ActiveRef[];
  lastScheduleTime?: string;
  lastSuccessfulTime?: string;
  changed: boolean;
}

function readState(cj: KubeObject): CronJobState {
  const status = rec(cj.status);
  const active = Array.isArray(status.active) ? status.active.filter(isRecord).map((r) => r as unknown as ActiveRef) : [];
  return {
    cj,
    active,
    lastScheduleTime: typeof status.lastScheduleTime === 'string' ? status.lastScheduleTime : undefined,
    lastSuccessfulTime: typeof status.lastSuccessfulTime === 'string' ? status.lastSuccessfulTime : undefined,
    changed: false,
  };
}

function removeActive(state: CronJobState, uid: string | undefined): void {
  state.active = state.active.filter((r) => r.uid !== uid);
}

/** Oldest first by status.startTime (unstarted last), then name (byJobStartTime). */
function byStartTime(a: KubeObject, b: KubeObject): number {
  const sa = parseRfc3339(rec(a.status).startTime);
  const sb = parseRfc3339(rec(b.status).startTime);
  if (sa === undefined && sb !== undefined) return 1;
  if (sa !== undefined && sb === undefined) return -1;
  if (sa === sb) return text(a.metadata.name) < text(b.metadata.name) ? -1 : 1;
  return (sa ?? 0) - (sb ?? 0);
}

export class CronJobController implements Controller {
  readonly name = 'cronjob-controller';
  private events: LegacyEventRecorder | undefined;

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    this.events = new LegacyEventRecorder(context.client, context.loop, 'cronjob-controller', '');
    const keyOf = (o: KubeObject) => `${text(o.metadata.namespace)}/${text(o.metadata.name)}`;
    const cronJobs = context.informers.forResource('batch', 'v1', 'cronjobs');
    cronJobs.addHandler({ onAdd: (cj) => enqueue(keyOf(cj)), onUpdate: (_o, cj) => enqueue(keyOf(cj)) });
    const owner = (job: KubeObject) => {
      const ref = controllerRef(job);
      if (ref?.kind !== 'CronJob') return;
      const cj = cronJobs.list().find((c) => c.metadata.namespace === job.metadata.namespace && c.metadata.name === ref.name);
      if (cj?.metadata.uid === ref.uid) enqueue(keyOf(cj));
    };
    context.informers.forResource('batch', 'v1', 'jobs').addHandler({ onAdd: owner, onUpdate: (_o, j) => owner(j), onDelete: owner });
  }

  reconcile(key: string, context: ControllerContext): ReconcileResult {
    const [namespace = '', name = ''] = key.split('/');
    const got = context.client.get({ ...CRONJOBS, namespace, name });
    if (!got.ok) {
      context.timers?.clear(`cronjob-schedule/${key}`);
      return DONE;
    }
    const listed = context.client.list({ ...JOBS, namespace });
    if (!listed.ok) return { kind: 'retry', reason: 'list jobs failed' };
    // As the controller does, a Job belongs to the CronJob whose name its controller reference carries.
    const jobs = listed.value.items.filter((j) => controllerRef(j)?.name === name);
    const state = readState(got.value);
    this.cleanupFinishedJobs(state, jobs, context);
    const requeueMs = this.syncCronJob(state, jobs, context);
    if (state.changed && !this.updateStatus(state, context)) return { kind: 'retry', reason: 'cronjob status update failed' };
    if (requeueMs === undefined) {
      context.timers?.clear(`cronjob-schedule/${key}`);
      return DONE;
    }
    const dueMs = context.loop.nowMs() + requeueMs - NEXT_SCHEDULE_DELTA_MS;
    context.timers?.set({ id: `cronjob-schedule/${key}`, kind: TimerKind.CronJobSchedule, dueMs, object: { kind: 'CronJob', namespace, name, uid: got.value.metadata.uid }, component: this.name, description: `creates the next Job of CronJob ${key} (schedule ${text(rec(got.value.spec).schedule)})` });
    return { kind: 'requeueAfter', delayMs: Math.max(0, requeueMs) };
  }

  /** Deletes the oldest finished Jobs beyond successfulJobsHistoryLimit / failedJobsHistoryLimit. */
  private cleanupFinishedJobs(state: CronJobState, jobs: KubeObject[], context: ControllerContext): void {
    const spec = rec(state.cj.spec);
    const trim = (finished: KubeObject[], limit: unknown) => {
      if (typeof limit !== 'number') return;
      const excess = finished.length - limit;
      if (excess <= 0) return;
      for (const job of [...finished].sort(byStartTime).slice(0, excess)) this.deleteJob(state, job, context);
    };
    trim(
      jobs.filter((j) => conditionTrue(j, 'Complete')),
      spec.successfulJobsHistoryLimit,
    );
    trim(
      jobs.filter((j) => !conditionTrue(j, 'Complete') && conditionTrue(j, 'Failed')),
      spec.failedJobsHistoryLimit,
    );
  }

  /** Deletes a Job in the background (its pods follow) and drops it from status.active. */
  private deleteJob(state: CronJobState, job: KubeObject, context: ControllerContext): boolean {
    const r = context.client.delete({ ...JOBS, namespace: job.metadata.namespace, name: text(job.metadata.name) }, { propagationPolicy: 'Background' });
    if (!r.ok) {
      this.events?.record(state.cj, 'Warning', 'FailedDelete', `Deleted job: ${r.status.message ?? ''}`);
      return false;
    }
    removeActive(state, job.metadata.uid);
    this.events?.record(state.cj, 'Normal', 'SuccessfulDelete', `Deleted job ${text(job.metadata.name)}`);
    state.changed = true;
    return true;
  }

  /** syncCronJob: reconcile status.active with the Jobs, then start the Job owed now, if any. */
  private syncCronJob(state: CronJobState, jobs: KubeObject[], context: ControllerContext): number | undefined {
    const { cj } = state;
    const spec = rec(cj.spec);
    const now = context.loop.nowMs();
    const children = new Set<string>();
    for (const job of jobs) {
      const uid = text(job.metadata.uid);
      children.add(uid);
      const found = state.active.some((r) => r.uid === uid);
      if (!found && !isJobFinished(job)) {
        this.events?.record(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${text(job.metadata.name)}`);
      } else if (found && isJobFinished(job)) {
        removeActive(state, uid);
        this.events?.record(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${text(job.metadata.name)}, status: ${conditionTrue(job, 'Complete') ? 'Complete' : 'Failed'}`);
        state.changed = true;
      } else if (conditionTrue(job, 'Complete')) {
        const completed = rec(job.status).completionTime;
        const at = parseRfc3339(completed);
        if (typeof completed === 'string' && at !== undefined && (state.lastSuccessfulTime === undefined || at > (parseRfc3339(state.lastSuccessfulTime) ?? 0))) {
          state.lastSuccessfulTime = completed;
          state.changed = true;
        }
      }
    }
    for (const ref of [...state.active]) {
      if (children.has(ref.uid)) continue;
      const fresh = context.client.get({ ...JOBS, namespace: ref.namespace, name: ref.name });
      if (!fresh.ok && fresh.code === 404) {
        this.events?.record(cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
        removeActive(state, ref.uid);
        state.changed = true;
      }
    }
    if (cj.metadata.deletionTimestamp) return undefined;

    const timeZone = typeof spec.timeZone === 'string' ? spec.timeZone : undefined;
    const zone = timeZone === undefined ? loadZone('') : loadZone(timeZone);
    if (!zone) {
      this.events?.record(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(timeZone)}: unknown time zone ${timeZone}`);
      return undefined;
    }
    if (spec.suspend === true) return undefined;

    const scheduleText = text(spec.schedule);
    let schedule: CronSchedule;
    try {
      schedule = parseCronSchedule(this.formatSchedule(cj, scheduleText, timeZone));
    } catch (e) {
      if (!(e instanceof CronParseError)) throw e;
      this.events?.record(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(scheduleText)} : ${e.message}`);
      return undefined;
    }
    const inputs: ScheduleInputs = {
      creationMs: parseRfc3339(cj.metadata.creationTimestamp) ?? now,
      lastScheduleMs: parseRfc3339(state.lastScheduleTime),
      startingDeadlineSeconds: typeof spec.startingDeadlineSeconds === 'number' ? spec.startingDeadlineSeconds : undefined,
    };
    const recent = mostRecentScheduleTime(inputs, now, schedule, true);
    const nextDelay = () => nextScheduleDelayMs({ ...inputs, lastScheduleMs: parseRfc3339(state.lastScheduleTime) }, now, schedule);
    if (recent.error) {
      this.events?.record(cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${scheduleText} : ${recent.error}`);
      return undefined;
    }
    const scheduled = recent.mostRecentMs;
    if (scheduled === undefined || scheduled > now) return nextDelay();
    if (recent.missed === 'many') this.events?.record(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');

    if (inputs.startingDeadlineSeconds !== undefined && scheduled + inputs.startingDeadlineSeconds * 1000 < now) {
      this.events?.record(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${formatRfc1123z(scheduled)}`);
      return nextDelay();
    }
    const jobName = jobNameFor(text(cj.metadata.name), scheduled);
    if (state.active.some((r) => r.name === jobName && r.namespace === cj.metadata.namespace) || parseRfc3339(state.lastScheduleTime) === scheduled) return nextDelay();
    if (spec.concurrencyPolicy === 'Forbid' && state.active.length > 0) {
      this.events?.record(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return nextDelay();
    }
    if (spec.concurrencyPolicy === 'Replace') {
      for (const ref of [...state.active]) {
        const job = context.client.get({ ...JOBS, namespace: ref.namespace, name: ref.name });
        if (!job.ok) {
          this.events?.record(cj, 'Warning', 'FailedGet', `Get job: ${job.status.message ?? ''}`);
          return undefined;
        }
        if (!this.deleteJob(state, job.value, context)) return undefined;
      }
    }

    const created = this.createJob(cj, jobName, scheduled, zone, context);
    if (!created) return undefined;
    const m = created.metadata;
    state.active.push({ kind: 'Job', namespace: text(m.namespace), name: text(m.name), uid: text(m.uid), apiVersion: 'batch/v1', resourceVersion: text(m.resourceVersion) });
    state.lastScheduleTime = formatRfc3339(scheduled);
    state.changed = true;
    return nextDelay();
  }

  /** The schedule with `TZ=<zone> ` for spec.timeZone; a schedule naming TZ itself is warned about. */
  private formatSchedule(cj: KubeObject, schedule: string, timeZone: string | undefined): string {
    if (schedule.includes('TZ')) {
      this.events?.record(cj, 'Warning', 'UnsupportedSchedule', `CRON_TZ or TZ used in schedule ${JSON.stringify(schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`);
      return schedule;
    }
    return timeZone === undefined ? schedule : `TZ=${timeZone} ${schedule}`;
  }

  /** Creates the Job for a scheduled time; an existing one of ours (created before a lost status update) is taken as it. */
  private createJob(cj: KubeObject, name: string, scheduledMs: number, zone: NonNullable<ReturnType<typeof loadZone>>, context: ControllerContext): KubeObject | undefined {
    const template = rec(rec(cj.spec).jobTemplate);
    const meta = rec(template.metadata);
    const namespace = cj.metadata.namespace;
    const labels = rec(meta.labels);
    const r = context.client.create(
      { ...JOBS, namespace },
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: {
          name,
          namespace,
          ...(Object.keys(labels).length ? { labels: { ...labels } } : {}),
          annotations: { ...rec(meta.annotations), [SCHEDULED_TIMESTAMP_ANNOTATION]: formatRfc3339InZone(zone, scheduledMs) },
          ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: text(cj.metadata.name), uid: text(cj.metadata.uid), controller: true, blockOwnerDeletion: true }],
        },
        spec: template.spec,
      },
    );
    if (r.ok) {
      this.events?.record(cj, 'Normal', 'SuccessfulCreate', `Created job ${text(r.value.metadata.name)}`);
      return r.value;
    }
    if (r.code === 409) {
      const existing = context.client.get({ ...JOBS, namespace, name });
      if (!existing.ok || controllerRef(existing.value)?.uid !== cj.metadata.uid) return undefined;
      return readState(cj).active.some((a) => a.uid === existing.value.metadata.uid) ? undefined : existing.value;
    }
    this.events?.record(cj, 'Warning', 'FailedCreate', `Error creating job: ${r.status.message ?? ''}`);
    return undefined;
  }

  private updateStatus(state: CronJobState, context: ControllerContext): boolean {
    const status: Record<string, unknown> = {};
    if (state.active.length) status.active = state.active;
    if (state.lastScheduleTime) status.lastScheduleTime = state.lastScheduleTime;
    if (state.lastSuccessfulTime) status.lastSuccessfulTime = state.lastSuccessfulTime;
    const r = context.client.update({ ...CRONJOBS, namespace: state.cj.metadata.namespace, name: text(state.cj.metadata.name), subresource: 'status' }, { ...state.cj, status });
    return r.ok;
  }
}
