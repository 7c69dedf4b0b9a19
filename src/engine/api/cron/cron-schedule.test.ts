import { describe, expect, it } from 'vitest';
import { CronParseError, parseCronSchedule } from './cron-schedule';
import { formatRfc3339InZone, loadZone } from './time-zones';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function nexts(spec: string, fromIso: string, count: number): (string | undefined)[] {
  const s = parseCronSchedule(spec);
  const out: (string | undefined)[] = [];
  let t: number | undefined = at(fromIso);
  for (let i = 0; i < count && t !== undefined; i++) {
    t = s.next(t);
    out.push(iso(t));
  }
  return out;
}

describe('cron schedule parsing', () => {
  it('steps, ranges and lists', () => {
    expect(nexts('*/15 * * * *', '2025-09-01T09:00:00Z', 3)).toEqual(['2025-09-01T09:15:00.000Z', '2025-09-01T09:30:00.000Z', '2025-09-01T09:45:00.000Z']);
    expect(nexts('5-10/5,30 9 * * *', '2025-09-01T09:00:00Z', 4)).toEqual(['2025-09-01T09:05:00.000Z', '2025-09-01T09:10:00.000Z', '2025-09-01T09:30:00.000Z', '2025-09-02T09:05:00.000Z']);
    // `a/n` runs from a to the field's maximum.
    expect(nexts('50/5 * * * *', '2025-09-01T09:00:00Z', 3)).toEqual(['2025-09-01T09:50:00.000Z', '2025-09-01T09:55:00.000Z', '2025-09-01T10:50:00.000Z']);
  });

  it('is strictly after the given time, from the next whole second', () => {
    expect(nexts('0 * * * *', '2025-09-01T10:00:00Z', 1)).toEqual(['2025-09-01T11:00:00.000Z']);
    expect(nexts('0 * * * *', '2025-09-01T09:59:59.500Z', 1)).toEqual(['2025-09-01T10:00:00.000Z']);
  });

  it('month and weekday names, case-insensitively', () => {
    // 2025-09-01 is a Monday.
    expect(nexts('0 12 * * FRI', '2025-09-01T00:00:00Z', 2)).toEqual(['2025-09-05T12:00:00.000Z', '2025-09-12T12:00:00.000Z']);
    expect(nexts('0 0 1 jan-feb *', '2025-09-01T00:00:00Z', 2)).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
  });

  it('day of month OR day of week when both are restricted, AND when either is *', () => {
    expect(nexts('0 0 13 * 5', '2025-09-01T00:00:00Z', 3)).toEqual(['2025-09-05T00:00:00.000Z', '2025-09-12T00:00:00.000Z', '2025-09-13T00:00:00.000Z']);
    expect(nexts('0 0 13 * *', '2025-09-01T00:00:00Z', 1)).toEqual(['2025-09-13T00:00:00.000Z']);
  });

  it('descriptors', () => {
    expect(nexts('@hourly', '2025-09-01T09:10:00Z', 1)).toEqual(['2025-09-01T10:00:00.000Z']);
    expect(nexts('@daily', '2025-09-01T09:10:00Z', 1)).toEqual(['2025-09-02T00:00:00.000Z']);
    expect(nexts('@midnight', '2025-09-01T09:10:00Z', 1)).toEqual(['2025-09-02T00:00:00.000Z']);
    expect(nexts('@weekly', '2025-09-01T09:10:00Z', 1)).toEqual(['2025-09-07T00:00:00.000Z']);
    expect(nexts('@monthly', '2025-09-01T09:10:00Z', 1)).toEqual(['2025-10-01T00:00:00.000Z']);
    expect(nexts('@yearly', '2025-09-01T09:10:00Z', 1)).toEqual(['2026-01-01T00:00:00.000Z']);
    expect(nexts('@annually', '2025-09-01T09:10:00Z', 1)).toEqual(['2026-01-01T00:00:00.000Z']);
    expect(nexts('@every 90s', '2025-09-01T09:10:00.400Z', 2)).toEqual(['2025-09-01T09:11:30.000Z', '2025-09-01T09:13:00.000Z']);
  });

  it("rejects bad schedules with robfig/cron's words", () => {
    const error = (spec: string) => {
      try {
        parseCronSchedule(spec);
      } catch (e) {
        expect(e).toBeInstanceOf(CronParseError);
        return (e as Error).message;
      }
      return 'parsed';
    };
    expect(error('')).toBe('empty spec string');
    expect(error('* * * *')).toBe('expected exactly 5 fields, found 4: [* * * *]');
    expect(error('60 * * * *')).toBe('end of range (60) above maximum (59): 60');
    expect(error('* * 0 * *')).toBe('beginning of range (0) below minimum (1): 0');
    expect(error('5-1 * * * *')).toBe('beginning of range (5) beyond end of range (1): 5-1');
    expect(error('*/0 * * * *')).toBe('step of range should be a positive number: */0');
    expect(error('1-2-3 * * * *')).toBe('too many hyphens: 1-2-3');
    expect(error('x * * * *')).toBe('failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax');
    expect(error('* * * * 7')).toBe('end of range (7) above maximum (6): 7');
    expect(error('@fortnightly')).toBe('unrecognized descriptor: @fortnightly');
  });

  it('time zones: fixed offsets, Etc/GMT signs, EU and US daylight saving', () => {
    // 09:00 in Seoul is midnight UTC.
    expect(nexts('TZ=Asia/Seoul 0 9 * * *', '2025-09-01T00:00:00Z', 1)).toEqual(['2025-09-02T00:00:00.000Z']);
    expect(nexts('TZ=Etc/GMT+5 0 0 * * *', '2025-09-01T00:00:00Z', 1)).toEqual(['2025-09-01T05:00:00.000Z']);
    // London is on summer time (UTC+1) in September, on GMT in December.
    expect(nexts('TZ=Europe/London 0 9 * * *', '2025-09-01T00:00:00Z', 1)).toEqual(['2025-09-01T08:00:00.000Z']);
    expect(nexts('TZ=Europe/London 0 9 * * *', '2025-12-01T00:00:00Z', 1)).toEqual(['2025-12-01T09:00:00.000Z']);
    expect(nexts('TZ=America/New_York 0 9 * * *', '2025-09-01T00:00:00Z', 1)).toEqual(['2025-09-01T13:00:00.000Z']);
    expect(nexts('TZ=America/New_York 0 9 * * *', '2025-11-03T00:00:00Z', 1)).toEqual(['2025-11-03T14:00:00.000Z']);
    expect(loadZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(formatRfc3339InZone(loadZone('Asia/Kolkata') as NonNullable<ReturnType<typeof loadZone>>, at('2025-09-01T09:15:00Z'))).toBe('2025-09-01T14:45:00+05:30');
  });
});
