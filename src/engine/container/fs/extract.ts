// A tar stream into a tree, with every entry's parent resolved through the tree
// (resolve.ts): inside a container in 'chroot' mode, so a link the container planted
// leads somewhere in the container and nowhere else; on the host in 'beneath' mode, so
// nothing is written through a link or outside the destination. The last component is
// never followed: an existing non-directory is replaced, a directory is merged into.
// Directory modes and times are set last, deepest first, so a 0500 directory still
// receives its files.
import {
  closeSync,
  constants as C,
  fchmodSync,
  fchownSync,
  fstatSync,
  futimesSync,
  lchownSync,
  linkSync,
  lutimesSync,
  mkdirSync,
  openSync,
  symlinkSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import type { Readable } from 'node:stream';
import { extract, type Header } from 'tar-stream';

import { entryPath, rebase, type Rebase } from './copy-plan.js';
import { at, DIR_FLAGS, openResolvedDir, PathError, type Tree } from './resolve.js';

export type OwnerPolicy = { kind: 'keep' } | { kind: 'set'; uid: number; gid: number } | { kind: 'none' };

export interface ExtractOptions {
  tree: Tree;
  /** The directory (a path in the tree) entries are written into. */
  base: string;
  rebase?: Rebase;
  owner: OwnerPolicy;
  warn(line: string): void;
}

interface DirMeta {
  path: string;
  mode: number;
  mtime: Date;
}

function join(base: string, rel: string): string {
  return rel === '' ? base : `${base.replace(/\/+$/, '')}/${rel}`;
}

function writeAll(fd: number, chunk: Buffer): void {
  for (let off = 0; off < chunk.length; ) off += writeSync(fd, chunk, off);
}

/** The parts of a tar entry the extractor reads: a header and a body to drain. */
interface Body extends AsyncIterable<unknown> {
  resume(): unknown;
}

class Extractor {
  readonly dirs: DirMeta[] = [];

  constructor(readonly o: ExtractOptions) {}

  ids(h: Header): { uid: number; gid: number } | undefined {
    const { owner } = this.o;
    if (owner.kind === 'none') return undefined;
    return owner.kind === 'set' ? owner : { uid: h.uid ?? 0, gid: h.gid ?? 0 };
  }

  /** Removes what is at the place of a new non-directory; refuses to replace a directory. */
  clear(dir: number, name: string, exists: boolean, isDir: boolean, rel: string): void {
    if (!exists) return;
    if (isDir) throw new PathError(`cannot overwrite directory ${rel} with a non-directory`, 'EISDIR');
    unlinkSync(at(dir, name));
  }

  async entry(h: Header, body: Body): Promise<void> {
    const rel = rebase(entryPath(h.name), this.o.rebase);
    if (rel === undefined || (rel === '' && h.type === 'directory')) return void body.resume();
    if (rel === '') throw new PathError(`cannot write a ${h.type} over the destination directory`, 'EISDIR');
    const r = this.o.tree.resolve(join(this.o.base, rel), false);
    try {
      const exists = r.stat !== undefined;
      const isDir = r.stat?.isDirectory() ?? false;
      const p = at(r.dir, r.name);
      const ids = this.ids(h);
      switch (h.type) {
        case 'directory': {
          if (exists && !isDir) throw new PathError(`cannot overwrite non-directory ${rel} with a directory`, 'ENOTDIR');
          if (!exists) mkdirSync(p, 0o700);
          const fd = openSync(p, DIR_FLAGS);
          try {
            if (ids) fchownSync(fd, ids.uid, ids.gid);
          } finally {
            closeSync(fd);
          }
          this.dirs.push({ path: r.path, mode: (h.mode ?? 0o755) & 0o7777, mtime: h.mtime ?? new Date() });
          return void body.resume();
        }
        case 'file':
        case 'contiguous-file': {
          this.clear(r.dir, r.name, exists, isDir, rel);
          const fd = openSync(p, C.O_WRONLY | C.O_CREAT | C.O_EXCL | C.O_NOFOLLOW, 0o600);
          try {
            for await (const chunk of body) writeAll(fd, chunk as Buffer);
            if (ids) fchownSync(fd, ids.uid, ids.gid);
            fchmodSync(fd, (h.mode ?? 0o644) & 0o7777);
            const mtime = h.mtime ?? new Date();
            futimesSync(fd, mtime, mtime);
          } finally {
            closeSync(fd);
          }
          return;
        }
        case 'symlink': {
          this.clear(r.dir, r.name, exists, isDir, rel);
          symlinkSync(h.linkname ?? '', p);
          if (ids) lchownSync(p, ids.uid, ids.gid);
          const mtime = h.mtime ?? new Date();
          lutimesSync(p, mtime, mtime);
          return void body.resume();
        }
        case 'link': {
          const target = rebase(entryPath(h.linkname ?? ''), this.o.rebase);
          if (target === undefined || target === '') throw new PathError(`the hard link ${rel} points outside what is copied`, 'EXDEV');
          const t = this.o.tree.resolve(join(this.o.base, target), false);
          try {
            if (!t.stat || t.stat.isDirectory()) throw new PathError(`the hard link ${rel} points at ${target}, which is no file`, 'ENOENT');
            this.clear(r.dir, r.name, exists, isDir, rel);
            linkSync(at(t.dir, t.name), p);
          } finally {
            t.close();
          }
          return void body.resume();
        }
        default:
          this.o.warn(`skipped ${rel}: a ${h.type} is not copied`);
          return void body.resume();
      }
    } finally {
      r.close();
    }
  }

  /** Modes and times of the directories, deepest first. */
  finish(): void {
    const byDepth = [...this.dirs].sort((a, b) => b.path.split('/').length - a.path.split('/').length);
    for (const d of byDepth) {
      const r = this.o.tree.resolve(d.path, false);
      try {
        if (!r.stat?.isDirectory()) continue;
        const fd = openResolvedDir(r);
        try {
          if (fstatSync(fd).isDirectory()) {
            fchmodSync(fd, d.mode);
            futimesSync(fd, d.mtime, d.mtime);
          }
        } finally {
          closeSync(fd);
        }
      } finally {
        r.close();
      }
    }
  }
}

export async function extractTar(input: Readable, o: ExtractOptions): Promise<void> {
  const ex = new Extractor(o);
  const tar = extract();
  const fed = new Promise<void>((resolve, reject) => {
    input.on('error', reject);
    input.on('end', resolve);
  });
  input.pipe(tar as unknown as NodeJS.WritableStream);
  for await (const entry of tar) await ex.entry(entry.header, entry);
  await fed;
  ex.finish();
}
