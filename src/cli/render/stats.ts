// `boxctl stats` as Podman 4 prints it: the default table, --format json (its jstat
// objects, all strings), and the fields its templates know (containerStats: the
// methods ID, CPUPerc, MemUsage ... over define.ContainerStats). Pure.
import type { ContainerStats } from '../../engine/container/stats.js';
import { goJson } from './gofmt.js';
import { goDuration } from './go-duration.js';
import { humanSizeGo } from './go-units.js';
import { compileFormat, isJsonFormat, listingTemplate } from './template.js';

export interface StatsRow {
  id: string;
  name: string;
  stats: ContainerStats;
}

/** units.HumanSize: decimal units, four significant digits ("1.234MB"). */
const human = (n: number) => humanSizeGo(n, 4);

/** units.BytesSize: binary units, four significant digits ("1.5MiB"). */
export function bytesSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${Number(v.toPrecision(4))}${units[u]}`;
}

/** "12.34%", or "--" for nothing measured, as Podman's floatToPercentString. */
export function percentText(f: number): string {
  return f === 0 || !Number.isFinite(f) ? '--' : `${f.toFixed(2)}%`;
}

/** "1.2MB / 2GB", or "-- / --" when both are zero, as Podman's combineHumanValues. */
export function pairText(a: number, b: number, size: (n: number) => string = human): string {
  return a === 0 && b === 0 ? '-- / --' : `${size(a)} / ${size(b)}`;
}

export const STATS_FIELDS = [
  'ID',
  'Name',
  'CPUPerc',
  'AVGCPU',
  'MemUsage',
  'MemUsageBytes',
  'MemPerc',
  'NetIO',
  'BlockIO',
  'PIDS',
  'UpTime',
  'Up',
  'ContainerID',
  'CPU',
  'AvgCPU',
  'CPUNano',
  'MemLimit',
  'NetInput',
  'NetOutput',
  'BlockInput',
  'BlockOutput',
  'PIDs',
  'Duration',
] as const;

export const STATS_HEADERS: Readonly<Record<string, string>> = {
  ID: 'ID',
  UpTime: 'CPU TIME',
  CPUPerc: 'CPU %',
  AVGCPU: 'AVG CPU %',
  MemUsage: 'MEM USAGE / LIMIT',
  MemUsageBytes: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %',
  NetIO: 'NET IO',
  BlockIO: 'BLOCK IO',
  PIDS: 'PIDS',
};

export const DEFAULT_STATS_FORMAT =
  'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDS}}\t{{.UpTime}}\t{{.AVGCPU}}';

/** One element of `stats --format json`, as Podman's jstat. */
export function statsJson(row: StatsRow, noTrunc = false) {
  const s = row.stats;
  return {
    id: noTrunc ? row.id : row.id.slice(0, 12),
    name: row.name,
    cpu_time: goDuration(s.cpuNs),
    cpu_percent: percentText(s.cpu),
    avg_cpu: percentText(s.avgCpu),
    mem_usage: pairText(s.memUsage, s.memLimit),
    mem_percent: percentText(s.memPercent),
    net_io: pairText(s.netInput, s.netOutput),
    block_io: pairText(s.blockInput, s.blockOutput),
    pids: s.pids === 0 ? '--' : String(s.pids),
  };
}

/** What a stats template sees as `.`. */
export function statsRow(row: StatsRow, noTrunc = false): Record<(typeof STATS_FIELDS)[number], unknown> {
  const s = row.stats;
  const j = statsJson(row, noTrunc);
  return {
    ID: j.id,
    Name: row.name,
    CPUPerc: j.cpu_percent,
    AVGCPU: j.avg_cpu,
    MemUsage: j.mem_usage,
    MemUsageBytes: pairText(s.memUsage, s.memLimit, bytesSize),
    MemPerc: j.mem_percent,
    NetIO: j.net_io,
    BlockIO: j.block_io,
    PIDS: j.pids,
    UpTime: j.cpu_time,
    Up: j.cpu_time,
    ContainerID: row.id,
    CPU: s.cpu,
    AvgCPU: s.avgCpu,
    CPUNano: s.cpuNs,
    MemLimit: s.memLimit,
    NetInput: s.netInput,
    NetOutput: s.netOutput,
    BlockInput: s.blockInput,
    BlockOutput: s.blockOutput,
    PIDs: s.pids,
    Duration: s.cpuNs,
  };
}

/** One report: a JSON array (indented by one, as Podman), the default table, or the user's template. */
export function renderStats(rows: readonly StatsRow[], format: string | undefined, noTrunc = false): string {
  if (format !== undefined && isJsonFormat(format)) return `${goJson(rows.map((r) => statsJson(r, noTrunc)), { indent: 1 })}\n`;
  const compiled = compileFormat(listingTemplate(format, DEFAULT_STATS_FORMAT), { fields: STATS_FIELDS, headers: STATS_HEADERS });
  return compiled.render(rows.map((r) => statsRow(r, noTrunc)));
}
