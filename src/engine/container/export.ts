// `boxctl export`: a tar of the container's root file system as its storage holds it
// (image layers and the container's changes; no volumes or tmpfs mounts, as Podman
// exports it), mounted read-only by the fs worker. To a file through a temporary beside
// it, so a failed export leaves no half archive under the name asked for.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';

import { containerFs, startWorker, storageAccess } from './fs/session.js';
import type { Engine } from './lifecycle.js';
import type { ContainerRecord } from './record.js';

export async function exportContainer(e: Engine, record: ContainerRecord, out: { path: string } | { stream: NodeJS.WritableStream }, warn: (line: string) => void): Promise<void> {
  const fs = containerFs(e, record);
  const worker = startWorker(fs, { op: 'export', access: storageAccess(fs) }, { stdin: 'ignore', stdout: 'pipe' }, warn);
  if ('stream' in out) {
    const [w, p] = await Promise.allSettled([worker.finished(), pipeline(worker.stdout!, out.stream, { end: false })]);
    if (w.status === 'rejected') throw w.reason;
    if (p.status === 'rejected') throw p.reason;
    return;
  }
  const final = resolve(out.path);
  const tmp = join(dirname(final), `.${basename(final)}.${process.pid}.tmp`);
  try {
    const [w, p] = await Promise.allSettled([worker.finished(), pipeline(worker.stdout!, createWriteStream(tmp, { mode: 0o644 }))]);
    if (w.status === 'rejected') throw w.reason;
    if (p.status === 'rejected') throw p.reason;
    renameSync(tmp, final);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
