// The layer `commit` adds: the container's upper dir as an OCI layer tar. Overlay's
// whiteouts (0/0 character devices) become `.wh.NAME` entries and opaque directories
// a `.wh..wh..opq` entry inside them, as the OCI image spec writes deletions; the
// unpacker turns them back. Empty files and dirs the runtime made as mount points
// (changes.ts) where the image had nothing are left out, as they carry no change.
import { closeSync, constants as C, fstatSync, lstatSync, openSync, readdirSync, readlinkSync } from 'node:fs';
import type { Pack } from 'tar-stream';

import { lowerLookup, MOUNT_POINTS, type LayerReader } from './changes.js';
import { isWhiteout, type DirLayer } from './layer-reader.js';
import { headerOf, Packer } from './pack.js';
import { at, DIR_FLAGS } from './resolve.js';

const EPOCH = new Date(0);

export async function packUpper(pack: Pack, upper: DirLayer, layers: readonly LayerReader[], mountPoints: readonly string[]): Promise<void> {
  const packer = new Packer(pack);
  const skip = new Set([...MOUNT_POINTS, ...mountPoints]);
  const walk = async (dirFd: number, dir: string): Promise<void> => {
    for (const name of readdirSync(at(dirFd)).sort()) {
      const path = dir === '' ? name : `${dir}/${name}`;
      const p = at(dirFd, name);
      const st = lstatSync(p);
      if (isWhiteout(st)) {
        packer.entry({ name: dir === '' ? `.wh.${name}` : `${dir}/.wh.${name}`, type: 'file', size: 0, mode: 0o644, mtime: EPOCH });
        continue;
      }
      const runtimeMade = skip.has(`/${path}`) && lowerLookup(layers, `/${path}`) === undefined;
      if (st.isDirectory()) {
        const fd = openSync(p, DIR_FLAGS);
        try {
          if (runtimeMade && readdirSync(at(fd)).length === 0) continue;
          packer.entry(headerOf(`${path}/`, fstatSync(fd))!);
          if (upper.lstat(`/${path}`)?.opaque) packer.entry({ name: `${path}/.wh..wh..opq`, type: 'file', size: 0, mode: 0o644, mtime: EPOCH });
          await walk(fd, path);
        } finally {
          closeSync(fd);
        }
        continue;
      }
      if (runtimeMade && st.isFile() && st.size === 0) continue;
      if (st.isFile()) {
        const fd = openSync(p, C.O_RDONLY | C.O_NOFOLLOW | C.O_NONBLOCK);
        const now = fstatSync(fd);
        if (now.isFile()) await packer.file(fd, path, now);
        else closeSync(fd);
        continue;
      }
      const header = headerOf(path, st, st.isSymbolicLink() ? readlinkSync(p) : undefined);
      if (header) packer.entry(header);
    }
  };
  await walk(upper.fd, '');
}
