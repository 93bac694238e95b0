// Resource figures of a container for `boxctl stats`, as Podman computes them: CPU %
// from the growth of its CPU time over wall time between two samples, memory against
// its limit, network bytes of its namespace, block I/O and pids. From the container's
// cgroup where it has one; a container without a cgroup (none was delegated) is
// measured through /proc over its process tree, so it still gets figures.
import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';

import { cgroupStats } from './cgroup.js';
import { CLOCK_TICKS, containerCgroup, containerPids, readProcesses } from './procs.js';

/** What one look at the container gives; counters are cumulative. */
export interface StatsSample {
  /** Monotonic time of the sample, ns. */
  atNs: bigint;
  /** CPU time used by the container so far, ns. */
  cpuNs: number;
  memUsage: number;
  memLimit: number;
  netInput: number;
  netOutput: number;
  /** Undefined where the io controller does not count (no io.stat). */
  blockInput?: number;
  blockOutput?: number;
  pids: number;
}

/** Figures as Podman's define.ContainerStats holds them. */
export interface ContainerStats {
  /** CPU % since the previous sample; 100 is one CPU busy. */
  cpu: number;
  /** CPU % over the container's whole run. */
  avgCpu: number;
  /** CPU time so far, ns (Podman's UpTime). */
  cpuNs: number;
  memUsage: number;
  memLimit: number;
  memPercent: number;
  netInput: number;
  netOutput: number;
  blockInput: number;
  blockOutput: number;
  pids: number;
}

export const NO_STATS: ContainerStats = {
  cpu: 0,
  avgCpu: 0,
  cpuNs: 0,
  memUsage: 0,
  memLimit: 0,
  memPercent: 0,
  netInput: 0,
  netOutput: 0,
  blockInput: 0,
  blockOutput: 0,
  pids: 0,
};

/** /proc/PID/net/dev: bytes received and sent on every interface but the loopback. */
export function parseNetDev(text: string): { rx: number; tx: number } {
  let rx = 0;
  let tx = 0;
  for (const line of text.split('\n').slice(2)) {
    const colon = line.indexOf(':');
    if (colon < 0 || line.slice(0, colon).trim() === 'lo') continue;
    const f = line.slice(colon + 1).trim().split(/\s+/).map(Number);
    // Receive: bytes packets errs drop fifo frame compressed multicast; then transmit bytes.
    rx += f[0] ?? 0;
    tx += f[8] ?? 0;
  }
  return { rx, tx };
}

/** io.stat: "MAJ:MIN rbytes=N wbytes=N rios=N ..." per device, summed. */
export function parseIoStat(text: string): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const m of text.matchAll(/\brbytes=(\d+)/g)) read += Number(m[1]);
  for (const m of text.matchAll(/\bwbytes=(\d+)/g)) write += Number(m[1]);
  return { read, write };
}

/** Pure: the figures from two samples (or one, against zero at the container's start). */
export function computeStats(prev: StatsSample | undefined, cur: StatsSample, runningNs: number): ContainerStats {
  const percent = (part: number, whole: number) => (whole > 0 && part > 0 ? (part / whole) * 100 : 0);
  const wallNs = prev ? Number(cur.atNs - prev.atNs) : runningNs;
  return {
    cpu: percent(cur.cpuNs - (prev?.cpuNs ?? 0), wallNs),
    avgCpu: percent(cur.cpuNs, runningNs),
    cpuNs: cur.cpuNs,
    memUsage: cur.memUsage,
    memLimit: cur.memLimit,
    memPercent: percent(cur.memUsage, cur.memLimit),
    netInput: cur.netInput,
    netOutput: cur.netOutput,
    blockInput: cur.blockInput ?? 0,
    blockOutput: cur.blockOutput ?? 0,
    pids: cur.pids,
  };
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** One sample of a running container whose init has host pid `init`. */
export function sampleStats(cgroupPath: string | undefined, init: number): StatsSample {
  const atNs = process.hrtime.bigint();
  const host = totalmem();
  const dir = containerCgroup(cgroupPath);
  const cg = dir === undefined ? undefined : cgroupStats(cgroupPath);
  const pids = containerPids(cgroupPath, init);
  // /proc is read only for what the cgroup does not count.
  const needProcs = cg?.cpuUsageUsec === undefined || cg.memoryBytes === undefined;
  const procs = needProcs ? readProcesses(pids) : [];
  const net = parseNetDev(read(`/proc/${init}/net/dev`) ?? '');
  const io = dir === undefined ? undefined : read(join(dir, 'io.stat'));
  const block = io === undefined ? undefined : parseIoStat(io);
  const limit = cg?.memoryLimit;
  return {
    atNs,
    cpuNs: cg?.cpuUsageUsec !== undefined ? cg.cpuUsageUsec * 1000 : procs.reduce((n, p) => n + p.cpuTicks, 0) * (1e9 / CLOCK_TICKS),
    memUsage: cg?.memoryBytes ?? procs.reduce((n, p) => n + p.rss, 0),
    memLimit: limit !== undefined && Number.isFinite(limit) ? Math.min(limit, host) : host,
    netInput: net.rx,
    netOutput: net.tx,
    ...(block ? { blockInput: block.read, blockOutput: block.write } : {}),
    pids: cg?.pids ?? pids.length,
  };
}
