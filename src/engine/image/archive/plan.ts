// What a spooled archive holds, checked before the store is touched: the images, each
// with its config, a manifest and its layer files, every file verified against the
// digest and size that name it, every document parsed with the limits pull applies.
// Only what needs unpacking (a compressed layer's diff id) is left to the commit.
import { arch } from 'node:os';

import { UserError } from '../../../errors.js';
import { digestOf } from '../digest.js';
import { ociArch } from '../../host/platform.js';
import { MAX_CONFIG_SIZE, MAX_MANIFEST_SIZE, formatPlatform, parseImageConfig, parseManifest, selectPlatform, type Descriptor, type ImageConfig } from '../manifest.js';
import { OCI_MANIFEST, layerCompression, type Compression } from '../media-types.js';
import { parseReference } from '../reference.js';
import { shortId, storeName } from '../store/records.js';
import { fileHead, sniffCompression } from './compression.js';
import { DOCKER_MANIFEST_FILE, MAX_DOCKER_MANIFEST, parseDockerManifest, type DockerArchiveItem } from './docker-archive.js';
import { ArchiveRefused, blobKey, referencedKey } from './names.js';
import { INDEX_FILE, OCI_LAYOUT_FILE, annotatedName, checkOciLayout, ociManifest } from './oci-layout.js';
import type { Spool, SpooledFile } from './spool.js';

export interface PlannedLayer {
  diffId: string;
  /** The spooled blob, as the archive holds it. */
  file: string;
  digest: string;
  size: number;
  compression: Compression;
}

export interface PlannedImage {
  /** The image in messages: its first name, or its short id. */
  label: string;
  names: string[];
  config: { bytes: Buffer; digest: string; parsed: ImageConfig };
  /** A docker-archive has none: boxctl writes an OCI manifest for it, so `save` can reuse it. */
  manifest: { bytes: Buffer; digest: string; mediaType: string };
  layers: PlannedLayer[];
}

function lie(label: string, problem: string): ArchiveRefused {
  return new ArchiveRefused(`the archive lies about ${label}: ${problem}`);
}

/** An uncompressed layer's digest is its diff id: a lie is caught here, before any unpacking. */
function checkUncompressed(label: string, layer: PlannedLayer): void {
  if (layer.compression === 'none' && layer.digest !== layer.diffId) {
    throw lie(label, `its layer ${layer.digest} is an uncompressed tar whose diff id would be itself, but the image config says ${layer.diffId}`);
  }
}

function layerCount(label: string, config: ImageConfig, layers: number): void {
  if (config.rootfs.diff_ids.length !== layers) throw lie(label, `its config lists ${config.rootfs.diff_ids.length} layers but the archive gives ${layers}`);
}

function dockerName(tag: string, where: string): string {
  try {
    const ref = parseReference(tag);
    if (ref.digest) throw new UserError('names in RepoTags carry no digest');
    return storeName(ref);
  } catch (e) {
    if (e instanceof UserError) throw new ArchiveRefused(`${where} has RepoTags ${JSON.stringify(tag)}, which is not an image name: ${e.message}`);
    throw e;
  }
}

function dockerImage(spool: Spool, item: DockerArchiveItem, i: number): PlannedImage {
  const where = `${DOCKER_MANIFEST_FILE} (image ${i + 1})`;
  const configBytes = spool.read(referencedKey(item.Config, where), where, MAX_CONFIG_SIZE);
  const configDigest = digestOf(configBytes);
  const names = item.RepoTags.map((t) => dockerName(t, where));
  const label = names[0] ?? shortId(configDigest);
  const parsed = parseImageConfig(configBytes, label);
  layerCount(label, parsed, item.Layers.length);
  const layers = item.Layers.map((name, j): PlannedLayer => {
    const file = spool.file(referencedKey(name, where), where);
    const layer = { diffId: parsed.rootfs.diff_ids[j]!, file: file.path, digest: file.sha256, size: file.size, compression: sniffCompression(fileHead(file.path)) };
    checkUncompressed(label, layer);
    return layer;
  });
  const manifest = Buffer.from(ociManifest({ digest: configDigest, size: configBytes.length }, layers));
  return { label, names, config: { bytes: configBytes, digest: configDigest, parsed }, manifest: { bytes: manifest, digest: digestOf(manifest), mediaType: OCI_MANIFEST }, layers };
}

/** The blob a descriptor names, present in the archive with the size and digest it says. */
function blobFile(spool: Spool, desc: Descriptor, where: string): SpooledFile {
  const key = blobKey(desc.digest);
  if (!spool.has(key)) throw new ArchiveRefused(`the archive lacks the blob ${desc.digest} that ${where} names`);
  const file = spool.file(key, where);
  if (file.size !== desc.size) throw new ArchiveRefused(`the archive lies: the blob ${desc.digest} is ${file.size} bytes, but ${where} says ${desc.size}`);
  return file;
}

function blobBytes(spool: Spool, desc: Descriptor, where: string, limit: number): Buffer {
  blobFile(spool, desc, where);
  return spool.read(blobKey(desc.digest), where, limit);
}

function ociImage(spool: Spool, desc: Descriptor, name: string | undefined, where: string, nested = false): PlannedImage {
  const label = name ?? shortId(desc.digest);
  const bytes = blobBytes(spool, desc, where, MAX_MANIFEST_SIZE);
  const doc = parseManifest(bytes, { image: label, contentType: desc.mediaType });
  if (doc.kind === 'index') {
    if (nested) throw new ArchiveRefused(`${where} is an index inside an index: boxctl reads one level of platform choice`);
    const wanted = { os: 'linux', architecture: ociArch(arch()) };
    return ociImage(spool, selectPlatform(doc, wanted, label), name, `the ${formatPlatform(wanted)} entry of ${label}`, true);
  }
  const configBytes = blobBytes(spool, doc.config, `the manifest of ${label}`, MAX_CONFIG_SIZE);
  const parsed = parseImageConfig(configBytes, label);
  layerCount(label, parsed, doc.layers.length);
  const layers = doc.layers.map((l, j): PlannedLayer => {
    const file = blobFile(spool, l, `the manifest of ${label}`);
    const layer = { diffId: parsed.rootfs.diff_ids[j]!, file: file.path, digest: l.digest, size: l.size, compression: layerCompression(l.mediaType) };
    checkUncompressed(label, layer);
    return layer;
  });
  return {
    label,
    names: name ? [name] : [],
    config: { bytes: configBytes, digest: doc.config.digest, parsed },
    manifest: { bytes, digest: desc.digest, mediaType: doc.mediaType },
    layers,
  };
}

function ociImages(spool: Spool): PlannedImage[] {
  if (!spool.has(OCI_LAYOUT_FILE)) throw new ArchiveRefused(`the archive has ${INDEX_FILE} but no ${OCI_LAYOUT_FILE}: it is not an OCI image layout`);
  checkOciLayout(spool.read(OCI_LAYOUT_FILE, 'an OCI layout', 4096));
  const index = parseManifest(spool.read(INDEX_FILE, 'an OCI layout', MAX_MANIFEST_SIZE), { image: `the archive's ${INDEX_FILE}` });
  if (index.kind !== 'index') throw new ArchiveRefused(`the archive's ${INDEX_FILE} is a manifest, not an index`);
  if (index.manifests.length === 0) throw new ArchiveRefused(`the archive's ${INDEX_FILE} lists no images`);
  return index.manifests.map((desc, i) => ociImage(spool, desc, annotatedName(desc.annotations), `${INDEX_FILE} (entry ${i + 1})`));
}

/** One plan per image: an archive may name one image several times. */
function mergeByConfig(images: readonly PlannedImage[]): PlannedImage[] {
  const byId = new Map<string, PlannedImage>();
  for (const image of images) {
    const seen = byId.get(image.config.digest);
    if (seen) seen.names = [...new Set([...seen.names, ...image.names])];
    else byId.set(image.config.digest, { ...image });
  }
  return [...byId.values()];
}

export function planArchive(spool: Spool): PlannedImage[] {
  if (spool.has(DOCKER_MANIFEST_FILE)) {
    return mergeByConfig(parseDockerManifest(spool.read(DOCKER_MANIFEST_FILE, 'a docker-archive', MAX_DOCKER_MANIFEST)).map((item, i) => dockerImage(spool, item, i)));
  }
  if (spool.has(INDEX_FILE)) return mergeByConfig(ociImages(spool));
  throw new ArchiveRefused(`the archive is neither a docker-archive (it has no ${DOCKER_MANIFEST_FILE}) nor an oci-archive (it has no ${INDEX_FILE})`);
}
