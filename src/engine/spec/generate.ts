// Options and host facts in, OCI runtime spec out: the one document the TypeScript
// side hands a runtime (boxctl's own, runc or crun). Pure, so every default is
// unit-tested without a kernel; the caller reads the host (limits, architecture,
// id ranges) and validates the user's input before it gets here.
//
// The defaults are rootless Podman's (see defaults.ts and seccomp-default.ts), with
// one difference of setting: Podman runs the runtime inside a user namespace it made
// earlier, so its specs carry no user namespace; boxctl's carry one, with the mapping.
import { posix } from 'node:path';

import { UserError } from '../../errors.js';
import { addedCapabilities, resolveCapabilities } from './capabilities.js';
import {
  DEFAULT_CAPABILITIES,
  DEFAULT_PATH,
  DEFAULT_TERM,
  DEFAULT_UMASK,
  HOSTNAME_LENGTH,
  HOST_SYS_MASKED_PATH,
  MASKED_PATHS,
  OCI_VERSION,
  READONLY_PATHS,
  RLIMIT_CEILING,
  TTY_GID,
  defaultMounts,
} from './defaults.js';
import type {
  IdMapping,
  LinuxCapabilities,
  LinuxNamespace,
  LinuxResources,
  LinuxSeccomp,
  Mount,
  NamespaceType,
  Rlimit,
  Spec,
  User,
} from './oci.js';
import { seccompFor } from './seccomp-default.js';

/** Create a namespace, share the host's, or join the one at a path. */
export type NamespaceMode = 'private' | 'host' | { path: string };

export type SeccompChoice = { kind: 'default' } | { kind: 'unconfined' } | { kind: 'profile'; profile: LinuxSeccomp };

export interface HostLimit {
  soft: number;
  hard: number;
}

export interface SpecInput {
  id: string;
  /** Absolute path of the root filesystem. */
  rootfs: string;
  readOnlyRootfs?: boolean;
  args: readonly string[];
  /** Image and user environment, already merged; PATH and TERM are added when missing. */
  env: readonly string[];
  cwd?: string;
  user?: { uid: number; gid: number; additionalGids?: readonly number[]; umask?: number };
  terminal?: boolean;
  hostname?: string;
  /** Capability names, with or without CAP_, any case, or ALL. */
  capAdd?: readonly string[];
  capDrop?: readonly string[];
  noNewPrivileges?: boolean;
  seccomp?: SeccompChoice;
  idMap: { uidMappings: readonly IdMapping[]; gidMappings: readonly IdMapping[] };
  /** User and mount namespaces are always the container's own. */
  namespaces?: {
    pid?: NamespaceMode;
    ipc?: NamespaceMode;
    uts?: NamespaceMode;
    network?: NamespaceMode;
    cgroup?: NamespaceMode;
  };
  /** Binds and tmpfs; one on a default mount's destination replaces it. */
  mounts?: readonly Mount[];
  /** Replace the default limit of the same type. */
  rlimits?: readonly Rlimit[];
  /** The caller's own RLIMIT_NOFILE and RLIMIT_NPROC: a rootless container cannot exceed them. */
  hostLimits: { nofile: HostLimit; nproc: HostLimit };
  /** OCI architecture name (amd64, arm64...). */
  arch: string;
  annotations?: Readonly<Record<string, string>>;
  resources?: { memory?: number; cpuQuota?: number; cpuPeriod?: number; pids?: number };
  cgroupsPath?: string;
  oomScoreAdj?: number;
  sysctl?: Readonly<Record<string, string>>;
}

type Namespaces = Required<NonNullable<SpecInput['namespaces']>>;

function namespaceModes(input: SpecInput): Namespaces {
  const n = input.namespaces ?? {};
  const mode = (m: NamespaceMode | undefined): NamespaceMode => m ?? 'private';
  return { pid: mode(n.pid), ipc: mode(n.ipc), uts: mode(n.uts), network: mode(n.network), cgroup: mode(n.cgroup) };
}

/** runtime-tools' order, then cgroup and user, which Podman appends. */
function namespaceList(ns: Namespaces): LinuxNamespace[] {
  const modes: [NamespaceType, NamespaceMode][] = [
    ['pid', ns.pid],
    ['network', ns.network],
    ['ipc', ns.ipc],
    ['uts', ns.uts],
    ['mount', 'private'],
    ['cgroup', ns.cgroup],
    ['user', 'private'],
  ];
  return modes.flatMap(([type, mode]): LinuxNamespace[] => {
    if (mode === 'host') return [];
    return mode === 'private' ? [{ type }] : [{ type, path: mode.path }];
  });
}

function hostname(input: SpecInput, ns: Namespaces): string | undefined {
  if (ns.uts === 'private') return input.hostname ?? input.id.slice(0, HOSTNAME_LENGTH);
  if (input.hostname !== undefined) {
    throw new UserError(
      `cannot set hostname '${input.hostname}' in a uts namespace the container does not own: drop the hostname or the uts option`,
    );
  }
  return undefined;
}

function processEnv(env: readonly string[], terminal: boolean): string[] {
  const has = (name: string): boolean => env.some((e) => e.startsWith(`${name}=`));
  return [...(has('PATH') ? [] : [DEFAULT_PATH]), ...env, ...(terminal && !has('TERM') ? [DEFAULT_TERM] : [])];
}

function processUser(input: SpecInput): User {
  const u = input.user ?? { uid: 0, gid: 0 };
  const user: User = { uid: u.uid, gid: u.gid, umask: u.umask ?? DEFAULT_UMASK };
  if (u.additionalGids?.length) user.additionalGids = [...u.additionalGids];
  return user;
}

function capabilities(input: SpecInput, uid: number): LinuxCapabilities {
  const bounding = resolveCapabilities(DEFAULT_CAPABILITIES, input.capAdd ?? [], input.capDrop ?? []);
  if (uid === 0) return { bounding, effective: [...bounding], permitted: [...bounding], inheritable: [], ambient: [] };
  // Ambient (and so inheritable) carries the added capabilities across a non-root execve.
  const granted = addedCapabilities(input.capAdd ?? [], bounding);
  return { bounding, effective: granted, permitted: [...granted], inheritable: [...granted], ambient: [...granted] };
}

/** The caller's limits, capped at Podman's ceiling; the user's own replace them by type. */
function rlimits(input: SpecInput): Rlimit[] {
  const out = (input.rlimits ?? []).map((r) => ({ ...r }));
  const defaults: [string, HostLimit][] = [
    ['RLIMIT_NOFILE', input.hostLimits.nofile],
    ['RLIMIT_NPROC', input.hostLimits.nproc],
  ];
  for (const [type, host] of defaults) {
    if (out.some((r) => r.type === type)) continue;
    out.push({ type, soft: Math.min(host.soft, RLIMIT_CEILING), hard: Math.min(host.hard, RLIMIT_CEILING) });
  }
  return out;
}

function cleanPath(p: string): string {
  const n = posix.normalize(p);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

/** Path depth; "/" sorts before everything since it must be mounted first. */
function depth(m: Mount): number {
  const p = cleanPath(m.destination);
  return p === '/' ? 0 : p.split('/').length - 1;
}

/**
 * Podman's SupersedeUserMounts, then libpod's sortMounts: a user mount replaces the
 * default on its destination (on /dev, every default under /dev too), and a stable
 * sort by depth puts each mount after the ones it sits on.
 */
function mergeMounts(defaults: readonly Mount[], user: readonly Mount[]): Mount[] {
  const taken = new Set(user.map((m) => cleanPath(m.destination)));
  const underUserDev = (m: Mount): boolean => taken.has('/dev') && m.destination.startsWith('/dev/');
  const kept = defaults.filter((m) => !taken.has(m.destination) && !underUserDev(m));
  return [...kept, ...user.map((m) => structuredClone(m))].sort((a, b) => depth(a) - depth(b));
}

function resources(r: SpecInput['resources']): LinuxResources | undefined {
  const out: LinuxResources = {};
  if (r?.memory !== undefined) out.memory = { limit: r.memory };
  if (r?.cpuQuota !== undefined || r?.cpuPeriod !== undefined) {
    out.cpu = {};
    if (r.cpuQuota !== undefined) out.cpu.quota = r.cpuQuota;
    if (r.cpuPeriod !== undefined) out.cpu.period = r.cpuPeriod;
  }
  if (r?.pids !== undefined) out.pids = { limit: r.pids };
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Sorted keys, so equal maps serialise alike whatever order the caller built them in. */
function sortedRecord(r: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function seccomp(choice: SeccompChoice, bounding: readonly string[], arch: string): LinuxSeccomp | undefined {
  switch (choice.kind) {
    case 'default':
      return seccompFor(bounding, arch);
    case 'profile':
      return structuredClone(choice.profile);
    case 'unconfined':
      return undefined;
  }
}

const mapsGid = (maps: readonly IdMapping[], gid: number): boolean =>
  maps.some((m) => m.containerID <= gid && gid < m.containerID + m.size);

/** `{ key: value }`, or nothing when there is no value: keeps optional fields absent, in place. */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
}

export function generateSpec(input: SpecInput): Spec {
  const ns = namespaceModes(input);
  const user = processUser(input);
  const caps = capabilities(input, user.uid);
  const terminal = input.terminal ?? false;
  const ownSysfs = ns.network === 'private';
  const defaults = defaultMounts({
    ownSysfs,
    ttyGidMapped: mapsGid(input.idMap.gidMappings, TTY_GID),
    hostPid: ns.pid === 'host',
    hostIpc: ns.ipc === 'host',
  });
  return {
    ociVersion: OCI_VERSION,
    process: {
      terminal,
      user,
      args: [...input.args],
      env: processEnv(input.env, terminal),
      cwd: input.cwd ?? '/',
      capabilities: caps,
      rlimits: rlimits(input),
      noNewPrivileges: input.noNewPrivileges ?? false,
      ...optional('oomScoreAdj', input.oomScoreAdj),
    },
    root: { path: input.rootfs, readonly: input.readOnlyRootfs ?? false },
    ...optional('hostname', hostname(input, ns)),
    mounts: mergeMounts(defaults, input.mounts ?? []),
    ...optional('annotations', input.annotations && sortedRecord(input.annotations)),
    linux: {
      uidMappings: input.idMap.uidMappings.map((m) => ({ ...m })),
      gidMappings: input.idMap.gidMappings.map((m) => ({ ...m })),
      ...optional('sysctl', input.sysctl && sortedRecord(input.sysctl)),
      ...optional('resources', resources(input.resources)),
      ...optional('cgroupsPath', input.cgroupsPath),
      namespaces: namespaceList(ns),
      ...optional('seccomp', seccomp(input.seccomp ?? { kind: 'default' }, caps.bounding, input.arch)),
      maskedPaths: [...MASKED_PATHS, ...(ownSysfs ? [] : [HOST_SYS_MASKED_PATH])],
      readonlyPaths: [...READONLY_PATHS],
    },
  };
}
