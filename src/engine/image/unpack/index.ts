// Unpacking layers into empty directories, for the image store. The work is done by
// the worker (worker.ts, bundled as dist/unpack-worker.js) as root inside a user
// namespace with the user's mapping, so files get their subordinate owners; a pull
// streams its layers into one worker (session.ts), unpackLayer here takes one blob
// file. What a layer may contain and how hostile ones are refused: worker.ts,
// writer.ts, paths.ts.
import { createReadStream } from 'node:fs';

import type { Compression } from '../media-types.js';
import type { UnpackLimits } from './limits.js';
import { UnpackSession, type UnpackResult } from './session.js';

export { DEFAULT_LIMITS, type UnpackLimits } from './limits.js';
export { UnpackSession, type LayerJob, type UnpackResult } from './session.js';

export interface UnpackRequest {
  blobPath: string;
  compression: Compression;
  /** An empty directory. On failure its contents are undefined: discard it with removeInUserns. */
  target: string;
  /** The image the layer belongs to, for messages. */
  image: string;
  /** Single-id mode (no subordinate ids): every owner becomes root, i.e. the user. */
  single: boolean;
  limits?: Partial<UnpackLimits>;
}

export async function unpackLayer(req: UnpackRequest): Promise<UnpackResult> {
  const session = UnpackSession.start({ single: req.single, slots: 1, image: req.image });
  try {
    const job = { target: req.target, compression: req.compression, image: req.image, limits: req.limits };
    return await session.unpack(job, createReadStream(req.blobPath, { highWaterMark: 256 * 1024 }));
  } finally {
    await session.close();
  }
}
