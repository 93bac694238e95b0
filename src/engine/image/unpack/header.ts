// What a tar header says about the file it describes, with the PAX records that
// tar-stream leaves to us: uid, gid, mtime and atime (precise or too large for the
// octal fields), extended attributes, and the GNU sparse markers.
import type { Header } from 'tar-stream';

/**
 * tar-stream's header as it really is: the type is null for typeflags it does not know
 * (GNU sparse 'S', volume headers), linkname null when absent, and the PAX records of
 * the entry are strings.
 */
export type TarHeader = Omit<Header, 'type' | 'linkname' | 'pax'> & {
  type: Header['type'] | null;
  linkname: string | null;
  pax?: Record<string, string> | null;
};

export interface EntryMeta {
  uid: number;
  gid: number;
  /** Permission bits with setuid, setgid and sticky (the file type is the header's type). */
  mode: number;
  /** Seconds since the epoch, with a fraction when PAX gives one. */
  mtime: number;
  atime: number;
}

function paxNumber(pax: Record<string, string> | null | undefined, key: string): number | undefined {
  const text = pax?.[key];
  if (text === undefined || !/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

function paxId(pax: Record<string, string> | null | undefined, key: string): number | undefined {
  const n = paxNumber(pax, key);
  return n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

export function entryMeta(h: TarHeader): EntryMeta {
  const mtime = paxNumber(h.pax, 'mtime') ?? h.mtime.getTime() / 1000;
  // containers/storage's rule: an access time before the modification time is not kept.
  const atime = Math.max(paxNumber(h.pax, 'atime') ?? mtime, mtime);
  return {
    uid: paxId(h.pax, 'uid') ?? h.uid,
    gid: paxId(h.pax, 'gid') ?? h.gid,
    mode: h.mode & 0o7777,
    mtime,
    atime,
  };
}

export interface Xattr {
  name: string;
  value: Buffer;
}

export interface EntryXattrs {
  xattrs: Xattr[];
  /** Names whose value tar-stream could not hand over byte for byte. */
  unreadable: string[];
}

const SCHILY = 'SCHILY.xattr.';
const LIBARCHIVE = 'LIBARCHIVE.xattr.';

/**
 * GNU tar and Go write SCHILY.xattr.NAME=VALUE with the raw bytes; tar-stream decodes
 * the record as UTF-8, which only round-trips when the bytes were valid UTF-8, so a
 * value holding U+FFFD is reported unreadable rather than written wrong. libarchive's
 * LIBARCHIVE.xattr.NAME (URL-encoded name, base64 value) is exact, and wins.
 */
export function entryXattrs(pax: Record<string, string> | null | undefined): EntryXattrs {
  const found = new Map<string, Buffer | undefined>();
  for (const [key, value] of Object.entries(pax ?? {})) {
    if (key.startsWith(SCHILY)) {
      const name = key.slice(SCHILY.length);
      if (!found.has(name)) found.set(name, value.includes('\uFFFD') ? undefined : Buffer.from(value, 'utf8'));
    }
  }
  for (const [key, value] of Object.entries(pax ?? {})) {
    if (key.startsWith(LIBARCHIVE)) {
      let name: string;
      try {
        name = decodeURIComponent(key.slice(LIBARCHIVE.length));
      } catch {
        continue;
      }
      found.set(name, Buffer.from(value, 'base64'));
    }
  }
  const xattrs: Xattr[] = [];
  const unreadable: string[] = [];
  for (const [name, value] of found) {
    if (name === '') continue;
    if (value === undefined) unreadable.push(name);
    else xattrs.push({ name, value });
  }
  return { xattrs, unreadable };
}

/** Overlay keeps its own bookkeeping in these; a layer says "opaque" with .wh..wh..opq. */
export function isOverlayXattr(name: string): boolean {
  return /^(trusted|user)\.overlay\./.test(name);
}

/** PAX-format GNU sparse files (0.x and 1.0): tar-stream hands over the packed data only. */
export function isSparse(h: TarHeader): boolean {
  return Object.keys(h.pax ?? {}).some((k) => k.startsWith('GNU.sparse.'));
}
