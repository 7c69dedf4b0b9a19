/**
 * Time zones for `spec.timeZone`, without the host's time zone database (the engine must give the
 * same answer everywhere): UTC, the fixed `Etc/GMT±N` zones, a table of zones with one offset all
 * year, and the zones following the EU or US daylight-saving rules (as they have since 2007).
 * A zone is a function from a UTC instant to its offset from UTC in minutes. Other IANA names are
 * not modelled, and are reported as unknown.
 */

export type Zone = (utcMs: number) => number;

const fixed = (minutes: number): Zone => () => minutes;

/** Zones with one offset all year (minutes east of UTC). */
const FIXED_ZONES: Record<string, number> = {
  UTC: 0,
  'Etc/UTC': 0,
  'Etc/UCT': 0,
  'Etc/Universal': 0,
  'Etc/Zulu': 0,
  'Etc/GMT': 0,
  GMT: 0,
  'Africa/Abidjan': 0,
  'Africa/Lagos': 60,
  'Africa/Johannesburg': 120,
  'Africa/Cairo': 120,
  'Africa/Nairobi': 180,
  'Europe/Moscow': 180,
  'Europe/Istanbul': 180,
  'Asia/Riyadh': 180,
  'Asia/Dubai': 240,
  'Asia/Karachi': 300,
  'Asia/Kolkata': 330,
  'Asia/Calcutta': 330,
  'Asia/Kathmandu': 345,
  'Asia/Dhaka': 360,
  'Asia/Bangkok': 420,
  'Asia/Jakarta': 420,
  'Asia/Ho_Chi_Minh': 420,
  'Asia/Shanghai': 480,
  'Asia/Hong_Kong': 480,
  'Asia/Singapore': 480,
  'Asia/Taipei': 480,
  'Asia/Manila': 480,
  'Australia/Perth': 480,
  'Asia/Seoul': 540,
  'Asia/Tokyo': 540,
  'Australia/Brisbane': 600,
  'Pacific/Honolulu': -600,
  'America/Phoenix': -420,
  'America/Mexico_City': -360,
  'America/Bogota': -300,
  'America/Lima': -300,
  'America/Sao_Paulo': -180,
  'America/Argentina/Buenos_Aires': -180,
};

/** Standard offsets (minutes) of zones on the EU rule: summer time from the last Sunday of March to the last Sunday of October, 01:00 UTC. */
const EU_ZONES: Record<string, number> = {
  'Europe/London': 0,
  'Europe/Dublin': 0,
  'Europe/Lisbon': 0,
  'Europe/Berlin': 60,
  'Europe/Paris': 60,
  'Europe/Madrid': 60,
  'Europe/Rome': 60,
  'Europe/Amsterdam': 60,
  'Europe/Brussels': 60,
  'Europe/Vienna': 60,
  'Europe/Stockholm': 60,
  'Europe/Oslo': 60,
  'Europe/Copenhagen': 60,
  'Europe/Warsaw': 60,
  'Europe/Prague': 60,
  'Europe/Zurich': 60,
  'Europe/Athens': 120,
  'Europe/Helsinki': 120,
  'Europe/Kiev': 120,
  'Europe/Kyiv': 120,
};

/** Standard offsets of zones on the US rule: daylight time from the second Sunday of March to the first Sunday of November, 02:00 local. */
const US_ZONES: Record<string, number> = {
  'America/New_York': -300,
  'America/Toronto': -300,
  'America/Detroit': -300,
  'America/Chicago': -360,
  'America/Winnipeg': -360,
  'America/Denver': -420,
  'America/Edmonton': -420,
  'America/Los_Angeles': -480,
  'America/Vancouver': -480,
  'America/Anchorage': -540,
};

/** The UTC instant of the `n`th (1-based; -1 = last) Sunday of a month, at `hourUtc`. */
function nthSunday(year: number, month: number, n: number, hourUtc: number): number {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
    const day = 1 + ((7 - first) % 7) + (n - 1) * 7;
    return Date.UTC(year, month, day, hourUtc);
  }
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), hourUtc);
}

function euZone(standard: number): Zone {
  return (utcMs) => {
    const year = new Date(utcMs).getUTCFullYear();
    const summer = utcMs >= nthSunday(year, 2, -1, 1) && utcMs < nthSunday(year, 9, -1, 1);
    return standard + (summer ? 60 : 0);
  };
}

function usZone(standard: number): Zone {
  return (utcMs) => {
    const year = new Date(utcMs).getUTCFullYear();
    // 02:00 local standard time in March, 02:00 local daylight time in November.
    const start = nthSunday(year, 2, 2, 0) + 2 * 3_600_000 - standard * 60_000;
    const end = nthSunday(year, 10, 1, 0) + 2 * 3_600_000 - (standard + 60) * 60_000;
    return standard + (utcMs >= start && utcMs < end ? 60 : 0);
  };
}

/** `Etc/GMT+5` is five hours *behind* UTC (POSIX sign), `Etc/GMT-14` fourteen ahead. */
function etcGmt(name: string): Zone | undefined {
  const m = /^Etc\/GMT([+-])(\d{1,2})$/.exec(name);
  if (!m) return undefined;
  const hours = Number(m[2]);
  if ((m[1] === '+' && hours > 12) || (m[1] === '-' && hours > 14)) return undefined;
  return fixed((m[1] === '+' ? -hours : hours) * 60);
}

/** The zone named `name`, or undefined when it is not one the lab models. */
export function loadZone(name: string): Zone | undefined {
  if (name === '' || name === 'Local') return fixed(0); // kind's controller manager runs in UTC
  if (name in FIXED_ZONES) return fixed(FIXED_ZONES[name] as number);
  if (name in EU_ZONES) return euZone(EU_ZONES[name] as number);
  if (name in US_ZONES) return usZone(US_ZONES[name] as number);
  return etcGmt(name);
}

/** UTC instant → wall-clock time in the zone (as milliseconds read with the UTC Date methods). */
export function toWall(zone: Zone, utcMs: number): number {
  return utcMs + zone(utcMs) * 60_000;
}

/** Wall-clock time in the zone → UTC instant (a time skipped by a DST change lands past the gap). */
export function fromWall(zone: Zone, wallMs: number): number {
  const guess = wallMs - zone(wallMs) * 60_000;
  return wallMs - zone(guess) * 60_000;
}

/** Formats an instant as RFC 3339 with the zone's offset, as Go's time.RFC3339 does (`Z` for UTC). */
export function formatRfc3339InZone(zone: Zone, utcMs: number): string {
  const offset = zone(utcMs);
  const wall = new Date(Math.floor(toWall(zone, utcMs) / 1000) * 1000).toISOString().replace('.000Z', '');
  if (offset === 0) return `${wall}Z`;
  const abs = Math.abs(offset);
  return `${wall}${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
