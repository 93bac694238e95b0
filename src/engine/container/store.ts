// The container records of one user (docs/containers.md). A container is built in a
// .tmp- dir and renamed to its id under the lock once its name is known to be free,
// so concurrent creates never share a name and a kill -9 leaves either nothing or a
// whole container; a later create sweeps the leftovers.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { BoxctlError, ConflictError, NotFoundError, UserError } from '../../errors.js';
import { withLock } from '../image/store/lock.js';
import { removeInUserns } from '../userns.js';
import { containerPaths, containersDir, containersLock, type ContainerPaths } from './layout.js';
import type { ContainerRecord } from './record.js';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const TMP_PREFIX = '.tmp-';
/** A .tmp- dir older than this belongs to a create that died. */
const STALE_TMP_MS = 10 * 60 * 1000;

export function checkName(name: string): void {
  if (!NAME.test(name)) {
    throw new UserError(`invalid container name '${name}': names start with a letter or digit and hold only letters, digits, '_', '.' and '-'`);
  }
}

export function newId(): string {
  return randomBytes(32).toString('hex');
}

function writeJsonAtomic(path: string, value: unknown): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 1)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

export function readRecord(path: string): ContainerRecord | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ContainerRecord;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new BoxctlError(`the container record ${path} is unreadable (${(e as Error).message}): remove that container with 'boxctl rm -f'`);
  }
}

export class ContainerStore {
  readonly dir: string;

  constructor(
    readonly root: string,
    readonly runroot: string,
  ) {
    this.dir = containersDir(root);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  paths(id: string): ContainerPaths {
    return containerPaths(this.root, this.runroot, id);
  }

  list(): ContainerRecord[] {
    const out: ContainerRecord[] = [];
    for (const name of readdirSync(this.dir)) {
      if (name.startsWith('.') || !/^[0-9a-f]{64}$/.test(name)) continue;
      const record = readRecord(join(this.dir, name, 'container.json'));
      if (record) out.push(record);
    }
    return out.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
  }

  /** By exact name, full id, or unique id prefix: as Podman looks containers up. */
  find(wanted: string): ContainerRecord {
    const all = this.list();
    const byName = all.find((r) => r.name === wanted);
    if (byName) return byName;
    if (/^[0-9a-f]+$/.test(wanted)) {
      const byId = all.filter((r) => r.id.startsWith(wanted));
      if (byId.length === 1) return byId[0]!;
      if (byId.length > 1) throw new ConflictError(`container id prefix '${wanted}' is ambiguous: ${byId.map((r) => r.id.slice(0, 12)).join(', ')}`);
    }
    throw new NotFoundError(`no container named or with id '${wanted}': 'boxctl ps -a' lists them`);
  }

  tryFind(wanted: string): ContainerRecord | undefined {
    try {
      return this.find(wanted);
    } catch (e) {
      if (e instanceof NotFoundError) return undefined;
      throw e;
    }
  }

  /**
   * Builds a container in a private dir with `prepare`, then publishes it under the lock
   * if its name is still free. A failure anywhere leaves nothing behind.
   */
  async create(record: ContainerRecord, prepare: (paths: ContainerPaths) => Promise<void>): Promise<ContainerRecord> {
    await this.sweep();
    const tmp = join(this.dir, `${TMP_PREFIX}${record.id.slice(0, 16)}`);
    const paths = containerPaths(this.root, this.runroot, record.id, tmp);
    mkdirSync(tmp, { mode: 0o700 });
    try {
      if (this.list().some((r) => r.name === record.name)) throw nameInUse(record.name);
      await prepare(paths);
      writeJsonAtomic(paths.record, record);
      await withLock(containersLock(this.root), () => {
        if (this.list().some((r) => r.name === record.name)) throw nameInUse(record.name);
        renameSync(tmp, join(this.dir, record.id));
      });
    } catch (e) {
      await removeInUserns(tmp);
      throw e;
    }
    return record;
  }

  /** Read-modify-write of one record under the lock. */
  async update(id: string, change: (r: ContainerRecord, all: ContainerRecord[]) => ContainerRecord): Promise<ContainerRecord> {
    return withLock(containersLock(this.root), () => {
      const paths = this.paths(id);
      const current = readRecord(paths.record);
      if (!current) throw new NotFoundError(`container ${id.slice(0, 12)} is gone`);
      const next = change(current, this.list());
      writeJsonAtomic(paths.record, next);
      return next;
    });
  }

  async rename(id: string, name: string): Promise<void> {
    checkName(name);
    await this.update(id, (r, all) => {
      if (all.some((o) => o.name === name && o.id !== id)) throw nameInUse(name);
      return { ...r, name };
    });
  }

  /**
   * Takes the container out of every listing first (a rename to a .tmp- name under the
   * lock), then deletes its files, which may belong to subordinate ids.
   */
  async remove(id: string): Promise<void> {
    const doomed = join(this.dir, `${TMP_PREFIX}rm-${id.slice(0, 16)}`);
    // Two removals may race (`rm -f` and the monitor's cleanup of a --rm container):
    // the one that renamed it deletes the files; what a killed removal left, sweep() does.
    const renamed = await withLock(containersLock(this.root), () => {
      const dir = join(this.dir, id);
      if (!existsSync(dir)) return false;
      renameSync(dir, doomed);
      return true;
    });
    if (renamed) await removeInUserns(doomed);
  }

  /** Removes what creates and removals that died left behind. */
  private async sweep(): Promise<void> {
    const now = Date.now();
    for (const name of readdirSync(this.dir)) {
      if (!name.startsWith(TMP_PREFIX)) continue;
      const path = join(this.dir, name);
      let age: number;
      try {
        age = now - statSync(path).mtimeMs;
      } catch {
        continue;
      }
      if (name.startsWith(`${TMP_PREFIX}rm-`) || age > STALE_TMP_MS) await removeInUserns(path).catch(() => undefined);
    }
  }
}

/** Container names by the image id they were created from: what rmi and prune must keep. */
export function imagesInUse(root: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let names: string[];
  try {
    names = readdirSync(containersDir(root));
  } catch {
    return out;
  }
  for (const name of names) {
    if (!/^[0-9a-f]{64}$/.test(name)) continue;
    const r = readRecord(join(containersDir(root), name, 'container.json'));
    if (r) out.set(r.imageId, [...(out.get(r.imageId) ?? []), r.name]);
  }
  return out;
}

function nameInUse(name: string): ConflictError {
  return new ConflictError(`the container name '${name}' is already in use: remove that container or choose another name`);
}

export function writeRecordFile(path: string, value: unknown): void {
  writeJsonAtomic(path, value);
}
