// `boxctl commit`: a new image from a container's changes. The fs worker writes the
// upper dir as one OCI layer (fs/layer-tar.ts: whiteouts back to `.wh.` entries), kept
// uncompressed so its digest is its diff id; the config is the image's with the
// container's settings and the --change instructions (fs/commit-config.ts); and the
// image goes into the store the way `import` and `load` put theirs (archive/commit.ts):
// the layer unpacked inside the user namespace, the base layers found present, the
// record written last.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

import { NotFoundError } from '../../errors.js';
import { commitImages, type CommitEvent } from '../image/archive/commit.js';
import { Hasher } from '../image/archive/hasher.js';
import { storedImages } from '../image/archive/layer-blobs.js';
import { ociManifest } from '../image/archive/oci-layout.js';
import type { PlannedImage, PlannedLayer } from '../image/archive/plan.js';
import { digestOf } from '../image/digest.js';
import { parseImageConfig } from '../image/manifest.js';
import { OCI_MANIFEST } from '../image/media-types.js';
import { isShortName, parseReference } from '../image/reference.js';
import { findImageById, storeName, type ImageRecord } from '../image/store/records.js';
import { ImageStore } from '../image/store/store.js';
import { userIdMaps } from '../userns.js';
import { commitConfig, parseChange, type RawConfig } from './fs/commit-config.js';
import { containerFs, startWorker } from './fs/session.js';
import type { Engine } from './lifecycle.js';
import type { ContainerRecord } from './record.js';

export interface CommitRequest {
  /** The new image's name; short names go to localhost/, as Podman does. */
  name?: string;
  changes: readonly string[];
  message?: string;
  author?: string;
  onEvent?: (e: CommitEvent) => void;
  warn(line: string): void;
}

export async function commitContainer(e: Engine, record: ContainerRecord, req: CommitRequest): Promise<ImageRecord> {
  const changes = req.changes.map(parseChange);
  const names = req.name === undefined ? [] : [storeName(parseReference(isShortName(req.name) ? `localhost/${req.name}` : req.name))];
  const store = new ImageStore(e.root);
  const base = findImageById(store.readIndex(), record.imageId);
  if (!base) throw new NotFoundError(`the image of container ${record.name} (${record.imageId}) is no longer in the store: pull ${record.imageName} again`);
  const [stored] = await storedImages(store, [base]);
  await store.sweepTmp();
  const fs = containerFs(e, record);
  const dir = mkdtempSync(join(store.layout.tmp, `commit-${process.pid}-`));
  try {
    const file = join(dir, 'layer.tar');
    const hasher = new Hasher();
    const worker = startWorker(fs, { op: 'layer', upper: fs.upper, layers: fs.layers, exclude: fs.mountPoints }, { stdin: 'ignore', stdout: 'pipe' }, req.warn);
    const [w, p] = await Promise.allSettled([worker.finished(), pipeline(worker.stdout!, hasher, createWriteStream(file, { mode: 0o600 }))]);
    if (w.status === 'rejected') throw w.reason;
    if (p.status === 'rejected') throw p.reason;
    const diffId = hasher.digest();
    const created = new Date().toISOString();
    const config = commitConfig({
      base: JSON.parse(stored!.config.toString('utf8')) as RawConfig,
      container: {
        env: record.env,
        labels: record.labels,
        ...(record.entrypoint ? { entrypoint: record.entrypoint } : {}),
        ...(record.cmd ? { cmd: record.cmd } : {}),
        ...(record.workdir ? { workdir: record.workdir } : {}),
        ...(record.user !== undefined ? { user: record.user } : {}),
      },
      changes,
      diffId,
      created,
      createdBy: record.command.join(' '),
      ...(req.message !== undefined ? { message: req.message } : {}),
      ...(req.author !== undefined ? { author: req.author } : {}),
    });
    const configBytes = Buffer.from(JSON.stringify(config));
    const configDigest = digestOf(configBytes);
    const label = names[0] ?? record.name;
    const layers: PlannedLayer[] = [
      ...stored!.layers.map((l) => ({ diffId: l.diffId, file: l.path, digest: l.digest, size: l.size, compression: l.compression })),
      { diffId, file, digest: diffId, size: hasher.size, compression: 'none' },
    ];
    const manifest = Buffer.from(ociManifest({ digest: configDigest, size: configBytes.length }, layers));
    const image: PlannedImage = {
      label,
      names,
      config: { bytes: configBytes, digest: configDigest, parsed: parseImageConfig(configBytes, label) },
      manifest: { bytes: manifest, digest: digestOf(manifest), mediaType: OCI_MANIFEST },
      layers,
    };
    const [committed] = await commitImages(store, [image], { single: userIdMaps().single, ...(req.onEvent ? { onEvent: req.onEvent } : {}) });
    return committed!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
