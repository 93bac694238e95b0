// Names inside an image archive, as pure functions. Nothing is ever written under an
// archive's own names (entries are spooled to numbered files), so these names are only
// keys: a name that climbs out of the archive with '..' is refused as a sign of a
// hostile archive, and a path that manifest.json or a symlink names is resolved
// lexically inside the archive, never on the disk.
import { BoxctlError } from '../../../errors.js';
import { digestProblem } from '../digest.js';

export class ArchiveRefused extends BoxctlError {}

function show(name: string): string {
  return JSON.stringify(name.length > 200 ? `${name.slice(0, 200)}...` : name);
}

/** 'a/./b/' -> 'a/b'; undefined where '..' climbs out of the root. '' is the root. */
function resolveParts(name: string, base: readonly string[] = []): string | undefined {
  const parts = [...base];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  return parts.join('/');
}

/** The key an entry of the outer archive is known by. */
export function entryKey(name: string): string {
  const key = resolveParts(name);
  if (key === undefined) throw new ArchiveRefused(`the archive has an entry ${show(name)} outside its root: refusing it`);
  return key;
}

/** A path that a file of the archive (manifest.json, index.json) names, from the root. */
export function referencedKey(name: string, where: string): string {
  const key = name.startsWith('/') ? undefined : resolveParts(name);
  if (key === undefined || key === '') throw new ArchiveRefused(`${where} names ${show(name)}, which is outside the archive: refusing it`);
  return key;
}

export type ArchiveNode = { kind: 'file' } | { kind: 'symlink'; target: string } | { kind: 'other'; type: string };

const MAX_LINKS = 16;

/**
 * The key of the regular file that `key` is, following symlinks inside the archive (the
 * legacy docker-archive layout links <id>/layer.tar to ../<digest>.tar).
 */
export function resolveFile(nodes: ReadonlyMap<string, ArchiveNode>, key: string, where: string): string {
  let current = key;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    const node = nodes.get(current);
    if (!node) throw new ArchiveRefused(`${where} names ${show(key)}, which the archive does not contain`);
    if (node.kind === 'file') return current;
    if (node.kind === 'other') throw new ArchiveRefused(`${where} names ${show(key)}, which is a ${node.type} in the archive, not a file`);
    const dir = current.split('/').slice(0, -1);
    const next = node.target.startsWith('/') ? undefined : resolveParts(node.target, dir);
    if (next === undefined) throw new ArchiveRefused(`${where} names ${show(key)}, a symlink that points outside the archive: refusing it`);
    current = next;
  }
  throw new ArchiveRefused(`${where} names ${show(key)}, a chain of more than ${MAX_LINKS} symlinks`);
}

/** The path of a blob in an OCI layout: blobs/<algorithm>/<hex>. */
export function blobKey(digest: string): string {
  const colon = digest.indexOf(':');
  return `blobs/${digest.slice(0, colon)}/${digest.slice(colon + 1)}`;
}

/**
 * The digest a file's name promises, if it follows a naming that promises one:
 * blobs/<alg>/<hex> (OCI layouts and Docker 25's archives) or <hex>.tar and <hex>.json
 * (containers/image's docker-archive).
 */
export function promisedDigest(key: string): string | undefined {
  const blob = /^blobs\/([a-z0-9]+)\/([^/]+)$/.exec(key);
  if (blob) {
    const digest = `${blob[1]}:${blob[2]}`;
    return digestProblem(digest) ? undefined : digest;
  }
  const flat = /^([0-9a-f]{64})\.(tar|json)$/.exec(key);
  return flat ? `sha256:${flat[1]}` : undefined;
}
