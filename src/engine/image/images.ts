// The local image operations behind `images`, `rmi`, `tag` and `image inspect`.

import { ConflictError, NotFoundError, UserError } from '../../errors.js';
import { removeInUserns } from '../userns.js';
import { parseImageConfig, type ImageConfig } from './manifest.js';
import { isShortName, parseReference, splitReference } from './reference.js';
import { findImageById, findImageByRef, removeImage, removeName, repoTag, shortId, storeName, type ImageIndexFile, type ImageRecord } from './store/records.js';
import { ImageStore } from './store/store.js';

export interface LocalMatch {
  image: ImageRecord;
  /** The name that matched; absent when matched by id or digest. */
  name?: string;
}

function notFound(wanted: string): NotFoundError {
  return new NotFoundError(`image '${wanted}' is not in the local store: pull it first`);
}

/** An image by id, full name, or short name matched against local names (as Podman does). */
export function lookupLocal(index: ImageIndexFile, wanted: string): LocalMatch {
  const byId = findImageById(index, wanted);
  if (byId) return { image: byId };
  if (!isShortName(wanted)) {
    const ref = parseReference(wanted);
    const image = findImageByRef(index, ref);
    if (!image) throw notFound(wanted);
    return ref.digest ? { image } : { image, name: storeName(ref) };
  }
  const { name, tag, digest } = splitReference(wanted);
  const fits = (n: string) => {
    const rt = repoTag(n);
    const repoFits = rt.repository.endsWith(`/${name}`) || rt.repository.endsWith(`/library/${name}`);
    return repoFits && (digest !== undefined || rt.tag === (tag ?? 'latest'));
  };
  const matches: LocalMatch[] = [];
  for (const image of index.images) {
    if (digest) {
      if (image.digests.includes(digest) && image.names.some(fits)) matches.push({ image });
    } else {
      for (const n of image.names.filter(fits)) matches.push({ image, name: n });
    }
  }
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new UserError(`short name '${wanted}' matches several local images: use one of ${matches.map((m) => m.name ?? m.image.id).join(', ')}`);
  }
  throw notFound(wanted);
}

export function resolveLocal(index: ImageIndexFile, wanted: string): ImageRecord {
  return lookupLocal(index, wanted).image;
}

export interface ImageSummary {
  id: string;
  repository: string;
  tag: string;
  digest: string;
  names: string[];
  created?: string;
  size: number;
  dangling: boolean;
}

export interface ListFilters {
  dangling?: boolean;
  reference?: string[];
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '.')}$`);
}

function matchesReference(name: string, pattern: string): boolean {
  const { repository, tag } = repoTag(name);
  const [patRepo, patTag] = pattern.includes(':') ? [pattern.slice(0, pattern.lastIndexOf(':')), pattern.slice(pattern.lastIndexOf(':') + 1)] : [pattern, undefined];
  const repoRe = globToRegExp(patRepo!);
  const repoOk = repoRe.test(repository) || repoRe.test(repository.split('/').slice(1).join('/')) || repoRe.test(repository.split('/').at(-1)!);
  return repoOk && (patTag === undefined || globToRegExp(patTag).test(tag));
}

/** One row per name, as `podman images` shows them; a dangling image gets one <none> row. */
export function listImages(root: string, filters: ListFilters = {}): ImageSummary[] {
  const index = new ImageStore(root).readIndex();
  const rows: ImageSummary[] = [];
  for (const image of index.images) {
    const dangling = image.names.length === 0;
    if (filters.dangling !== undefined && filters.dangling !== dangling) continue;
    const names = filters.reference?.length ? image.names.filter((n) => filters.reference!.some((p) => matchesReference(n, p))) : image.names;
    if (filters.reference?.length && names.length === 0) continue;
    const base = { id: image.id, digest: image.manifestDigest, names: image.names, size: image.size, dangling, ...(image.created ? { created: image.created } : {}) };
    if (names.length === 0) rows.push({ ...base, repository: '<none>', tag: '<none>' });
    for (const n of names) rows.push({ ...base, ...repoTag(n) });
  }
  return rows.sort((a, b) => (b.created ?? '').localeCompare(a.created ?? '') || a.repository.localeCompare(b.repository));
}

export interface RemoveReport {
  untagged: string[];
  deleted: string[];
}

/**
 * Untags NAME, and deletes the image once no name is left (or when asked by id). Layers
 * no other image uses are moved aside under the index lock and deleted after it, so a
 * concurrent pull never records an image whose layer is half gone.
 */
export async function removeImages(
  root: string,
  wanted: readonly string[],
  force: boolean,
  /** Container names by the image id they run: their layers are the containers' root filesystems. */
  inUse: ReadonlyMap<string, readonly string[]>,
): Promise<RemoveReport> {
  const store = new ImageStore(root);
  const report: RemoveReport = { untagged: [], deleted: [] };
  const doomed: string[] = [];
  await store.updateIndex(async (index) => {
    let next = index;
    for (const w of wanted) {
      const { image, name } = lookupLocal(next, w);
      // By name, rmi untags; the image goes with its last name.
      if (name && image.names.length > 1) {
        next = removeName(next, name);
        report.untagged.push(name);
        continue;
      }
      if (!name && image.names.length > 1 && !force) {
        throw new ConflictError(`image ${shortId(image.id)} has several names (${image.names.join(', ')}): remove them by name, or use --force`);
      }
      const users = inUse.get(image.id);
      if (users?.length) {
        throw new ConflictError(`image ${shortId(image.id)} is in use by container ${users.join(', ')}: remove the container first, or use rmi --force to remove it too`);
      }
      report.untagged.push(...image.names);
      next = removeImage(next, image.id);
      report.deleted.push(image.id);
      doomed.push(...(await store.setAsideUnused(next, image.layers)));
    }
    return next;
  });
  for (const dir of doomed) await removeInUserns(dir);
  return report;
}

export async function tagImage(root: string, source: string, targets: readonly string[]): Promise<void> {
  const store = new ImageStore(root);
  await store.updateIndex((index) => {
    const image = resolveLocal(index, source);
    const names = targets.map((t) => storeName(parseReference(isShortName(t) ? `localhost/${t}` : t)));
    const others = index.images.map((i) => (i.id === image.id ? { ...i, names: [...new Set([...i.names, ...names])] } : { ...i, names: i.names.filter((n) => !names.includes(n)) }));
    return { ...index, images: others };
  });
}

export interface ImageInspect {
  record: ImageRecord;
  config: ImageConfig;
}

export function inspectImage(root: string, wanted: string): ImageInspect {
  const store = new ImageStore(root);
  const record = resolveLocal(store.readIndex(), wanted);
  return { record, config: parseImageConfig(store.readBlob(record.id), wanted) };
}

export function imageExists(root: string, wanted: string): boolean {
  try {
    resolveLocal(new ImageStore(root).readIndex(), wanted);
    return true;
  } catch (e) {
    if (e instanceof NotFoundError) return false;
    throw e;
  }
}

/** Removes names (all of them without a list) and keeps the image, dangling if none is left. */
export async function untagImage(root: string, wanted: string, names: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  await new ImageStore(root).updateIndex((index) => {
    const image = resolveLocal(index, wanted);
    const doomed = names.length === 0 ? image.names : names.map((n) => storeName(parseReference(isShortName(n) ? `localhost/${n}` : n)));
    for (const n of doomed) {
      if (!image.names.includes(n)) throw new NotFoundError(`image ${shortId(image.id)} has no name ${n}`);
    }
    removed.push(...doomed);
    return { ...index, images: index.images.map((i) => (i.id === image.id ? { ...i, names: i.names.filter((n) => !doomed.includes(n)) } : i)) };
  });
  return removed;
}

/** Deletes dangling images (every unused one with `all`, once containers exist to use them). */
export async function pruneImages(root: string, inUse: ReadonlyMap<string, readonly string[]>): Promise<RemoveReport> {
  const dangling = new ImageStore(root)
    .readIndex()
    .images.filter((i) => i.names.length === 0 && !inUse.get(i.id)?.length)
    .map((i) => i.id);
  return dangling.length === 0 ? { untagged: [], deleted: [] } : removeImages(root, dangling, true, inUse);
}
