// The image store of one user: blobs by digest, layers unpacked once by diff id, and
// the image records. Nothing becomes visible half-written: blobs and layers are made
// in tmp/ and renamed into place once verified, the records are rewritten whole by
// rename under a lock, and an image is recorded only after all its layers exist.
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { BoxctlError } from '../../../errors.js';
import { removeInUserns } from '../../userns.js';
import { DigestVerifier } from '../digest.js';
import { blobPath, layerDir, storeLayout, type StoreLayout } from './layout.js';
import { GrowingBlob } from './growing-blob.js';
import { withLock } from './lock.js';
import { emptyIndex, unusedLayers, type ImageIndexFile } from './records.js';
import { pidAlive } from '../../host/pid-alive.js';

export class ImageStore {
  readonly layout: StoreLayout;

  constructor(root: string) {
    this.layout = storeLayout(root);
    for (const dir of [this.layout.root, this.layout.blobs, join(this.layout.blobs, 'sha256'), this.layout.layers, this.layout.tmp, this.layout.locks]) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    }
  }

  readIndex(): ImageIndexFile {
    let text: string;
    try {
      text = readFileSync(this.layout.images, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyIndex();
      throw e;
    }
    try {
      return JSON.parse(text) as ImageIndexFile;
    } catch (e) {
      throw new BoxctlError(`the image index ${this.layout.images} is corrupt (${(e as Error).message}): restore it or remove it and pull again`);
    }
  }

  /** Holds the records' lock: what must not interleave with another process's update. */
  withIndexLock<T>(fn: () => Promise<T> | T): Promise<T> {
    return withLock(join(this.layout.locks, 'images.lock'), fn);
  }

  /** Read-modify-write of the records, serialized across processes. */
  async updateIndex(change: (index: ImageIndexFile) => ImageIndexFile | Promise<ImageIndexFile>): Promise<ImageIndexFile> {
    return this.withIndexLock(async () => {
      const next = await change(this.readIndex());
      const tmp = join(this.layout.tmp, `images.${process.pid}.json`);
      writeFileSync(tmp, `${JSON.stringify(next, null, 1)}\n`, { mode: 0o600, flush: true });
      renameSync(tmp, this.layout.images);
      return next;
    });
  }

  blobPath(digest: string): string {
    return blobPath(this.layout, digest);
  }

  hasBlob(digest: string): boolean {
    return existsSync(this.blobPath(digest));
  }

  /** Streams a blob in, verifying digest and size, and publishes it by rename. */
  async putBlob(digest: string, size: number, source: Readable): Promise<string> {
    const final = this.blobPath(digest);
    const tmp = this.tmpPath('blob');
    try {
      await pipeline(source, new DigestVerifier({ digest, size }), createWriteStream(tmp, { mode: 0o600, flush: true }));
      await rename(tmp, final);
    } catch (e) {
      // A blob file is the user's own, unlike unpacked layers: no namespace needed.
      await rm(tmp, { force: true });
      throw e;
    }
    return final;
  }

  /** Starts keeping a download as the blob; it can be read while it arrives (GrowingBlob). */
  downloadBlob(digest: string, source: AsyncIterable<Buffer>): GrowingBlob {
    return new GrowingBlob(this.tmpPath('blob'), this.blobPath(digest), source);
  }

  /**
   * The bytes of a blob already here, or undefined where it is missing or not what its
   * digest says (a crash cut it short): such a blob is removed, to be fetched again.
   */
  async intactBlob(digest: string, size: number): Promise<string | undefined> {
    const path = this.blobPath(digest);
    if (!existsSync(path)) return undefined;
    try {
      await pipeline(createReadStream(path, { highWaterMark: 256 * 1024 }), new DigestVerifier({ digest, size }), new Writable({ write: (_c, _e, done) => done() }));
      return path;
    } catch (e) {
      if (!(e instanceof BoxctlError)) throw e;
      await rm(path, { force: true });
      return undefined;
    }
  }

  putBlobBytes(digest: string, bytes: Buffer): string {
    const final = this.blobPath(digest);
    const tmp = this.tmpPath('blob');
    writeFileSync(tmp, bytes, { mode: 0o600, flush: true });
    renameSync(tmp, final);
    return final;
  }

  readBlob(digest: string): Buffer {
    return readFileSync(this.blobPath(digest));
  }

  layerPath(diffId: string): string {
    return join(layerDir(this.layout, diffId), 'diff');
  }

  hasLayer(diffId: string): boolean {
    return existsSync(this.layerPath(diffId));
  }

  layerLockPath(key: string): string {
    return join(this.layout.locks, `layer-${key.replace(/^sha256:/, '').slice(0, 64)}.lock`);
  }

  /** A fresh dir for one unpack: <tmp>/layer-XXXX, with an empty diff/ inside. */
  stagingLayer(): { dir: string; diff: string } {
    const dir = mkdtempSync(join(this.layout.tmp, `layer-${process.pid}-`));
    const diff = join(dir, 'diff');
    mkdirSync(diff, { mode: 0o755 });
    return { dir, diff };
  }

  /** Moves an unpacked layer into place; a layer another process published first wins. */
  async publishLayer(staging: string, diffId: string): Promise<void> {
    try {
      await rename(staging, layerDir(this.layout, diffId));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' && code !== 'ENOTEMPTY') throw e;
      await removeInUserns(staging);
    }
  }

  /**
   * Moves the candidate layers that no image of index uses out of layers/, so a
   * half-deleted layer is never taken for a whole one. Call it under the index lock
   * and delete the returned dirs (removeInUserns) after releasing it.
   */
  async setAsideUnused(index: ImageIndexFile, candidates: readonly string[]): Promise<string[]> {
    const aside: string[] = [];
    for (const diffId of unusedLayers(index, candidates)) {
      const doomed = this.tmpPath('removing');
      try {
        await rename(layerDir(this.layout, diffId), doomed);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      aside.push(doomed);
    }
    return aside;
  }

  /** tmp/ entries carry the pid of their maker, so sweepTmp can tell leftovers of dead processes. */
  tmpPath(kind: string): string {
    return join(this.layout.tmp, `${kind}-${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
  }

  /** Removes what processes that died mid-pull or mid-removal left in tmp/. */
  async sweepTmp(): Promise<void> {
    for (const name of readdirSync(this.layout.tmp)) {
      const pid = Number(/^[a-z]+[.-](\d+)[.-]/.exec(name)?.[1]);
      if (!pid || pid === process.pid || pidAlive(pid)) continue;
      await removeInUserns(join(this.layout.tmp, name));
    }
  }
}

