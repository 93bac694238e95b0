// A container's live state, derived each time from the monitor's files and the process
// table (docs/containers.md, Status): nothing stored can go stale, and after a reboot
// (runtime dir wiped) a container that was running shows as exited.
import { readFileSync } from 'node:fs';

import { readProcStat } from '../runtime/state.js';
import { isFrozen } from './cgroup.js';
import { containerPaths } from './layout.js';
import type { ContainerRecord, ContainerView, ExitFile, HealthFile, MonitorFile } from './record.js';

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function alive(pid: number, startTime: number): boolean {
  const p = readProcStat(pid);
  return p !== undefined && p.startTime === startTime && p.state !== 'Z' && p.state !== 'X';
}

export interface LiveFiles {
  monitor?: MonitorFile;
  exit?: ExitFile;
  health?: HealthFile;
  monitorAlive: boolean;
  processAlive: boolean;
  frozen: boolean;
}

/** Pure: the view from the record and what the files and /proc said. */
export function deriveView(record: ContainerRecord, live: LiveFiles): ContainerView {
  const { monitor, exit } = live;
  const base = { record, restartCount: monitor?.restartCount ?? exit?.restartCount ?? 0, ...(live.health ? { health: live.health } : {}) };
  if (monitor && (live.monitorAlive || live.processAlive)) {
    // The monitor writes exit.json before it is gone: an exit newer than this start means the process is done.
    const ended = exit !== undefined && exit.finishedAt >= monitor.startedAt && !live.processAlive;
    if (!ended) {
      return { ...base, status: live.frozen ? 'paused' : 'running', pid: monitor.pid, startedAt: monitor.startedAt };
    }
  }
  if (exit) return { ...base, status: 'exited', exitCode: exit.exitCode, startedAt: exit.startedAt, finishedAt: exit.finishedAt, oomKilled: exit.oomKilled };
  if (monitor) return { ...base, status: 'exited', exitCode: -1, startedAt: monitor.startedAt };
  // Started once, and no trace of how it ended: the runtime dir went with a reboot.
  if (record.startedOnce) return { ...base, status: 'exited', exitCode: -1 };
  return { ...base, status: 'created' };
}

export function viewOf(root: string, runroot: string, record: ContainerRecord): ContainerView {
  const paths = containerPaths(root, runroot, record.id);
  const monitor = readJson<MonitorFile>(paths.monitor);
  const exit = readJson<ExitFile>(paths.exit);
  const health = record.health ? readJson<HealthFile>(paths.health) : undefined;
  const processAlive = monitor !== undefined && alive(monitor.pid, monitor.pidStartTime);
  return deriveView(record, {
    ...(monitor ? { monitor } : {}),
    ...(exit ? { exit } : {}),
    ...(health ? { health } : {}),
    monitorAlive: monitor !== undefined && alive(monitor.monitorPid, monitor.monitorStartTime),
    processAlive,
    frozen: processAlive && isFrozen(record.cgroupPath),
  });
}
