// Entries of the outer archive that `save` writes. Every time is the epoch and every
// owner root, as containers/image writes its archives: saving the same image twice
// gives the same bytes.
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pack } from 'tar-stream';

import { BoxctlError } from '../../../errors.js';
import { Hasher } from './hasher.js';

const EPOCH = new Date(0);

export class TarOut {
  constructor(
    readonly pack: Pack,
    /** Permission bits of files: podman writes 0444 in a docker-archive and 0644 in an oci-archive. */
    readonly fileMode: number,
  ) {}

  bytes(name: string, content: string | Buffer): void {
    this.pack.entry({ name, mode: this.fileMode, mtime: EPOCH }, typeof content === 'string' ? Buffer.from(content) : content);
  }

  dir(name: string): void {
    this.pack.entry({ name, type: 'directory', mode: 0o755, mtime: EPOCH });
  }

  symlink(name: string, target: string): void {
    this.pack.entry({ name, type: 'symlink', linkname: target, mode: 0o777, mtime: EPOCH });
  }

  /**
   * A file streamed from `source`, which must be `size` bytes with `digest`: a stored blob
   * that changed since it was written fails the save instead of going out wrong.
   */
  async verified(name: string, source: Readable, expected: { digest: string; size: number }, what: string): Promise<void> {
    const algorithm = expected.digest.slice(0, expected.digest.indexOf(':'));
    const hasher = new Hasher([algorithm]);
    try {
      await pipeline(source, hasher, this.pack.entry({ name, size: expected.size, mode: this.fileMode, mtime: EPOCH }));
    } catch (e) {
      throw new BoxctlError(`cannot save ${what}: ${(e as Error).message}`);
    }
    const digest = hasher.digest(algorithm);
    if (hasher.size !== expected.size || digest !== expected.digest) {
      throw new BoxctlError(`cannot save ${what}: the store holds ${hasher.size} bytes with digest ${digest}, not ${expected.digest}: remove the image and pull it again`);
    }
  }
}
