// What `boxctl top` reads: each process of a running container with its pid, parent
// and user as the container sees them (NSpid, the container's uid_map and its
// /etc/passwd), beside the host's view. src/cli/render/top.ts turns this into
// Podman's (psgo's) columns.
import { readFileSync } from 'node:fs';

import { ConflictError } from '../../errors.js';
import { bootTime, containerPids, idInside, parseIdMap, readProcesses, type ContainerProcess } from './procs.js';

export interface TopProcess extends ContainerProcess {
  /** The pid and parent pid in the container's pid namespace; 0 for a parent outside it. */
  nsPid: number;
  nsPpid: number;
  /** Effective user and group as the container sees them: a name from its /etc/passwd and /etc/group, else the number. */
  user: string;
  group: string;
  /** The same as the host sees them. */
  hostUser: string;
  hostGroup: string;
}

export interface TopSnapshot {
  processes: TopProcess[];
  /** When the snapshot was taken, ns since the epoch, and when the host booted, s since the epoch: elapsed times come from both. */
  nowNs: bigint;
  bootTime: number;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Names by id from a passwd or group file ("name:x:id:..."). */
export function namesById(text: string | undefined): Map<number, string> {
  const names = new Map<number, string>();
  for (const line of (text ?? '').split('\n')) {
    const [name, , id] = line.split(':');
    if (name && id !== undefined && /^\d+$/.test(id) && !names.has(Number(id))) names.set(Number(id), name);
  }
  return names;
}

const nameOf = (names: ReadonlyMap<number, string>, id: number | undefined) => (id === undefined ? '?' : (names.get(id) ?? String(id)));

/** The processes of a running container whose init has host pid `init`. */
export function topSnapshot(cgroupPath: string | undefined, init: number, containerName: string): TopSnapshot {
  const procs = readProcesses(containerPids(cgroupPath, init));
  if (procs.length === 0) throw new ConflictError(`container ${containerName} has no processes left: it has just exited`);
  const uidMap = parseIdMap(read(`/proc/${init}/uid_map`) ?? '');
  const gidMap = parseIdMap(read(`/proc/${init}/gid_map`) ?? '');
  // The container's own account files, through its root as its init sees it.
  const users = namesById(read(`/proc/${init}/root/etc/passwd`));
  const groups = namesById(read(`/proc/${init}/root/etc/group`));
  const hostUsers = namesById(read('/etc/passwd'));
  const hostGroups = namesById(read('/etc/group'));
  const nsPids = new Map(procs.map((p) => [p.pid, p.nspid.at(-1) ?? p.pid]));
  const processes = procs.map((p): TopProcess => {
    const uid = p.uids[1];
    const gid = p.gids[1];
    return {
      ...p,
      nsPid: nsPids.get(p.pid)!,
      nsPpid: nsPids.get(p.ppid) ?? 0,
      user: nameOf(users, uid === undefined ? undefined : idInside(uidMap, uid)),
      group: nameOf(groups, gid === undefined ? undefined : idInside(gidMap, gid)),
      hostUser: nameOf(hostUsers, uid),
      hostGroup: nameOf(hostGroups, gid),
    };
  });
  return { processes, nowNs: BigInt(Date.now()) * 1_000_000n, bootTime: bootTime() };
}
