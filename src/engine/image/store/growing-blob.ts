// A blob being downloaded into the store, readable while it grows: the download runs at
// the network's pace into a temp file, and the unpacker reads behind it at its own pace
// (from the page cache), so a slow unpack never stalls a registry connection and a fast
// one never waits for the whole blob. The blob is published by rename once the source
// has ended without failing; the source must check the digest (fetchBlob's does).
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';

/** What one read hands on: large, so the pipe to the unpacker sees few chunks. */
const READ_CHUNK = 256 * 1024;

export class GrowingBlob {
  /** Settles when the download has ended: resolved once the blob is published. */
  readonly done: Promise<void>;
  readonly #tmp: string;
  readonly #final: string;
  #written = 0;
  #ended = false;
  #failure: { error: unknown } | undefined;
  #wake: (() => void)[] = [];

  constructor(tmp: string, final: string, source: AsyncIterable<Buffer>) {
    this.#tmp = tmp;
    this.#final = final;
    const fd = openSync(tmp, 'w', 0o600);
    this.done = this.#download(fd, source);
    // A reader hears of a failure through follow(); done is for those who wait for the blob.
    this.done.catch(() => undefined);
  }

  async #download(fd: number, source: AsyncIterable<Buffer>): Promise<void> {
    try {
      for await (const chunk of source) {
        // Synchronous: a write into the page cache costs less than a trip to the thread pool.
        for (let off = 0; off < chunk.length; ) off += writeSync(fd, chunk, off);
        this.#written += chunk.length;
        this.#notify();
      }
      closeSync(fd);
      await rename(this.#tmp, this.#final);
      this.#ended = true;
    } catch (e) {
      this.#failure = { error: e };
      try {
        closeSync(fd);
      } catch {
        // Closed already, before the rename failed.
      }
      await rm(this.#tmp, { force: true });
      throw e;
    } finally {
      this.#notify();
    }
  }

  /** A descriptor of the file, under whichever name it has now (the rename may happen any time). */
  #open(): number {
    for (const path of [this.#tmp, this.#final]) {
      try {
        return openSync(path, 'r');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    if (this.#failure) throw this.#failure.error;
    throw new Error(`the download to ${this.#tmp} vanished`);
  }

  /** The bytes in order, as they arrive; fails with the download's failure. Iterate it once. */
  async *follow(): AsyncGenerator<Buffer> {
    let pos = 0;
    const fd = this.#open();
    try {
      for (;;) {
        if (this.#failure) throw this.#failure.error;
        if (pos < this.#written) {
          const buf = Buffer.allocUnsafe(Math.min(READ_CHUNK, this.#written - pos));
          const got = readSync(fd, buf, 0, buf.length, pos);
          if (got === 0) throw new Error(`the download to ${this.#tmp} was cut short by someone else`);
          pos += got;
          yield got === buf.length ? buf : buf.subarray(0, got);
        } else if (this.#ended) {
          return;
        } else {
          await new Promise<void>((resolve) => this.#wake.push(resolve));
        }
      }
    } finally {
      closeSync(fd);
    }
  }

  #notify(): void {
    const waiting = this.#wake;
    this.#wake = [];
    for (const wake of waiting) wake();
  }
}
