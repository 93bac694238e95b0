// Times as `logs --since/--until` accept them and as `logs -t` prints them, following
// Podman (pkg/util.ParseInputTime and libpod/logs.LogTimeFormat). Times are bigint
// nanoseconds since the Unix epoch: log records carry nanoseconds and a JS Date has
// only milliseconds.

import { UserError } from '../../errors.js';

const NS_PER_SECOND = 1_000_000_000n;
const NS_PER_MINUTE = 60n * NS_PER_SECOND;

/** Go's time.ParseDuration units, in nanoseconds. */
const DURATION_UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  '\u00b5s': 1_000n,
  '\u03bcs': 1_000n,
  ms: 1_000_000n,
  s: NS_PER_SECOND,
  m: NS_PER_MINUTE,
  h: 60n * NS_PER_MINUTE,
};

const INT64_MAX = (1n << 63n) - 1n;

/** Days from 1970-01-01 to the given proleptic Gregorian date (Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): bigint {
  const y = BigInt(month <= 2 ? year - 1 : year);
  const era = (y >= 0n ? y : y - 399n) / 400n;
  const yoe = y - era * 400n;
  const m = BigInt(month);
  const doy = (153n * (m > 2n ? m - 3n : m + 9n) + 2n) / 5n + BigInt(day) - 1n;
  const doe = yoe * 365n + yoe / 4n - yoe / 100n + doy;
  return era * 146097n + doe - 719468n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Nine digits of nanoseconds from a fraction's digits (truncated past nine, as Go does). */
function fractionNs(digits: string): bigint {
  return BigInt((digits + '000000000').slice(0, 9));
}

function zoneOffsetNs(zone: string | undefined): bigint | undefined {
  if (zone === undefined || zone === 'Z') return 0n;
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 23 || minutes > 59) return undefined;
  const offset = BigInt(hours * 60 + minutes) * NS_PER_MINUTE;
  return m[1] === '-' ? -offset : offset;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses the time layouts Podman tries for --since/--until: RFC3339 with or without
 * fractional seconds, the same without a zone (UTC), and a bare date with or without
 * a zone. Also the log file's own timestamps. Undefined when it is none of them.
 */
export function parseDateTime(text: string): bigint | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = zoneOffsetNs(m[8]);
  if (offset === undefined) return undefined;
  const seconds = daysFromCivil(year, month, day) * 86_400n + BigInt(hour * 3600 + minute * 60 + second);
  return seconds * NS_PER_SECOND + fractionNs(m[7] ?? '') - offset;
}

/** Unix seconds with an optional fraction, kept exact to the nanosecond. */
export function parseUnixSeconds(text: string): bigint | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const ns = BigInt(m[2] || '0') * NS_PER_SECOND + fractionNs(m[3] ?? '');
  return m[1] === '-' ? -ns : ns;
}

/** Go's time.ParseDuration ("1h30m", "1.5s", "-10m", "0"), in nanoseconds. */
export function parseGoDuration(text: string): bigint | undefined {
  const m = /^([+-]?)(.*)$/.exec(text);
  if (!m || m[2] === undefined) return undefined;
  const body = m[2];
  if (body === '0') return 0n;
  if (body === '') return undefined;
  const part = /(\d*)(?:\.(\d*))?([^\d.]+)/y;
  let total = 0n;
  let at = 0;
  while (at < body.length) {
    part.lastIndex = at;
    const p = part.exec(body);
    if (!p) return undefined;
    const [whole, int = '', frac = '', unitName = ''] = p;
    const unit = DURATION_UNITS[unitName];
    if (unit === undefined || (int === '' && frac === '')) return undefined;
    // Go truncates the fraction to whole nanoseconds.
    total += BigInt(int || '0') * unit + (BigInt(frac || '0') * unit) / 10n ** BigInt(frac.length);
    if (total > INT64_MAX) return undefined;
    at += whole.length;
  }
  return m[1] === '-' ? -total : total;
}

/**
 * A --since or --until value as Podman reads it: a date-time, else Unix seconds, else
 * a duration counted back from now (--since) or forward from now (--until).
 */
export function parseTimeSpec(text: string, kind: 'since' | 'until', nowNs: bigint = nowNanoseconds()): bigint {
  const absolute = parseDateTime(text) ?? parseUnixSeconds(text);
  if (absolute !== undefined) return absolute;
  const duration = parseGoDuration(text);
  if (duration === undefined) {
    throw new UserError(
      `invalid --${kind} value "${text}": give an RFC3339 time, Unix seconds or a duration such as 10m or 1h30m`,
    );
  }
  return kind === 'since' ? nowNs - duration : nowNs + duration;
}

export function nowNanoseconds(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

function pad(n: number | bigint, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * A time as `podman logs -t` prints it (Go layout 2006-01-02T15:04:05.000000000Z07:00):
 * nine fraction digits always, "Z" for a zero offset. The offset defaults to the
 * local zone's at that instant, as Podman shows conmon's local timestamps.
 */
export function formatLogTime(ns: bigint, offsetMinutes?: number): string {
  const floorSeconds = ns >= 0n ? ns / NS_PER_SECOND : -((-ns + NS_PER_SECOND - 1n) / NS_PER_SECOND);
  const fraction = ns - floorSeconds * NS_PER_SECOND;
  const offset = offsetMinutes ?? -new Date(Number(floorSeconds) * 1000).getTimezoneOffset();
  const wall = new Date((Number(floorSeconds) + offset * 60) * 1000);
  const date = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1, 2)}-${pad(wall.getUTCDate(), 2)}`;
  const time = `${pad(wall.getUTCHours(), 2)}:${pad(wall.getUTCMinutes(), 2)}:${pad(wall.getUTCSeconds(), 2)}`;
  const abs = Math.abs(offset);
  const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
  return `${date}T${time}.${pad(fraction, 9)}${zone}`;
}
