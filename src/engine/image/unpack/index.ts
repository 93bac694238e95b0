// Unpacking one layer blob into an empty directory, for the image store. The work is
// done by the worker (worker.ts, bundled as dist/unpack-worker.js) as root inside a user
// namespace with the user's mapping, so files get their subordinate owners. What a
// layer may contain and how hostile ones are refused: worker.ts, writer.ts, paths.ts.
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { BoxctlError } from '../../../errors.js';
import { singleIdMaps, spawnInUserns, userIdMaps } from '../../userns.js';
import type { Compression } from '../media-types.js';
import { DEFAULT_LIMITS, type UnpackLimits } from './limits.js';
import { parseReport, type WorkerRequest } from './protocol.js';
import { bundledScript } from '../../bundled-script.js';

export { DEFAULT_LIMITS, type UnpackLimits } from './limits.js';

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

export interface UnpackResult {
  /** sha256 of the uncompressed tar: the layer's diff id in the image config. */
  diffId: string;
  /** Bytes of the uncompressed tar. */
  size: number;
  /** What could not be reproduced exactly (device nodes, refused attributes...), one line each. */
  notes: string[];
}


export async function unpackLayer(req: UnpackRequest): Promise<UnpackResult> {
  const maps = req.single ? singleIdMaps() : userIdMaps();
  if (maps.single && !req.single) {
    throw new BoxctlError(`cannot unpack ${req.image} with subordinate owners: you have no ranges in /etc/subuid and /etc/subgid ('boxctl info' shows the fix)`);
  }
  const request: WorkerRequest = {
    target: resolve(req.target),
    compression: req.compression,
    image: req.image,
    single: req.single,
    limits: { ...DEFAULT_LIMITS, ...req.limits },
  };
  const blob = await open(req.blobPath, 'r');
  let stdout = '';
  let stderr = '';
  let status: number | null;
  try {
    const child = spawnInUserns([process.execPath, bundledScript('unpack-worker.js', 'the layer unpacker'), JSON.stringify(request)], { maps, stdio: [blob.fd, 'pipe', 'pipe'] });
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    status = await new Promise<number | null>((resolvePromise, reject) => {
      child.on('error', reject);
      child.on('close', resolvePromise);
    });
  } finally {
    await blob.close();
  }
  const report = parseReport(stdout);
  if (!report) {
    const detail = stderr.trim().split('\n').at(-1) || `exit status ${status}`;
    throw new BoxctlError(`cannot unpack a layer of ${req.image}: the unpack worker gave no answer: ${detail}`);
  }
  if (!report.ok) throw new BoxctlError(report.error);
  return { diffId: report.diffId, size: report.size, notes: report.notes };
}
