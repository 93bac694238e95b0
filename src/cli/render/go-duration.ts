// Go's time.Duration.String(), which Podman prints for elapsed and CPU times
// ("1h2m3.5s", "1.5ms", "0s"), so that scripts reading Podman's output read ours.

function fraction(whole: bigint, rest: bigint, digits: number): string {
  const f = rest.toString().padStart(digits, '0').replace(/0+$/, '');
  return f === '' ? whole.toString() : `${whole}.${f}`;
}

export function goDuration(nanoseconds: bigint | number): string {
  let ns = typeof nanoseconds === 'bigint' ? nanoseconds : BigInt(Math.trunc(nanoseconds));
  const sign = ns < 0n ? '-' : '';
  if (ns < 0n) ns = -ns;
  if (ns === 0n) return '0s';
  if (ns < 1_000n) return `${sign}${ns}ns`;
  if (ns < 1_000_000n) return `${sign}${fraction(ns / 1_000n, ns % 1_000n, 3)}µs`;
  if (ns < 1_000_000_000n) return `${sign}${fraction(ns / 1_000_000n, ns % 1_000_000n, 6)}ms`;
  const seconds = ns / 1_000_000_000n;
  const s = `${fraction(seconds % 60n, ns % 1_000_000_000n, 9)}s`;
  const minutes = seconds / 60n;
  if (minutes === 0n) return `${sign}${s}`;
  const hours = minutes / 60n;
  const m = `${minutes % 60n}m${s}`;
  return hours === 0n ? `${sign}${m}` : `${sign}${hours}h${m}`;
}
