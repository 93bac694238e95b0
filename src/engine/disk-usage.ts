// Bytes a directory tree uses, counted as containers/storage counts it: the apparent
// size of everything but directories, a hard-linked inode once, symlinks as themselves
// (lstat, never followed). A directory the user cannot read from the host (a
// subordinate owner, mode 0700) is counted from inside the user namespace instead,
// where the user is root. Volumes (system df) and container upper dirs (ps --size).
import { readdir, lstat } from 'node:fs/promises';
import { join } from 'node:path';

import { spawnInUserns } from './userns.js';

class Unreadable extends Error {}

async function walk(dir: string, seen: Set<bigint>): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 0;
    if (code === 'EACCES') throw new Unreadable(dir);
    throw e;
  }
  let total = 0;
  for (const name of names) {
    const path = join(dir, name);
    let st;
    try {
      st = await lstat(path, { bigint: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    if (st.isDirectory()) {
      total += await walk(path, seen);
      continue;
    }
    if (seen.has(st.ino)) continue;
    seen.add(st.ino);
    total += Number(st.size);
  }
  return total;
}

/** The same count by find(1), run as root of the user namespace. */
async function sizeInUserns(dir: string): Promise<number> {
  const child = spawnInUserns(['find', dir, '-xdev', '!', '-type', 'd', '-printf', '%i %s\\n'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (err += d));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`cannot measure ${dir} inside the user namespace: ${err.trim().split('\n').at(-1) ?? `exit status ${code}`}`);
  const seen = new Set<string>();
  let total = 0;
  for (const line of out.split('\n')) {
    const [ino, size] = line.split(' ');
    if (!ino || seen.has(ino)) continue;
    seen.add(ino);
    total += Number(size);
  }
  return total;
}

export async function dirUsage(dataDir: string): Promise<number> {
  try {
    return await walk(dataDir, new Set());
  } catch (e) {
    if (e instanceof Unreadable) return sizeInUserns(dataDir);
    throw e;
  }
}

