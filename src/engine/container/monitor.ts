// Starting a container's monitor (docs/containers.md, "The monitor"): boxctl-monitor
// runs detached in its own session and outlives this process; the sync socket tells
// us when the process exists and lets us attach before it starts.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import type { Duplex } from 'node:stream';

import { BoxctlError, CommandNotRunError, NativeError } from '../../errors.js';
import { helperPath } from '../../native/helpers.js';
import type { ContainerPaths } from './layout.js';
import { monitorNetworkArgs, prepareNetwork } from './net-start.js';
import type { ContainerRecord } from './record.js';
import { notifyEnv } from './sdnotify.js';

export interface MonitorArgs {
  record: ContainerRecord;
  paths: ContainerPaths;
  /** The argv of `boxctl container cleanup ID`, run by the monitor after the last exit. */
  exitCommand: string[];
}

function restartArg(r: ContainerRecord['restart']): string {
  return r.name === 'on-failure' && r.maxRetries !== undefined ? `on-failure:${r.maxRetries}` : r.name;
}

export function monitorArgv({ record, paths, exitCommand }: MonitorArgs): string[] {
  const args = [
    '--id', record.id,
    '--bundle', paths.bundle,
    '--runtime', helperPath('boxctl-runtime'),
    '--rundir', paths.run,
    '--exit-file', paths.exit,
    '--log-path', paths.log,
    '--restart', restartArg(record.restart),
    '--stop-signal', String(record.stopSignal),
    '--stop-timeout', String(record.stopTimeout),
    '--sync-fd', '3',
    '--sdnotify', record.sdNotify ?? 'conmon',
  ];
  if (record.log.maxSize !== undefined) args.push('--log-max-size', String(record.log.maxSize));
  if (record.log.maxFiles !== undefined) args.push('--log-max-files', String(record.log.maxFiles));
  if (record.terminal) args.push('--terminal');
  if (record.stdin) args.push('--stdin');
  const h = record.health;
  if (h) {
    args.push(
      '--health-process', paths.healthProcess,
      '--health-interval', String(h.intervalMs),
      '--health-timeout', String(h.timeoutMs),
      '--health-retries', String(h.retries),
      '--health-start-period', String(h.startPeriodMs),
      '--health-on-failure', h.onFailure,
      '--health-file', paths.health,
    );
  }
  for (const a of exitCommand) args.push('--exit-command', a);
  args.push(...monitorNetworkArgs(record, paths));
  return args;
}

interface SyncLine {
  ok: boolean;
  pid?: number;
  started?: boolean;
  errno?: number;
  error?: string;
}

/** Reads the monitor's JSON lines off the sync socket, one per call. */
class SyncReader {
  private buffer = '';
  private waiting: ((line: string | undefined) => void)[] = [];
  private lines: string[] = [];
  private ended = false;

  constructor(private readonly socket: Duplex) {
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      this.buffer += d;
      for (let nl = this.buffer.indexOf('\n'); nl >= 0; nl = this.buffer.indexOf('\n')) {
        this.push(this.buffer.slice(0, nl));
        this.buffer = this.buffer.slice(nl + 1);
      }
    });
    const end = () => {
      this.ended = true;
      for (const w of this.waiting.splice(0)) w(undefined);
    };
    socket.on('end', end);
    socket.on('close', end);
    socket.on('error', end);
  }

  private push(line: string): void {
    const w = this.waiting.shift();
    if (w) w(line);
    else this.lines.push(line);
  }

  next(): Promise<string | undefined> {
    const l = this.lines.shift();
    if (l !== undefined) return Promise.resolve(l);
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

/** What Podman exits with when the command cannot run: 127 not found, 126 not executable. */
export function startFailure(line: SyncLine): BoxctlError {
  const message = line.error ?? 'the container did not start';
  // Only the runtime's exec step ('exec: "cmd": ...', 'exec /path: ...') is about the
  // command; the same errno from another step (the notify socket, a mount) is not.
  const execStep = /^exec[: ]/.test(message);
  if (execStep && line.errno === 2) return new CommandNotRunError(message, 127);
  if (execStep && (line.errno === 13 || line.errno === 21)) return new CommandNotRunError(message, 126);
  return new NativeError(message, line.errno ?? 0, 'boxctl-monitor');
}

export interface StartedMonitor {
  child: ChildProcess;
  pid: number;
  /** Lets the process run (after the caller attached, if it wanted to). */
  release(): Promise<void>;
}

async function readLine(reader: SyncReader, child: ChildProcess): Promise<SyncLine> {
  const text = await reader.next();
  if (text === undefined) {
    const code = child.exitCode;
    throw new BoxctlError(`boxctl-monitor ended without a report${code !== null ? ` (exit status ${code})` : ''}`);
  }
  try {
    return JSON.parse(text) as SyncLine;
  } catch {
    throw new BoxctlError(`boxctl-monitor answered '${text}', not a report`);
  }
}

export async function spawnMonitor(args: MonitorArgs): Promise<StartedMonitor> {
  const path = helperPath('boxctl-monitor');
  if (!existsSync(path)) throw new BoxctlError(`boxctl-monitor is missing at ${path}: rebuild the native part with 'npm rebuild boxctl'`);
  await prepareNetwork(args.record, args.paths);
  mkdirSync(args.paths.run, { recursive: true, mode: 0o700 });
  rmSync(args.paths.stopped, { force: true });
  const child = spawn(path, monitorArgv(args), {
    detached: true,
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    env: notifyEnv(args.record.sdNotify ?? 'conmon', process.env),
  });
  const failed = new Promise<never>((_, reject) => child.on('error', (e) => reject(new BoxctlError(`cannot start boxctl-monitor: ${e.message}`))));
  const socket = child.stdio[3] as Duplex;
  const reader = new SyncReader(socket);
  const created = await Promise.race([readLine(reader, child), failed]);
  if (!created.ok || created.pid === undefined) {
    socket.destroy();
    throw startFailure(created);
  }
  child.unref();
  return {
    child,
    pid: created.pid,
    async release() {
      socket.write('s');
      const started = await Promise.race([readLine(reader, child), failed]);
      socket.destroy();
      (socket as Duplex & { unref?: () => void }).unref?.();
      if (!started.ok) throw startFailure(started);
    },
  };
}
