// Planned images into the store, the way pull puts them there: each missing layer
// unpacked into a staging dir under its layer lock, its diff id checked against the
// config, then published; blobs next; the records last, in one write, only while every
// layer is there. All or nothing: when anything fails before the records are written,
// the layers this commit published and no image uses are taken back, so a refused
// archive leaves images.json and layers/ as they were.
import { linkSync, renameSync } from 'node:fs';

import { BoxctlError } from '../../../errors.js';
import { removeInUserns } from '../../userns.js';
import { withLock } from '../store/lock.js';
import { upsertImage, type ImageRecord } from '../store/records.js';
import type { ImageStore } from '../store/store.js';
import { unpackLayer } from '../unpack/index.js';
import type { PlannedImage, PlannedLayer } from './plan.js';

export type CommitEvent =
  | { kind: 'layer'; digest: string; state: 'present' | 'done' }
  | { kind: 'config'; digest: string }
  | { kind: 'note'; message: string };

export interface CommitOptions {
  /** Single-id mode: no subordinate ids, owners squashed. */
  single: boolean;
  onEvent?: (e: CommitEvent) => void;
}

class Commit {
  /** Layers this commit published: what a failure takes back. */
  readonly published: string[] = [];

  constructor(
    readonly store: ImageStore,
    readonly opts: CommitOptions,
  ) {}

  emit(e: CommitEvent): void {
    this.opts.onEvent?.(e);
  }

  async layer(image: PlannedImage, layer: PlannedLayer): Promise<void> {
    const { store } = this;
    if (store.hasLayer(layer.diffId)) return this.emit({ kind: 'layer', digest: layer.digest, state: 'present' });
    await withLock(store.layerLockPath(layer.diffId), async () => {
      if (store.hasLayer(layer.diffId)) return this.emit({ kind: 'layer', digest: layer.digest, state: 'present' });
      const staging = store.stagingLayer();
      try {
        const result = await unpackLayer({ blobPath: layer.file, compression: layer.compression, target: staging.diff, image: image.label, single: this.opts.single });
        for (const message of result.notes) this.emit({ kind: 'note', message });
        if (result.diffId !== layer.diffId) {
          throw new BoxctlError(`the archive lies about ${image.label}: its layer ${layer.digest} unpacks to ${result.diffId}, but the image config says ${layer.diffId}`);
        }
      } catch (e) {
        await removeInUserns(staging.dir).catch(() => undefined);
        throw e;
      }
      await store.publishLayer(staging.dir, layer.diffId);
      this.published.push(layer.diffId);
      this.emit({ kind: 'layer', digest: layer.digest, state: 'done' });
    });
  }

  async layers(images: readonly PlannedImage[]): Promise<void> {
    for (const image of images) for (const layer of image.layers) await this.layer(image, layer);
  }

  /** A spooled file becomes a blob by hard link: no second copy of a layer. */
  adoptBlob(file: string, digest: string): void {
    if (this.store.hasBlob(digest)) return;
    const tmp = this.store.tmpPath('blob');
    linkSync(file, tmp);
    renameSync(tmp, this.store.blobPath(digest));
  }

  blobs(image: PlannedImage): void {
    for (const layer of image.layers) this.adoptBlob(layer.file, layer.digest);
    this.emit({ kind: 'config', digest: image.config.digest });
    for (const { digest, bytes } of [image.config, image.manifest]) if (!this.store.hasBlob(digest)) this.store.putBlobBytes(digest, bytes);
  }

  /**
   * Takes back the layers this commit published that no image uses, as rmi does: moved
   * aside under the lock of the records, deleted after it.
   */
  async rollback(): Promise<void> {
    if (this.published.length === 0) return;
    const { store } = this;
    // The records are read under their lock, not rewritten.
    const doomed = await store.withIndexLock(() => store.setAsideUnused(store.readIndex(), this.published));
    for (const dir of doomed) await removeInUserns(dir);
  }
}

function record(image: PlannedImage, single: boolean): ImageRecord {
  const { parsed } = image.config;
  return {
    id: image.config.digest,
    names: image.names,
    digests: [image.manifest.digest],
    manifestDigest: image.manifest.digest,
    manifestMediaType: image.manifest.mediaType,
    layers: parsed.rootfs.diff_ids,
    size: image.layers.reduce((sum, l) => sum + l.size, 0),
    pulled: new Date().toISOString(),
    architecture: parsed.architecture,
    os: parsed.os,
    ...(parsed.created ? { created: parsed.created } : {}),
    ...(single ? { singleIdMode: true } : {}),
  };
}

export async function commitImages(store: ImageStore, images: readonly PlannedImage[], opts: CommitOptions): Promise<ImageRecord[]> {
  const commit = new Commit(store, opts);
  const records = images.map((i) => record(i, opts.single));
  try {
    await commit.layers(images);
    for (const image of images) commit.blobs(image);
    // An rmi of another image may take a layer we found present: record only while all
    // are there, under the lock rmi holds, and fetch them again once if not (as pull).
    for (let attempt = 0; ; attempt++) {
      let missing = false;
      await store.updateIndex((index) => {
        missing = records.some((r) => r.layers.some((l) => !store.hasLayer(l)));
        return missing ? index : records.reduce(upsertImage, index);
      });
      if (!missing) return records;
      if (attempt > 0) throw new BoxctlError(`the layers of ${images[0]!.label} keep disappearing while it is loaded: is an rmi or prune running in a loop?`);
      await commit.layers(images);
    }
  } catch (e) {
    await commit.rollback().catch(() => undefined);
    throw e;
  }
}
