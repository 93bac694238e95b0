// Where a layer entry may go: pure checks on tar names, before anything touches the disk.
// Names are resolved lexically against the layer root, as Docker does: a leading '/' is
// dropped, '.' and empty parts vanish, '..' removes the part before it, and a '..' with
// nothing before it is refused, since it could only mean a path outside the layer.
// Whether a part of the path is a symlink is the writer's question (it asks lstat).

/** An entry a layer must not contain; the caller adds the image and the entry name. */
export class EntryRefused extends Error {}

/** The parts of a path below the layer root; [] is the root itself. */
export function entryParts(name: string): string[] {
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) throw new EntryRefused("climbs out of the layer root with '..'");
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  return parts;
}

/** The file a hard link names: inside the layer, and never the root. */
export function hardlinkParts(linkname: string): string[] {
  const parts = entryParts(linkname);
  if (parts.length === 0) throw new EntryRefused('is a hard link to the layer root');
  return parts;
}

const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';
/** AUFS bookkeeping (.wh..wh.plnk, .wh..wh.aufs): no meaning outside AUFS, skipped as Docker does. */
const WHITEOUT_META_PREFIX = '.wh..wh.';

export type Whiteout =
  | { kind: 'opaque'; dir: string[] }
  | { kind: 'whiteout'; parts: string[] }
  | { kind: 'meta' };

/** The OCI whiteout an entry stands for, or undefined for an ordinary entry. */
export function whiteoutOf(parts: readonly string[]): Whiteout | undefined {
  const base = parts.at(-1);
  if (base === undefined || !base.startsWith(WHITEOUT_PREFIX)) return undefined;
  const dir = parts.slice(0, -1);
  if (base === OPAQUE_MARKER) return { kind: 'opaque', dir };
  if (base.startsWith(WHITEOUT_META_PREFIX)) return { kind: 'meta' };
  const name = base.slice(WHITEOUT_PREFIX.length);
  if (name === '' || name === '.' || name === '..') throw new EntryRefused(`is a whiteout of '${name}', which names no file`);
  return { kind: 'whiteout', parts: [...dir, name] };
}

/** A tar name quoted for a one-line message: control characters cannot break the line. */
export function quoteName(name: string): string {
  return JSON.stringify(name.length > 200 ? `${name.slice(0, 200)}...` : name);
}
