/** `kubectl describe` for Jobs and CronJobs. */
import type { KubeObject } from '../../api/meta';
import { humanDuration } from '../printers/duration';
import { PrefixWriter } from '../printers/tabwriter';
import type { DescribeContext } from './context';
import { controllerOf, int, present, printBoolPtr, rec, recs, searchEvents, str, timeField, timestampMs, writeAnnotations, writeEvents, writeLabels, type DescribeWriter } from './format';
import { selectorText, writePodTemplate } from './workloads';

/** capIndexesListOrNone: the completed indexes, cut after the first comma past 50 characters. */
function capIndexes(indexes: string, softLimit: number): string {
  if (indexes === '') return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  return ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`;
}

export function describeJob(job: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = rec(job.spec);
  const status = rec(job.status);
  w.write(0, `Name:\t${str(job.metadata.name)}\n`);
  w.write(0, `Namespace:\t${str(job.metadata.namespace)}\n`);
  w.write(0, `Selector:\t${selectorText(spec.selector)}\n`);
  writeLabels(w, 'Labels', job.metadata.labels);
  writeAnnotations(w, 'Annotations', job.metadata.annotations);
  const controller = controllerOf(job);
  if (controller) w.write(0, `Controlled By:\t${controller}\n`);
  if (typeof spec.parallelism === 'number') w.write(0, `Parallelism:\t${int(spec.parallelism)}\n`);
  w.write(0, typeof spec.completions === 'number' ? `Completions:\t${int(spec.completions)}\n` : 'Completions:\t<unset>\n');
  if (typeof spec.completionMode === 'string') w.write(0, `Completion Mode:\t${spec.completionMode}\n`);
  if (typeof spec.suspend === 'boolean') w.write(0, `Suspend:\t${spec.suspend}\n`);
  if (typeof spec.backoffLimit === 'number') w.write(0, `Backoff Limit:\t${int(spec.backoffLimit)}\n`);
  if (typeof spec.ttlSecondsAfterFinished === 'number') w.write(0, `TTL Seconds After Finished:\t${int(spec.ttlSecondsAfterFinished)}\n`);
  if (present(status.startTime)) w.write(0, `Start Time:\t${timeField(status.startTime)}\n`);
  if (present(status.completionTime)) w.write(0, `Completed At:\t${timeField(status.completionTime)}\n`);
  const start = timestampMs(status.startTime);
  const end = timestampMs(status.completionTime);
  if (present(status.startTime) && present(status.completionTime)) w.write(0, `Duration:\t${humanDuration((end ?? 0) - (start ?? 0))}\n`);
  if (typeof spec.activeDeadlineSeconds === 'number') w.write(0, `Active Deadline Seconds:\t${int(spec.activeDeadlineSeconds)}s\n`);
  const counts = `${int(status.active)} Active${typeof status.ready === 'number' ? ` (${int(status.ready)} Ready)` : ''} / ${int(status.succeeded)} Succeeded / ${int(status.failed)} Failed`;
  w.write(0, `Pods Statuses:\t${counts}\n`);
  if (spec.completionMode === 'Indexed') w.write(0, `Completed Indexes:\t${capIndexes(str(status.completedIndexes), 50)}\n`);
  writePodTemplate(w, spec.template);
  writeEvents(w, searchEvents(context, job), context.nowMs);
  return w.toString();
}

/** describeJobTemplate: the job spec's selector, parallelism and completions, then its pod template. */
function writeJobTemplate(w: DescribeWriter, jobTemplate: unknown): void {
  const spec = rec(rec(jobTemplate).spec);
  w.write(0, present(spec.selector) ? `Selector:\t${selectorText(spec.selector)}\n` : 'Selector:\t<unset>\n');
  w.write(0, typeof spec.parallelism === 'number' ? `Parallelism:\t${int(spec.parallelism)}\n` : 'Parallelism:\t<unset>\n');
  w.write(0, typeof spec.completions === 'number' ? `Completions:\t${int(spec.completions)}\n` : 'Completions:\t<unset>\n');
  if (typeof spec.activeDeadlineSeconds === 'number') w.write(0, `Active Deadline Seconds:\t${int(spec.activeDeadlineSeconds)}s\n`);
  writePodTemplate(w, spec.template);
}

export function describeCronJob(cronJob: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = rec(cronJob.spec);
  const status = rec(cronJob.status);
  w.write(0, `Name:\t${str(cronJob.metadata.name)}\n`);
  w.write(0, `Namespace:\t${str(cronJob.metadata.namespace)}\n`);
  writeLabels(w, 'Labels', cronJob.metadata.labels);
  writeAnnotations(w, 'Annotations', cronJob.metadata.annotations);
  w.write(0, `Schedule:\t${str(spec.schedule)}\n`);
  w.write(0, `Concurrency Policy:\t${str(spec.concurrencyPolicy)}\n`);
  w.write(0, `Suspend:\t${printBoolPtr(spec.suspend)}\n`);
  const optional = (label: string, value: unknown, unit = '') => w.write(0, typeof value === 'number' ? `${label}:\t${int(value)}${unit}\n` : `${label}:\t<unset>\n`);
  optional('Successful Job History Limit', spec.successfulJobsHistoryLimit);
  optional('Failed Job History Limit', spec.failedJobsHistoryLimit);
  optional('Starting Deadline Seconds', spec.startingDeadlineSeconds, 's');
  writeJobTemplate(w, spec.jobTemplate);
  w.write(0, present(status.lastScheduleTime) ? `Last Schedule Time:\t${timeField(status.lastScheduleTime)}\n` : 'Last Schedule Time:\t<unset>\n');
  const active = recs(status.active);
  w.write(0, 'Active Jobs:\t');
  if (active.length === 0) w.writeLine('<none>');
  else w.writeLine(active.map((j) => str(j.name)).join(', '));
  writeEvents(w, searchEvents(context, cronJob), context.nowMs);
  return w.toString();
}
