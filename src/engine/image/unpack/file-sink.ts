// A thread that creates the small regular files of a layer while the worker's main
// thread goes on parsing the tar: a layer of many small files spends about half its
// time in the kernel creating them, and that half now runs beside the other. The
// writer (writer.ts) decides what may go here and keeps the order safe: only new files
// at paths nothing else of the layer has touched, in directories it has already
// checked, and it waits for the thread to finish (drain) before any entry that could
// replace or walk through something queued. The thread makes each file exactly as the
// writer would: O_EXCL|O_NOFOLLOW, the owner and mode it is told, then the times.
import { closeSync, constants, fchmodSync, fchownSync, futimesSync, openSync, writeSync } from 'node:fs';
import { parentPort, Worker } from 'node:worker_threads';

export interface FileOp {
  path: string;
  data: Buffer;
  /** Permission bits the file is created with (the umask is 0). */
  createMode: number;
  /** Set after the owner: where it differs from createMode or chown would clear bits. */
  chmod?: number;
  /** Left out where a new inode made by root already has it. */
  owner?: { uid: number; gid: number };
  atime: number;
  mtime: number;
  /** The tar name, for messages. */
  entry: string;
}

/** What the thread says went wrong with one entry; the writer reports it under that entry's name. */
export class QueuedEntryFailure extends Error {
  constructor(
    readonly entry: string,
    message: string,
    /** The layer asked for something refused, rather than a call failing. */
    readonly refused: boolean,
  ) {
    super(message);
  }
}

type FromThread = { acked: number } | { failed: { entry: string; message: string; refused: boolean } };

/** At most this much queued, in files and in bytes: the parser waits for the thread beyond it. */
const MAX_QUEUED_FILES = 1024;
const MAX_QUEUED_BYTES = 32 * 2 ** 20;
const BATCH = 64;

export class FileSink {
  readonly #thread: Worker;
  #batch: FileOp[] = [];
  #flushScheduled = false;
  #sent = 0;
  #acked = 0;
  /** Bytes of data queued but not yet acknowledged, per sent batch. */
  #batchBytes: number[] = [];
  #queuedBytes = 0;
  #failure: QueuedEntryFailure | Error | undefined;
  #wake: (() => void)[] = [];

  /** script: the worker's own file, which runs runFileSink() when started as a thread. */
  constructor(script: URL) {
    this.#thread = new Worker(script);
    this.#thread.on('message', (m: FromThread) => {
      if ('acked' in m) {
        this.#acked += m.acked;
        this.#queuedBytes -= this.#batchBytes.shift() ?? 0;
      } else {
        this.#failure ??= new QueuedEntryFailure(m.failed.entry, m.failed.message, m.failed.refused);
      }
      this.#notify();
    });
    this.#thread.on('error', (e) => {
      this.#failure ??= e;
      this.#notify();
    });
    this.#thread.on('exit', () => {
      this.#failure ??= new Error('the file thread stopped');
      this.#notify();
    });
  }

  /** Queues a file; resolves once there is room for more. */
  async add(op: FileOp): Promise<void> {
    if (this.#failure) throw this.#failure;
    this.#batch.push(op);
    if (this.#batch.length >= BATCH) this.#flush();
    else if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      setImmediate(() => this.#flush());
    }
    while (!this.#failure && (this.#sent + this.#batch.length - this.#acked > MAX_QUEUED_FILES || this.#queuedBytes > MAX_QUEUED_BYTES)) {
      await this.#next();
    }
    if (this.#failure) throw this.#failure;
  }

  /** Resolves when every queued file is made; throws what went wrong with one. */
  async drain(): Promise<void> {
    this.#flush();
    while (!this.#failure && this.#acked < this.#sent) await this.#next();
    if (this.#failure) throw this.#failure;
  }

  async close(): Promise<void> {
    this.#failure ??= new Error('the file thread is closed');
    await this.#thread.terminate();
  }

  #flush(): void {
    this.#flushScheduled = false;
    if (this.#batch.length === 0 || this.#failure) return;
    const batch = this.#batch;
    this.#batch = [];
    const bytes = batch.reduce((n, op) => n + op.data.length, 0);
    this.#batchBytes.push(bytes);
    this.#queuedBytes += bytes;
    this.#sent += batch.length;
    this.#thread.postMessage(batch);
  }

  #next(): Promise<void> {
    return new Promise((resolve) => this.#wake.push(resolve));
  }

  #notify(): void {
    const waiting = this.#wake;
    this.#wake = [];
    for (const wake of waiting) wake();
  }
}

function make(op: FileOp): void {
  const fd = openSync(op.path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, op.createMode);
  try {
    for (let off = 0; off < op.data.length; ) off += writeSync(fd, op.data, off);
    if (op.owner) {
      try {
        fchownSync(fd, op.owner.uid, op.owner.gid);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EINVAL') throw e;
        throw new QueuedEntryFailure(
          op.entry,
          `is owned by ${op.owner.uid}:${op.owner.gid}, which the user namespace does not map: the ranges in /etc/subuid and /etc/subgid are too small for this image`,
          true,
        );
      }
    }
    if (op.chmod !== undefined) fchmodSync(fd, op.chmod);
    futimesSync(fd, op.atime, op.mtime);
  } finally {
    closeSync(fd);
  }
}

/** The thread's side: make the files of each batch in order, stop at the first failure. */
export function runFileSink(): void {
  const port = parentPort;
  if (!port) throw new Error('runFileSink runs in a worker thread');
  let failed = false;
  port.on('message', (batch: FileOp[]) => {
    if (failed) return;
    for (const op of batch) {
      try {
        make({ ...op, data: Buffer.from(op.data.buffer, op.data.byteOffset, op.data.byteLength) });
      } catch (e) {
        failed = true;
        const refused = e instanceof QueuedEntryFailure;
        port.postMessage({ failed: { entry: op.entry, message: (e as Error).message, refused } } satisfies FromThread);
        return;
      }
    }
    port.postMessage({ acked: batch.length } satisfies FromThread);
  });
}
