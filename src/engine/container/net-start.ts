// What a container's network needs each time it starts, before its monitor runs:
// the published host ports still free (pasta goes on when one is taken), the
// helper's command line for the monitor, and, for container:NAME, the namespaces
// of that container's current process written into the bundle.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { BoxctlError, ConflictError, UserError } from '../../errors.js';
import type { ContainerPaths } from './layout.js';
import { checkPortsFree, findHelper } from './net-host.js';
import { helperArgs, helperBindsHostPorts, helperOf, parseNetwork, parsePublish, type NetworkMode } from './network.js';
import type { ContainerRecord } from './record.js';
import { viewOf } from './status.js';
import { ContainerStore } from './store.js';

/** The record's mode; a stored mode never needs the installed helpers. */
export function recordMode(record: ContainerRecord): NetworkMode {
  return parseNetwork(record.network, { pasta: false, slirp4netns: false });
}

/** The monitor's network flags: --net-helper, --net-helper-path, --net-arg..., --net-forward... */
export function monitorNetworkArgs(record: ContainerRecord): string[] {
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
  return out;
}

/** /proc/PID/ns/net of a process: its user namespace is the one that owns it. */
export function joinPaths(netPath: string): { network: string; user?: string } {
  const m = /^\/proc\/(\d+)\/ns\/net$/.exec(netPath);
  return m ? { network: netPath, user: `/proc/${m[1]}/ns/user` } : { network: netPath };
}

interface SpecNamespaces {
  linux: { namespaces: { type: string; path?: string }[] };
}

/** Points the bundle's network (and user) namespace entries at paths to join. */
function writeJoin(config: string, paths: { network: string; user?: string }): void {
  const spec = JSON.parse(readFileSync(config, 'utf8')) as SpecNamespaces;
  spec.linux.namespaces = spec.linux.namespaces.map((ns) => {
    if (ns.type === 'network') return { type: 'network', path: paths.network };
    if (ns.type === 'user' && paths.user) return { type: 'user', path: paths.user };
    return ns;
  });
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
    writeJoin(paths.config, joinPaths(`/proc/${pid}/ns/net`));
  }
  if (helperOf(mode)) await checkPortsFree(record.ports.map(parsePublish));
}
