// Threads that create the small regular files of a layer while the worker's main
// thread goes on parsing the tar: a layer of many small files spends about half its
// time in the kernel creating them, and that half now runs beside the other. The
// writer (writer.ts) decides what may go here and keeps the order safe: only new files
// at paths nothing else of the layer has touched, in directories it has already
// checked, and it waits for the threads to finish (drain) before any entry that could
// replace or walk through something queued. A thread makes each file exactly as the
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

/** At most this much queued, in files and in bytes: the parser waits for the threads beyond it. */
const MAX_QUEUED_FILES = 1024;
const MAX_QUEUED_BYTES = 32 * 2 ** 20;
const BATCH = 64;
/**
 * Threads, each given whole directories: files of one directory are created one at a
 * time anyway (the kernel locks the directory), but two directories go side by side,
 * which matters where the kernel is slow to find free inodes (ext4 without a journal
 * skips inodes freed in the last minutes, one by one).
 */
const LANES = 2;

interface Lane {
  thread: Worker;
  batch: FileOp[];
  flushScheduled: boolean;
  /** Bytes of each batch sent and not yet acknowledged, in order. */
  inFlight: number[];
}

export class FileSink {
  readonly #script: URL;
  readonly #lanes: Lane[] = [];
  /** Directory -> lane, given out in turn as directories first appear. */
  readonly #laneOf = new Map<string, Lane>();
  #queued = 0;
  #queuedBytes = 0;
  #failure: QueuedEntryFailure | Error | undefined;
  #wake: (() => void)[] = [];

  /** script: the worker's own file, which runs runFileSink() when started as a thread. */
  constructor(script: URL) {
    this.#script = script;
  }

  /** Queues a file; resolves once there is room for more. */
  async add(op: FileOp): Promise<void> {
    if (this.#failure) throw this.#failure;
    const lane = this.#lane(op.path.slice(0, op.path.lastIndexOf('/')));
    lane.batch.push(op);
    this.#queued++;
    this.#queuedBytes += op.data.length;
    if (lane.batch.length >= BATCH) this.#flush(lane);
    else if (!lane.flushScheduled) {
      lane.flushScheduled = true;
      setImmediate(() => this.#flush(lane));
    }
    while (!this.#failure && (this.#queued > MAX_QUEUED_FILES || this.#queuedBytes > MAX_QUEUED_BYTES)) await this.#next();
    if (this.#failure) throw this.#failure;
  }

  /** Resolves when every queued file is made; throws what went wrong with one. */
  async drain(): Promise<void> {
    for (const lane of this.#lanes) this.#flush(lane);
    while (!this.#failure && this.#queued > 0) await this.#next();
    if (this.#failure) throw this.#failure;
  }

  async close(): Promise<void> {
    this.#failure ??= new Error('the file threads are closed');
    await Promise.all(this.#lanes.map((l) => l.thread.terminate()));
  }

  #lane(dir: string): Lane {
    let lane = this.#laneOf.get(dir);
    if (lane) return lane;
    const index = this.#laneOf.size % LANES;
    lane = this.#lanes[index] ?? this.#start();
    this.#laneOf.set(dir, lane);
    return lane;
  }

  #start(): Lane {
    const lane: Lane = { thread: new Worker(this.#script), batch: [], flushScheduled: false, inFlight: [] };
    lane.thread.on('message', (m: FromThread) => {
      if ('acked' in m) {
        this.#queued -= m.acked;
        this.#queuedBytes -= lane.inFlight.shift() ?? 0;
      } else {
        this.#failure ??= new QueuedEntryFailure(m.failed.entry, m.failed.message, m.failed.refused);
      }
      this.#notify();
    });
    lane.thread.on('error', (e) => {
      this.#failure ??= e;
      this.#notify();
    });
    lane.thread.on('exit', () => {
      this.#failure ??= new Error('a file thread stopped');
      this.#notify();
    });
    this.#lanes.push(lane);
    return lane;
  }

  #flush(lane: Lane): void {
    lane.flushScheduled = false;
    if (lane.batch.length === 0 || this.#failure) return;
    const batch = lane.batch;
    lane.batch = [];
    lane.inFlight.push(batch.reduce((n, op) => n + op.data.length, 0));
    lane.thread.postMessage(batch);
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
