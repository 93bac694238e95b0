// Which containers mount which volumes. The container records are the truth (a volume
// is in use exactly when a record mounts it), read here directly so the volume store
// does not depend on the container store's code: $root/containers/<id>/container.json,
// skipping the dot-dirs of containers still being created.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { BoxctlError } from '../../errors.js';
import type { ContainerRecord } from '../container/record.js';

export interface VolumeUser {
  id: string;
  name: string;
}

function entries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

function readRecord(path: string): Pick<ContainerRecord, 'id' | 'name' | 'mounts'> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    // A container dir between its removal's steps has no record left.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw e;
  }
  try {
    const r = JSON.parse(text) as Partial<ContainerRecord>;
    return { id: String(r.id), name: String(r.name), mounts: Array.isArray(r.mounts) ? r.mounts : [] };
  } catch {
    // Refusing beats guessing: a record we cannot read might mount the volume.
    throw new BoxctlError(`cannot read container record ${path}: it is not JSON; remove that container or repair the file`);
  }
}

/** Every volume that some container mounts, with the containers that mount it. */
export function volumeUsage(root: string): Map<string, VolumeUser[]> {
  const usage = new Map<string, VolumeUser[]>();
  const dir = join(root, 'containers');
  for (const id of entries(dir)) {
    if (id.startsWith('.')) continue;
    const record = readRecord(join(dir, id, 'container.json'));
    if (!record) continue;
    const names = new Set(record.mounts.filter((m) => m.type === 'volume' && m.source).map((m) => m.source!));
    for (const name of names) {
      const users = usage.get(name) ?? [];
      users.push({ id: record.id, name: record.name });
      usage.set(name, users);
    }
  }
  return usage;
}

/** The containers that mount the volume. */
export function volumeUsers(root: string, name: string): VolumeUser[] {
  return volumeUsage(root).get(name) ?? [];
}
