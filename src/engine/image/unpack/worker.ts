// The layer unpacker's worker, bundled as dist/unpack-worker.js. unpack/index.ts starts
// it through boxctl-unshare, so it runs as root in a user namespace with the user's
// mapping and may give files their subordinate owners. It reads the layer blob on
// stdin, writes the tree into the (empty) target directory, and answers with one JSON
// line on stdout (protocol.ts). On failure the caller discards the target.
import { spawn } from 'node:child_process';
import { lstatSync, readdirSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract, type Extract } from 'tar-stream';

import { entryMeta, isSparse, type TarHeader } from './header.js';
import { formatBytes, LayerTooLarge, TarMeter, type UnpackLimits } from './limits.js';
import { EntryRefused, entryParts, hardlinkParts, quoteName, whiteoutOf } from './paths.js';
import { parseRequest, type WorkerReport, type WorkerRequest } from './protocol.js';
import { LayerWriter } from './writer.js';

/** A failure that already reads as the final message. */
class UnpackFailure extends Error {}

interface Source {
  /** The decompressing stages, fed by stdin. */
  streams: (Readable | Writable)[];
  /** Settles when the decompressor is done; rejects with what it found wrong. */
  finished: Promise<void>;
  /** Ends the decompressor early, which is then no failure of its own. */
  stop(): void;
}

function gzipSource(): Source {
  const gunzip = createGunzip();
  const finished = new Promise<void>((resolve, reject) => {
    // pipeline() also hands gunzip the errors of later stages; only zlib's own are its.
    gunzip.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code?.startsWith('Z_')) reject(new Error(`the gzip data is corrupt or cut short (${e.message})`));
      else resolve();
    });
    gunzip.on('close', resolve);
  });
  return { streams: [process.stdin, gunzip], finished, stop: () => gunzip.destroy() };
}

/**
 * Debian's zstd rather than a JavaScript decoder: the pure-JS ones copy their whole
 * window for every block (6 MB/s at zstd's 128 MiB window) and allocate whatever window
 * a frame asks for, up to 2 GiB; zstd runs at native speed and refuses frames that
 * need more than 128 MiB unless told otherwise. It reads the blob from our stdin.
 */
function zstdSource(): Source {
  const child = spawn('zstd', ['-d', '-c', '-q'], { stdio: [0, 'pipe', 'pipe'] });
  const { stdout, stderr: errors } = child;
  if (!stdout || !errors) throw new Error('zstd was started without pipes');
  let stderr = '';
  let stopping = false;
  errors.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const finished = new Promise<void>((resolve, reject) => {
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(new Error(e.code === 'ENOENT' ? 'zstd layers need the zstd program: install it (Debian: apt-get install zstd)' : `cannot run zstd: ${e.message}`));
    });
    child.on('close', (code) => {
      if (code === 0 || stopping) resolve();
      else reject(new Error(`the zstd data is corrupt or cut short (${stderr.trim().split('\n').at(-1) || `zstd exit status ${code}`})`));
    });
  });
  const stop = (): void => {
    stopping = true;
    child.kill('SIGKILL');
  };
  return { streams: [stdout], finished, stop };
}

function plainSource(): Source {
  return { streams: [process.stdin], finished: Promise.resolve(), stop: () => process.stdin.destroy() };
}

function checkTarget(target: string): void {
  const st = lstatSync(target);
  if (!st.isDirectory() || readdirSync(target).length > 0) throw new Error(`the unpack target ${target} must be an empty directory`);
}

async function writeEntry(w: LayerWriter, h: TarHeader, content: AsyncIterable<Buffer>, limits: UnpackLimits): Promise<boolean> {
  const name = h.name;
  const parts = entryParts(name);
  if (h.size > limits.maxEntryBytes) {
    throw new EntryRefused(`holds ${formatBytes(h.size)}, over the limit of ${formatBytes(limits.maxEntryBytes)} for one file`);
  }
  const whiteout = whiteoutOf(parts);
  if (whiteout?.kind === 'opaque') w.opaque(whiteout.dir);
  else if (whiteout?.kind === 'whiteout') w.whiteout(whiteout.parts);
  if (whiteout) return false;
  if (parts.length === 0) {
    // The root's own entry ("./"): the store owns the target dir, as in containers/storage.
    if (h.type === 'directory') return false;
    throw new EntryRefused('replaces the layer root with something that is not a directory');
  }
  const meta = entryMeta(h);
  switch (h.type) {
    case 'directory':
      w.directory(parts, h, meta, name);
      return false;
    case 'file':
    case 'contiguous-file':
      if (isSparse(h)) {
        w.notes.add('sparse files skipped: tar-stream cannot expand GNU sparse entries', h.pax?.['GNU.sparse.name'] ?? name);
        return false;
      }
      await w.file(parts, h, meta, name, content);
      return true;
    case 'symlink':
      if (!h.linkname) throw new EntryRefused('is a symlink without a target');
      w.symlink(parts, h.linkname, h, meta, name);
      return false;
    case 'link':
      w.hardlink(parts, hardlinkParts(h.linkname ?? ''));
      return false;
    case 'fifo':
      w.fifo(parts, h, meta, name);
      return false;
    case 'character-device':
    case 'block-device':
      w.notes.add('device nodes skipped: they cannot be created without root on the host', name);
      return false;
    default:
      w.notes.add('entries of a type boxctl does not unpack skipped (GNU sparse or volume headers, or unknown)', name);
      return false;
  }
}

/** A refused entry, or a file system call that failed on one (these carry a syscall). */
function isEntryProblem(e: unknown): boolean {
  return e instanceof EntryRefused || typeof (e as NodeJS.ErrnoException).syscall === 'string';
}

async function writeEntries(ex: Extract, w: LayerWriter, req: WorkerRequest): Promise<void> {
  for await (const entry of ex) {
    const h = entry.header as TarHeader;
    let consumed: boolean;
    try {
      consumed = await writeEntry(w, h, entry as AsyncIterable<Buffer>, req.limits);
    } catch (e) {
      // A stream that broke while a file was read is the stream's failure, told below.
      if (!isEntryProblem(e)) throw e;
      const refused = e instanceof EntryRefused;
      const what = `a layer of ${req.image}: entry ${quoteName(h.name)}${refused ? ' ' : ': '}${(e as Error).message}`;
      throw new UnpackFailure(refused ? `refusing ${what}` : `cannot unpack ${what}`);
    }
    if (!consumed) entry.resume();
  }
}

async function unpack(req: WorkerRequest): Promise<{ diffId: string; size: number; notes: string[] }> {
  checkTarget(req.target);
  const writer = new LayerWriter(req.target, req.single);
  const meter = new TarMeter(req.limits.maxLayerBytes);
  const ex = extract();
  const source = req.compression === 'gzip' ? gzipSource() : req.compression === 'zstd' ? zstdSource() : plainSource();
  const [flow, entries, decompressed] = await Promise.allSettled([
    pipeline([...source.streams, meter, ex]),
    writeEntries(ex, writer, req).catch((e: unknown) => {
      source.stop();
      ex.destroy();
      throw e;
    }),
    source.finished,
  ]);
  // The first cause wins: a refused entry, then the decompressor's complaint, then the
  // bomb limit, and only then what the tar parser made of the stream.
  if (entries.status === 'rejected' && entries.reason instanceof UnpackFailure) throw entries.reason;
  const failed = (r: PromiseSettledResult<void>): Error | undefined => (r.status === 'rejected' ? (r.reason as Error) : undefined);
  const cause = failed(decompressed) ?? [failed(flow), failed(entries)].find((e) => e instanceof LayerTooLarge);
  const tarError = failed(flow) ?? failed(entries);
  if (cause) throw new UnpackFailure(`cannot unpack a layer of ${req.image}: ${cause.message}`);
  if (tarError) throw new UnpackFailure(`cannot unpack a layer of ${req.image}: the tar data is corrupt or cut short (${tarError.message})`);
  writer.close();
  return { diffId: meter.diffId(), size: meter.bytes, notes: writer.notes.list() };
}

async function main(): Promise<void> {
  // Modes come from the layer alone; the directories made for missing parents are 0755.
  process.umask(0);
  let report: WorkerReport;
  try {
    report = { ok: true, ...(await unpack(parseRequest(process.argv[2] ?? ''))) };
  } catch (e) {
    report = { ok: false, error: (e as Error).message };
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exitCode = report.ok ? 0 : 1;
}

await main();
