/**
 * Cron schedules as the CronJob controller reads them (robfig/cron v3's ParseStandard): five
 * fields (minute hour day-of-month month day-of-week) with `*` `?` ranges `a-b` steps `/n` lists
 * `,` and month/day names (JAN, mon), or a descriptor (@yearly @annually @monthly @weekly @daily
 * @midnight @hourly, `@every <duration>`). Errors carry the library's own words, which the API
 * server and the controller's events quote.
 */
import { fromWall, loadZone, toWall, type Zone } from './time-zones';

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = { min: 1, max: 12, names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 } };
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

/** A field: the set of values it matches, and whether it was written as `*` or `?` (robfig's star bit). */
interface Field {
  values: Set<number>;
  star: boolean;
}

export interface CronSchedule {
  /** The first activation strictly after `afterMs` (whole seconds), or undefined if none within five years. */
  next(afterMs: number): number | undefined;
}

export class CronParseError extends Error {}

function all(b: Bounds): Field {
  const values = new Set<number>();
  for (let i = b.min; i <= b.max; i++) values.add(i);
  return { values, star: true };
}

function only(value: number): Field {
  return { values: new Set([value]), star: false };
}

function parseInt10(expr: string): number {
  if (!/^[+-]?\d+$/.test(expr)) throw new CronParseError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const n = Number(expr);
  if (n < 0) throw new CronParseError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function parseIntOrName(expr: string, names?: Record<string, number>): number {
  const named = names?.[expr.toLowerCase()];
  return named ?? parseInt10(expr);
}

function parseRange(expr: string, b: Bounds, field: Field): void {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = (rangeAndStep[0] ?? '').split('-');
  const single = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0] ?? '', b.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1] ?? '', b.names);
    else throw new CronParseError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = parseInt10(rangeAndStep[1] ?? '');
    if (single) end = b.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) throw new CronParseError(`too many slashes: ${expr}`);
  if (start < b.min) throw new CronParseError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new CronParseError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new CronParseError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronParseError(`step of range should be a positive number: ${expr}`);
  for (let i = start; i <= end; i += step) field.values.add(i);
  if (star) field.star = true;
}

function parseField(expr: string, b: Bounds): Field {
  const field: Field = { values: new Set(), star: false };
  for (const part of expr.split(',')) parseRange(part, b, field);
  return field;
}

/** Go's time.ParseDuration for the units a schedule uses (h, m, s, ms, us, ns), in milliseconds. */
function parseGoDuration(text: string): number {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001 };
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(h|ms|m|s|us|µs|ns)/y;
  let total = 0;
  let at = 0;
  if (text === '') throw new CronParseError(`time: invalid duration ""`);
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw new CronParseError(`time: ${/\d/.test(text) && !/[a-zµ]/i.test(text.slice(at)) ? 'missing unit in' : 'invalid'} duration ${JSON.stringify(text)}`);
    total += Number(m[1]) * (units[m[2] as string] as number);
    at = re.lastIndex;
  }
  return total;
}

class SpecSchedule implements CronSchedule {
  constructor(
    private readonly minute: Field,
    private readonly hour: Field,
    private readonly dom: Field,
    private readonly month: Field,
    private readonly dow: Field,
    private readonly zone: Zone,
  ) {}

  private dayMatches(d: Date): boolean {
    const domMatch = this.dom.values.has(d.getUTCDate());
    const dowMatch = this.dow.values.has(d.getUTCDay());
    return this.dom.star || this.dow.star ? domMatch && dowMatch : domMatch || dowMatch;
  }

  /** robfig's SpecSchedule.Next, walking wall-clock fields from the largest down. */
  next(afterMs: number): number | undefined {
    let t = new Date(toWall(this.zone, Math.floor(afterMs / 1000) * 1000 + 1000));
    const yearLimit = t.getUTCFullYear() + 5;
    let added = false;
    const at = (y: number, mo: number, d = 1, h = 0, mi = 0) => new Date(Date.UTC(y, mo, d, h, mi));
    wrap: for (;;) {
      if (t.getUTCFullYear() > yearLimit) return undefined;
      while (!this.month.values.has(t.getUTCMonth() + 1)) {
        if (!added) {
          added = true;
          t = at(t.getUTCFullYear(), t.getUTCMonth());
        }
        t = at(t.getUTCFullYear(), t.getUTCMonth() + 1);
        if (t.getUTCMonth() === 0) continue wrap;
      }
      while (!this.dayMatches(t)) {
        if (!added) {
          added = true;
          t = at(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
        }
        t = at(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate() + 1);
        if (t.getUTCDate() === 1) continue wrap;
      }
      while (!this.hour.values.has(t.getUTCHours())) {
        if (!added) {
          added = true;
          t = at(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours());
        }
        t = new Date(t.getTime() + 3_600_000);
        if (t.getUTCHours() === 0) continue wrap;
      }
      while (!this.minute.values.has(t.getUTCMinutes())) {
        if (!added) {
          added = true;
          t = new Date(Math.floor(t.getTime() / 60_000) * 60_000);
        }
        t = new Date(t.getTime() + 60_000);
        if (t.getUTCMinutes() === 0) continue wrap;
      }
      // The standard parser's seconds field is 0: past it, try again from the next minute.
      if (t.getUTCSeconds() !== 0) {
        added = true;
        t = new Date(Math.floor(t.getTime() / 60_000) * 60_000 + 60_000);
        continue wrap;
      }
      return fromWall(this.zone, t.getTime());
    }
  }
}

/** `@every d`: d after the given time, rounded down to whole seconds (ConstantDelaySchedule). */
class EverySchedule implements CronSchedule {
  constructor(private readonly delayMs: number) {}

  next(afterMs: number): number {
    return Math.floor((afterMs + this.delayMs) / 1000) * 1000;
  }
}

function descriptor(spec: string, zone: Zone): CronSchedule {
  const midnight = (dom: Field, month: Field, dow: Field) => new SpecSchedule(only(0), only(0), dom, month, dow, zone);
  switch (spec) {
    case '@yearly':
    case '@annually':
      return midnight(only(1), only(1), all(DOW));
    case '@monthly':
      return midnight(only(1), all(MONTHS), all(DOW));
    case '@weekly':
      return midnight(all(DOM), all(MONTHS), only(0));
    case '@daily':
    case '@midnight':
      return midnight(all(DOM), all(MONTHS), all(DOW));
    case '@hourly':
      return new SpecSchedule(only(0), all(HOURS), all(DOM), all(MONTHS), all(DOW), zone);
  }
  if (spec.startsWith('@every ')) {
    const text = spec.slice('@every '.length);
    let ms: number;
    try {
      ms = parseGoDuration(text);
    } catch (e) {
      throw new CronParseError(`failed to parse duration ${spec}: ${(e as Error).message}`);
    }
    // Delays under a second run every second (robfig's Every).
    return new EverySchedule(Math.max(1000, Math.floor(ms / 1000) * 1000));
  }
  throw new CronParseError(`unrecognized descriptor: ${spec}`);
}

/**
 * Parses a schedule. `TZ=Zone ` / `CRON_TZ=Zone ` prefixes (which the controller adds for
 * spec.timeZone) select the zone; otherwise the controller manager's zone, UTC.
 */
export function parseCronSchedule(input: string): CronSchedule {
  let spec = input;
  if (spec.length === 0) throw new CronParseError('empty spec string');
  let zone = loadZone('') as Zone;
  const tz = /^(?:CRON_)?TZ=(\S*)/.exec(spec);
  if (tz) {
    const i = spec.indexOf(' ');
    const name = tz[1] ?? '';
    const loaded = loadZone(name);
    if (!loaded) throw new CronParseError(`provided bad location ${name}: unknown time zone ${name}`);
    zone = loaded;
    spec = i === -1 ? '' : spec.slice(i).trim();
  }
  if (spec.startsWith('@')) return descriptor(spec, zone);
  const fields = spec.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) throw new CronParseError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  return new SpecSchedule(parseField(minute, MINUTES), parseField(hour, HOURS), parseField(dom, DOM), parseField(month, MONTHS), parseField(dow, DOW), zone);
}
