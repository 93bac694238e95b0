// What `generate kube` needs to know about a container beyond its record, read from
// the stores: the image's config and a name for it, the facts only the container's
// OCI spec keeps (resolved user, read-only root, seccomp, keep-id, init), which
// host paths are directories, and which volumes are anonymous.
import { readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';

import { ociArch } from '../host/platform.js';
import { lookupLocal } from '../image/images.js';
import { parseImageConfig } from '../image/manifest.js';
import { findImageById } from '../image/store/records.js';
import { ImageStore } from '../image/store/store.js';
import type { ContainerRecord } from '../container/record.js';
import { ContainerStore } from '../container/store.js';
import { seccompFor } from '../spec/seccomp-default.js';
import type { Spec as RuntimeSpec } from '../spec/oci.js';
import { listVolumes } from '../volume/store.js';
import type { GenerateHost, GenerateSource, SpecFacts } from './generate.js';
import type { Finding, HostPathType } from './objects.js';

/** Where create.ts binds boxctl's init; a process starting there runs under --init. */
const INIT_PATH = '/run/boxctl-init';

function specFacts(spec: RuntimeSpec): SpecFacts {
  const own = userInfo().uid;
  const seccomp = spec.linux?.seccomp;
  const bounding = spec.process.capabilities?.bounding ?? [];
  const isDefault = seccomp !== undefined && JSON.stringify(seccomp) === JSON.stringify(seccompFor(bounding, ociArch(process.arch)));
  return {
    uid: spec.process.user.uid,
    gid: spec.process.user.gid,
    readOnlyRoot: spec.root?.readonly ?? false,
    noNewPrivileges: spec.process.noNewPrivileges ?? false,
    seccomp: seccomp === undefined ? 'unconfined' : isDefault ? 'default' : 'custom',
    keepId: own !== 0 && (spec.linux?.uidMappings ?? []).some((m) => m.containerID === own && m.hostID === own),
    init: spec.process.args?.[0] === INIT_PATH,
  };
}

/** The name the Pod gives the image: the one the container was made with while it still names that image. */
function imageName(store: ImageStore, record: ContainerRecord, notes: Finding[]): string {
  const index = store.readIndex();
  let match: ReturnType<typeof lookupLocal> | undefined;
  try {
    match = lookupLocal(index, record.imageName);
  } catch {
    match = undefined;
  }
  const image = findImageById(index, record.imageId);
  if (match?.image.id === record.imageId) return match.name ?? image?.names[0] ?? record.imageName;
  const other = image?.names[0];
  const note = (message: string) => notes.push({ object: record.name, path: '', message });
  if (other) {
    note(`${record.imageName} now names another image: the Pod names the container's own image ${other}`);
    return other;
  }
  note(`the container's image has no name left in the store: the Pod names it ${record.imageName}, which may now be another image`);
  return record.imageName;
}

export function generateSource(root: string, runroot: string, record: ContainerRecord, notes: Finding[]): GenerateSource {
  const images = new ImageStore(root);
  const spec = JSON.parse(readFileSync(new ContainerStore(root, runroot).paths(record.id).config, 'utf8')) as RuntimeSpec;
  return {
    record,
    image: imageName(images, record, notes),
    imageConfig: parseImageConfig(images.readBlob(record.imageId), record.imageName).config,
    spec: specFacts(spec),
  };
}

function hostPathType(path: string): HostPathType {
  try {
    return statSync(path).isDirectory() ? 'Directory' : 'File';
  } catch {
    return 'DirectoryOrCreate';
  }
}

export function generateHost(root: string): GenerateHost {
  return {
    hostPathType,
    anonymousVolumes: new Set(listVolumes(root).filter((v) => v.anonymous).map((v) => v.name)),
    now: new Date(),
  };
}
