/**
 * Which scheduled time a CronJob owes a Job for, and when to look again (cronjob/utils.go
 * mostRecentScheduleTime, nextScheduleTime, nextScheduleTimeDuration).
 */
import type { CronSchedule } from '../../api/cron/cron-schedule';

/** Requeues land this long after the scheduled time, to absorb clock skew. */
export const NEXT_SCHEDULE_DELTA_MS = 100;
export const MAX_MISSED_SCHEDULES = 100;

export type Missed = 'none' | 'few' | 'many';

export interface ScheduleInputs {
  creationMs: number;
  lastScheduleMs?: number;
  startingDeadlineSeconds?: number;
}

export interface MostRecent {
  earliestMs: number;
  mostRecentMs?: number;
  missed: Missed;
  error?: string;
}

/**
 * The latest schedule time after the last one run (or the CronJob's creation) that is not after
 * `nowMs`, and roughly how many were missed. With the starting deadline, times before
 * `now - startingDeadlineSeconds` are not considered.
 */
export function mostRecentScheduleTime(cj: ScheduleInputs, nowMs: number, schedule: CronSchedule, includeStartingDeadline: boolean): MostRecent {
  let earliestMs = cj.lastScheduleMs ?? cj.creationMs;
  if (includeStartingDeadline && cj.startingDeadlineSeconds !== undefined) {
    const deadline = nowMs - cj.startingDeadlineSeconds * 1000;
    if (deadline > earliestMs) earliestMs = deadline;
  }
  const t1 = schedule.next(earliestMs);
  const t2 = t1 === undefined ? undefined : schedule.next(t1);
  if (t1 !== undefined && nowMs < t1) return { earliestMs, missed: 'none' };
  if (t1 !== undefined && t2 !== undefined && nowMs < t2) return { earliestMs, mostRecentMs: t1, missed: 'none' };
  if (t1 === undefined || t2 === undefined || Math.round((t2 - t1) / 1000) < 1) return { earliestMs, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  // An estimate from the first interval, then the exact walk over the last few.
  const between = Math.round((t2 - t1) / 1000);
  const elapsed = Math.trunc((nowMs - t1) / 1000);
  const missedCount = Math.trunc(elapsed / between) + 1;
  const potentialEarliest = t1 + (missedCount - 2) * between * 1000;
  let mostRecentMs: number | undefined;
  for (let t = schedule.next(potentialEarliest); t !== undefined && t <= nowMs; t = schedule.next(t)) mostRecentMs = t;
  const missed: Missed = missedCount > MAX_MISSED_SCHEDULES ? 'many' : missedCount > 0 ? 'few' : 'none';
  return { earliestMs, mostRecentMs, missed };
}

/** How long until the controller should look at the CronJob again. */
export function nextScheduleDelayMs(cj: ScheduleInputs, nowMs: number, schedule: CronSchedule): number {
  const recent = mostRecentScheduleTime(cj, nowMs, schedule, false);
  let from: number;
  if (recent.error) from = nowMs;
  else if (recent.mostRecentMs === undefined) from = recent.missed === 'none' ? recent.earliestMs : nowMs;
  else from = recent.mostRecentMs;
  const next = schedule.next(from) ?? nowMs;
  return next + NEXT_SCHEDULE_DELTA_MS - nowMs;
}

/** `<cronjob>-<scheduled time in minutes since the epoch>` (getJobName). */
export function jobNameFor(cronJobName: string, scheduledMs: number): string {
  return `${cronJobName}-${Math.floor(scheduledMs / 60_000)}`;
}
