// Sizes and ages the way Podman prints them: SI units with three significant digits,
// and "N units ago".

export function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return u === 0 ? `${v} ${units[u]}` : `${v.toPrecision(3)} ${units[u]}`;
}

export function humanAge(iso: string | undefined, now: number): string {
  if (!iso) return 'unknown';
  const s = Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
  const steps: [number, string][] = [
    [365 * 86400, 'year'],
    [30 * 86400, 'month'],
    [7 * 86400, 'week'],
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, name] of steps) {
    const n = Math.floor(s / size);
    if (n >= 1) return `${n} ${name}${n === 1 ? '' : 's'} ago`;
  }
  return s < 2 ? 'Less than a second ago' : `${s} seconds ago`;
}

/** Columns padded to their widest cell, three spaces apart, as Podman's tables. */
export function table(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return `${rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n')}\n`;
}
