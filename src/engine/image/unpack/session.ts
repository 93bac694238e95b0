// One unpack worker for many layers (protocol.ts): a pull starts it once, before its
// downloads, and streams each layer into it as the bytes arrive, so unpacking overlaps
// the download and the worker's start-up (a Node process) is paid once per pull, not
// once per layer. Each layer gets a pipe of its own, a "slot", made when the worker is
// started: a session holds as many as it may be asked to unpack.
import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { BoxctlError } from '../../../errors.js';
import { bundledScript } from '../../bundled-script.js';
import { singleIdMaps, spawnInUserns, userIdMaps } from '../../userns.js';
import type { Compression } from '../media-types.js';
import { DEFAULT_LIMITS, type UnpackLimits } from './limits.js';
import { FIRST_DATA_FD, parseReport, type JobOutcome, type SessionRequest, type UnpackJob } from './protocol.js';

export interface LayerJob {
  /** An empty directory. On failure its contents are undefined: discard it with removeInUserns. */
  target: string;
  compression: Compression;
  /** The image the layer belongs to, for messages. */
  image: string;
  limits?: Partial<UnpackLimits>;
}

export interface UnpackResult {
  /** sha256 of the uncompressed tar: the layer's diff id in the image config. */
  diffId: string;
  /** Bytes of the uncompressed tar. */
  size: number;
  /** What could not be reproduced exactly (device nodes, refused attributes...), one line each. */
  notes: string[];
}

export interface SessionOptions {
  /** Single-id mode (no subordinate ids): every owner becomes root, i.e. the user. */
  single: boolean;
  /** How many layers this session may be given. */
  slots: number;
  /** The image (or archive) the layers belong to, for messages. */
  image: string;
}

export class UnpackSession {
  readonly #child: ChildProcess;
  readonly #pending = new Map<number, { resolve(o: JobOutcome): void; reject(e: Error): void }>();
  #nextSlot = 0;
  #stderr = '';
  /** Set once the worker is gone: every job still waiting fails with it. */
  #gone: Error | undefined;
  readonly #exited: Promise<void>;

  private constructor(child: ChildProcess) {
    this.#child = child;
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (this.#stderr += d));
    if (child.stdout) {
      createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
        const report = parseReport(line);
        const waiting = report && this.#pending.get(report.id);
        if (!report || !waiting) return;
        this.#pending.delete(report.id);
        waiting.resolve(report);
      });
    }
    // The worker's stdin: a dead worker must not take the CLI down with EPIPE.
    child.stdin?.on('error', () => undefined);
    this.#exited = new Promise((done) => {
      const gone = (why: string) => {
        const detail = this.#stderr.trim().split('\n').at(-1) || why;
        this.#gone ??= new BoxctlError(`the unpack worker gave no answer: ${detail}`);
        for (const job of this.#pending.values()) job.reject(this.#gone);
        this.#pending.clear();
        done();
      };
      child.on('error', (e) => gone(e.message));
      child.on('close', (code, signal) => gone(signal ? `killed by ${signal}` : `exit status ${code}`));
    });
  }

  static start(opts: SessionOptions): UnpackSession {
    const maps = opts.single ? singleIdMaps() : userIdMaps();
    if (maps.single && !opts.single) {
      throw new BoxctlError(`cannot unpack ${opts.image} with subordinate owners: you have no ranges in /etc/subuid and /etc/subgid ('boxctl info' shows the fix)`);
    }
    const request: SessionRequest = { single: opts.single };
    const data = Array.from({ length: opts.slots }, () => 'pipe' as const);
    const child = spawnInUserns([process.execPath, bundledScript('unpack-worker.js', 'the layer unpacker'), JSON.stringify(request)], {
      maps,
      stdio: ['pipe', 'pipe', 'pipe', ...data],
    });
    return new UnpackSession(child);
  }

  /**
   * Unpacks one layer whose bytes (compressed as job says) come from source. A failing
   * source is the cause told, whatever the worker made of the bytes it got.
   */
  async unpack(job: LayerJob, source: AsyncIterable<Buffer>): Promise<UnpackResult> {
    const slot = this.#nextSlot++;
    const pipe = this.#child.stdio[FIRST_DATA_FD + slot] as Writable | null | undefined;
    if (!pipe) throw new BoxctlError(`the unpack session has no slot left for a layer of ${job.image}`);
    const request: UnpackJob = {
      id: slot,
      fd: FIRST_DATA_FD + slot,
      target: resolve(job.target),
      compression: job.compression,
      image: job.image,
      limits: { ...DEFAULT_LIMITS, ...job.limits },
    };
    const answer = new Promise<JobOutcome>((resolveJob, reject) => {
      if (this.#gone) reject(this.#gone);
      else this.#pending.set(slot, { resolve: resolveJob, reject });
    });
    this.#child.stdin?.write(`${JSON.stringify(request)}\n`);
    let sourceFailure: { error: unknown } | undefined;
    async function* watched(): AsyncGenerator<Buffer> {
      try {
        yield* source;
      } catch (e) {
        sourceFailure = { error: e };
        throw e;
      }
    }
    // Where the worker stops reading (a refused entry), the write fails: its report says why.
    // A worker that is gone reads no more: the feeding ends with it. The pipeline alone
    // can stay pending on a pipe whose reader died (seen when newuidmap is missing), and
    // with nothing else pending Node would exit 13 instead of reporting the failure.
    const fed = Promise.race([
      pipeline(watched(), pipe).then(
        () => undefined,
        (e: unknown) => e,
      ),
      this.#exited.then(() => {
        pipe.destroy();
        return this.#gone;
      }),
    ]);
    const [outcome, feedError] = await Promise.all([answer.then((o) => ({ o }), (e: unknown) => ({ e })), fed]);
    if (sourceFailure) throw sourceFailure.error;
    if ('e' in outcome) throw outcome.e;
    if (!outcome.o.ok) throw new BoxctlError(outcome.o.error);
    if (feedError) throw feedError;
    return { diffId: outcome.o.diffId, size: outcome.o.size, notes: outcome.o.notes };
  }

  /** No more layers: resolves when the worker has finished those it has and exited. */
  async close(): Promise<void> {
    for (let slot = this.#nextSlot; ; slot++) {
      const pipe = this.#child.stdio[FIRST_DATA_FD + slot] as Writable | null | undefined;
      if (!pipe) break;
      pipe.destroy();
    }
    this.#child.stdin?.end();
    await this.#exited;
  }

  /** Stops the worker at once: what it was unpacking is to be discarded. */
  async abort(): Promise<void> {
    this.#child.kill('SIGKILL');
    await this.#exited;
  }
}
