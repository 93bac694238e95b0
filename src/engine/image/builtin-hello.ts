// The built-in `hello` image, so that a first `boxctl run --rm hello` needs no
// registry: native/build/bin/boxctl-hello (static C) as /hello in a one-layer image,
// made in the user's store on first use through `import`'s code, so it is an image like
// any other (listed by `images`, removed by `rmi`, made again on the next use).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { BoxctlError } from '../../errors.js';
import { nativeBuildDir } from '../../native/location.js';
import { imageExists } from './images.js';
import { splitReference } from './reference.js';

export const HELLO_IMAGE = 'localhost/hello:latest';

/** hello, hello:latest, localhost/hello and localhost/hello:latest; no other tag or digest. */
export function isBuiltinHello(wanted: string): boolean {
  const { name, tag, digest } = splitReference(wanted);
  return (name === 'hello' || name === 'localhost/hello') && (tag === undefined || tag === 'latest') && digest === undefined;
}

/**
 * The image's only layer: the program as /hello, and the directories the runtime
 * mounts over (an overlay would otherwise have to make them in the upper dir). Owned
 * by root, dated `mtime`, so the same program always gives the same layer digest.
 */
export async function helloLayer(program: Buffer, mtime: Date): Promise<Buffer> {
  // tar-stream loads only when the image is made, not on every `run`.
  const tarStream = await import('tar-stream');
  // A CommonJS module: its functions come as the default export when imported late.
  const tar = (tarStream.pack ?? (tarStream as unknown as { default: typeof tarStream }).default.pack)();
  const base = { uid: 0, gid: 0, uname: 'root', gname: 'root', mtime };
  for (const dir of ['dev', 'etc', 'proc', 'sys']) tar.entry({ ...base, name: `${dir}/`, type: 'directory', mode: 0o755 });
  tar.entry({ ...base, name: 'tmp/', type: 'directory', mode: 0o1777 });
  tar.entry({ ...base, name: 'hello', type: 'file', mode: 0o755 }, program);
  tar.finalize();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    tar.on('data', (c) => chunks.push(c as Buffer));
    tar.on('end', () => resolve(Buffer.concat(chunks)));
    tar.on('error', reject);
  });
}

/**
 * Makes the built-in image when `wanted` names it and the store has no such image.
 * True when `wanted` is the built-in (present now), so the caller never pulls it.
 */
export async function ensureBuiltinImage(root: string, wanted: string): Promise<boolean> {
  if (!isBuiltinHello(wanted)) return false;
  if (imageExists(root, wanted)) return true;
  const path = join(nativeBuildDir(), 'bin', 'boxctl-hello');
  let program: Buffer;
  let mtime: Date;
  try {
    program = readFileSync(path);
    // Whole seconds: tar headers hold no more, and the config's date must match the layer's.
    mtime = new Date(Math.floor(statSync(path).mtimeMs / 1000) * 1000);
  } catch (e) {
    throw new BoxctlError(`cannot read ${path} for the built-in hello image (${(e as Error).message}): rebuild boxctl with ./install.sh`);
  }
  // import pulls in the unpacker: load it only when the image has to be made.
  const { importTarball } = await import('./archive/import.js');
  await importTarball({
    root,
    input: Readable.from(await helloLayer(program, mtime)),
    source: 'the built-in hello image',
    name: HELLO_IMAGE,
    message: 'boxctl built-in hello image',
    config: { Cmd: ['/hello'] },
    created: mtime.toISOString(),
  });
  return true;
}
