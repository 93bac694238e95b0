// Bytes per volume, for `system df` (disk-usage.ts counts them).
import { dirUsage } from '../disk-usage.js';
import { listVolumes } from './store.js';

/** Bytes used by each volume's data, by volume name. */
export async function volumeSizes(root: string): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const v of listVolumes(root)) sizes.set(v.name, await dirUsage(v.mountpoint));
  return sizes;
}
