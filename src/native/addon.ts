// The typed surface of the N-API addon (native/addon). Loaded on first use, so
// commands that never need it pay nothing at start-up.
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { BoxctlError } from '../errors.js';
import { nativeBuildDir } from './location.js';

/**
 * Each call returns its result or throws an Error shaped like Node's fs errors:
 * `code` (the errno name), `errno`, `syscall`, and `path` when the call took one.
 */
export interface NativeAddon {
  /** The attribute's value, or null when the file has no such attribute. */
  lgetxattr(path: string, name: string): Buffer | null;
  /** Creates or replaces an attribute; a final symlink is not followed. */
  lsetxattr(path: string, name: string, value: Buffer): void;
  /** The names of a file's attributes; a final symlink is not followed. */
  llistxattr(path: string): string[];
  /** `mode` includes the file type (S_IFCHR, S_IFIFO, ...): char 0/0 is an overlay whiteout. */
  mknod(path: string, mode: number, major: number, minor: number): void;
  /** A nonblocking call on a lock held elsewhere throws code EAGAIN. */
  flock(fd: number, op: 'sh' | 'ex' | 'un', nonblocking: boolean): void;
}

let addon: NativeAddon | undefined;

export function native(): NativeAddon {
  if (addon) return addon;
  const path = join(nativeBuildDir(), 'Release', 'boxctl_native.node');
  try {
    addon = createRequire(import.meta.url)(path) as NativeAddon;
  } catch (e) {
    throw new BoxctlError(`cannot load the native addon ${path}: rebuild it with 'npm rebuild boxctl'`, { cause: e });
  }
  return addon;
}
