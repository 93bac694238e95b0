// `boxctl load`: a docker-archive or oci-archive (gzip or not, from a file or a pipe)
// into the store. Read whole into tmp/ (spool.ts), checked whole (plan.ts), and only
// then committed (commit.ts): a lying or hostile archive is refused with one line and
// the store keeps its records and layers as they were.
import type { Readable } from 'node:stream';

import { userIdMaps } from '../../userns.js';
import { ImageStore } from '../store/store.js';
import { commitImages, type CommitEvent } from './commit.js';
import { planArchive } from './plan.js';
import { Spool } from './spool.js';

export interface LoadRequest {
  root: string;
  input: Readable;
  onEvent?: (e: CommitEvent) => void;
}

export interface LoadedImage {
  id: string;
  names: string[];
}

export async function loadArchive(req: LoadRequest): Promise<LoadedImage[]> {
  const store = new ImageStore(req.root);
  await store.sweepTmp();
  const spool = Spool.create(store.layout.tmp);
  try {
    await spool.fill(req.input);
    const images = planArchive(spool);
    const records = await commitImages(store, images, { single: userIdMaps().single, ...(req.onEvent ? { onEvent: req.onEvent } : {}) });
    return records.map((r) => ({ id: r.id, names: r.names }));
  } finally {
    spool.remove();
  }
}
