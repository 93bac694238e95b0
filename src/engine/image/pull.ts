// Pulling an image: resolve the name, fetch the manifest (choosing a platform from an
// index), then the config, then every missing layer in parallel, each unpacked as soon
// as it has arrived. A layer already in the store is never fetched again, and two
// pulls that share a layer fetch it once (a lock per layer). The image is recorded
// last, so a pull killed at any moment leaves no image behind, only reusable layers.
import { arch } from 'node:os';

import { BoxctlError, NotFoundError } from '../../errors.js';
import { ociArch } from '../host/platform.js';
import { userIdMaps } from '../userns.js';
import { findCredentials, type AuthFile } from './auth-file.js';
import { loadAuthFiles, loadRegistriesConf } from './config-files.js';
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
import { unpackLayer } from './unpack/index.js';

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

const PARALLEL_LAYERS = 3;

function candidates(name: string, conf: RegistriesConf): Reference[] {
  const resolved = resolveShortName(name, conf);
  if (resolved.kind !== 'search') return [resolved.reference];
  if (resolved.ambiguous) throw ambiguousShortNameError(name, resolved.candidates);
  return resolved.candidates;
}

function client(source: PullSource, tlsVerify: boolean | undefined, authFiles: readonly AuthFile[]): RegistryClient {
  const ref = source.reference;
  const found = findCredentials(authFiles, `${ref.registry}/${ref.repository}`);
  const creds = found?.kind === 'credentials' ? found.credentials : undefined;
  return new RegistryClient({
    registry: ref.registry,
    insecure: source.insecure,
    ...(tlsVerify === false ? { tlsVerify: false } : {}),
    ...(creds ? { credentials: creds.identityToken ? { identityToken: creds.identityToken } : { username: creds.username, password: creds.password } } : {}),
  });
}

async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
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

async function fetchLayer(reg: RegistryClient, ref: Reference, image: string, desc: Descriptor, diffId: string, store: ImageStore, single: boolean, emit: (e: PullEvent) => void): Promise<void> {
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
    if (!store.hasBlob(desc.digest)) {
      emit({ kind: 'layer', digest: desc.digest, size: desc.size, state: 'downloading', received: 0 });
      const stream = await reg.fetchBlob(ref.repository, desc, {
        onProgress: (received) => emit({ kind: 'layer', digest: desc.digest, size: desc.size, state: 'downloading', received }),
      });
      await store.putBlob(desc.digest, desc.size, stream);
    }
    emit({ kind: 'layer', digest: desc.digest, size: desc.size, state: 'unpacking' });
    const staging = store.stagingLayer();
    const result = await unpackLayer({
      blobPath: store.blobPath(desc.digest),
      compression: layerCompression(desc.mediaType),
      target: staging.diff,
      image,
      single,
    });
    for (const message of result.notes) emit({ kind: 'note', message });
    if (result.diffId !== diffId) {
      await store.publishLayer(staging.dir, result.diffId).catch(() => undefined);
      throw new BoxctlError(`${image}: layer ${desc.digest} unpacks to ${result.diffId}, but the image config says ${diffId}`);
    }
    await store.publishLayer(staging.dir, diffId);
    emit({ kind: 'layer', digest: desc.digest, size: desc.size, state: 'done' });
  });
}

interface PullContext {
  store: ImageStore;
  single: boolean;
  authFiles: readonly AuthFile[];
}

async function pullFrom(source: PullSource, asked: Reference, req: PullRequest, { store, single, authFiles }: PullContext): Promise<ImageRecord> {
  const emit = req.onEvent ?? (() => undefined);
  const image = storeName(source.reference);
  emit({ kind: 'trying', reference: image });
  const reg = client(source, req.tlsVerify, authFiles);
  const wanted: WantedPlatform = { os: req.platform?.os ?? 'linux', architecture: req.platform?.architecture ?? ociArch(arch()) };
  if (req.platform?.variant) wanted.variant = req.platform.variant;
  const meta = await fetchMetadata(reg, source.reference, image, wanted, store, emit);
  const fetchLayers = () =>
    eachLimited(meta.layers, PARALLEL_LAYERS, (desc, i) => fetchLayer(reg, source.reference, image, desc, meta.config.rootfs.diff_ids[i]!, store, single, emit));
  await fetchLayers();
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
    await fetchLayers();
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
