// The cgroup side of containers (DESIGN.md, Rootless plumbing): where their cgroups go,
// and freeze, kill and stats through the cgroup v2 core files. boxctl-runtime creates
// the cgroup and writes the limits; this module finds the place and acts on it later.
import { accessSync, constants, existsSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { BoxctlError } from '../../errors.js';
import { findCgroup2Mount, parseMountinfo, type MountInfo } from '../host/mountinfo.js';
import { cgroupDir, parseProcCgroup } from '../host/proccgroup.js';

export interface CgroupHome {
  mount: MountInfo;
  /** The parent of every container cgroup, relative to the mount ("/user.slice/.../boxctl"). */
  parent?: string;
  /** Why there is none: for the message of a command that needs one. */
  why?: string;
}

const DELEGATE_HINT =
  "run boxctl from a cgroup delegated to you (as root: mkdir a cgroup, chown -R it to you, move your shell there; or 'systemd-run --user --scope -p Delegate=yes')";

function owned(dir: string, uid: number): boolean {
  try {
    if (statSync(dir).uid !== uid) return false;
    accessSync(`${dir}/cgroup.procs`, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The highest cgroup above (or at) our own that is ours: a sibling subtree of the one
 * we run in, so that the "no internal processes" rule lets it enable controllers.
 */
/** One reading per process: ps asks for every container, and the answer does not change. */
let cached: { key: string; home: CgroupHome | undefined } | undefined;

export function cgroupHome(uid = process.getuid?.() ?? 0, override = process.env.BOXCTL_CGROUP_PARENT): CgroupHome | undefined {
  const key = `${uid}:${override ?? ''}`;
  if (cached?.key !== key) cached = { key, home: findCgroupHome(uid, override) };
  return cached.home;
}

function findCgroupHome(uid: number, override: string | undefined): CgroupHome | undefined {
  let mountinfo: string;
  let own: string;
  try {
    mountinfo = readFileSync('/proc/self/mountinfo', 'utf8');
    own = readFileSync('/proc/self/cgroup', 'utf8');
  } catch {
    return undefined;
  }
  const mount = findCgroup2Mount(parseMountinfo(mountinfo));
  if (!mount) return undefined;
  if (override) return { mount, parent: posix.normalize(`/${override}`) };
  const path = parseProcCgroup(own).unifiedPath;
  if (path === undefined) return { mount, why: 'this process has no cgroup v2 path' };
  let top: string | undefined;
  for (let p = path; ; p = posix.dirname(p)) {
    if (!owned(cgroupDir(mount.mountPoint, mount.root, p), uid)) break;
    top = p;
    if (p === '/') break;
  }
  if (top === undefined) return { mount, why: `your cgroup ${path} is not delegated to you` };
  return { mount, parent: posix.join(top, 'boxctl') };
}

export function cgroupPathFor(home: CgroupHome | undefined, id: string): string | undefined {
  return home?.parent === undefined ? undefined : posix.join(home.parent, id.slice(0, 12));
}

export function containerCgroupDir(home: CgroupHome, path: string): string {
  return cgroupDir(home.mount.mountPoint, home.mount.root, path);
}

function needCgroup(what: string, path: string | undefined): string {
  if (path === undefined) throw new BoxctlError(`cannot ${what}: the container has no cgroup of its own, since none was delegated to you when it was created: ${DELEGATE_HINT}`);
  const home = cgroupHome();
  if (!home) throw new BoxctlError(`cannot ${what}: no cgroup v2 hierarchy is mounted`);
  return containerCgroupDir(home, path);
}

function events(dir: string): Record<string, string> {
  try {
    return Object.fromEntries(
      readFileSync(`${dir}/cgroup.events`, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(' ') as [string, string]),
    );
  } catch {
    return {};
  }
}

export function isFrozen(path: string | undefined): boolean {
  if (path === undefined) return false;
  const home = cgroupHome();
  return home !== undefined && events(containerCgroupDir(home, path)).frozen === '1';
}

/** Freezes or thaws every process of the container, and waits until the kernel says so. */
export async function setFrozen(path: string | undefined, frozen: boolean): Promise<void> {
  const dir = needCgroup(frozen ? 'pause the container' : 'unpause the container', path);
  writeFileSync(`${dir}/cgroup.freeze`, frozen ? '1' : '0');
  for (let i = 0; i < 500; i++) {
    if ((events(dir).frozen === '1') === frozen) return;
    await sleep(10);
  }
  throw new BoxctlError(`the container's cgroup ${dir} did not ${frozen ? 'freeze' : 'thaw'} within 5 seconds`);
}

/** SIGKILL to every process in the cgroup at once (cgroup.kill); false without a cgroup. */
export function killCgroup(path: string | undefined): boolean {
  if (path === undefined) return false;
  const home = cgroupHome();
  if (!home) return false;
  const dir = containerCgroupDir(home, path);
  if (!existsSync(`${dir}/cgroup.kill`)) return false;
  writeFileSync(`${dir}/cgroup.kill`, '1');
  return true;
}

/** Removes the container's cgroup once it is empty; waits a little for the kernel to let the last process go. */
export async function removeCgroup(path: string | undefined): Promise<void> {
  if (path === undefined) return;
  const home = cgroupHome();
  if (!home) return;
  const dir = containerCgroupDir(home, path);
  for (let i = 0; i < 100; i++) {
    try {
      rmdirSync(dir);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      if (code !== 'EBUSY') throw new BoxctlError(`cannot remove the cgroup ${dir}: ${(e as Error).message}`);
    }
    await sleep(20);
  }
  throw new BoxctlError(`cannot remove the cgroup ${dir}: processes are still in it`);
}

export interface CgroupStats {
  cpuUsageUsec?: number;
  memoryBytes?: number;
  memoryLimit?: number;
  pids?: number;
  pidsLimit?: number;
  procs: number[];
}

function readNumber(path: string): number | undefined {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return text === 'max' ? Infinity : Number(text);
  } catch {
    return undefined;
  }
}

/** What the cgroup files say; memory and pids only where those controllers are enabled. */
export function cgroupStats(path: string | undefined): CgroupStats | undefined {
  if (path === undefined) return undefined;
  const home = cgroupHome();
  if (!home) return undefined;
  const dir = containerCgroupDir(home, path);
  let procs: number[];
  try {
    procs = readFileSync(`${dir}/cgroup.procs`, 'utf8').trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return undefined;
  }
  const stats: CgroupStats = { procs };
  try {
    const m = /usage_usec (\d+)/.exec(readFileSync(`${dir}/cpu.stat`, 'utf8'));
    if (m) stats.cpuUsageUsec = Number(m[1]);
  } catch {
    // cpu.stat is a core file; without it, no cpu figure.
  }
  const set = (key: 'memoryBytes' | 'memoryLimit' | 'pids' | 'pidsLimit', file: string) => {
    const v = readNumber(`${dir}/${file}`);
    if (v !== undefined) stats[key] = v;
  };
  set('memoryBytes', 'memory.current');
  set('memoryLimit', 'memory.max');
  set('pids', 'pids.current');
  set('pidsLimit', 'pids.max');
  return stats;
}
