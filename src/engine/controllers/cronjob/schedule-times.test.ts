import { describe, expect, it } from 'vitest';
import { parseCronSchedule } from '../../api/cron/cron-schedule';
import { jobNameFor, mostRecentScheduleTime, nextScheduleDelayMs } from './schedule-times';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('schedule times', () => {
  const every15 = parseCronSchedule('*/15 * * * *');
  const created = at('2025-09-01T09:00:05Z');

  it('nothing is owed before the first scheduled time', () => {
    const r = mostRecentScheduleTime({ creationMs: created }, at('2025-09-01T09:10:00Z'), every15, true);
    expect(r.mostRecentMs).toBeUndefined();
    expect(nextScheduleDelayMs({ creationMs: created }, at('2025-09-01T09:10:00Z'), every15)).toBe(5 * 60_000 + 100);
  });

  it('owes the most recent time, counting what was missed', () => {
    const r = mostRecentScheduleTime({ creationMs: created }, at('2025-09-01T10:05:00Z'), every15, true);
    expect(iso(r.mostRecentMs)).toBe('2025-09-01T10:00:00.000Z');
    expect(r.missed).toBe('few');
    const many = mostRecentScheduleTime({ creationMs: created }, at('2025-09-03T09:00:00Z'), every15, true);
    expect(many.missed).toBe('many');
    expect(iso(many.mostRecentMs)).toBe('2025-09-03T09:00:00.000Z');
  });

  it('the starting deadline hides older times; the last schedule time is the new start', () => {
    const r = mostRecentScheduleTime({ creationMs: created, startingDeadlineSeconds: 60 }, at('2025-09-01T09:20:00Z'), every15, true);
    expect(r.mostRecentMs).toBeUndefined();
    const after = mostRecentScheduleTime({ creationMs: created, lastScheduleMs: at('2025-09-01T09:15:00Z') }, at('2025-09-01T09:20:00Z'), every15, true);
    expect(after.mostRecentMs).toBeUndefined();
  });

  it('names Jobs by the scheduled time in minutes since the epoch', () => {
    expect(jobNameFor('hello', at('2025-09-01T09:15:00Z'))).toBe('hello-29278635');
  });
});
