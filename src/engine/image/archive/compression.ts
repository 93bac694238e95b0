// Compression as archives and stored blobs carry it: told by magic bytes, since a
// docker-archive names no media types and a tarball given to import names nothing.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

import { BoxctlError } from '../../../errors.js';
import type { Compression } from '../media-types.js';

const GZIP = [0x1f, 0x8b];
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];
/** Formats boxctl does not decompress, named so the message can say what the file is. */
const UNSUPPORTED: readonly { name: string; magic: readonly number[] }[] = [
  { name: 'xz', magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'bzip2', magic: [0x42, 0x5a, 0x68] },
];

export const MAGIC_BYTES = 6;

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return head.length >= magic.length && magic.every((b, i) => head[i] === b);
}

/** gzip, zstd or none (anything else: the tar parser decides whether it is a tar). */
export function sniffCompression(head: Uint8Array): Compression {
  if (startsWith(head, GZIP)) return 'gzip';
  if (startsWith(head, ZSTD)) return 'zstd';
  return 'none';
}

/** The name of a compression boxctl cannot undo, if the data starts with one. */
export function unsupportedCompression(head: Uint8Array): string | undefined {
  return UNSUPPORTED.find((u) => startsWith(head, u.magic))?.name;
}

export function fileHead(path: string, bytes = MAGIC_BYTES): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(bytes);
    return head.subarray(0, readSync(fd, head, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/** Debian's zstd, as the unpack worker uses it: native speed and a bounded window. */
async function* zstdChunks(path: string): AsyncGenerator<Buffer> {
  const child = spawn('zstd', ['-d', '-c', '-q', '--', path], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'ENOENT' ? new BoxctlError('zstd layers need the zstd program: install it (Debian: apt-get install zstd)') : e),
    );
    child.on('close', resolve);
  });
  try {
    for await (const chunk of child.stdout) yield chunk as Buffer;
    const code = await exited;
    if (code !== 0) throw new BoxctlError(`the zstd data of ${path} is corrupt (${stderr.trim().split('\n').at(-1) || `zstd exit status ${code}`})`);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

/** The uncompressed bytes of a file. */
export function decompressedFile(path: string, compression: Compression): Readable {
  if (compression === 'zstd') return Readable.from(zstdChunks(path), { objectMode: false });
  const file = createReadStream(path);
  if (compression === 'none') return file;
  const gunzip = createGunzip();
  file.on('error', (e) => gunzip.destroy(e));
  return file.pipe(gunzip);
}

export interface Measured {
  /** sha256 of the uncompressed bytes: a layer's diff id. */
  diffId: string;
  size: number;
}

export async function measureUncompressed(path: string, compression: Compression): Promise<Measured> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of decompressedFile(path, compression)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { diffId: `sha256:${hash.digest('hex')}`, size };
}
