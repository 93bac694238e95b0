// `boxctl system prune`: what Podman's SystemPrune removes for a user without pods or
// networks: containers that are not running, then (with volumes) every volume no
// container mounts, then dangling images (with all, every image) that no remaining
// container was created from. Each part reports what went and the bytes it held.
import { dirUsage } from '../disk-usage.js';
import { engineAt, remove, view } from '../container/lifecycle.js';
import { imagesInUse } from '../container/store.js';
import { removeImages } from '../image/images.js';
import { ImageStore } from '../image/store/store.js';
import { volumeSizes } from '../volume/size.js';
import { pruneCandidates, pruneVolumes } from '../volume/store.js';

export interface PruneOptions {
  /** Every image no container uses, not only dangling ones. */
  all: boolean;
  volumes: boolean;
}

export interface PruneReport {
  containers: string[];
  volumes: string[];
  /** Image ids without "sha256:". */
  images: string[];
  /** One line per thing that could not be removed; the rest went on. */
  errors: string[];
  reclaimed: number;
}

/** Pure: the images a prune removes, given the ids containers still use. */
export function imagesToPrune(images: readonly { id: string; names: readonly string[] }[], inUse: ReadonlyMap<string, readonly string[]>, all: boolean): string[] {
  return images.filter((i) => (all || i.names.length === 0) && !inUse.get(i.id)?.length).map((i) => i.id);
}

export async function systemPrune(root: string, runroot: string, opts: PruneOptions): Promise<PruneReport> {
  const report: PruneReport = { containers: [], volumes: [], images: [], errors: [], reclaimed: 0 };
  const e = engineAt(root, runroot);
  for (const record of e.store.list()) {
    const status = view(e, record).status;
    if (status !== 'exited' && status !== 'created') continue;
    try {
      const size = await dirUsage(e.store.paths(record.id).upper);
      await remove(e, record, { force: false });
      report.containers.push(record.id);
      report.reclaimed += size;
    } catch (err) {
      report.errors.push(`cannot remove container ${record.name}: ${(err as Error).message}`);
    }
  }

  if (opts.volumes) {
    const candidates = pruneCandidates(root, []);
    if (candidates.length > 0) {
      const sizes = await volumeSizes(root);
      const removed = await pruneVolumes(root, [], new Set(candidates.map((v) => v.name)));
      report.volumes.push(...removed);
      report.reclaimed += removed.reduce((n, name) => n + (sizes.get(name) ?? 0), 0);
    }
  }

  // removeImages checks the users again under the image lock, against a create that came since.
  const inUse = imagesInUse(root);
  const index = new ImageStore(root).readIndex();
  const doomed = imagesToPrune(index.images, inUse, opts.all);
  if (doomed.length > 0) {
    try {
      const { deleted } = await removeImages(root, doomed, true, inUse);
      report.images.push(...deleted.map((id) => id.replace(/^sha256:/, '')));
      report.reclaimed += index.images.filter((i) => deleted.includes(i.id)).reduce((n, i) => n + i.size, 0);
    } catch (err) {
      report.errors.push(`cannot remove images: ${(err as Error).message}`);
    }
  }
  return report;
}
