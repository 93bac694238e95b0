// Paths inside a tree that may be hostile, resolved one component at a time from an
// open directory, never by handing the kernel a whole path: every step is
// `/proc/self/fd/DIR/NAME` (what openat(DIR, NAME) would be; Node has no openat), every
// directory is opened with O_NOFOLLOW, and symbolic links are read and resolved here.
// In 'chroot' mode a link is followed as it would be inside a chroot at the tree's
// root (an absolute target and any `..` stop at the root); in 'beneath' mode any link
// or `..` is refused. A link swapped in between a check and an open makes the open fail
// (ELOOP), never follow it.
import { closeSync, constants as C, fstatSync, lstatSync, openSync, readlinkSync, type Stats } from 'node:fs';

export const DIR_FLAGS = C.O_RDONLY | C.O_DIRECTORY | C.O_NOFOLLOW;
const MAX_LINKS = 40;

/** The path of NAME in the directory open as fd DIR; '' is the directory itself. */
export function at(dir: number, name = ''): string {
  return name === '' ? `/proc/self/fd/${dir}` : `/proc/self/fd/${dir}/${name}`;
}

/** Opens the resolved object as a directory; the root itself through its own fd. */
export function openResolvedDir(r: { dir: number; name: string }): number {
  // O_NOFOLLOW would refuse /proc/self/fd/N itself, a magic link to the directory we hold.
  return r.name === '' ? openSync(at(r.dir), C.O_RDONLY | C.O_DIRECTORY) : openSync(at(r.dir, r.name), DIR_FLAGS);
}

export class PathError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export function splitPath(path: string): string[] {
  return path.split('/').filter((c) => c !== '' && c !== '.');
}

export interface Resolved {
  /** The directory that holds the object, open; the tree's root fd when at the top. */
  dir: number;
  /** The object's name in dir; '' when the path is the root itself. */
  name: string;
  /** The path inside the tree with every link resolved: '/a/b'. */
  path: string;
  /** Undefined when the last component does not exist. */
  stat: Stats | undefined;
  close(): void;
}

export type ResolveMode = 'chroot' | 'beneath';

export class Tree {
  constructor(
    readonly root: number,
    readonly mode: ResolveMode,
  ) {}

  /** Resolves `path`; its last component is followed if it is a link only when followLast. */
  resolve(path: string, followLast: boolean): Resolved {
    const stack: { fd: number; name: string }[] = [];
    const top = (): number => stack.at(-1)?.fd ?? this.root;
    const closeAll = (): void => {
      for (const d of stack.splice(0)) closeSync(d.fd);
    };
    const done = (dir: number, name: string, stat: Stats | undefined): Resolved => ({
      dir,
      name,
      stat,
      path: `/${[...stack.map((d) => d.name), ...(name ? [name] : [])].join('/')}`,
      close: closeAll,
    });
    let pending = splitPath(path);
    let links = 0;
    try {
      while (pending.length > 0) {
        const c = pending.shift()!;
        if (c === '..') {
          if (this.mode === 'beneath') throw new PathError(`${path} climbs out with '..'`, 'EACCES');
          const d = stack.pop();
          if (d) closeSync(d.fd);
          continue;
        }
        const last = pending.length === 0;
        const p = at(top(), c);
        let st: Stats;
        try {
          st = lstatSync(p);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT' && last) return done(top(), c, undefined);
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new PathError(`${path}: no such file or directory`, 'ENOENT');
          throw e;
        }
        if (st.isSymbolicLink() && (!last || followLast)) {
          if (this.mode === 'beneath') throw new PathError(`${path} goes through the symbolic link ${c}, which is not followed here`, 'ELOOP');
          if (++links > MAX_LINKS) throw new PathError(`${path}: too many levels of symbolic links`, 'ELOOP');
          const target = readlinkSync(p);
          if (target.startsWith('/')) closeAll();
          pending = [...splitPath(target), ...pending];
          continue;
        }
        if (last) return done(top(), c, st);
        if (!st.isDirectory()) throw new PathError(`${path}: ${c} is not a directory`, 'ENOTDIR');
        stack.push({ fd: openSync(p, DIR_FLAGS), name: c });
      }
      // The path ended on a directory already open (or the root): report it from its parent.
      const d = stack.pop();
      if (!d) return done(this.root, '', fstatSync(this.root));
      const st = fstatSync(d.fd);
      closeSync(d.fd);
      return done(top(), d.name, st);
    } catch (e) {
      closeAll();
      throw e;
    }
  }
}
