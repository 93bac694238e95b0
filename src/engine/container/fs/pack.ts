// A tree into a tar stream, never following a link: each entry is looked up by name in
// its open parent (resolve.ts), files and directories are opened with O_NOFOLLOW, and
// what is read is what fstat says the open file is. Hard links within the tree become
// tar links. Pseudo file systems a running container has mounted (proc, sysfs, ...)
// are entered as their mount point only: their files are the kernel's, not the
// container's.
import { closeSync, constants as C, createReadStream, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, statfsSync, type Stats } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Header, Pack } from 'tar-stream';

import { at, DIR_FLAGS } from './resolve.js';

const EMPTY = Buffer.alloc(0);

export type TarHeader = Partial<Header> & { name: string };

const PSEUDO_FS = new Set([
  0x9fa0, // proc
  0x62656572, // sysfs
  0x1cd1, // devpts
  0x27e0eb, // cgroup
  0x63677270, // cgroup2
  0x19800202, // mqueue
  0x73636673, // securityfs
  0x64626720, // debugfs
  0x74726163, // tracefs
  0xcafe4a11, // bpf
  0x6e736673, // nsfs
]);

export function major(rdev: number): number {
  return ((rdev >>> 8) & 0xfff) | (Math.floor(rdev / 2 ** 32) & ~0xfff);
}

export function minor(rdev: number): number {
  return (rdev & 0xff) | ((rdev >>> 12) & 0xfff00);
}

/** The tar header for an object; undefined for what a tar cannot hold (sockets). */
export function headerOf(name: string, st: Stats, linkname?: string): TarHeader | undefined {
  const base = { name, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtime: st.mtime };
  if (st.isFile()) return { ...base, type: 'file', size: st.size };
  if (st.isDirectory()) return { ...base, type: 'directory' };
  if (st.isSymbolicLink()) return { ...base, type: 'symlink', linkname: linkname ?? '' };
  if (st.isCharacterDevice()) return { ...base, type: 'character-device', devmajor: major(st.rdev), devminor: minor(st.rdev) };
  if (st.isBlockDevice()) return { ...base, type: 'block-device', devmajor: major(st.rdev), devminor: minor(st.rdev) };
  if (st.isFIFO()) return { ...base, type: 'fifo' };
  return undefined;
}

export class Packer {
  /** "dev:ino" of files with more than one link -> the entry name written first. */
  readonly #links = new Map<string, string>();

  constructor(readonly pack: Pack) {}

  entry(header: TarHeader): void {
    this.pack.entry(header, EMPTY);
  }

  /** A regular file already open: its contents, exactly the size fstat gave. */
  async file(fd: number, name: string, st: Stats): Promise<void> {
    if (st.nlink > 1) {
      const key = `${st.dev}:${st.ino}`;
      const first = this.#links.get(key);
      if (first !== undefined) {
        closeSync(fd);
        this.entry({ ...headerOf(name, st)!, type: 'link', linkname: first, size: 0 });
        return;
      }
      this.#links.set(key, name);
    }
    if (st.size === 0) {
      closeSync(fd);
      this.entry(headerOf(name, st)!);
      return;
    }
    const entry = this.pack.entry(headerOf(name, st)!);
    await pipeline(createReadStream('', { fd, start: 0, end: st.size - 1 }), entry as unknown as NodeJS.WritableStream);
  }

  /** The object NAME in the open directory DIR, as entry `entryName`, and all below it. */
  async object(dir: number, name: string, entryName: string): Promise<void> {
    const p = at(dir, name);
    const st = lstatSync(p);
    if (st.isFile()) {
      const fd = openSync(p, C.O_RDONLY | C.O_NOFOLLOW | C.O_NONBLOCK);
      const now = fstatSync(fd);
      if (!now.isFile()) {
        closeSync(fd);
        throw new Error(`${entryName} changed while it was copied`);
      }
      return this.file(fd, entryName, now);
    }
    if (st.isDirectory()) {
      const fd = openSync(p, DIR_FLAGS);
      try {
        await this.directory(fd, entryName, fstatSync(fd));
      } finally {
        closeSync(fd);
      }
      return;
    }
    const header = headerOf(entryName, st, st.isSymbolicLink() ? readlinkSync(p) : undefined);
    if (header) this.entry(header);
  }

  /** An open directory as entry `entryName` ('' writes no entry for it), then its contents. */
  async directory(fd: number, entryName: string, st: Stats): Promise<void> {
    if (entryName !== '') this.entry(headerOf(`${entryName}/`, st)!);
    if (PSEUDO_FS.has(statfsSync(at(fd)).type)) return;
    const prefix = entryName === '' ? '' : `${entryName}/`;
    for (const child of readdirSync(at(fd)).sort()) await this.object(fd, child, `${prefix}${child}`);
  }
}
