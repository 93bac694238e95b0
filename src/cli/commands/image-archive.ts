// Image archive commands: save, load, import. Podman's `export` writes a container's
// file system, so it comes with containers.
import type { Readable } from 'node:stream';

import { UserError } from '../../errors.js';
import type { Context } from '../context.js';
import type { CommandSpec } from '../spec.js';

async function root(ctx: Context): Promise<string> {
  const { currentPaths } = await import('../../engine/paths.js');
  return currentPaths(ctx.globals).root;
}

function isTerminal(stream: object): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

/** A file to read, opened now so a missing one is one plain line before anything starts. */
async function openInput(path: string): Promise<Readable> {
  const { createReadStream, openSync } = await import('node:fs');
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new UserError(`cannot open ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  return createReadStream(path, { fd });
}

/** Progress on stderr, as Podman's copy prints it, unless quiet. */
function progress(ctx: Context, quiet: boolean): (line: string) => void {
  return (line) => {
    if (!quiet) ctx.stderr.write(`${line}\n`);
  };
}

export const save: CommandSpec = {
  name: 'save',
  summary: 'Save images to an archive',
  description:
    "Writes images as a docker-archive (what 'docker save' and 'podman save' write; the default) or an oci-archive (a tar of an OCI image layout), to a file or to stdout when it is not a terminal. Layers are the blobs the images were pulled or loaded as, each checked while it is written, so the images keep their ids. An image named by id is saved without a name.",
  examples: [
    { command: 'boxctl save -o alpine.tar alpine', description: 'save alpine as a docker-archive' },
    { command: 'boxctl save --format oci-archive alpine | gzip > alpine.oci.tar.gz', description: 'an oci-archive, compressed, through a pipe' },
  ],
  options: {
    output: { type: 'string', alias: 'o', description: 'the archive to write (default: stdout, which must not be a terminal)', complete: 'files' },
    format: { type: 'string', description: 'the archive format', default: 'docker-archive', choices: ['docker-archive', 'oci-archive'] },
    quiet: { type: 'boolean', alias: 'q', description: 'print no progress', default: false },
  },
  positionals: [{ name: 'image', description: 'image names or ids', required: true, variadic: true, complete: 'images' }],
  async run(ctx, args) {
    const output = typeof args.output === 'string' && args.output !== '' ? { path: args.output } : { stream: ctx.stdout };
    if ('stream' in output && isTerminal(ctx.stdout)) {
      throw new UserError('refusing to write an image archive to the terminal: name a file with -o, or redirect stdout');
    }
    const [{ saveImages }, { shortId }] = await Promise.all([import('../../engine/image/archive/save.js'), import('../../engine/image/store/records.js')]);
    const say = progress(ctx, Boolean(args.quiet));
    await saveImages({
      root: await root(ctx),
      images: (args.image as string[]).map(String),
      format: args.format === 'oci-archive' ? 'oci-archive' : 'docker-archive',
      output,
      onEvent: (e) => say(e.kind === 'layer' ? `Copying blob ${shortId(e.digest)} done` : `Copying config ${shortId(e.digest)} done`),
    });
    say('Writing manifest to image destination');
    return 0;
  },
};

export const load: CommandSpec = {
  name: 'load',
  summary: 'Load images from an archive',
  description:
    "Reads a docker-archive or an oci-archive (also gzip-compressed), from a file or stdin, as written by boxctl save, podman save, docker save or skopeo. Every blob is checked against its digest and the image config before anything is stored; a lying or hostile archive is refused and the store stays as it was. Prints 'Loaded image: NAME' for each name.",
  examples: [
    { command: 'boxctl load -i alpine.tar', description: 'load the images in alpine.tar' },
    { command: 'gunzip -c images.tar.gz | boxctl load', description: 'load from stdin' },
  ],
  options: {
    input: { type: 'string', alias: 'i', description: 'the archive to read (default: stdin)', complete: 'files' },
    quiet: { type: 'boolean', alias: 'q', description: 'print no progress', default: false },
  },
  async run(ctx, args) {
    const input = typeof args.input === 'string' && args.input !== '' ? args.input : undefined;
    if (input === undefined && isTerminal(process.stdin)) {
      throw new UserError('no archive on stdin, which is a terminal: name one with -i, or redirect stdin');
    }
    const [{ loadArchive }, { shortId }] = await Promise.all([import('../../engine/image/archive/load.js'), import('../../engine/image/store/records.js')]);
    const say = progress(ctx, Boolean(args.quiet));
    const loaded = await loadArchive({
      root: await root(ctx),
      input: input === undefined ? process.stdin : await openInput(input),
      onEvent: (e) => {
        if (e.kind === 'config') say(`Copying config ${shortId(e.digest)} done`);
        else if (e.kind === 'note') say(`Note: ${e.message}`);
        else say(`Copying blob ${shortId(e.digest)} ${e.state === 'present' ? 'skipped: already exists' : 'done'}`);
      },
    });
    say('Writing manifest to image destination');
    for (const image of loaded) {
      for (const name of image.names.length > 0 ? image.names : [image.id]) ctx.stdout.write(`Loaded image: ${name}\n`);
    }
    return 0;
  },
};

export const importImage: CommandSpec = {
  name: 'import',
  summary: 'Make an image from a root file system tarball',
  description:
    "Turns a tar archive of a root file system (plain or gzip-compressed; '-' reads stdin) into a one-layer image for the host's platform, unpacked inside your user namespace. Without a name the image is dangling. Prints the image id.",
  examples: [
    { command: 'boxctl import rootfs.tar.gz mybase:1', description: 'import as localhost/mybase:1' },
    { command: "tar -C rootfs -c . | boxctl import -m 'from CI' -", description: 'import from stdin, with a history comment' },
  ],
  options: {
    message: { type: 'string', alias: 'm', description: 'the history comment (default: imported from tarball)' },
    quiet: { type: 'boolean', alias: 'q', description: 'print no progress', default: false },
  },
  positionals: [
    { name: 'path', description: "the tarball, or '-' for stdin", required: true, complete: 'files' },
    { name: 'reference', description: 'the name to give the image', required: false },
  ],
  async run(ctx, args) {
    const path = String(args.path);
    if (path === '-' && isTerminal(process.stdin)) throw new UserError("no tarball on stdin, which is a terminal: redirect stdin, or name a file instead of '-'");
    const [{ importTarball }, { shortId }] = await Promise.all([import('../../engine/image/archive/import.js'), import('../../engine/image/store/records.js')]);
    const say = progress(ctx, Boolean(args.quiet));
    const record = await importTarball({
      root: await root(ctx),
      input: path === '-' ? process.stdin : await openInput(path),
      source: path === '-' ? 'stdin' : path,
      ...(typeof args.reference === 'string' ? { name: args.reference } : {}),
      ...(typeof args.message === 'string' ? { message: args.message } : {}),
      onEvent: (e) => {
        if (e.kind === 'layer') say(`Copying blob ${shortId(e.digest)} done`);
        else if (e.kind === 'config') say(`Copying config ${shortId(e.digest)} done`);
        else say(`Note: ${e.message}`);
      },
    });
    say('Writing manifest to image destination');
    ctx.stdout.write(`${record.id}\n`);
    return 0;
  },
};
