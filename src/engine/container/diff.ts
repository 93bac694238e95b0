// `boxctl diff`: what changed in a container's root file system against its image
// (fs/changes.ts), read from the upper dir inside a user namespace with the
// container's mapping; Podman's output, one `KIND PATH` line each, or its JSON.
import type { Change } from './fs/changes.js';
import { containerFs, startWorker } from './fs/session.js';
import type { Engine } from './lifecycle.js';
import type { ContainerRecord } from './record.js';

export async function diffContainer(e: Engine, record: ContainerRecord): Promise<Change[]> {
  const fs = containerFs(e, record);
  const worker = startWorker(fs, { op: 'diff', upper: fs.upper, layers: fs.layers, exclude: fs.mountPoints }, { stdin: 'ignore', stdout: 'ignore' }, () => undefined);
  const m = await worker.next();
  await worker.finished();
  return m.kind === 'changes' ? m.changes : [];
}

/** Podman's `diff --format json`. */
export function changesJson(changes: readonly Change[]): { changed?: string[]; added?: string[]; deleted?: string[] } {
  const of = (k: Change['kind']) => changes.filter((c) => c.kind === k).map((c) => c.path);
  const out: { changed?: string[]; added?: string[]; deleted?: string[] } = {};
  if (of('C').length > 0) out.changed = of('C');
  if (of('A').length > 0) out.added = of('A');
  if (of('D').length > 0) out.deleted = of('D');
  return out;
}
