// Starting the fs worker (worker.ts) for one container, in the namespaces the job
// needs, and reading its answers. A running container is reached through its own user
// namespace (nsenter) and /proc/PID/root; anything else through a fresh user
// namespace with the container's mapping (boxctl-unshare), with a private mount
// namespace where the worker mounts the overlay.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

import { BoxctlError } from '../../../errors.js';
import type { IdMapEntry } from '../../host/idmap.js';
import { ImageStore } from '../../image/store/store.js';
import type { Spec } from '../../spec/oci.js';
import { spawnInUserns, type UserIdMaps } from '../../userns.js';
import type { Engine } from '../lifecycle.js';
import type { ContainerRecord, MonitorFile } from '../record.js';
import { view } from '../lifecycle.js';
import type { Access, WorkerMessage, WorkerRequest } from './protocol.js';
import { bundledScript } from '../../bundled-script.js';

export interface ContainerFs {
  record: ContainerRecord;
  maps: UserIdMaps;
  /** The init's pid and start time while the container runs. */
  running?: { pid: number; startTime: number };
  /** Layer dirs, topmost first. */
  layers: string[];
  upper: string;
  work: string;
  merged: string;
  /** Where the container has volumes, binds and tmpfs: the runtime's mount points. */
  mountPoints: string[];
}

function toEntries(m: readonly { containerID: number; hostID: number; size: number }[] | undefined): IdMapEntry[] {
  return (m ?? []).map((e) => ({ containerId: e.containerID, hostId: e.hostID, size: e.size }));
}

export function containerFs(e: Engine, record: ContainerRecord): ContainerFs {
  const paths = e.store.paths(record.id);
  const spec = JSON.parse(readFileSync(paths.config, 'utf8')) as Spec;
  const maps: UserIdMaps = { uid: toEntries(spec.linux?.uidMappings), gid: toEntries(spec.linux?.gidMappings), single: false };
  const store = new ImageStore(e.root);
  const v = view(e, record);
  let running: ContainerFs['running'];
  if (v.status === 'running' || v.status === 'paused') {
    const monitor = JSON.parse(readFileSync(paths.monitor, 'utf8')) as MonitorFile;
    running = { pid: monitor.pid, startTime: monitor.pidStartTime };
  }
  return {
    record,
    maps,
    ...(running ? { running } : {}),
    layers: [...record.layers].reverse().map((d) => store.layerPath(d)),
    upper: paths.upper,
    work: paths.work,
    merged: paths.merged,
    mountPoints: record.mounts.map((m) => m.destination),
  };
}

/** The container's live view for cp: its running root, else its overlay mounted for writing. */
export function liveAccess(fs: ContainerFs): Access {
  if (fs.running) return { kind: 'proc', ...fs.running };
  return { kind: 'overlay', lower: fs.layers, upper: fs.upper, work: fs.work, target: fs.merged };
}

/** The storage view (no volumes, read-only): the upper dir as the top lower layer. */
export function storageAccess(fs: ContainerFs): Access {
  return { kind: 'overlay', lower: [fs.upper, ...fs.layers], target: fs.merged };
}

export interface Worker {
  child: ChildProcess;
  stdin: Writable | null;
  stdout: Readable | null;
  /** The next message other than a warning (warnings go to onWarning). */
  next(): Promise<WorkerMessage>;
  /** Resolves once the worker reported success and exited; rejects with its error. */
  finished(): Promise<void>;
}

export interface WorkerStdio {
  stdin: 'pipe' | 'ignore' | number;
  stdout: 'pipe' | 'ignore' | number;
}

export function startWorker(fs: ContainerFs, req: WorkerRequest, stdio: WorkerStdio, onWarning: (line: string) => void): Worker {
  const argv = [process.execPath, bundledScript('fs-worker.js', 'the container file worker'), JSON.stringify(req)];
  const io: StdioOptions = [stdio.stdin, stdio.stdout, 'pipe', 'pipe'];
  const viaProc = 'access' in req && req.access.kind === 'proc';
  const mount = 'access' in req && req.access.kind === 'overlay';
  const child = viaProc
    ? spawn('nsenter', ['-t', String(fs.running!.pid), '-U', '--', ...argv], { stdio: io })
    : spawnInUserns(argv, { maps: fs.maps, mount, stdio: io });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const queue: WorkerMessage[] = [];
  const waiting: ((m: WorkerMessage | undefined) => void)[] = [];
  let ended = false;
  const lines = createInterface({ input: child.stdio[3] as Readable });
  lines.on('line', (line) => {
    let m: WorkerMessage;
    try {
      m = JSON.parse(line) as WorkerMessage;
    } catch {
      return;
    }
    if (m.kind === 'warning') return onWarning(m.message);
    const w = waiting.shift();
    if (w) w(m);
    else queue.push(m);
  });
  lines.on('close', () => {
    ended = true;
    for (const w of waiting.splice(0)) w(undefined);
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const failure = async (): Promise<never> => {
    const code = await exited;
    const lines = stderr.trim().split('\n');
    // A crash ends with Node's version line: the error is the line that names it.
    const detail = lines.find((l) => /^\w*Error\b/.test(l)) ?? (lines.at(-1) || `exit status ${code}`);
    throw new BoxctlError(`the container's files could not be reached: ${detail}`);
  };
  const next = async (): Promise<WorkerMessage> => {
    const m = queue.shift() ?? (ended ? undefined : await new Promise<WorkerMessage | undefined>((resolve) => waiting.push(resolve)));
    if (!m) return failure();
    if (m.kind === 'done' && !m.ok) throw new BoxctlError(m.error);
    return m;
  };
  return {
    child,
    stdin: child.stdin,
    stdout: child.stdout,
    next,
    async finished() {
      for (;;) {
        const m = await next();
        if (m.kind === 'done') break;
      }
      const code = await exited;
      if (code !== 0) await failure();
    },
  };
}
