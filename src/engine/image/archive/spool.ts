// The outer archive of `load`, read once from a file or a pipe (gzip or not) and kept
// in a private dir under the store's tmp/: each regular file becomes a numbered file
// there, hashed while it is written. A docker-archive puts manifest.json last, so
// nothing can be understood before the end; after it, every blob is a known file with
// a known digest, layers are unpacked from there, and kept ones are hard-linked into
// the store's blobs/ (same file system), so the copy is not wasted.
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';

import { BoxctlError } from '../../../errors.js';
import { formatBytes } from '../unpack/limits.js';
import { MAGIC_BYTES, sniffCompression, unsupportedCompression } from './compression.js';
import { Hasher } from './hasher.js';
import { ArchiveRefused, entryKey, promisedDigest, resolveFile, type ArchiveNode } from './names.js';
import { peek } from './peek.js';

/** Far above any real archive (one image of 127 layers has about 500 entries). */
const MAX_ENTRIES = 100_000;

export interface SpooledFile {
  path: string;
  size: number;
  sha256: string;
  /** Only for blobs/sha512/...: the one digest other than sha256 a name can promise. */
  sha512?: string;
}

export class Spool {
  readonly nodes = new Map<string, ArchiveNode>();
  readonly #files = new Map<string, SpooledFile>();

  private constructor(readonly dir: string) {}

  /** A private dir in `tmp` named like the store's own temporaries, so a dead process's is swept. */
  static create(tmp: string): Spool {
    return new Spool(mkdtempSync(join(tmp, `load-${process.pid}-`)));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  has(key: string): boolean {
    return this.nodes.has(key);
  }

  /** The file at `key` (symlinks followed), checked against the digest its name promises. */
  file(key: string, where: string): SpooledFile {
    const real = resolveFile(this.nodes, key, where);
    const file = this.#files.get(real)!;
    const promised = promisedDigest(real);
    if (promised && promised !== (promised.startsWith('sha512:') ? file.sha512 : file.sha256)) {
      throw new ArchiveRefused(`the archive lies: its file ${real} does not have the digest its name says (${where} names it)`);
    }
    return file;
  }

  /** A small file's bytes, refused before reading when it is over `limit`. */
  read(key: string, where: string, limit: number): Buffer {
    const file = this.file(key, where);
    if (file.size > limit) throw new ArchiveRefused(`${key} in the archive is ${formatBytes(file.size)}, more than the ${formatBytes(limit)} boxctl accepts for it`);
    return readFileSync(file.path);
  }

  async #write(key: string, content: AsyncIterable<Buffer>): Promise<void> {
    const promised = promisedDigest(key);
    const hasher = new Hasher(promised?.startsWith('sha512:') ? ['sha256', 'sha512'] : ['sha256']);
    const path = join(this.dir, String(this.#files.size));
    await pipeline(content, hasher, createWriteStream(path, { mode: 0o600 }));
    this.#files.set(key, { path, size: hasher.size, sha256: hasher.digest('sha256'), ...(hasher.has('sha512') ? { sha512: hasher.digest('sha512') } : {}) });
    this.nodes.set(key, { kind: 'file' });
  }

  /** Reads the whole archive; the spool is complete when this resolves. */
  async fill(input: Readable): Promise<void> {
    const { head, stream } = await peek(input, MAGIC_BYTES).catch((e: unknown) => {
      throw new BoxctlError(`cannot read the archive: ${(e as Error).message}`);
    });
    if (head.length === 0) throw new BoxctlError('the archive is empty: give a file written by boxctl save, podman save or docker save');
    const unsupported = unsupportedCompression(head);
    if (unsupported) throw new BoxctlError(`the archive is compressed with ${unsupported}, which boxctl does not read: decompress it first`);
    const gzip = sniffCompression(head) === 'gzip';
    const ex = extract();
    const reading = pipeline([stream, ...(gzip ? [createGunzip()] : []), ex]);
    const entries = (async () => {
      for await (const entry of ex) {
        const h = entry.header;
        const key = entryKey(h.name);
        if (this.nodes.size >= MAX_ENTRIES) throw new ArchiveRefused(`the archive has more than ${MAX_ENTRIES} entries: refusing it`);
        if (h.type === 'directory') {
          entry.resume();
          continue;
        }
        if (this.nodes.has(key)) throw new ArchiveRefused(`the archive has ${key} twice, so which one is meant is ambiguous: refusing it`);
        if (h.type === 'file' || h.type === 'contiguous-file') {
          await this.#write(key, entry as AsyncIterable<Buffer>);
          continue;
        }
        this.nodes.set(key, h.type === 'symlink' && h.linkname ? { kind: 'symlink', target: h.linkname } : { kind: 'other', type: h.type ?? 'entry of unknown type' });
        entry.resume();
      }
    })().catch((e: unknown) => {
      ex.destroy();
      throw e;
    });
    const [read, listed] = await Promise.allSettled([reading, entries]);
    if (listed.status === 'rejected') {
      const e = listed.reason as NodeJS.ErrnoException;
      if (e instanceof BoxctlError) throw e;
      if (typeof e.syscall === 'string') throw new BoxctlError(`cannot copy the archive into ${this.dir}: ${e.message}`);
    }
    const failure = (read.status === 'rejected' ? read.reason : listed.status === 'rejected' ? listed.reason : undefined) as NodeJS.ErrnoException | undefined;
    if (failure) {
      const what =
        typeof failure.syscall === 'string'
          ? failure.message
          : failure.code?.startsWith('Z_')
            ? `its gzip data is corrupt or cut short (${failure.message})`
            : `it is not a tar archive, or it is corrupt or cut short (${failure.message})`;
      throw new BoxctlError(`cannot read the archive: ${what}`);
    }
  }
}
