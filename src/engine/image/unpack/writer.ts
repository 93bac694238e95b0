// Writes layer entries below one root directory, as root inside the user namespace.
// Nothing is ever written through a symlink: every parent of an entry is checked with
// lstat (a symlink planted by an earlier entry of the same layer is refused, not
// followed), files are created O_EXCL|O_NOFOLLOW, and the calls that take a path
// either do not follow a final symlink (lchown, lutimes, lsetxattr, link, symlink,
// mknod) or are only made on a directory this writer has just checked.
//
// The walks are cached per directory and the cache is dropped below anything an entry
// replaces. Entries are created optimistically (O_EXCL, or link/symlink/mknod, which
// never follow a final symlink): only when something is already there is it looked at
// and removed. Owner and mode calls that would change nothing on a new inode made by
// root are left out, which saves two of the six calls per file of a typical layer.
//
// Small new files may be handed to a thread of their own (file-sink.ts) while parsing
// goes on. Every path the layer makes other than a directory is remembered (#made):
// an entry at or below one of those paths, and every entry that is not a new file or
// directory, first waits until the thread has made everything queued, so each entry
// still meets the tree exactly as a one-at-a-time unpack would leave it. Only this process writes below the root; another process of the same user
// could race it, but that process has the same powers already (it can run
// `boxctl unshare`), so no privilege is at stake.
import { closeSync, constants, fchmodSync, fchownSync, futimesSync, lchownSync, linkSync, lstatSync, lutimesSync, mkdirSync, openSync, rmSync, symlinkSync, writeSync, chmodSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';

import { native } from '../../../native/addon.js';
import { entryXattrs, isOverlayXattr, type EntryMeta, type TarHeader } from './header.js';
import { FileSink, type FileOp } from './file-sink.js';
import { Notes } from './notes.js';
import { EntryRefused } from './paths.js';

/** The overlay opaque marker of a rootless (userxattr) mount; trusted.* needs host root. */
const OPAQUE_XATTR = 'user.overlay.opaque';

const REFUSED_XATTR_CODES = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP']);

/** setuid, setgid, sticky: creation cannot set them and chown clears the first two. */
const SPECIAL_BITS = 0o7000;
const S_ISGID = 0o2000;
/** A default ACL masks the mode of everything created below its directory. */
const DEFAULT_ACL_XATTR = 'system.posix_acl_default';

/** Files up to this size may be queued for the file thread; larger ones are mostly copying. */
const QUEUED_FILE_MAX = 1024 * 1024;

async function readAll(content: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(chunk);
  // A copy of its own even for one chunk: the parser's buffers are slices of larger ones.
  return Buffer.concat(chunks);
}

/** Without an exception for a missing path: building one captures a stack, a cost per entry. */
function lstatOrUndefined(path: string): Stats | undefined {
  return lstatSync(path, { throwIfNoEntry: false });
}

function errnoCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException).code;
}

function parentOf(rel: string): string {
  const slash = rel.lastIndexOf('/');
  return slash === -1 ? '' : rel.slice(0, slash);
}

export class LayerWriter {
  readonly notes = new Notes();
  /** Relative paths ('a/b') known to be real directories. */
  #dirs = new Set<string>();
  /** By relative path. Directory times are set last: every entry written into a directory changes its mtime. */
  #dirTimes = new Map<string, { atime: number; mtime: number }>();
  /** setgid directories of a group other than root, by relative path: what is created in them gets that group. */
  #setgidDirs = new Map<string, number>();
  /** Set once this layer gave a directory a default ACL: from then on every mode is set by chmod. */
  #defaultAcls = false;
  /** Relative paths of everything but directories this layer has made or queued. */
  #made = new Set<string>();
  #sink: FileSink | undefined;

  constructor(
    readonly root: string,
    /** Single-id mode: only the user's own id exists in the namespace, so owners are squashed to root. */
    readonly single: boolean,
    /** The worker's script, to start the file thread from; without it every entry is made here. */
    readonly sinkScript?: URL,
  ) {}

  /** Whether an entry at `parts` meets something made here: itself or a parent. */
  #touchesMade(parts: readonly string[]): boolean {
    if (this.#made.size === 0) return false;
    let rel = '';
    for (const part of parts) {
      rel = rel === '' ? part : `${rel}/${part}`;
      if (this.#made.has(rel)) return true;
    }
    return false;
  }

  /** Waits until the file thread has made everything queued. */
  async #settle(): Promise<void> {
    await this.#sink?.drain();
  }

  /** The real directory at `parts`, created (0755, owned by root) where missing. */
  #dir(parts: readonly string[]): string {
    // Told to create what is missing, the walk always ends at a directory.
    return this.#walk(parts, true) as string;
  }

  /** The real directory at `parts`; undefined where a part is missing and `create` is false. */
  #walk(parts: readonly string[], create: boolean): string | undefined {
    let rel = '';
    for (const part of parts) {
      rel = rel === '' ? part : `${rel}/${part}`;
      if (this.#dirs.has(rel)) continue;
      const path = join(this.root, rel);
      const st = lstatOrUndefined(path);
      if (!st) {
        if (!create) return undefined;
        mkdirSync(path, 0o755);
        const inherited = this.#setgidDirs.get(parentOf(rel));
        if (inherited !== undefined) this.#setgidDirs.set(rel, inherited);
      } else if (st.isSymbolicLink()) {
        throw new EntryRefused(`goes through '${rel}', which is a symlink in this layer`);
      } else if (!st.isDirectory()) {
        throw new EntryRefused(`goes through '${rel}', which is not a directory in this layer`);
      }
      this.#dirs.add(rel);
    }
    return rel === '' ? this.root : join(this.root, rel);
  }

  /** Makes room at `parts` for a new entry; an existing directory stays when a directory comes. */
  #clear(parts: readonly string[], keepDir: boolean): { path: string; existingDir: boolean } {
    this.#dir(parts.slice(0, -1));
    const rel = parts.join('/');
    const path = join(this.root, rel);
    const st = lstatOrUndefined(path);
    if (!st) return { path, existingDir: false };
    if (keepDir && st.isDirectory()) return { path, existingDir: true };
    // rm never follows symlinks, so this stays below `path`.
    rmSync(path, { recursive: true, force: true });
    const below = (known: string) => known === rel || known.startsWith(`${rel}/`);
    for (const known of [...this.#made]) if (below(known)) this.#made.delete(known);
    for (const known of [...this.#dirs]) if (below(known)) this.#dirs.delete(known);
    for (const known of [...this.#dirTimes.keys()]) if (below(known)) this.#dirTimes.delete(known);
    for (const known of [...this.#setgidDirs.keys()]) if (below(known)) this.#setgidDirs.delete(known);
    return { path, existingDir: false };
  }

  /**
   * Makes a new entry at `parts` with make(path), which fails with EEXIST where
   * something is in the way: that is then removed and make tried once more.
   */
  #create<T>(parts: readonly string[], make: (path: string) => T): { path: string; made: T } {
    const path = join(this.#dir(parts.slice(0, -1)), parts.at(-1)!);
    let made: T;
    try {
      made = make(path);
    } catch (e) {
      if (errnoCode(e) !== 'EEXIST') throw e;
      this.#clear(parts, false);
      made = make(path);
    }
    this.#made.add(parts.join('/'));
    return { path, made };
  }

  /** A new inode made by root already belongs to 0:0 unless a setgid parent gave it its group. */
  #ownedAsMade(parts: readonly string[], meta: EntryMeta): boolean {
    return meta.uid === 0 && meta.gid === 0 && !this.#setgidDirs.has(parts.slice(0, -1).join('/'));
  }

  /** The owner to give a new entry, or undefined where it has it already or cannot have it. */
  #ownerToSet(meta: EntryMeta, ownedAsMade: boolean): { uid: number; gid: number } | undefined {
    if (this.single) {
      if (meta.uid !== 0 || meta.gid !== 0) {
        this.notes.add('single-id mode (no subordinate ids): every owner squashed to root, i.e. to you');
      }
      return undefined;
    }
    return ownedAsMade ? undefined : { uid: meta.uid, gid: meta.gid };
  }

  /** The mode chmod must set after the owner, or undefined where creation gave it. */
  #modeToSet(meta: EntryMeta, modeAsMade: boolean): number | undefined {
    return modeAsMade && (meta.mode & SPECIAL_BITS) === 0 && !this.#defaultAcls ? undefined : meta.mode;
  }

  #own(path: string, fd: number | undefined, meta: EntryMeta, ownedAsMade: boolean): void {
    if (!this.#ownerToSet(meta, ownedAsMade)) return;
    try {
      if (fd === undefined) lchownSync(path, meta.uid, meta.gid);
      else fchownSync(fd, meta.uid, meta.gid);
    } catch (e) {
      if (errnoCode(e) !== 'EINVAL') throw e;
      throw new EntryRefused(
        `is owned by ${meta.uid}:${meta.gid}, which the user namespace does not map: the ranges in /etc/subuid and /etc/subgid are too small for this image`,
      );
    }
  }

  #xattrs(path: string, h: TarHeader, entry: string): void {
    const { xattrs, unreadable } = entryXattrs(h.pax);
    for (const name of unreadable) this.notes.add(`extended attribute ${name} skipped: its binary value does not survive tar-stream's PAX decoding`, entry);
    for (const { name, value } of xattrs) {
      if (name === DEFAULT_ACL_XATTR) this.#defaultAcls = true;
      if (isOverlayXattr(name)) {
        this.notes.add(`extended attribute ${name} dropped: overlay attributes are boxctl's own, layers use .wh. files`, entry);
        continue;
      }
      try {
        native().lsetxattr(path, name, value);
      } catch (e) {
        const code = errnoCode(e);
        if (!code || !REFUSED_XATTR_CODES.has(code)) throw e;
        this.notes.add(`extended attribute ${name} not set: the kernel refused it here (${code})`, entry);
      }
    }
  }

  /**
   * Owner, then mode (chown clears setuid and setgid), then attributes, then times.
   * `ownedAsMade`: a new inode that already has the owner; `modeAsMade`: created with the mode.
   */
  #finish(
    path: string,
    h: TarHeader,
    meta: EntryMeta,
    entry: string,
    kind: 'file' | 'dir' | 'symlink' | 'fifo',
    made: { fd?: number; ownedAsMade: boolean; modeAsMade?: boolean },
  ): void {
    const { fd } = made;
    this.#own(path, fd, meta, made.ownedAsMade);
    const mode = kind === 'symlink' ? undefined : this.#modeToSet(meta, made.modeAsMade === true);
    if (mode !== undefined) {
      if (fd === undefined) chmodSync(path, mode);
      else fchmodSync(fd, mode);
    }
    this.#xattrs(path, h, entry);
    if (kind === 'dir') this.#dirTimes.set(relative(this.root, path), { atime: meta.atime, mtime: meta.mtime });
    else if (fd !== undefined) futimesSync(fd, meta.atime, meta.mtime);
    else lutimesSync(path, meta.atime, meta.mtime);
  }

  async directory(parts: readonly string[], h: TarHeader, meta: EntryMeta, entry: string): Promise<void> {
    if (this.#touchesMade(parts)) await this.#settle();
    const { path, existingDir } = this.#clear(parts, true);
    const ownedAsMade = !existingDir && this.#ownedAsMade(parts, meta);
    if (!existingDir) mkdirSync(path, 0o700);
    const rel = parts.join('/');
    this.#dirs.add(rel);
    this.#finish(path, h, meta, entry, 'dir', { ownedAsMade });
    if ((meta.mode & S_ISGID) !== 0 && meta.gid !== 0 && !this.single) this.#setgidDirs.set(rel, meta.gid);
    else this.#setgidDirs.delete(rel);
  }

  async file(parts: readonly string[], h: TarHeader, meta: EntryMeta, entry: string, content: AsyncIterable<Buffer>): Promise<void> {
    // The umask is 0, so the mode is the entry's unless a default ACL masks it (then chmod sets it).
    const mode = meta.mode & 0o777;
    const { xattrs, unreadable } = entryXattrs(h.pax);
    if (this.sinkScript && h.size <= QUEUED_FILE_MAX && xattrs.length + unreadable.length === 0 && !this.#touchesMade(parts) && !this.#dirs.has(parts.join('/'))) {
      return this.#queueFile(parts, meta, entry, content, mode);
    }
    await this.#settle();
    const { path, made: fd } = this.#create(parts, (p) => openSync(p, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode));
    try {
      for await (const chunk of content) {
        for (let off = 0; off < chunk.length; ) off += writeSync(fd, chunk, off);
      }
      this.#finish(path, h, meta, entry, 'file', { fd, ownedAsMade: this.#ownedAsMade(parts, meta), modeAsMade: true });
    } finally {
      closeSync(fd);
    }
  }

  /** A new file at a path nothing of the layer has touched, in a directory checked here: made by the thread. */
  async #queueFile(parts: readonly string[], meta: EntryMeta, entry: string, content: AsyncIterable<Buffer>, mode: number): Promise<void> {
    const path = join(this.#dir(parts.slice(0, -1)), parts.at(-1)!);
    const data = await readAll(content);
    this.#made.add(parts.join('/'));
    const owner = this.#ownerToSet(meta, this.#ownedAsMade(parts, meta));
    const chmod = this.#modeToSet(meta, true);
    const op: FileOp = { path, data, createMode: mode, atime: meta.atime, mtime: meta.mtime, entry };
    if (owner) op.owner = owner;
    if (chmod !== undefined) op.chmod = chmod;
    this.#sink ??= new FileSink(this.sinkScript!);
    await this.#sink.add(op);
  }

  async symlink(parts: readonly string[], target: string, h: TarHeader, meta: EntryMeta, entry: string): Promise<void> {
    await this.#settle();
    const { path } = this.#create(parts, (p) => symlinkSync(target, p));
    this.#finish(path, h, meta, entry, 'symlink', { ownedAsMade: this.#ownedAsMade(parts, meta) });
  }

  /** The link shares its inode, and so the owner, mode and times of the earlier entry. */
  async hardlink(parts: readonly string[], targetParts: readonly string[]): Promise<void> {
    await this.#settle();
    const name = targetParts.join('/');
    if (parts.join('/') === name) throw new EntryRefused('is a hard link to itself');
    const dir = this.#walk(targetParts.slice(0, -1), false);
    const target = dir === undefined ? undefined : join(dir, targetParts.at(-1)!);
    const st = target === undefined ? undefined : lstatOrUndefined(target);
    if (target === undefined || st === undefined) throw new EntryRefused(`is a hard link to '${name}', which this layer does not contain`);
    if (st.isDirectory()) throw new EntryRefused(`is a hard link to the directory '${name}'`);
    this.#create(parts, (p) => linkSync(target, p));
  }

  async fifo(parts: readonly string[], h: TarHeader, meta: EntryMeta, entry: string): Promise<void> {
    await this.#settle();
    const { path } = this.#create(parts, (p) => native().mknod(p, constants.S_IFIFO | 0o600, 0, 0));
    this.#finish(path, h, meta, entry, 'fifo', { ownedAsMade: this.#ownedAsMade(parts, meta) });
  }

  /**
   * An overlay whiteout: a character device 0/0 (which the kernel lets anyone create).
   * Something this layer already wrote there wins: the OCI spec applies whiteouts to
   * lower layers only.
   */
  async whiteout(parts: readonly string[]): Promise<void> {
    await this.#settle();
    const path = join(this.#dir(parts.slice(0, -1)), parts.at(-1)!);
    if (lstatOrUndefined(path)) return;
    native().mknod(path, constants.S_IFCHR, 0, 0);
    this.#made.add(parts.join('/'));
  }

  /**
   * An opaque directory hides everything below it in lower layers. Rootless overlay
   * (userxattr) reads only user.overlay.*; trusted.overlay.* needs CAP_SYS_ADMIN on the
   * host, so it is neither possible nor useful here.
   */
  async opaque(dir: readonly string[]): Promise<void> {
    await this.#settle();
    native().lsetxattr(this.#dir(dir), OPAQUE_XATTR, Buffer.from('y'));
  }

  /** Waits for the file thread, then sets the directory times held back while entries were written into them. */
  async close(): Promise<void> {
    await this.#settle();
    await this.#sink?.close();
    for (const [rel, t] of this.#dirTimes) lutimesSync(join(this.root, rel), t.atime, t.mtime);
  }

  /** After a failure: stops the file thread, whatever it had left to do. */
  async abort(): Promise<void> {
    await this.#sink?.close();
  }
}
