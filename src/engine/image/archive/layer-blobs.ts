// The stored blob behind each layer of an image, for `save`. Layers are saved from the
// blobs they were pulled or loaded as, never re-created from the unpacked dirs: a tar
// written again from a dir differs from the original in header details (entry order,
// PAX records, times, user names) that the dir does not keep, so its diff id, and with
// it the image id, would differ; containers/storage keeps tar-split data for this, and
// boxctl keeps the blobs, which pull and load never delete.
//
// Which blob a diff id came from: the manifest stored with the image says so (load and
// import store it); an uncompressed blob is named by its diff id; otherwise (pull does
// not store manifests) the compressed blobs are decompressed until each diff id is found.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { BoxctlError } from '../../../errors.js';
import { digestOf } from '../digest.js';
import { parseManifest } from '../manifest.js';
import { OCI_MANIFEST, layerCompression, type Compression } from '../media-types.js';
import { shortId, type ImageRecord } from '../store/records.js';
import type { ImageStore } from '../store/store.js';
import { fileHead, measureUncompressed, sniffCompression } from './compression.js';

export interface StoredLayer {
  diffId: string;
  digest: string;
  size: number;
  compression: Compression;
  path: string;
  /** Bytes of the uncompressed tar, where already known. */
  tarSize?: number;
}

export interface StoredImage {
  record: ImageRecord;
  config: Buffer;
  layers: StoredLayer[];
  /** The stored manifest, when it is an OCI manifest of exactly these blobs: saved byte for byte. */
  ociManifest?: Buffer;
}

function label(record: ImageRecord): string {
  return record.names[0] ?? shortId(record.id);
}

function readConfig(store: ImageStore, record: ImageRecord): Buffer {
  if (!store.hasBlob(record.id)) throw new BoxctlError(`the config of ${label(record)} is missing from the store: remove the image and pull it again`);
  const config = store.readBlob(record.id);
  if (digestOf(config) !== record.id) throw new BoxctlError(`the config of ${label(record)} in the store is damaged (its digest is not ${record.id}): remove the image and pull it again`);
  return config;
}

function blobSize(store: ImageStore, digest: string): number {
  return statSync(store.blobPath(digest)).size;
}

/** The layers as the stored manifest lists them, if it is there and fits the record. */
function fromManifest(store: ImageStore, record: ImageRecord): { layers: StoredLayer[]; ociManifest?: Buffer } | undefined {
  if (!store.hasBlob(record.manifestDigest)) return undefined;
  const bytes = store.readBlob(record.manifestDigest);
  let layers: StoredLayer[];
  try {
    const doc = parseManifest(bytes, { image: label(record), contentType: record.manifestMediaType });
    if (doc.kind !== 'manifest' || doc.config.digest !== record.id || doc.layers.length !== record.layers.length) return undefined;
    layers = doc.layers.map((l, i) => ({ diffId: record.layers[i]!, digest: l.digest, size: l.size, compression: layerCompression(l.mediaType), path: store.blobPath(l.digest) }));
  } catch (e) {
    if (e instanceof BoxctlError) return undefined;
    throw e;
  }
  if (!layers.every((l) => store.hasBlob(l.digest) && blobSize(store, l.digest) === l.size)) return undefined;
  return { layers, ...(record.manifestMediaType === OCI_MANIFEST ? { ociManifest: bytes } : {}) };
}

function uncompressedBlob(store: ImageStore, diffId: string): StoredLayer | undefined {
  if (!store.hasBlob(diffId)) return undefined;
  const size = blobSize(store, diffId);
  return { diffId, digest: diffId, size, compression: 'none', path: store.blobPath(diffId), tarSize: size };
}

/** Decompresses stored gzip and zstd blobs until every wanted diff id is found. */
async function scanBlobs(store: ImageStore, wanted: ReadonlySet<string>, skip: ReadonlySet<string>): Promise<Map<string, StoredLayer>> {
  const found = new Map<string, StoredLayer>();
  const dir = join(store.layout.blobs, 'sha256');
  for (const hex of readdirSync(dir)) {
    if (found.size === wanted.size) break;
    const digest = `sha256:${hex}`;
    const path = join(dir, hex);
    if (skip.has(digest) || !/^[0-9a-f]{64}$/.test(hex)) continue;
    const compression = sniffCompression(fileHead(path));
    if (compression === 'none') continue;
    // A blob that does not decompress is no layer of ours.
    const measured = await measureUncompressed(path, compression).catch(() => undefined);
    if (!measured || !wanted.has(measured.diffId) || found.has(measured.diffId)) continue;
    found.set(measured.diffId, { diffId: measured.diffId, digest, size: blobSize(store, digest), compression, path, tarSize: measured.size });
  }
  return found;
}

export async function storedImages(store: ImageStore, records: readonly ImageRecord[]): Promise<StoredImage[]> {
  const partial = records.map((record) => {
    const config = readConfig(store, record);
    const listed = fromManifest(store, record);
    return { record, config, layers: listed?.layers ?? record.layers.map((d) => uncompressedBlob(store, d)), ociManifest: listed?.ociManifest };
  });
  const wanted = new Set(partial.flatMap((p) => p.layers.flatMap((l, i) => (l ? [] : [p.record.layers[i]!]))));
  const found = wanted.size > 0 ? await scanBlobs(store, wanted, new Set(records.flatMap((r) => [r.id, r.manifestDigest]))) : new Map<string, StoredLayer>();
  return partial.map((p) => ({
    record: p.record,
    config: p.config,
    layers: p.layers.map((l, i) => {
      const diffId = p.record.layers[i]!;
      const layer = l ?? found.get(diffId);
      if (!layer) throw new BoxctlError(`cannot save ${label(p.record)}: no blob of its layer ${diffId} is left in the store: remove the image and pull it again`);
      return layer;
    }),
    ...(p.ociManifest ? { ociManifest: p.ociManifest } : {}),
  }));
}
