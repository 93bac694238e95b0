// Where a container's files live (docs/containers.md, "On disk"): the record, bundle,
// overlay dirs, log and exit status under the store root; the monitor's sockets and
// pid files under the runtime root, which a reboot wipes.
import { join } from 'node:path';

export interface ContainerPaths {
  dir: string;
  record: string;
  bundle: string;
  config: string;
  upper: string;
  work: string;
  merged: string;
  exit: string;
  health: string;
  healthProcess: string;
  log: string;
  run: string;
  monitor: string;
  attach: string;
  stopped: string;
  runtimeState: string;
}

export function containersDir(root: string): string {
  return join(root, 'containers');
}

export function containersLock(root: string): string {
  return join(containersDir(root), 'containers.lock');
}

export function containerPaths(root: string, runroot: string, id: string, dir = join(containersDir(root), id)): ContainerPaths {
  const run = join(runroot, 'containers', id);
  return {
    dir,
    record: join(dir, 'container.json'),
    bundle: join(dir, 'bundle'),
    config: join(dir, 'bundle', 'config.json'),
    upper: join(dir, 'upper'),
    work: join(dir, 'work'),
    merged: join(dir, 'merged'),
    exit: join(dir, 'exit.json'),
    health: join(dir, 'health.json'),
    healthProcess: join(dir, 'bundle', 'health-process.json'),
    log: join(dir, 'ctr.log'),
    run,
    monitor: join(run, 'monitor.json'),
    attach: join(run, 'attach.sock'),
    stopped: join(run, 'stopped'),
    runtimeState: join(run, 'runtime'),
  };
}
