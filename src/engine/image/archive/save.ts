// `boxctl save`: images out of the store as a docker-archive or an oci-archive, from the
// blobs they came as (layer-blobs.ts says why), each checked while it streams. A
// docker-archive holds uncompressed layers, so its layer files are the decompressed
// blobs, checked against their diff ids; an oci-archive holds the blobs as they are.
// Written to a file through a temporary beside it, so a failed save leaves no
// half archive under the name asked for.
import { createReadStream, createWriteStream, renameSync, rmSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack as tarPack, type Pack } from 'tar-stream';

import { BoxctlError } from '../../../errors.js';
import { digestOf } from '../digest.js';
import { lookupLocal } from '../images.js';
import { OCI_MANIFEST } from '../media-types.js';
import { shortId, type ImageRecord } from '../store/records.js';
import { ImageStore } from '../store/store.js';
import { decompressedFile, measureUncompressed } from './compression.js';
import { DOCKER_MANIFEST_FILE, REPOSITORIES_FILE, configFileName, dockerManifest, layerFileName, legacyLayers, repositories, type SavedImage } from './docker-archive.js';
import { storedImages, type StoredImage, type StoredLayer } from './layer-blobs.js';
import { blobKey } from './names.js';
import { INDEX_FILE, OCI_LAYOUT_FILE, ociIndex, ociLayout, ociManifest, type IndexEntry } from './oci-layout.js';
import { TarOut } from './tar-out.js';

export type ArchiveFormat = 'docker-archive' | 'oci-archive';

export type SaveEvent = { kind: 'layer'; digest: string } | { kind: 'config'; digest: string };

export interface SaveRequest {
  root: string;
  images: readonly string[];
  format: ArchiveFormat;
  output: { path: string } | { stream: NodeJS.WritableStream };
  onEvent?: (e: SaveEvent) => void;
}

interface Wanted {
  record: ImageRecord;
  /** The names asked for: an image asked for by id is saved without one, as Podman does. */
  names: string[];
}

function resolveWanted(store: ImageStore, images: readonly string[]): Wanted[] {
  const index = store.readIndex();
  const byId = new Map<string, Wanted>();
  for (const w of images) {
    const { image, name } = lookupLocal(index, w);
    const wanted = byId.get(image.id) ?? { record: image, names: [] };
    byId.set(image.id, wanted);
    if (name && !wanted.names.includes(name)) wanted.names.push(name);
  }
  return [...byId.values()];
}

function label(image: StoredImage): string {
  return image.record.names[0] ?? shortId(image.record.id);
}

/** The uncompressed size, known before the entry is written (a tar header holds it). */
async function tarSize(image: StoredImage, layer: StoredLayer): Promise<number> {
  if (layer.tarSize !== undefined) return layer.tarSize;
  const measured = await measureUncompressed(layer.path, layer.compression);
  if (measured.diffId !== layer.diffId) {
    throw new BoxctlError(`cannot save ${label(image)}: its stored blob ${layer.digest} unpacks to ${measured.diffId}, not to its layer ${layer.diffId}: remove the image and pull it again`);
  }
  return measured.size;
}

async function writeDocker(out: TarOut, images: readonly StoredImage[], names: readonly string[][], emit: (e: SaveEvent) => void): Promise<void> {
  const written = new Set<string>();
  const saved: SavedImage[] = [];
  for (const [i, image] of images.entries()) {
    for (const layer of image.layers) {
      if (written.has(layer.diffId)) continue;
      written.add(layer.diffId);
      emit({ kind: 'layer', digest: layer.diffId });
      const size = await tarSize(image, layer);
      await out.verified(layerFileName(layer.diffId), decompressedFile(layer.path, layer.compression), { digest: layer.diffId, size }, `layer ${layer.diffId} of ${label(image)}`);
    }
    const { id, layers: diffIds } = image.record;
    emit({ kind: 'config', digest: id });
    out.bytes(configFileName(id), image.config);
    const legacy = legacyLayers(JSON.parse(image.config.toString('utf8')) as Record<string, unknown>, diffIds);
    legacy.forEach((l, j) => {
      if (written.has(l.id)) return;
      written.add(l.id);
      out.symlink(`${l.id}/layer.tar`, `../${layerFileName(diffIds[j]!)}`);
      out.bytes(`${l.id}/VERSION`, '1.0');
      out.bytes(`${l.id}/json`, l.json);
    });
    saved.push({ configDigest: id, diffIds, names: names[i]!, ...(legacy.length > 0 ? { topLayerId: legacy.at(-1)!.id } : {}) });
  }
  out.bytes(DOCKER_MANIFEST_FILE, dockerManifest(saved));
  out.bytes(REPOSITORIES_FILE, repositories(saved));
}

async function writeOci(out: TarOut, images: readonly StoredImage[], names: readonly string[][], emit: (e: SaveEvent) => void): Promise<void> {
  out.bytes(OCI_LAYOUT_FILE, ociLayout());
  out.dir('blobs/');
  out.dir('blobs/sha256/');
  const written = new Set<string>();
  const blob = (digest: string, bytes: Buffer): void => {
    if (written.has(digest)) return;
    written.add(digest);
    out.bytes(blobKey(digest), bytes);
  };
  const entries: IndexEntry[] = [];
  for (const [i, image] of images.entries()) {
    for (const layer of image.layers) {
      if (written.has(layer.digest)) continue;
      written.add(layer.digest);
      emit({ kind: 'layer', digest: layer.digest });
      await out.verified(blobKey(layer.digest), createReadStream(layer.path), layer, `layer ${layer.diffId} of ${label(image)}`);
    }
    emit({ kind: 'config', digest: image.record.id });
    blob(image.record.id, image.config);
    const manifest = image.ociManifest ?? Buffer.from(ociManifest({ digest: image.record.id, size: image.config.length }, image.layers));
    const desc = { mediaType: OCI_MANIFEST, digest: digestOf(manifest), size: manifest.length };
    blob(desc.digest, manifest);
    const imageNames = names[i]!;
    if (imageNames.length === 0) entries.push({ manifest: desc });
    for (const name of imageNames) entries.push({ manifest: desc, name });
  }
  out.bytes(INDEX_FILE, ociIndex(entries));
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** To a file by a temporary beside it and a rename; to a device or a pipe directly. */
async function deliver(pack: Pack, output: SaveRequest['output']): Promise<void> {
  if ('stream' in output) {
    await pipeline(pack, output.stream as Writable, { end: false });
    return;
  }
  const target = resolve(output.path);
  const existing = statOrUndefined(target);
  if (existing && !existing.isFile()) {
    await pipeline(pack, createWriteStream(target));
    return;
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await pipeline(pack, createWriteStream(tmp, { flush: true }));
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (typeof (e as NodeJS.ErrnoException).syscall === 'string') throw new BoxctlError(`cannot write ${target}: ${(e as Error).message}`);
    throw e;
  }
}

export async function saveImages(req: SaveRequest): Promise<void> {
  if (req.images.length === 0) throw new BoxctlError('no image to save: name at least one');
  const store = new ImageStore(req.root);
  const wanted = resolveWanted(store, req.images);
  const images = await storedImages(store, wanted.map((w) => w.record));
  const names = wanted.map((w) => w.names);
  const emit = req.onEvent ?? (() => undefined);
  const pack = tarPack();
  const docker = req.format === 'docker-archive';
  const out = new TarOut(pack, docker ? 0o444 : 0o644);
  // The first failure is the cause (a damaged blob, a full disk, a closed pipe); the
  // other side then fails only because the pack was destroyed.
  let cause: unknown;
  const fail = (e: unknown): void => {
    cause ??= e;
    pack.destroy(e as Error);
  };
  const writing = (docker ? writeDocker(out, images, names, emit) : writeOci(out, images, names, emit)).then(() => pack.finalize(), fail);
  await Promise.all([writing, deliver(pack, req.output).catch(fail)]);
  if (cause !== undefined) throw cause;
}
