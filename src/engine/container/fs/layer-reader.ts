// A layer dir (or a container's upper dir) read for diff and commit: paths resolved
// beneath it with no link followed (resolve.ts), whiteouts and opaque dirs told apart.
import { closeSync, openSync, readdirSync, type Stats } from 'node:fs';

import { native } from '../../../native/addon.js';
import type { LayerReader, NodeInfo } from './changes.js';
import { at, DIR_FLAGS, openResolvedDir, Tree } from './resolve.js';

export const OPAQUE_XATTR = 'user.overlay.opaque';

export function isWhiteout(st: Stats): boolean {
  return st.isCharacterDevice() && st.rdev === 0;
}

export class DirLayer implements LayerReader {
  readonly tree: Tree;

  constructor(readonly fd: number) {
    this.tree = new Tree(fd, 'beneath');
  }

  static open(path: string): DirLayer {
    return new DirLayer(openSync(path, DIR_FLAGS));
  }

  close(): void {
    closeSync(this.fd);
  }

  lstat(path: string): NodeInfo | undefined {
    let r;
    try {
      r = this.tree.resolve(path, false);
    } catch {
      return undefined;
    }
    try {
      const st = r.stat;
      if (!st) return undefined;
      if (st.isDirectory()) {
        const opaque = r.name !== '' && native().lgetxattr(at(r.dir, r.name), OPAQUE_XATTR)?.toString() === 'y';
        return { type: 'dir', mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, opaque };
      }
      const type = isWhiteout(st) ? 'whiteout' : st.isFile() ? 'file' : 'other';
      return { type, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
    } finally {
      r.close();
    }
  }

  list(path: string): string[] {
    let r;
    try {
      r = this.tree.resolve(path, false);
    } catch {
      return [];
    }
    try {
      if (!r.stat?.isDirectory()) return [];
      const fd = openResolvedDir(r);
      try {
        return readdirSync(at(fd)).sort();
      } finally {
        closeSync(fd);
      }
    } finally {
      r.close();
    }
  }
}
