// --filter for `volume ls` and `volume prune`, as Podman reads them: every filter must
// match. name is a regular expression, label is KEY or KEY=VALUE (label! the
// opposite), dangling=true picks volumes no container mounts, until=WHEN picks those
// created before WHEN (a date, Unix seconds, or a duration before now: 24h, 1h30m).
import { UserError } from '../../errors.js';
import type { VolumeRecord } from './record.js';

export interface FilterSubject {
  volume: VolumeRecord;
  inUse: boolean;
}

export type VolumeFilter = (s: FilterSubject) => boolean;

const KEYS = 'name, driver, label, label!, dangling, until';

function labelMatch(spec: string): (labels: Record<string, string>) => boolean {
  const eq = spec.indexOf('=');
  const key = eq < 0 ? spec : spec.slice(0, eq);
  // As in Podman, KEY= with nothing after it matches any value.
  const value = eq < 0 ? '' : spec.slice(eq + 1);
  return (labels) => Object.hasOwn(labels, key) && (value === '' || labels[key] === value);
}

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001 };

/** A Go duration (1h30m, 90s, 1.5h) in milliseconds, or undefined. */
export function parseDuration(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?(h|m|s|ms|us|µs|ns))+$/.test(text)) return undefined;
  let ms = 0;
  for (const [, n, , unit] of text.matchAll(/(\d+(\.\d+)?)(h|ms|m|s|us|µs|ns)/g)) ms += Number(n) * UNIT_MS[unit!]!;
  return ms;
}

/** The instant an until= value names, in milliseconds since the epoch. */
export function parseUntil(text: string, now: number): number {
  const duration = parseDuration(text);
  if (duration !== undefined) return now - duration;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) throw new UserError(`invalid --filter until='${text}': use a date (2006-01-02T15:04:05Z), Unix seconds or a duration (24h)`);
  return date;
}

function one(filter: string, now: number): VolumeFilter {
  const eq = filter.indexOf('=');
  if (eq <= 0) throw new UserError(`invalid --filter '${filter}': use KEY=VALUE with KEY one of ${KEYS}`);
  const key = filter.slice(0, eq);
  const value = filter.slice(eq + 1);
  switch (key) {
    case 'name': {
      let re: RegExp;
      try {
        re = new RegExp(value);
      } catch {
        throw new UserError(`invalid --filter name='${value}': not a regular expression`);
      }
      return ({ volume }) => re.test(volume.name);
    }
    case 'driver':
      return ({ volume }) => volume.driver === value;
    case 'label': {
      const match = labelMatch(value);
      return ({ volume }) => match(volume.labels);
    }
    case 'label!': {
      const match = labelMatch(value);
      return ({ volume }) => !match(volume.labels);
    }
    case 'dangling': {
      const v = value.toLowerCase();
      if (!['true', '1', 'false', '0'].includes(v)) throw new UserError(`invalid --filter dangling='${value}': use true or false`);
      const dangling = v === 'true' || v === '1';
      return ({ inUse }) => inUse !== dangling;
    }
    case 'until': {
      const before = parseUntil(value, now);
      return ({ volume }) => Date.parse(volume.created) < before;
    }
    default:
      throw new UserError(`invalid --filter '${filter}': '${key}' is not a volume filter (${KEYS})`);
  }
}

/** One predicate for all the filters; parsing them first reports a bad one before anything happens. */
export function volumeFilter(filters: readonly string[], now = Date.now()): VolumeFilter {
  const all = filters.map((f) => one(f, now));
  return (s) => all.every((f) => f(s));
}
