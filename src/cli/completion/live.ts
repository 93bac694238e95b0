// The names `boxctl __complete KIND` prints for the shell scripts, read straight from
// the stores: no locks, nothing created, and nothing printed where a store is missing.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { containersDir } from '../../engine/container/layout.js';
import { readRecord } from '../../engine/container/store.js';
import { listImages } from '../../engine/image/images.js';
import { listVolumes } from '../../engine/volume/store.js';

export const LIVE_KINDS = ['containers', 'images', 'volumes'] as const;
export type LiveKind = (typeof LIVE_KINDS)[number];

function containerNames(root: string): string[] {
  let ids: string[];
  try {
    ids = readdirSync(containersDir(root)).filter((n) => /^[0-9a-f]{64}$/.test(n));
  } catch {
    return [];
  }
  return ids.flatMap((id) => readRecord(join(containersDir(root), id, 'container.json'))?.name ?? []);
}

export function liveNames(kind: LiveKind, root: string): string[] {
  // The image store makes its directories when opened: a missing root stays missing.
  if (!existsSync(root)) return [];
  switch (kind) {
    case 'containers':
      return containerNames(root).sort();
    case 'images':
      return [...new Set(listImages(root).flatMap((r) => r.names))].sort();
    case 'volumes':
      return listVolumes(root).map((v) => v.name);
  }
}
