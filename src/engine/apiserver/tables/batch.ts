/** Jobs and CronJobs (printJob, printCronJob). */
import { humanDuration } from '../../kubectl/printers/duration';
import { AGE_COLUMN, age, CONTAINERS_COLUMN, col, conditionIsTrue, containerCells, doc, formatLabelSelector, IMAGES_COLUMN, int, name, NAME_COLUMN, printBoolPtr, rec, since, str, timestampMs } from './cells';
import type { Printer } from './types';

/** The STATUS of a Job: terminal conditions first, then deletion, then transient conditions. */
function jobStatus(conditions: unknown, deleting: boolean): string {
  if (conditionIsTrue(conditions, 'Complete')) return 'Complete';
  if (conditionIsTrue(conditions, 'Failed')) return 'Failed';
  if (deleting) return 'Terminating';
  if (conditionIsTrue(conditions, 'Suspended')) return 'Suspended';
  if (conditionIsTrue(conditions, 'FailureTarget')) return 'FailureTarget';
  // Added in v1.34 (kubernetes PR 132832).
  if (conditionIsTrue(conditions, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

export const jobPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Status', 'string', 'Status of the job.'),
    col('Completions', 'string', doc('batch.JobStatus.succeeded')),
    col('Duration', 'string', 'Time required to complete the job.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    col('Selector', 'string', doc('batch.JobSpec.selector'), { priority: 1 }),
  ],
  row(o, nowMs) {
    const spec = rec(o.spec);
    const status = rec(o.status);
    const succeeded = int(status.succeeded);
    let completions: string;
    if (typeof spec.completions === 'number') completions = `${succeeded}/${int(spec.completions)}`;
    else {
      const parallelism = int(spec.parallelism);
      completions = parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
    }
    const start = timestampMs(status.startTime);
    const end = timestampMs(status.completionTime);
    const duration = start === undefined ? '' : humanDuration((end ?? nowMs) - start);
    const deleting = o.metadata.deletionTimestamp !== undefined && o.metadata.deletionTimestamp !== null;
    const [containers, images] = containerCells(rec(spec.template).spec);
    return { cells: [name(o), jobStatus(status.conditions, deleting), completions, duration, age(o, nowMs), containers, images, formatLabelSelector(spec.selector)] };
  },
};

export const cronJobPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Schedule', 'string', doc('batchb.CronJobSpec.schedule')),
    col('Timezone', 'string', doc('batchb.CronJobSpec.timeZone')),
    col('Suspend', 'boolean', doc('batchb.CronJobSpec.suspend')),
    col('Active', 'integer', doc('batchb.CronJobStatus.active')),
    col('Last Schedule', 'string', doc('batchb.CronJobStatus.lastScheduleTime')),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    col('Selector', 'string', doc('batch.JobSpec.selector'), { priority: 1 }),
  ],
  row(o, nowMs) {
    const spec = rec(o.spec);
    const status = rec(o.status);
    const jobSpec = rec(rec(spec.jobTemplate).spec);
    const [containers, images] = containerCells(rec(jobSpec.template).spec);
    const lastSchedule = status.lastScheduleTime === undefined || status.lastScheduleTime === null ? '<none>' : since(status.lastScheduleTime, nowMs);
    const timeZone = typeof spec.timeZone === 'string' ? spec.timeZone : '<none>';
    const active = Array.isArray(status.active) ? status.active.length : 0;
    return { cells: [name(o), str(spec.schedule), timeZone, printBoolPtr(spec.suspend), active, lastSchedule, age(o, nowMs), containers, images, formatLabelSelector(jobSpec.selector)] };
  },
};
