// The processes of a running container, as /proc shows them to the host: which pids
// belong to it (its cgroup's cgroup.procs where it has a cgroup, else the process tree
// under its init), and what each one is. `top` and `stats` read them; the parsers are
// pure so that the field arithmetic is tested without a container.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { cgroupHome, containerCgroupDir } from './cgroup.js';

/** Linux reports CPU times in clock ticks; USER_HZ is 100 on every architecture Node runs on. */
export const CLOCK_TICKS = 100;

export interface ProcFacts {
  /** The pid on the host. */
  pid: number;
  ppid: number;
  comm: string;
  state: string;
  pgrp: number;
  ttyNr: number;
  nice: number;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
  /** Clock ticks after boot. */
  startTime: number;
  /** Bytes. */
  vsize: number;
}

/** /proc/PID/stat: counted from the last ')', since the command name may hold any byte. */
export function parseStat(text: string): ProcFacts | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const f = text.slice(close + 2).trim().split(/\s+/);
  // f[0] is field 3 (state): field N is f[N - 3].
  const n = (field: number) => Number(f[field - 3]);
  const facts: ProcFacts = {
    pid: parseInt(text, 10),
    comm: text.slice(open + 1, close),
    state: f[0] ?? '',
    ppid: n(4),
    pgrp: n(5),
    ttyNr: n(7),
    cpuTicks: n(14) + n(15),
    nice: n(19),
    startTime: n(22),
    vsize: n(23),
  };
  return Object.values(facts).some((v) => typeof v === 'number' && !Number.isFinite(v)) ? undefined : facts;
}

export interface ProcStatus {
  /** Real, effective, saved and filesystem ids, as the host sees them. */
  uids: number[];
  gids: number[];
  /** The pid in each pid namespace the process is in, outermost first. */
  nspid: number[];
  /** Resident set size in bytes; 0 for a kernel thread. */
  rss: number;
}

export function parseStatus(text: string): ProcStatus {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  const numbers = (key: string) => (fields.get(key) ?? '').split(/\s+/).filter(Boolean).map(Number);
  const rss = /^(\d+)\s*kB$/.exec(fields.get('VmRSS') ?? '');
  return { uids: numbers('Uid'), gids: numbers('Gid'), nspid: numbers('NSpid'), rss: rss ? Number(rss[1]) * 1024 : 0 };
}

export interface IdRange {
  inside: number;
  outside: number;
  count: number;
}

/** /proc/PID/uid_map or gid_map: "INSIDE OUTSIDE COUNT" per line. */
export function parseIdMap(text: string): IdRange[] {
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter((f) => f.length === 3 && f.every(Number.isInteger))
    .map(([inside, outside, count]) => ({ inside: inside!, outside: outside!, count: count! }));
}

/** A host id as the namespace with this map sees it; 65534 (overflow id) when unmapped, as the kernel shows it. */
export function idInside(map: readonly IdRange[], hostId: number): number {
  for (const r of map) if (hostId >= r.outside && hostId < r.outside + r.count) return r.inside + hostId - r.outside;
  return 65534;
}

export interface ContainerProcess extends ProcFacts, ProcStatus {
  /** The command line; empty for a kernel thread or a zombie. */
  args: string[];
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** What /proc says of one process; undefined once it is gone. */
export function readProcess(pid: number): ContainerProcess | undefined {
  const stat = read(`/proc/${pid}/stat`);
  const status = read(`/proc/${pid}/status`);
  const facts = stat === undefined ? undefined : parseStat(stat);
  if (!facts || status === undefined) return undefined;
  const cmdline = read(`/proc/${pid}/cmdline`) ?? '';
  const args = cmdline.split('\0');
  if (args[args.length - 1] === '') args.pop();
  return { ...facts, ...parseStatus(status), args };
}

function cgroupProcs(dir: string): number[] | undefined {
  const text = read(join(dir, 'cgroup.procs'));
  if (text === undefined) return undefined;
  const pids = text.split('\n').filter(Boolean).map(Number);
  let children: string[] = [];
  try {
    children = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch {
    // A cgroup removed under us has no children either.
  }
  for (const child of children) pids.push(...(cgroupProcs(join(dir, child)) ?? []));
  return pids;
}

/** Pure: the pids of the tree rooted at `root`, given each process's parent. */
export function descendants(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const todo = [root];
  while (todo.length > 0) {
    const pid = todo.shift()!;
    if (out.includes(pid)) continue;
    out.push(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return out;
}

function processTree(init: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    const facts = stat === undefined ? undefined : parseStat(stat);
    if (facts) parents.set(facts.pid, facts.ppid);
  }
  return parents.has(init) ? descendants(init, parents) : [];
}

/** The container's cgroup dir on this host, when it has one that exists. */
export function containerCgroup(cgroupPath: string | undefined): string | undefined {
  if (cgroupPath === undefined) return undefined;
  const home = cgroupHome();
  if (!home) return undefined;
  const dir = containerCgroupDir(home, cgroupPath);
  return read(join(dir, 'cgroup.procs')) === undefined ? undefined : dir;
}

/** The host pids of the container's processes, init first when it is among them. */
export function containerPids(cgroupPath: string | undefined, init: number): number[] {
  const dir = containerCgroup(cgroupPath);
  const pids = (dir === undefined ? undefined : cgroupProcs(dir)) ?? processTree(init);
  const unique = [...new Set(pids)].sort((a, b) => a - b);
  return unique.includes(init) ? [init, ...unique.filter((p) => p !== init)] : unique;
}

/** The processes still there, in the order of `pids`. */
export function readProcesses(pids: readonly number[]): ContainerProcess[] {
  return pids.map(readProcess).filter((p): p is ContainerProcess => p !== undefined);
}

/** Seconds since the epoch at which the host booted (btime of /proc/stat). */
export function bootTime(): number {
  const m = /^btime (\d+)$/m.exec(read('/proc/stat') ?? '');
  return m ? Number(m[1]) : 0;
}
