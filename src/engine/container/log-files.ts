// The files of one container log: ctr.log and its rotated ctr.log.1, ctr.log.2, ...
// (docs/containers.md). The monitor may rotate while they are opened, so they are
// opened newest first and told apart by inode: a file met twice under two names was
// renamed between two opens, and the next name up still holds the older one.

import type { FileHandle } from 'node:fs/promises';
import { open, stat } from 'node:fs/promises';

export interface OpenLogFile {
  path: string;
  handle: FileHandle;
  /** As a bigint: inode numbers can pass 2^53 (XFS, btrfs). */
  ino: bigint;
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ENOENT';
}

async function openIfPresent(path: string): Promise<FileHandle | undefined> {
  try {
    return await open(path, 'r');
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

/**
 * Opens every file of the log at `path`, oldest first (ctr.log.N ... ctr.log.1,
 * ctr.log). The names are tried upwards until one is missing, so a rotation during
 * the walk shifts files up ahead of it rather than out of its way. A missing ctr.log
 * (not started yet, or mid-rotation) does not end the walk.
 */
export async function openLogFiles(path: string): Promise<OpenLogFile[]> {
  const files: OpenLogFile[] = [];
  const seen = new Set<bigint>();
  try {
    for (let n = 0; ; n += 1) {
      const name = n === 0 ? path : `${path}.${n}`;
      const handle = await openIfPresent(name);
      if (!handle) {
        if (n === 0) continue;
        break;
      }
      const { ino } = await handle.stat({ bigint: true });
      if (seen.has(ino)) {
        await handle.close();
        continue;
      }
      seen.add(ino);
      files.push({ path: name, handle, ino });
    }
  } catch (err) {
    await closeAll(files);
    throw err;
  }
  return files.reverse();
}

export async function closeAll(files: readonly OpenLogFile[]): Promise<void> {
  await Promise.all(files.map((f) => f.handle.close()));
}

/** The inode now at `path`, or undefined when nothing is there. */
export async function inodeAt(path: string): Promise<bigint | undefined> {
  try {
    return (await stat(path, { bigint: true })).ino;
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}
