// `boxctl import`: a root file system tarball (plain or gzip) becomes a one-layer image,
// with the config Podman's import writes (host os and architecture, created now, one
// history entry). The tarball is kept uncompressed, so its digest is its diff id, and
// it goes through the same commit as a loaded image: unpacked inside the user
// namespace, hostile entries refused, recorded last.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { arch } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

import { BoxctlError } from '../../../errors.js';
import { ociArch } from '../../host/platform.js';
import { userIdMaps } from '../../userns.js';
import { digestOf } from '../digest.js';
import { parseImageConfig, type ContainerConfig } from '../manifest.js';
import { OCI_MANIFEST } from '../media-types.js';
import { isShortName, parseReference } from '../reference.js';
import { storeName, type ImageRecord } from '../store/records.js';
import { ImageStore } from '../store/store.js';
import { commitImages, type CommitEvent } from './commit.js';
import { MAGIC_BYTES, sniffCompression, unsupportedCompression } from './compression.js';
import { Hasher } from './hasher.js';
import { ociManifest } from './oci-layout.js';
import { peek } from './peek.js';
import type { PlannedImage } from './plan.js';

export interface ImportRequest {
  root: string;
  input: Readable;
  /** Where the tarball comes from, for messages: a path, or 'stdin'. */
  source: string;
  /** Short names go to localhost/, as Podman does. */
  name?: string;
  /** The history comment; Podman's default otherwise. */
  message?: string;
  /** The image's run settings, as Podman's `import --change` sets them; none otherwise. */
  config?: ContainerConfig;
  /** When the image was made (RFC 3339); now otherwise. A fixed time keeps the id of the same tarball the same. */
  created?: string;
  onEvent?: (e: CommitEvent) => void;
}

export const IMPORT_COMMENT = 'imported from tarball';

/** The config of an imported image, field for field (and in the order) Podman writes. */
export function importConfig(diffId: string, created: string, comment: string, config: ContainerConfig = {}): string {
  return JSON.stringify({
    created,
    architecture: ociArch(arch()),
    os: 'linux',
    config,
    rootfs: { type: 'layers', diff_ids: [diffId] },
    history: [{ created, created_by: `/bin/sh -c #(nop) ADD file:${diffId.slice(7)} in /`, comment }],
  });
}

/** Copies the tarball, uncompressed, to `path`; its digest and size are the layer's. */
async function copyTarball(input: Readable, source: string, path: string): Promise<{ digest: string; size: number }> {
  const { head, stream } = await peek(input, MAGIC_BYTES).catch((e: unknown) => {
    throw new BoxctlError(`cannot read ${source}: ${(e as Error).message}`);
  });
  if (head.length === 0) throw new BoxctlError(`${source} is empty: import takes a tar archive of a root file system`);
  const compression = sniffCompression(head);
  const unsupported = compression === 'zstd' ? 'zstd' : unsupportedCompression(head);
  if (unsupported) throw new BoxctlError(`${source} is compressed with ${unsupported}, which import does not read: decompress it first`);
  const hasher = new Hasher();
  try {
    await pipeline([stream, ...(compression === 'gzip' ? [createGunzip()] : []), hasher, createWriteStream(path, { mode: 0o600 })]);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code?.startsWith('Z_')) throw new BoxctlError(`the gzip data of ${source} is corrupt or cut short`);
    throw new BoxctlError(`cannot copy ${source} into the store: ${err.message}`);
  }
  return { digest: hasher.digest(), size: hasher.size };
}

export async function importTarball(req: ImportRequest): Promise<ImageRecord> {
  const names = req.name === undefined ? [] : [storeName(parseReference(isShortName(req.name) ? `localhost/${req.name}` : req.name))];
  const store = new ImageStore(req.root);
  await store.sweepTmp();
  const dir = mkdtempSync(join(store.layout.tmp, `import-${process.pid}-`));
  try {
    const file = join(dir, 'layer.tar');
    const layer = await copyTarball(req.input, req.source, file);
    const label = names[0] ?? req.source;
    const config = Buffer.from(importConfig(layer.digest, req.created ?? new Date().toISOString(), req.message ?? IMPORT_COMMENT, req.config));
    const configDigest = digestOf(config);
    const layers = [{ diffId: layer.digest, file, digest: layer.digest, size: layer.size, compression: 'none' as const }];
    const manifest = Buffer.from(ociManifest({ digest: configDigest, size: config.length }, layers));
    const image: PlannedImage = {
      label,
      names,
      config: { bytes: config, digest: configDigest, parsed: parseImageConfig(config, label) },
      manifest: { bytes: manifest, digest: digestOf(manifest), mediaType: OCI_MANIFEST },
      layers,
    };
    const [record] = await commitImages(store, [image], { single: userIdMaps().single, ...(req.onEvent ? { onEvent: req.onEvent } : {}) });
    return record!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
