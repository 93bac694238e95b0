// Image records and the pure operations on them. An image is named by the digest of
// its config (its id, as in Podman); tags and manifest digests point at it.
import { formatReference, type Reference } from '../reference.js';

export interface ImageRecord {
  /** The config digest, "sha256:...". */
  id: string;
  /** Fully qualified names: "127.0.0.1:5000/boxctl/busybox:latest". */
  names: string[];
  /** Digests of the manifests this image was pulled by (repo@digest references work). */
  digests: string[];
  manifestDigest: string;
  manifestMediaType: string;
  /** Diff ids, lowest layer first. */
  layers: string[];
  /** Compressed size of the layers plus config, as registries count it. */
  size: number;
  created?: string;
  pulled: string;
  architecture: string;
  os: string;
  /** Set when the image was unpacked without subordinate ids: ownership squashed. */
  singleIdMode?: boolean;
}

export interface ImageIndexFile {
  version: 1;
  images: ImageRecord[];
}

export function emptyIndex(): ImageIndexFile {
  return { version: 1, images: [] };
}

/** The canonical name a reference gets in the store (tag defaulted to latest). */
export function storeName(ref: Reference): string {
  return formatReference(ref.tag || ref.digest ? ref : { ...ref, tag: 'latest' });
}

/**
 * Adds or refreshes an image and moves its names to it: a tag names one image, so the
 * image that held it before loses it (and becomes dangling if that was its last name).
 */
export function upsertImage(index: ImageIndexFile, image: ImageRecord): ImageIndexFile {
  const taken = new Set(image.names);
  const others = index.images
    .filter((i) => i.id !== image.id)
    .map((i) => ({ ...i, names: i.names.filter((n) => !taken.has(n)) }));
  const previous = index.images.find((i) => i.id === image.id);
  const merged: ImageRecord = previous
    ? {
        ...image,
        names: [...new Set([...previous.names, ...image.names])],
        digests: [...new Set([...previous.digests, ...image.digests])],
      }
    : image;
  return { ...index, images: [...others, merged] };
}

/** An image by full or unique short id. */
export function findImageById(index: ImageIndexFile, wanted: string): ImageRecord | undefined {
  const hex = wanted.replace(/^sha256:/, '');
  if (!/^[0-9a-f]{3,64}$/.test(hex)) return undefined;
  const matches = index.images.filter((i) => i.id.slice(7).startsWith(hex));
  return matches.length === 1 ? matches[0] : undefined;
}

/** An image by reference: by tag, or by repository@digest of a manifest it was pulled by. */
export function findImageByRef(index: ImageIndexFile, ref: Reference): ImageRecord | undefined {
  if (ref.digest) {
    const repo = `${ref.registry}/${ref.repository}`;
    return index.images.find((i) => i.digests.includes(ref.digest!) && i.names.some((n) => repoTag(n).repository === repo));
  }
  const name = storeName(ref);
  return index.images.find((i) => i.names.includes(name));
}

export function removeName(index: ImageIndexFile, name: string): ImageIndexFile {
  return { ...index, images: index.images.map((i) => ({ ...i, names: i.names.filter((n) => n !== name) })) };
}

export function removeImage(index: ImageIndexFile, id: string): ImageIndexFile {
  return { ...index, images: index.images.filter((i) => i.id !== id) };
}

/** Layers no remaining image uses: what a removal may delete. */
export function unusedLayers(index: ImageIndexFile, candidates: readonly string[]): string[] {
  const used = new Set(index.images.flatMap((i) => i.layers));
  return [...new Set(candidates)].filter((l) => !used.has(l));
}

export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** "repository" and "tag" columns, as `images` shows them. */
export function repoTag(name: string): { repository: string; tag: string } {
  const at = name.lastIndexOf(':');
  const slash = name.lastIndexOf('/');
  return at > slash ? { repository: name.slice(0, at), tag: name.slice(at + 1) } : { repository: name, tag: '<none>' };
}

