// Durations, sizes and times in the words Podman's ps and inspect print them
// (github.com/docker/go-units and Go's time package), so scripts that read Podman's
// output read ours.

/** units.HumanDuration: "Less than a second", "About a minute", "3 hours", "2 weeks". */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

/** units.HumanSizeWithPrecision: decimal units, `precision` significant digits, no space ("1.05MB"). */
export function humanSizeGo(bytes: number, precision: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${Number(v.toPrecision(precision))}${units[u]}`;
}

/** The instant of an RFC 3339 time with its nanoseconds, which Date drops. */
export interface Instant {
  /** Milliseconds since the epoch, as Date.parse gives them. */
  ms: number;
  /** Nanoseconds within the second, 0..999999999. */
  nanos: number;
}

export function parseInstant(iso: string): Instant | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const fraction = /\.(\d+)/.exec(iso.slice(17, 40))?.[1] ?? '';
  return { ms, nanos: Number(fraction.slice(0, 9).padEnd(9, '0')) };
}

/** Go's time.Time.String() in UTC: "2024-01-02 15:04:05.123456789 +0000 UTC". */
export function goTimeString(iso: string): string {
  const t = parseInstant(iso);
  if (!t) return iso;
  const d = new Date(t.ms);
  const fraction = t.nanos === 0 ? '' : `.${String(t.nanos).padStart(9, '0').replace(/0+$/, '')}`;
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)}${fraction} +0000 UTC`;
}

/** Go's zero time.Time in JSON, which Podman prints for "never". */
export const GO_ZERO_TIME = '0001-01-01T00:00:00Z';
/** The zero time.Time's Unix(): Podman's ExitedAt and StartedAt for "never". */
export const GO_ZERO_UNIX = -62135596800;
