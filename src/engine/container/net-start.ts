// What a container's network needs each time it starts, before its monitor runs:
// the published host ports still free (pasta goes on when one is taken), the
// helper's command line for the monitor, and the namespaces to join written into
// the bundle: for container:NAME and ns:PATH theirs; with a helper, the ones the
// monitor makes before `create` (RUNDIR/userns and RUNDIR/netns), so that the helper
// comes up while the runtime creates the container, as Podman sets the network up
// before the container.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { BoxctlError, ConflictError, UserError } from '../../errors.js';
import { helperPath } from '../../native/helpers.js';
import type { ContainerPaths } from './layout.js';
import { checkPortsFree, findHelper } from './net-host.js';
import { fitMountsToUserns, helperArgs, helperBindsHostPorts, helperOf, parseNetwork, parsePublish, type NetworkMode } from './network.js';
import type { ContainerRecord } from './record.js';
import { viewOf } from './status.js';
import { ContainerStore } from './store.js';

/** The record's mode; a stored mode never needs the installed helpers. */
export function recordMode(record: ContainerRecord): NetworkMode {
  return parseNetwork(record.network, { pasta: false, slirp4netns: false });
}

interface SpecToJoin {
  mounts: { destination: string; options?: string[] }[];
  linux: {
    namespaces: { type: string; path?: string }[];
    uidMappings?: { containerID: number; hostID: number; size: number }[];
    gidMappings?: { containerID: number; hostID: number; size: number }[];
  };
}

const readSpec = (config: string): SpecToJoin => JSON.parse(readFileSync(config, 'utf8')) as SpecToJoin;

/** Where the monitor leads to the namespaces it makes for the container (docs/containers.md). */
function madeNamespaces(paths: ContainerPaths): { user: string; network: string } {
  return { user: join(paths.run, 'userns'), network: join(paths.run, 'netns') };
}

/** The container's own user and network namespaces, mapped: the monitor can make them first. */
function monitorMakesNamespaces(spec: SpecToJoin, paths: ContainerPaths): boolean {
  const made = madeNamespaces(paths);
  const own = (type: string, path: string) => spec.linux.namespaces.some((ns) => ns.type === type && (ns.path === undefined || ns.path === path));
  return own('user', made.user) && own('network', made.network) && (spec.linux.uidMappings?.length ?? 0) > 0 && (spec.linux.gidMappings?.length ?? 0) > 0;
}

const mapText = (maps: readonly { containerID: number; hostID: number; size: number }[]): string =>
  maps.map((m) => `${m.containerID}:${m.hostID}:${m.size}`).join(',');

/** The monitor's network flags: --net-helper, --net-helper-path, --net-arg..., --net-forward..., the maps. */
export function monitorNetworkArgs(record: ContainerRecord, paths: ContainerPaths): string[] {
  const mode = recordMode(record);
  const helper = helperOf(mode);
  if (!helper) return [];
  const path = findHelper(helper);
  if (!path) throw new BoxctlError(`${helper} is not installed: install ${helper === 'pasta' ? 'passt' : 'slirp4netns'}, or recreate the container with another --network`);
  const ports = record.ports.map(parsePublish);
  const { args, forwards } = helperArgs(mode, ports);
  const out = ['--net-helper', helper, '--net-helper-path', path];
  // The monitor takes the word after --net-arg as it is, dashes and all.
  for (const a of args) out.push('--net-arg', a);
  for (const f of forwards) out.push('--net-forward', f);
  if (!helperBindsHostPorts(mode, ports)) out.push('--net-no-ports');
  const spec = readSpec(paths.config);
  if (monitorMakesNamespaces(spec, paths)) out.push('--net-uid-map', mapText(spec.linux.uidMappings!), '--net-gid-map', mapText(spec.linux.gidMappings!));
  return out;
}

interface JoinPaths {
  network: string;
  user?: string;
}

/**
 * A network namespace file (/proc/PID/ns/net, a mount of one, a link to one) and the
 * user namespace that owns it, which a rootless container must join as well:
 * boxctl-probe asks the kernel for the owner and names a process of ours in it.
 */
export function joinPaths(netPath: string): JoinPaths {
  const probe = helperPath('boxctl-probe');
  const r = spawnSync(probe, ['netns', netPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  let answer: { ok: boolean; userns?: string | null; error?: string } | undefined;
  try {
    answer = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '') as typeof answer;
  } catch {
    throw new BoxctlError(`boxctl-probe netns gave no answer (${r.error?.message ?? `exit status ${r.status}`}): rebuild the native part with 'npm rebuild boxctl'`);
  }
  if (!answer?.ok) throw new UserError(`invalid network namespace: ${answer?.error ?? netPath}`);
  return answer.userns ? { network: netPath, user: answer.userns } : { network: netPath };
}

/** The namespaces of a container's own process: its user namespace made its network one. */
function processJoinPaths(pid: number): JoinPaths {
  return { network: `/proc/${pid}/ns/net`, user: `/proc/${pid}/ns/user` };
}

/** Points the bundle's network (and user) namespace entries at paths to join. */
function writeJoin(config: string, paths: JoinPaths): void {
  const spec = readSpec(config);
  spec.linux.namespaces = spec.linux.namespaces.map((ns) => {
    if (ns.type === 'network') return { type: 'network', path: paths.network };
    if (ns.type === 'user' && paths.user) return { type: 'user', path: paths.user };
    return ns;
  });
  // Another process's user namespace: its own mapping decides, not the one asked for.
  const proc = paths.user === undefined ? null : /^(\/proc\/\d+\/)ns\/user$/.exec(paths.user);
  if (proc) spec.mounts = fitMountsToUserns(spec.mounts, readFileSync(`${proc[1]}gid_map`, 'utf8'));
  writeFileSync(config, `${JSON.stringify(spec, null, 1)}\n`, { mode: 0o600 });
}

/** The pid of container NAME's process; it must run for another to join its network. */
export function runningPidOf(root: string, runroot: string, name: string): number {
  const store = new ContainerStore(root, runroot);
  const target = store.tryFind(name);
  if (!target) throw new UserError(`no container ${name} to share the network of: create it first`);
  const v = viewOf(root, runroot, target);
  if ((v.status !== 'running' && v.status !== 'paused') || v.pid === undefined) {
    throw new ConflictError(`container ${name} is not running: start it first, its network lives with its process`);
  }
  return v.pid;
}

export async function prepareNetwork(record: ContainerRecord, paths: ContainerPaths): Promise<void> {
  const mode = recordMode(record);
  if (mode.kind === 'container') {
    // $root/containers/ID and $runroot/containers/ID (layout.ts).
    const pid = runningPidOf(dirname(dirname(paths.dir)), dirname(dirname(paths.run)), mode.name);
    writeJoin(paths.config, processJoinPaths(pid));
  }
  // The process that leads to the owner may have changed since create.
  if (mode.kind === 'ns') writeJoin(paths.config, joinPaths(mode.path));
  if (helperOf(mode) && monitorMakesNamespaces(readSpec(paths.config), paths)) writeJoin(paths.config, madeNamespaces(paths));
  if (helperOf(mode)) await checkPortsFree(record.ports.map(parsePublish));
}
