// The layer unpacker's worker, bundled as dist/unpack-worker.js. unpack/session.ts
// starts it through boxctl-unshare, so it runs as root in a user namespace with the
// user's mapping and may give files their subordinate owners. It takes jobs on stdin
// (protocol.ts), one per layer, and runs them side by side: each reads its layer from
// its own pipe as the caller downloads it, writes the tree into an (empty) target
// directory, and is answered with one JSON line on stdout. On failure the caller
// discards the target.
import { spawn } from 'node:child_process';
import { closeSync, lstatSync, readdirSync } from 'node:fs';
import { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isMainThread } from 'node:worker_threads';
import { createGunzip } from 'node:zlib';
import { extract, type Extract } from 'tar-stream';

import { QueuedEntryFailure, runFileSink } from './file-sink.js';

import { entryMeta, isSparse, type TarHeader } from './header.js';
import { formatBytes, LayerTooLarge, TarMeter, type UnpackLimits } from './limits.js';
import { EntryRefused, entryParts, hardlinkParts, quoteName, whiteoutOf } from './paths.js';
import { parseJob, parseSession, type JobOutcome, type JobReport, type SessionRequest, type UnpackJob } from './protocol.js';
import { LayerWriter } from './writer.js';

/** A failure that already reads as the final message. */
class UnpackFailure extends Error {}

/**
 * Larger than zlib's 16 KiB: every chunk costs a trip through the meter, the tar
 * parser and a write, and a layer of large files is mostly such trips.
 */
const GUNZIP_CHUNK = 256 * 1024;

interface Source {
  /** The decompressing stages, fed by the job's pipe. */
  streams: (Readable | Writable)[];
  /** Settles when the decompressor is done; rejects with what it found wrong. */
  finished: Promise<void>;
  /** Ends the decompressor early, which is then no failure of its own. */
  stop(): void;
}

/** The job's pipe, read without blocking a thread of the pool that zlib needs. */
function pipeOf(fd: number): Socket {
  return new Socket({ fd, readable: true, writable: false });
}

function gzipSource(fd: number): Source {
  const input = pipeOf(fd);
  const gunzip = createGunzip({ chunkSize: GUNZIP_CHUNK });
  const finished = new Promise<void>((resolve, reject) => {
    // pipeline() also hands gunzip the errors of later stages; only zlib's own are its.
    gunzip.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code?.startsWith('Z_')) reject(new Error(`the gzip data is corrupt or cut short (${e.message})`));
      else resolve();
    });
    gunzip.on('close', resolve);
  });
  const stop = (): void => {
    input.destroy();
    gunzip.destroy();
  };
  return { streams: [input, gunzip], finished, stop };
}

/**
 * Debian's zstd rather than a JavaScript decoder: the pure-JS ones copy their whole
 * window for every block (6 MB/s at zstd's 128 MiB window) and allocate whatever window
 * a frame asks for, up to 2 GiB; zstd runs at native speed and refuses frames that
 * need more than 128 MiB unless told otherwise. It reads the job's pipe itself.
 */
function zstdSource(fd: number): Source {
  const child = spawn('zstd', ['-d', '-c', '-q'], { stdio: [fd, 'pipe', 'pipe'] });
  // zstd holds the pipe now; the end left here would only keep it open.
  closeSync(fd);
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

function plainSource(fd: number): Source {
  const input = pipeOf(fd);
  return { streams: [input], finished: Promise.resolve(), stop: () => input.destroy() };
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
  if (whiteout?.kind === 'opaque') await w.opaque(whiteout.dir);
  else if (whiteout?.kind === 'whiteout') await w.whiteout(whiteout.parts);
  if (whiteout) return false;
  if (parts.length === 0) {
    // The root's own entry ("./"): the store owns the target dir, as in containers/storage.
    if (h.type === 'directory') return false;
    throw new EntryRefused('replaces the layer root with something that is not a directory');
  }
  const meta = entryMeta(h);
  switch (h.type) {
    case 'directory':
      await w.directory(parts, h, meta, name);
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
      await w.symlink(parts, h.linkname, h, meta, name);
      return false;
    case 'link':
      await w.hardlink(parts, hardlinkParts(h.linkname ?? ''));
      return false;
    case 'fifo':
      await w.fifo(parts, h, meta, name);
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

/** The one-line message for what went wrong with one entry. */
function entryFailure(req: UnpackJob, name: string, refused: boolean, why: string): UnpackFailure {
  const what = `a layer of ${req.image}: entry ${quoteName(name)}${refused ? ' ' : ': '}${why}`;
  return new UnpackFailure(refused ? `refusing ${what}` : `cannot unpack ${what}`);
}

/** A file the thread failed to make surfaces later, under its own entry's name. */
function queuedFailure(req: UnpackJob, e: unknown): UnpackFailure | undefined {
  return e instanceof QueuedEntryFailure ? entryFailure(req, e.entry, e.refused, e.message) : undefined;
}

async function writeEntries(ex: Extract, w: LayerWriter, req: UnpackJob): Promise<void> {
  for await (const entry of ex) {
    const h = entry.header as TarHeader;
    let consumed: boolean;
    try {
      consumed = await writeEntry(w, h, entry as AsyncIterable<Buffer>, req.limits);
    } catch (e) {
      const queued = queuedFailure(req, e);
      if (queued) throw queued;
      // A stream that broke while a file was read is the stream's failure, told below.
      if (!isEntryProblem(e)) throw e;
      throw entryFailure(req, h.name, e instanceof EntryRefused, (e as Error).message);
    }
    if (!consumed) entry.resume();
  }
  try {
    await w.close();
  } catch (e) {
    throw queuedFailure(req, e) ?? e;
  }
}

function sourceFor(req: UnpackJob): Source {
  if (req.compression === 'gzip') return gzipSource(req.fd);
  if (req.compression === 'zstd') return zstdSource(req.fd);
  return plainSource(req.fd);
}

async function unpack(req: UnpackJob, session: SessionRequest): Promise<{ diffId: string; size: number; notes: string[] }> {
  const source = sourceFor(req);
  try {
    checkTarget(req.target);
  } catch (e) {
    // Closing the pipe tells the caller at once that nothing reads it.
    source.stop();
    throw e;
  }
  const writer = new LayerWriter(req.target, session.single, new URL(import.meta.url));
  const meter = new TarMeter(req.limits.maxLayerBytes);
  const ex = extract();
  const [flow, entries, decompressed] = await Promise.allSettled([
    pipeline([...source.streams, meter, ex]),
    writeEntries(ex, writer, req).catch(async (e: unknown) => {
      source.stop();
      ex.destroy();
      await writer.abort();
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
  return { diffId: meter.diffId(), size: meter.bytes, notes: writer.notes.list() };
}

async function outcome(job: UnpackJob, session: SessionRequest): Promise<JobOutcome> {
  try {
    return { ok: true, ...(await unpack(job, session)) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

async function main(): Promise<void> {
  // Modes come from the layer alone; the directories made for missing parents are 0755.
  process.umask(0);
  const session = parseSession(process.argv[2] ?? '');
  const running: Promise<void>[] = [];
  let failed = false;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    const job = parseJob(line);
    running.push(
      outcome(job, session).then((o) => {
        failed ||= !o.ok;
        const report: JobReport = { id: job.id, ...o };
        process.stdout.write(`${JSON.stringify(report)}\n`);
      }),
    );
  }
  await Promise.all(running);
  process.exitCode = failed ? 1 : 0;
}

// The same file runs the file thread (file-sink.ts) that the writer starts.
if (isMainThread) await main();
else runFileSink();
