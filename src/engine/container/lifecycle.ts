// What happens to a container after create: start (through a new monitor), stop,
// kill, wait, remove, and the cleanup the monitor asks for after the last exit.
// Every step reads the live status first (status.ts) and leaves the files so that
// the next command, whoever runs it, finds a consistent container.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { BoxctlError, ConflictError } from '../../errors.js';
import { readProcStat } from '../runtime/state.js';
import { killCgroup, removeCgroup, setFrozen } from './cgroup.js';
import { releaseCidFile } from './cidfile.js';
import { spawnMonitor, type StartedMonitor } from './monitor.js';
import type { ContainerRecord, ContainerView, MonitorFile } from './record.js';
import { viewOf } from './status.js';
import { ContainerStore } from './store.js';

export interface Engine {
  store: ContainerStore;
  root: string;
  runroot: string;
}

export function engineAt(root: string, runroot: string): Engine {
  return { store: new ContainerStore(root, runroot), root, runroot };
}

export function view(e: Engine, record: ContainerRecord): ContainerView {
  return viewOf(e.root, e.runroot, record);
}

function cleanupCommand(e: Engine, id: string): string[] {
  return [process.execPath, resolve(process.argv[1] ?? 'boxctl'), '--root', e.root, '--runroot', e.runroot, 'container', 'cleanup', id];
}

/** Starts a created or exited container; resolves once the monitor has its process ready, before it runs. */
export async function prepareStart(e: Engine, record: ContainerRecord): Promise<StartedMonitor> {
  const v = view(e, record);
  if (v.status === 'running' || v.status === 'paused') throw new ConflictError(`container ${record.name} is already ${v.status}`);
  const paths = e.store.paths(record.id);
  // The monitor of the previous run may still be finishing (a start right after a stop:
  // restart): it removes its runtime files and runs the cleanup, which must not hit
  // this run's files.
  await until(monitorGone(readMonitorFile(e, record.id)), 10_000);
  // What a previous run left in the runtime dir (a killed monitor, a reboot) must not confuse this one.
  rmSync(paths.run, { recursive: true, force: true });
  if (!record.startedOnce) await e.store.update(record.id, (r) => ({ ...r, startedOnce: true }));
  return spawnMonitor({ record, paths, exitCommand: cleanupCommand(e, record.id) });
}

export async function start(e: Engine, record: ContainerRecord): Promise<void> {
  const m = await prepareStart(e, record);
  await m.release();
}

/** The host pid of the container's process while it runs (or is paused). */
function runningPid(e: Engine, record: ContainerRecord): number | undefined {
  const v = view(e, record);
  return v.status === 'running' || v.status === 'paused' ? v.pid : undefined;
}

function signal(pid: number, sig: number | NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/** Marks the container as stopped by the user: its monitor will not restart it. */
function markStopped(e: Engine, id: string): void {
  const paths = e.store.paths(id);
  if (existsSync(paths.run)) writeFileSync(paths.stopped, '');
}

async function until(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (done()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(15);
  }
}

const isDown = (e: Engine, record: ContainerRecord) => () => {
  const s = view(e, record).status;
  return s === 'exited' || s === 'created';
};

function readMonitorFile(e: Engine, id: string): MonitorFile | undefined {
  try {
    return JSON.parse(readFileSync(e.store.paths(id).monitor, 'utf8')) as MonitorFile;
  } catch {
    return undefined;
  }
}

/** The monitor named by a monitor.json read earlier is gone (it has run the cleanup). */
function monitorGone(m: MonitorFile | undefined): () => boolean {
  return () => {
    if (!m) return true;
    const p = readProcStat(m.monitorPid);
    return p === undefined || p.startTime !== m.monitorStartTime || p.state === 'Z';
  };
}

/** SIGKILL to everything of the container: the whole cgroup where it has one, else its init. */
function killAll(record: ContainerRecord, pid: number): void {
  if (!killCgroup(record.cgroupPath)) signal(pid, 'SIGKILL');
}

export async function stop(e: Engine, record: ContainerRecord, timeoutSec = record.stopTimeout): Promise<void> {
  // Marked first: a monitor waiting to restart the process must not restart it.
  markStopped(e, record.id);
  const pid = runningPid(e, record);
  if (pid === undefined) return;
  if (view(e, record).status === 'paused') await setFrozen(record.cgroupPath, false);
  signal(pid, record.stopSignal);
  if (await until(isDown(e, record), timeoutSec * 1000)) return;
  killAll(record, pid);
  if (!(await until(isDown(e, record), 10_000))) throw new BoxctlError(`container ${record.name} did not stop after SIGKILL`);
}

export async function kill(e: Engine, record: ContainerRecord, sig: number): Promise<void> {
  const pid = runningPid(e, record);
  if (pid === undefined) throw new ConflictError(`container ${record.name} is not running: only a running container can be killed`);
  markStopped(e, record.id);
  signal(pid, sig);
}

/** The exit code, once the container has exited (immediately if it already has). */
export async function wait(e: Engine, record: ContainerRecord): Promise<number> {
  for (;;) {
    const v = view(e, record);
    if (v.status === 'exited') return v.exitCode ?? -1;
    if (v.status === 'created' && !e.store.tryFind(record.id)) return -1;
    if (!e.store.tryFind(record.id)) throw new BoxctlError(`container ${record.name} was removed while waiting for it`);
    await sleep(25);
  }
}

export interface RemoveOptions {
  force: boolean;
  /** With force: stop a running container gracefully first, waiting this many seconds before SIGKILL (rm -t). */
  stopTimeout?: number;
  volumes?: (record: ContainerRecord) => Promise<void>;
}

export async function remove(e: Engine, record: ContainerRecord, opts: RemoveOptions): Promise<void> {
  // Read first: the monitor removes it when the process exits, and is waited for below.
  const monitor = readMonitorFile(e, record.id);
  let v = view(e, record);
  if (v.status === 'running' || v.status === 'paused') {
    if (!opts.force) throw new ConflictError(`container ${record.name} is ${v.status}: stop it first, or use rm -f`);
    if (opts.stopTimeout !== undefined) {
      await stop(e, record, opts.stopTimeout);
      v = view(e, record);
    }
  }
  markStopped(e, record.id);
  if (v.status === 'running' || v.status === 'paused') {
    if (v.status === 'paused') await setFrozen(record.cgroupPath, false).catch(() => undefined);
    killAll(record, v.pid!);
    if (!(await until(isDown(e, record), 10_000))) throw new BoxctlError(`container ${record.name} did not die after SIGKILL`);
  }
  // The monitor still writes the log and runs the cleanup: let it finish first.
  await until(monitorGone(monitor), 10_000);
  await removeCgroup(record.cgroupPath);
  await forget(e, record);
  await opts.volumes?.(record);
}

/** The container's record, runtime dir and --cidfile go; what rm and --rm share. */
async function forget(e: Engine, record: ContainerRecord): Promise<void> {
  await e.store.remove(record.id);
  rmSync(e.store.paths(record.id).run, { recursive: true, force: true });
  releaseCidFile(record.cidFile, record.id);
}

/** Run by the monitor after the last exit: frees the cgroup, and applies --rm. */
export async function cleanup(e: Engine, record: ContainerRecord, removeVolumes: (r: ContainerRecord) => Promise<void>): Promise<void> {
  await removeCgroup(record.cgroupPath).catch(() => undefined);
  if (!record.autoRemove) return;
  await forget(e, record);
  await removeVolumes(record);
}

export async function pause(e: Engine, record: ContainerRecord, frozen: boolean): Promise<void> {
  const s = view(e, record).status;
  if (frozen && s !== 'running') throw new ConflictError(`container ${record.name} is ${s}: only a running container can be paused`);
  if (!frozen && s !== 'paused') throw new ConflictError(`container ${record.name} is ${s}, not paused`);
  await setFrozen(record.cgroupPath, frozen);
}
