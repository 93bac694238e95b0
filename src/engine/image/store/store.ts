// The image store of one user: blobs by digest, layers unpacked once by diff id, and
// the image records. Nothing becomes visible half-written: blobs and layers are made
// in tmp/ and renamed into place once verified, the records are rewritten whole by
// rename under a lock, and an image is recorded only after all its layers exist.
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { BoxctlError } from '../../../errors.js';
import { removeInUserns } from '../../userns.js';
import { DigestVerifier } from '../digest.js';
import { blobPath, layerDir, storeLayout, type StoreLayout } from './layout.js';
import { withLock } from './lock.js';
import { emptyIndex, type ImageIndexFile } from './records.js';

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

  /** Read-modify-write of the records, serialized across processes. */
  async updateIndex(change: (index: ImageIndexFile) => ImageIndexFile | Promise<ImageIndexFile>): Promise<ImageIndexFile> {
    return withLock(join(this.layout.locks, 'images.lock'), async () => {
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
    const tmp = this.tmpName('blob');
    try {
      await pipeline(source, new DigestVerifier({ digest, size }), createWriteStream(tmp, { mode: 0o600, flush: true }));
      await rename(tmp, final);
    } catch (e) {
      await removeInUserns(tmp).catch(() => undefined);
      throw e;
    }
    return final;
  }

  putBlobBytes(digest: string, bytes: Buffer): string {
    const final = this.blobPath(digest);
    const tmp = this.tmpName('blob');
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

  async removeLayer(diffId: string): Promise<void> {
    const dir = layerDir(this.layout, diffId);
    // Renamed aside first, so a half-removed layer is never taken for a whole one.
    const doomed = this.tmpName('removing');
    try {
      await rename(dir, doomed);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    await removeInUserns(doomed);
  }

  /** tmp/ entries carry the pid of their maker, so leftovers of dead processes can be told apart. */
  private tmpName(kind: string): string {
    return join(this.layout.tmp, `${kind}-${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
  }

  /** Removes what processes that died mid-pull or mid-removal left in tmp/. */
  async sweepTmp(): Promise<void> {
    for (const name of readdirSync(this.layout.tmp)) {
      const pid = Number(/^[a-z]+[.-](\d+)[.-]/.exec(name)?.[1]);
      if (!pid || pid === process.pid || alive(pid)) continue;
      await removeInUserns(join(this.layout.tmp, name));
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
