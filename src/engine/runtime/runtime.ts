// The OCI runtime operations behind `boxctl runtime`, with runc's semantics: create
// leaves the process waiting before execve, start releases it, run does both and
// waits, kill signals, delete removes. The C runtime does the namespace work; this
// module owns the state directory.
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { ConflictError, UserError } from '../../errors.js';
import { startRuntime } from '../../native/runtime.js';
import {
  claimContainerDir,
  currentStatus,
  readProcStat,
  readState,
  removeContainerDir,
  report,
  writeState,
  type RuntimeState,
  type RuntimeStateReport,
} from './state.js';

export interface CreateOptions {
  root: string;
  id: string;
  bundle: string;
  consoleSocket?: string | undefined;
  pidFile?: string | undefined;
}

interface BundleFacts {
  ociVersion: string;
  rootfs: string;
  annotations: Record<string, string>;
}

function readBundle(bundle: string): BundleFacts {
  let spec: { ociVersion?: string; root?: { path?: string }; annotations?: Record<string, string> };
  try {
    spec = JSON.parse(readFileSync(join(bundle, 'config.json'), 'utf8')) as typeof spec;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no config.json there' : err.message;
    throw new UserError(`cannot read the bundle at ${bundle}: ${why}`);
  }
  const rootPath = spec.root?.path;
  if (!rootPath) throw new UserError(`${join(bundle, 'config.json')} has no root.path`);
  return {
    ociVersion: spec.ociVersion ?? '',
    rootfs: isAbsolute(rootPath) ? rootPath : join(bundle, rootPath),
    annotations: spec.annotations ?? {},
  };
}

function nativeArgs(verb: 'create' | 'run', dir: string, opts: CreateOptions, bundle: string): string[] {
  const args = [verb, '--bundle', bundle, '--state-dir', dir];
  if (opts.consoleSocket) args.push('--console-socket', resolve(opts.consoleSocket));
  args.push(opts.id);
  return args;
}

function writePidFile(path: string, pid: number): void {
  const tmp = join(dirname(resolve(path)), `.${process.pid}.pid.tmp`);
  writeFileSync(tmp, String(pid));
  renameSync(tmp, path);
}

function record(opts: CreateOptions, bundle: string, facts: BundleFacts, pid: number): RuntimeState {
  const proc = readProcStat(pid);
  return {
    ociVersion: facts.ociVersion,
    id: opts.id,
    pid,
    startTime: proc?.startTime ?? 0,
    bundle,
    rootfs: facts.rootfs,
    created: new Date().toISOString(),
    owner: userInfo().username,
    annotations: facts.annotations,
  };
}

/** Starts the container's process in its namespaces, stopped before execve. */
export async function create(opts: CreateOptions): Promise<RuntimeState> {
  const bundle = resolve(opts.bundle);
  const facts = readBundle(bundle);
  const dir = claimContainerDir(opts.root, opts.id);
  try {
    const proc = startRuntime(nativeArgs('create', dir, opts, bundle));
    const { pid } = await proc.report;
    await proc.exit;
    if (pid === undefined) throw new UserError('boxctl-runtime reported no pid');
    const state = record(opts, bundle, facts, pid);
    writeState(dir, state);
    if (opts.pidFile) writePidFile(opts.pidFile, pid);
    return state;
  } catch (e) {
    removeContainerDir(dir);
    throw e;
  }
}

export async function start(root: string, id: string): Promise<void> {
  const { dir, state } = readState(root, id);
  const status = currentStatus(dir, state);
  if (status !== 'created') throw new ConflictError(`container '${id}' is ${status}, not created: only a created container can be started`);
  const proc = startRuntime(['start', '--state-dir', dir]);
  await proc.report;
  await proc.exit;
}

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2', 'SIGWINCH'] as const;

/** create + start in one; waits and returns the container's exit code, then deletes it. */
export async function run(opts: CreateOptions): Promise<number> {
  const bundle = resolve(opts.bundle);
  const facts = readBundle(bundle);
  const dir = claimContainerDir(opts.root, opts.id);
  const proc = startRuntime(nativeArgs('run', dir, opts, bundle));
  // The terminal sends ^C to the whole process group; signals sent to boxctl alone
  // must reach the container too.
  const forward = (sig: NodeJS.Signals) => proc.child.kill(sig);
  for (const sig of FORWARDED) process.on(sig, forward);
  try {
    const { pid } = await proc.report;
    if (pid !== undefined) {
      writeState(dir, record(opts, bundle, facts, pid));
      if (opts.pidFile) writePidFile(opts.pidFile, pid);
    }
    return await proc.exit;
  } finally {
    for (const sig of FORWARDED) process.off(sig, forward);
    removeContainerDir(dir);
  }
}

export function state(root: string, id: string): RuntimeStateReport {
  const { dir, state: s } = readState(root, id);
  return report(dir, s);
}

export function list(root: string): RuntimeStateReport[] {
  if (!existsSync(root)) return [];
  const out: RuntimeStateReport[] = [];
  for (const id of readdirSync(root).sort()) {
    try {
      out.push(state(root, id));
    } catch {
      // a container being created or deleted right now: not listed
    }
  }
  return out;
}

export function kill(root: string, id: string, signal: number): void {
  const { dir, state: s } = readState(root, id);
  const status = currentStatus(dir, s);
  if (status === 'stopped') throw new ConflictError(`container '${id}' is not running: nothing to signal; remove it with 'boxctl runtime delete ${id}'`);
  process.kill(s.pid, signal);
}

async function waitGone(s: RuntimeState, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const proc = readProcStat(s.pid);
    if (!proc || proc.startTime !== s.startTime || proc.state === 'Z' || proc.state === 'X') return true;
    await sleep(10);
  }
  return false;
}

export async function remove(root: string, id: string, force: boolean): Promise<void> {
  const { dir, state: s } = readState(root, id);
  const status = currentStatus(dir, s);
  if (status === 'running' && !force) {
    throw new ConflictError(`container '${id}' is running: stop it first, or delete it with --force`);
  }
  if (status !== 'stopped') {
    process.kill(s.pid, 'SIGKILL');
    if (!(await waitGone(s, 10_000))) throw new ConflictError(`container '${id}' (pid ${s.pid}) did not die after SIGKILL`);
  }
  removeContainerDir(dir);
}
