// Where the image store keeps things, under <root>/storage:
//   blobs/sha256/<hex>      manifests, configs and compressed layers, by digest
//   layers/<hex>/diff       a layer unpacked once, named by its diff id (the digest of
//                           the uncompressed tar), shared by every image that has it
//   images.json             the image records, rewritten whole by rename
//   tmp/                    downloads and unpacks in progress; never read as content
//   locks/                  flock files: images.lock for the records, one per layer
import { join } from 'node:path';

import { parseDigest } from '../digest.js';

export interface StoreLayout {
  root: string;
  blobs: string;
  layers: string;
  tmp: string;
  locks: string;
  images: string;
}

export function storeLayout(root: string): StoreLayout {
  const base = join(root, 'storage');
  return {
    root: base,
    blobs: join(base, 'blobs'),
    layers: join(base, 'layers'),
    tmp: join(base, 'tmp'),
    locks: join(base, 'locks'),
    images: join(base, 'images.json'),
  };
}

export function blobPath(layout: StoreLayout, digest: string): string {
  const { algorithm, hex } = parseDigest(digest);
  return join(layout.blobs, algorithm, hex);
}

export function layerDir(layout: StoreLayout, diffId: string): string {
  return join(layout.layers, parseDigest(diffId).hex);
}
