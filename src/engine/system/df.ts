// What `boxctl system df` reports, as Podman's SystemDfReport: each image with the
// containers that use it and the bytes it shares with other images, each container
// with the size of its own changes (its upper dir), each volume with its size and the
// running containers that mount it.
import { readFileSync } from 'node:fs';

import { dirUsage } from '../disk-usage.js';
import { engineAt, view } from '../container/lifecycle.js';
import type { ContainerStatus } from '../container/record.js';
import { repoTag, type ImageRecord } from '../image/store/records.js';
import { ImageStore } from '../image/store/store.js';
import { volumeSizes } from '../volume/size.js';
import { listVolumes } from '../volume/store.js';

export interface DfImage {
  id: string;
  repository: string;
  tag: string;
  created?: string;
  size: number;
  /** Bytes of layers that other images use too. */
  sharedSize: number;
  uniqueSize: number;
  /** Containers of any state created from it. */
  containers: number;
}

export interface DfContainer {
  id: string;
  imageId: string;
  command: string[];
  /** Volumes it mounts. */
  localVolumes: number;
  rwSize: number;
  created: string;
  status: ContainerStatus;
  name: string;
}

export interface DfVolume {
  name: string;
  /** Running containers that mount it. */
  links: number;
  size: number;
  /** Its size when no container at all mounts it, else 0. */
  reclaimable: number;
}

export interface DfReport {
  images: DfImage[];
  containers: DfContainer[];
  volumes: DfVolume[];
}

/** Compressed sizes of an image's layers by diff id, from its manifest; empty where that is unreadable. */
function layerSizes(store: ImageStore, image: ImageRecord): Map<string, number> {
  const sizes = new Map<string, number>();
  try {
    const manifest = JSON.parse(readFileSync(store.blobPath(image.manifestDigest), 'utf8')) as { layers?: { size?: number }[] };
    image.layers.forEach((diffId, i) => sizes.set(diffId, Number(manifest.layers?.[i]?.size ?? 0)));
  } catch {
    // An image without its manifest (an older store) shares nothing we can measure.
  }
  return sizes;
}

/** Pure: shared bytes per image, from each image's layer sizes and how many images hold each layer. */
export function sharedSizes(images: readonly { id: string; layers: ReadonlyMap<string, number> }[]): Map<string, number> {
  const holders = new Map<string, number>();
  for (const i of images) for (const l of i.layers.keys()) holders.set(l, (holders.get(l) ?? 0) + 1);
  return new Map(images.map((i) => [i.id, [...i.layers].reduce((n, [l, size]) => n + ((holders.get(l) ?? 0) > 1 ? size : 0), 0)]));
}

export async function systemDf(root: string, runroot: string): Promise<DfReport> {
  const e = engineAt(root, runroot);
  const views = e.store.list().map((r) => view(e, r));
  const store = new ImageStore(root);
  const index = store.readIndex();
  const shared = sharedSizes(index.images.map((i) => ({ id: i.id, layers: layerSizes(store, i) })));
  const images = index.images.map((i): DfImage => {
    const name = i.names[0];
    const sharedSize = Math.min(shared.get(i.id) ?? 0, i.size);
    return {
      id: i.id,
      ...(name ? repoTag(name) : { repository: '<none>', tag: '<none>' }),
      ...(i.created ? { created: i.created } : {}),
      size: i.size,
      sharedSize,
      uniqueSize: i.size - sharedSize,
      containers: views.filter((v) => v.record.imageId === i.id).length,
    };
  });
  const containers: DfContainer[] = [];
  for (const v of views) {
    const r = v.record;
    containers.push({
      id: r.id,
      imageId: r.imageId,
      command: r.command,
      localVolumes: r.mounts.filter((m) => m.type === 'volume').length,
      rwSize: await dirUsage(e.store.paths(r.id).upper),
      created: r.created,
      status: v.status,
      name: r.name,
    });
  }
  const sizes = await volumeSizes(root);
  const volumes = listVolumes(root).map((vol): DfVolume => {
    const users = views.filter((v) => v.record.mounts.some((m) => m.type === 'volume' && m.source === vol.name));
    const size = sizes.get(vol.name) ?? 0;
    return { name: vol.name, links: users.filter((v) => v.status === 'running' || v.status === 'paused').length, size, reclaimable: users.length === 0 ? size : 0 };
  });
  return { images, containers, volumes };
}
