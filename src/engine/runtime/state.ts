// The runtime's per-container state, laid out as runc lays out its own: one
// directory per container under the runtime root, holding state.json (written once,
// atomically) and, between create and start, the exec fifo. The status is derived
// from the process and the fifo rather than stored, so a crash can never leave a
// stale status behind.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ConflictError, NotFoundError, UserError } from '../../errors.js';
import { parseProcStat, type ProcStat } from '../host/procstat.js';

export type RuntimeStatus = 'created' | 'running' | 'stopped';

export interface RuntimeState {
  ociVersion: string;
  id: string;
  pid: number;
  /** Field 22 of /proc/<pid>/stat when the container started: guards against pid reuse. */
  startTime: number;
  bundle: string;
  rootfs: string;
  created: string;
  owner: string;
  annotations: Record<string, string>;
}

/** The OCI `state` output: the record plus the derived status. */
export interface RuntimeStateReport extends Omit<RuntimeState, 'startTime'> {
  status: RuntimeStatus;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.+-]{0,127}$/;

export function validateId(id: string): string {
  if (!ID.test(id)) {
    throw new UserError(`invalid container id '${id}': use 1-128 letters, digits, '_', '.', '+' or '-', starting with a letter or digit`);
  }
  return id;
}

export function containerDir(root: string, id: string): string {
  return join(root, validateId(id));
}

export function fifoPath(dir: string): string {
  return join(dir, 'exec.fifo');
}

/** Claims the id: mkdir is atomic, so two concurrent creates cannot both win. */
export function claimContainerDir(root: string, id: string): string {
  const dir = containerDir(root, id);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ConflictError(`container '${id}' already exists: delete it first, or pick another id`);
    throw e;
  }
  return dir;
}

export function writeState(dir: string, state: RuntimeState): void {
  const tmp = join(dir, 'state.json.tmp');
  writeFileSync(tmp, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  renameSync(tmp, join(dir, 'state.json'));
}

export function readState(root: string, id: string): { dir: string; state: RuntimeState } {
  const dir = containerDir(root, id);
  let text: string;
  try {
    text = readFileSync(join(dir, 'state.json'), 'utf8');
  } catch {
    throw new NotFoundError(`container '${id}' does not exist: 'boxctl runtime list' shows the containers there are`);
  }
  return { dir, state: JSON.parse(text) as RuntimeState };
}

export function readProcStat(pid: number): ProcStat | undefined {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Pure: the status from what the process table and the state dir show. */
export function deriveStatus(state: RuntimeState, proc: ProcStat | undefined, fifoExists: boolean): RuntimeStatus {
  const alive = proc !== undefined && proc.startTime === state.startTime && proc.state !== 'Z' && proc.state !== 'X';
  if (!alive) return 'stopped';
  return fifoExists ? 'created' : 'running';
}

export function currentStatus(dir: string, state: RuntimeState): RuntimeStatus {
  return deriveStatus(state, readProcStat(state.pid), existsSync(fifoPath(dir)));
}

export function report(dir: string, state: RuntimeState): RuntimeStateReport {
  const { startTime: _startTime, ...rest } = state;
  return { ...rest, status: currentStatus(dir, state) };
}

export function removeContainerDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
