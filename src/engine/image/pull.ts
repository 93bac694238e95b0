// Pulling an image: resolve the name, fetch the manifest (choosing a platform from an
// index), then the config, then every missing layer in parallel, each streamed into
// the unpack worker as it arrives (and kept as a blob beside). A layer already in the
// store is never fetched again, and two pulls that share a layer fetch it once (a lock
// per layer). A layer is published only once its download has passed the digest check
// and its unpacked tar has the diff id the config names; the image is recorded last, so
// a pull killed at any moment leaves no image behind, only reusable layers.
import { createReadStream } from 'node:fs';
import { arch } from 'node:os';

import { BoxctlError, NotFoundError } from '../../errors.js';
import { ociArch } from '../host/platform.js';
import { removeInUserns, userIdMaps } from '../userns.js';
import type { AuthFile } from './auth-file.js';
import { loadAuthFiles, loadRegistriesConf } from './config-files.js';
import { lookupCredentials } from './credentials.js';
import { parseImageConfig, selectPlatform, type Descriptor, type ImageConfig, type WantedPlatform } from './manifest.js';
import { layerCompression } from './media-types.js';
import { registryFor, type PullSource } from './pull-sources.js';
import type { RegistriesConf } from './registries-conf.js';
import type { Reference } from './reference.js';
import { RegistryClient } from './registry/client.js';
import { ambiguousShortNameError, resolveShortName } from './short-names.js';
import { withLock } from './store/lock.js';
import { storeName, upsertImage, type ImageRecord } from './store/records.js';
import { ImageStore } from './store/store.js';
import { UnpackSession, type UnpackResult } from './unpack/index.js';

export type PullEvent =
  | { kind: 'trying'; reference: string }
  | { kind: 'layer'; digest: string; size: number; state: 'present' | 'downloading' | 'unpacking' | 'done'; received?: number }
  | { kind: 'config'; digest: string }
  | { kind: 'note'; message: string };

export interface PullRequest {
  name: string;
  root: string;
  platform?: Partial<WantedPlatform>;
  tlsVerify?: boolean;
  onEvent?: (e: PullEvent) => void;
}

/** As containers/image's default: enough to fill a link, few enough for a registry's limits. */
const PARALLEL_LAYERS = 6;

function candidates(name: string, conf: RegistriesConf): Reference[] {
  const resolved = resolveShortName(name, conf);
  if (resolved.kind !== 'search') return [resolved.reference];
  if (resolved.ambiguous) throw ambiguousShortNameError(name, resolved.candidates);
  return resolved.candidates;
}

async function client(source: PullSource, tlsVerify: boolean | undefined, authFiles: readonly AuthFile[]): Promise<RegistryClient> {
  const ref = source.reference;
  const creds = (await lookupCredentials(authFiles, `${ref.registry}/${ref.repository}`))?.credentials;
  return new RegistryClient({
    registry: ref.registry,
    insecure: source.insecure,
    ...(tlsVerify === false ? { tlsVerify: false } : {}),
    ...(creds ? { credentials: creds.identityToken ? { identityToken: creds.identityToken } : { username: creds.username, password: creds.password } } : {}),
  });
}

/** fn over items, `limit` at a time; after the first failure no new item is started. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && !failed) {
      const i = next++;
      try {
        await fn(items[i]!, i);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  });
  await Promise.all(workers);
}

interface Fetched {
  manifestDigest: string;
  manifestMediaType: string;
  config: ImageConfig;
  configDigest: string;
  layers: Descriptor[];
}

async function fetchMetadata(reg: RegistryClient, ref: Reference, image: string, wanted: WantedPlatform, store: ImageStore, emit: (e: PullEvent) => void): Promise<Fetched> {
  let got = await reg.getManifest(ref.repository, ref.digest ?? ref.tag ?? 'latest');
  let doc = got.manifest;
  if (doc.kind === 'index') {
    const chosen = selectPlatform(doc, wanted, image);
    got = await reg.getManifest(ref.repository, chosen.digest);
    doc = got.manifest;
    if (doc.kind !== 'manifest') throw new BoxctlError(`${image}: the index entry ${chosen.digest} is itself an index`);
  }
  // Kept, so that save can name the very blobs this image was pulled as.
  if (!store.hasBlob(got.digest)) store.putBlobBytes(got.digest, got.body);
  const configDesc = doc.config;
  emit({ kind: 'config', digest: configDesc.digest });
  if (!store.hasBlob(configDesc.digest)) await store.putBlob(configDesc.digest, configDesc.size, await reg.fetchBlob(ref.repository, configDesc));
  const config = parseImageConfig(store.readBlob(configDesc.digest), image);
  if (config.rootfs.diff_ids.length !== doc.layers.length) {
    throw new BoxctlError(`${image}: its config lists ${config.rootfs.diff_ids.length} layers but its manifest ${doc.layers.length}`);
  }
  return { manifestDigest: got.digest, manifestMediaType: doc.mediaType, config, configDigest: configDesc.digest, layers: doc.layers };
}

interface LayerWork {
  reg: RegistryClient;
  ref: Reference;
  image: string;
  store: ImageStore;
  /** Started on first use: a pull whose layers are all here starts no worker. */
  unpacker(): UnpackSession;
  /** Stops every download of the pull once one layer has failed. */
  signal: AbortSignal;
  emit(e: PullEvent): void;
}

/**
 * The layer's compressed bytes: the blob kept from an earlier pull, or a download kept
 * as one, read as it arrives. `downloaded` settles when there is nothing left to fetch.
 */
async function layerBytes(w: LayerWork, desc: Descriptor): Promise<{ bytes: AsyncIterable<Buffer>; downloaded: Promise<void> }> {
  const { store, emit } = w;
  const kept = await store.intactBlob(desc.digest, desc.size);
  if (kept) return { bytes: createReadStream(kept, { highWaterMark: 256 * 1024 }), downloaded: Promise.resolve() };
  const stream = await w.reg.blobChunks(w.ref.repository, desc, {
    signal: w.signal,
    onProgress: (received) => emit({ kind: 'layer', digest: desc.digest, size: desc.size, state: 'downloading', received }),
  });
  const blob = store.downloadBlob(desc.digest, stream);
  return { bytes: blob.follow(), downloaded: blob.done };
}

async function fetchLayer(w: LayerWork, desc: Descriptor, diffId: string): Promise<void> {
  const { store, image, emit } = w;
  if (store.hasLayer(diffId)) {
    emit({ kind: 'layer', digest: desc.digest, size: desc.size, state: 'present' });
    return;
  }
  await withLock(store.layerLockPath(diffId), async () => {
    // Another pull may have finished it while we waited for the lock.
    if (store.hasLayer(diffId)) {
      emit({ kind: 'layer', digest: desc.digest, size: desc.size, state: 'present' });
      return;
    }
    emit({ kind: 'layer', digest: desc.digest, size: desc.size, state: 'downloading', received: 0 });
    const staging = store.stagingLayer();
    let result: UnpackResult;
    try {
      const { bytes, downloaded } = await layerBytes(w, desc);
      const [unpacked, fetched] = await Promise.allSettled([
        w.unpacker().unpack({ target: staging.diff, compression: layerCompression(desc.mediaType), image }, bytes),
        downloaded.then(() => emit({ kind: 'layer', digest: desc.digest, size: desc.size, state: 'unpacking' })),
      ]);
      // Bytes that fail their digest explain whatever the unpacker made of them: that
      // failure is the one told, so the download runs to its end even when the unpack
      // failed first (as long as a pull that verifies before it unpacks would take).
      if (fetched.status === 'rejected') throw fetched.reason;
      if (unpacked.status === 'rejected') throw unpacked.reason;
      result = unpacked.value;
    } catch (e) {
      await removeInUserns(staging.dir).catch(() => undefined);
      throw e;
    }
    for (const message of result.notes) emit({ kind: 'note', message });
    if (result.diffId !== diffId) {
      await store.publishLayer(staging.dir, result.diffId).catch(() => undefined);
      throw new BoxctlError(`${image}: layer ${desc.digest} unpacks to ${result.diffId}, but the image config says ${diffId}`);
    }
    await store.publishLayer(staging.dir, diffId);
    emit({ kind: 'layer', digest: desc.digest, size: desc.size, state: 'done' });
  });
}

/**
 * Every layer of the image into the store, PARALLEL_LAYERS at a time, through one
 * unpack worker. The first failure stops the downloads and the worker.
 */
async function fetchLayers(reg: RegistryClient, ref: Reference, image: string, meta: Fetched, ctx: PullContext, emit: (e: PullEvent) => void): Promise<void> {
  const { store } = ctx;
  const missing = meta.layers.filter((_l, i) => !store.hasLayer(meta.config.rootfs.diff_ids[i]!)).length;
  let session: UnpackSession | undefined;
  const stop = new AbortController();
  const w: LayerWork = {
    reg,
    ref,
    image,
    store,
    signal: stop.signal,
    emit,
    unpacker: () => (session ??= UnpackSession.start({ single: ctx.single, slots: missing, image })),
  };
  try {
    await eachLimited(meta.layers, PARALLEL_LAYERS, (desc, i) => fetchLayer(w, desc, meta.config.rootfs.diff_ids[i]!));
  } catch (e) {
    stop.abort();
    await session?.abort();
    throw e;
  }
  await session?.close();
}

interface PullContext {
  store: ImageStore;
  single: boolean;
  authFiles: readonly AuthFile[];
}

async function pullFrom(source: PullSource, asked: Reference, req: PullRequest, ctx: PullContext): Promise<ImageRecord> {
  const { store, single, authFiles } = ctx;
  const emit = req.onEvent ?? (() => undefined);
  const image = storeName(source.reference);
  emit({ kind: 'trying', reference: image });
  const reg = await client(source, req.tlsVerify, authFiles);
  const wanted: WantedPlatform = { os: req.platform?.os ?? 'linux', architecture: req.platform?.architecture ?? ociArch(arch()) };
  if (req.platform?.variant) wanted.variant = req.platform.variant;
  const meta = await fetchMetadata(reg, source.reference, image, wanted, store, emit);
  await fetchLayers(reg, source.reference, image, meta, ctx, emit);
  const record: ImageRecord = {
    id: meta.configDigest,
    names: asked.digest && !asked.tag ? [] : [storeName(asked)],
    digests: [meta.manifestDigest],
    manifestDigest: meta.manifestDigest,
    manifestMediaType: meta.manifestMediaType,
    layers: meta.config.rootfs.diff_ids,
    size: meta.layers.reduce((sum, l) => sum + l.size, 0),
    pulled: new Date().toISOString(),
    architecture: meta.config.architecture,
    os: meta.config.os,
    ...(meta.config.created ? { created: meta.config.created } : {}),
    ...(single ? { singleIdMode: true } : {}),
  };
  // An rmi of another image may have taken a shared layer since we saw it: the record
  // is written only while every layer is there, under the same lock rmi holds.
  for (let attempt = 0; ; attempt++) {
    let missing = false;
    await store.updateIndex((index) => {
      missing = record.layers.some((l) => !store.hasLayer(l));
      return missing ? index : upsertImage(index, record);
    });
    if (!missing) return record;
    if (attempt > 0) throw new BoxctlError(`${image}: its layers keep disappearing while it is pulled: is an rmi or prune running in a loop?`);
    await fetchLayers(reg, source.reference, image, meta, ctx, emit);
  }
}

export async function pullImage(req: PullRequest): Promise<ImageRecord> {
  const store = new ImageStore(req.root);
  await store.sweepTmp();
  const conf = loadRegistriesConf();
  const ctx: PullContext = { store, single: userIdMaps().single, authFiles: loadAuthFiles() };
  let lastError: unknown;
  for (const asked of candidates(req.name, conf)) {
    for (const source of registryFor(asked, conf)) {
      try {
        return await pullFrom(source, asked, req, ctx);
      } catch (e) {
        lastError = e;
        // Not there: try the next mirror, location or search registry. Anything
        // else (a lying registry, a hostile layer) is an answer, not an absence.
        if (!(e instanceof NotFoundError) && !source.mirror) throw e;
      }
    }
  }
  throw lastError ?? new NotFoundError(`image ${req.name} not found`);
}
