// Image commands: pull, images, rmi, tag, image inspect.
import { UserError } from '../../errors.js';
import type { ImageInspect } from '../../engine/image/images.js';
import type { Context } from '../context.js';
import type { CommandSpec } from '../spec.js';

async function root(ctx: Context): Promise<string> {
  const { currentPaths } = await import('../../engine/paths.js');
  return currentPaths(ctx.globals).root;
}

function platformFrom(args: Readonly<Record<string, unknown>>): { os?: string; architecture?: string; variant?: string } {
  const out: { os?: string; architecture?: string; variant?: string } = {};
  if (typeof args.platform === 'string') {
    const [os, architecture, variant] = args.platform.split('/');
    if (!os || !architecture) throw new UserError(`invalid --platform '${args.platform}': use OS/ARCH[/VARIANT], e.g. linux/arm64`);
    out.os = os;
    out.architecture = architecture;
    if (variant) out.variant = variant;
  }
  if (typeof args.os === 'string') out.os = args.os;
  if (typeof args.arch === 'string') out.architecture = args.arch;
  if (typeof args.variant === 'string') out.variant = args.variant;
  return out;
}

export const pull: CommandSpec = {
  name: 'pull',
  summary: 'Pull an image from a registry',
  description:
    'Fetches the image from its registry (short names resolve through registries.conf), verifies every blob while it streams, and unpacks each layer once into the store, inside your user namespace. Layers already present are not fetched again. Prints the image id.',
  examples: [
    { command: 'boxctl pull docker.io/library/alpine', description: 'pull alpine:latest' },
    { command: 'boxctl pull --platform linux/arm64 quay.io/podman/hello', description: 'pull another platform from an index' },
  ],
  options: {
    platform: { type: 'string', description: 'OS/ARCH[/VARIANT] to choose from a multi-platform image' },
    os: { type: 'string', description: 'the OS to choose (default linux)' },
    arch: { type: 'string', description: "the architecture to choose (default the host's)" },
    variant: { type: 'string', description: 'the architecture variant to choose' },
    'tls-verify': { type: 'boolean', description: 'require HTTPS and verify certificates (loopback registries may use HTTP)', default: true },
    quiet: { type: 'boolean', alias: 'q', description: 'print only the image id', default: false },
  },
  positionals: [{ name: 'image', description: 'the image reference', required: true }],
  async run(ctx, args) {
    const [{ pullImage }, { pullLine }] = await Promise.all([import('../../engine/image/pull.js'), import('../render/pull-lines.js')]);
    const quiet = Boolean(args.quiet);
    const say = (line: string) => {
      if (!quiet) ctx.stderr.write(`${line}\n`);
    };
    const request = { name: String(args.image), root: await root(ctx), platform: platformFrom(args), tlsVerify: args['tls-verify'] !== false };
    // Bars only where they can be redrawn: a terminal that moves its cursor. Ink and
    // React load here and nowhere else, so no other pull or command pays for them.
    const stderr = ctx.stderr as NodeJS.WritableStream & { isTTY?: boolean };
    const bars = !quiet && stderr.isTTY === true && process.env.TERM !== 'dumb';
    const progress = bars ? (await import('../ui/pull-tty.js')).showPullProgress(stderr as NodeJS.WriteStream, { color: process.env.NO_COLOR === undefined }) : undefined;
    const record = await pullImage({
      ...request,
      onEvent:
        progress?.onEvent ??
        ((e) => {
          const line = pullLine(e);
          if (line !== undefined) say(line);
        }),
    }).catch(async (e: unknown) => {
      await progress?.close();
      throw e;
    });
    const written = 'Writing manifest to image destination';
    if (progress) await progress.close(written);
    else say(written);
    ctx.stdout.write(`${record.id.slice(7)}\n`);
    return 0;
  },
};

export const images: CommandSpec = {
  name: 'images',
  summary: 'List the images in the local store',
  description: 'Lists images with repository, tag, id, creation time and size; one row per name, <none> for dangling images.',
  examples: [
    { command: 'boxctl images', description: 'list all images' },
    { command: 'boxctl images --filter dangling=true -q', description: 'ids of images without a name' },
  ],
  options: {
    format: { type: 'string', alias: 'f', description: "'table', 'json', or a Go template such as '{{.Repository}}:{{.Tag}}'" },
    quiet: { type: 'boolean', alias: 'q', description: 'print only image ids', default: false },
    noheading: { type: 'boolean', alias: 'n', description: 'leave out the header row', default: false },
    digests: { type: 'boolean', description: 'show manifest digests', default: false },
    filter: { type: 'array', description: 'dangling=true|false, reference=PATTERN' },
    'no-trunc': { type: 'boolean', description: 'show full ids', default: false },
  },
  async run(ctx, args) {
    const [{ listImages }, { renderImages }] = await Promise.all([import('../../engine/image/images.js'), import('../render/image-list.js')]);
    const filters: { dangling?: boolean; reference?: string[] } = {};
    for (const f of (args.filter as string[] | undefined) ?? []) {
      const [key, value] = [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)];
      if (key === 'dangling' && (value === 'true' || value === 'false')) filters.dangling = value === 'true';
      else if (key === 'reference' && value) (filters.reference ??= []).push(value);
      else throw new UserError(`invalid --filter '${f}': use dangling=true|false or reference=PATTERN`);
    }
    const rows = listImages(await root(ctx), filters);
    const id = (full: string) => (args['no-trunc'] ? full : full.slice(7, 19));
    if (args.quiet) {
      ctx.stdout.write([...new Set(rows.map((r) => id(r.id)))].map((l) => `${l}\n`).join(''));
      return 0;
    }
    ctx.stdout.write(
      renderImages(rows, {
        format: args.format as string | undefined,
        noTrunc: Boolean(args['no-trunc']),
        digests: Boolean(args.digests),
        noHeading: Boolean(args.noheading),
        now: Date.now(),
      }),
    );
    return 0;
  },
};

/** rmi --force, as Podman: the containers of the images go first, running or not. */
async function removeUsers(ctx: Context, imageIds: readonly string[]): Promise<void> {
  const [{ currentPaths }, lifecycle] = await Promise.all([import('../../engine/paths.js'), import('../../engine/container/lifecycle.js')]);
  const paths = currentPaths(ctx.globals);
  const e = lifecycle.engineAt(paths.root, paths.runroot);
  for (const record of e.store.list().filter((c) => imageIds.includes(c.imageId))) {
    await lifecycle.remove(e, record, { force: true });
  }
}

export const rmi: CommandSpec = {
  name: 'rmi',
  summary: 'Remove images',
  description: 'Removes a name from an image; an image loses its layers when its last name goes (layers other images use stay). By id, an image with several names needs --force.',
  examples: [{ command: 'boxctl rmi alpine', description: 'remove alpine:latest' }],
  options: {
    force: { type: 'boolean', alias: 'f', description: 'remove an image with several names by id, and the containers that use it', default: false },
  },
  positionals: [{ name: 'image', description: 'image names or ids', required: true, variadic: true, complete: 'images' }],
  async run(ctx, args) {
    const [{ removeImages, lookupLocal }, { imagesInUse }, { ImageStore }] = await Promise.all([
      import('../../engine/image/images.js'),
      import('../../engine/container/store.js'),
      import('../../engine/image/store/store.js'),
    ]);
    const wanted = (args.image as string[]).map(String);
    const r = await root(ctx);
    if (args.force) {
      // Only images that go (by id, or by their last name) take their containers along.
      const index = new ImageStore(r).readIndex();
      const going = wanted.map((w) => lookupLocal(index, w)).filter((m) => !m.name || m.image.names.length <= 1);
      await removeUsers(ctx, going.map((m) => m.image.id));
    }
    const report = await removeImages(r, wanted, Boolean(args.force), imagesInUse(r));
    for (const n of report.untagged) ctx.stdout.write(`Untagged: ${n}\n`);
    for (const id of report.deleted) ctx.stdout.write(`Deleted: ${id.slice(7)}\n`);
    return 0;
  },
};

export const tag: CommandSpec = {
  name: 'tag',
  summary: 'Give an image more names',
  description: 'Adds names to a local image; a short name gets the localhost/ prefix, as in Podman.',
  examples: [{ command: 'boxctl tag alpine myalpine:1', description: 'name alpine localhost/myalpine:1 too' }],
  options: {},
  positionals: [
    { name: 'image', description: 'the image', required: true },
    { name: 'name', description: 'new names', required: true, variadic: true },
  ],
  async run(ctx, args) {
    const { tagImage } = await import('../../engine/image/images.js');
    await tagImage(await root(ctx), String(args.image), (args.name as string[]).map(String));
    return 0;
  },
};

/** One image as `image inspect` and `inspect` print it. */
export function imageInspectJson({ record, config }: ImageInspect): Record<string, unknown> {
  return {
    Id: record.id.slice(7),
    Digest: record.manifestDigest,
    RepoTags: record.names,
    RepoDigests: record.digests.flatMap((d) => record.names.map((n) => `${n.replace(/:[^:/]+$/, '')}@${d}`)),
    Created: record.created,
    Architecture: record.architecture,
    Os: record.os,
    Size: record.size,
    Config: config.config,
    RootFS: { Type: 'layers', Layers: record.layers },
    History: config.history ?? [],
    SingleIdMode: Boolean(record.singleIdMode),
  };
}

const inspect: CommandSpec = {
  name: 'inspect',
  summary: 'Show the details of images as JSON',
  description: 'Prints the store record and the image config (entrypoint, cmd, env, layers) of each image as a JSON array, as podman image inspect does; --format applies a Go template to each.',
  examples: [
    { command: 'boxctl image inspect alpine', description: 'show alpine' },
    { command: "boxctl image inspect --format '{{.Config.Cmd}} {{.Size}}' alpine", description: 'its command and size in bytes' },
  ],
  options: {
    format: { type: 'string', alias: 'f', description: "'json' (the default), or a Go template such as '{{.RepoTags}}'" },
  },
  positionals: [{ name: 'image', description: 'image names or ids', required: true, variadic: true, complete: 'images' }],
  async run(ctx, args) {
    const [{ inspectImage }, { imageInspectView, renderInspected }] = await Promise.all([import('../../engine/image/images.js'), import('../render/inspect.js')]);
    const r = await root(ctx);
    const out = (args.image as string[]).map((w) => imageInspectView(imageInspectJson(inspectImage(r, String(w)))));
    ctx.stdout.write(renderInspected(out, args.format as string | undefined));
    return 0;
  },
};

const exists: CommandSpec = {
  name: 'exists',
  summary: 'Exit 0 if an image is in the local store, 1 if not',
  description: 'Checks for an image by name or id without printing anything, for scripts.',
  examples: [{ command: 'boxctl image exists alpine || boxctl pull alpine', description: 'pull only when missing' }],
  options: {},
  positionals: [{ name: 'image', description: 'image name or id', required: true, complete: 'images' }],
  async run(ctx, args) {
    const { imageExists } = await import('../../engine/image/images.js');
    return imageExists(await root(ctx), String(args.image)) ? 0 : 1;
  },
};

export const untag: CommandSpec = {
  name: 'untag',
  summary: 'Remove names from an image, keeping the image',
  description: 'Removes the given names, or every name when none is given; the image stays, dangling if it has no name left.',
  examples: [{ command: 'boxctl untag alpine', description: 'remove every name of alpine' }],
  options: {},
  positionals: [
    { name: 'image', description: 'the image', required: true },
    { name: 'name', description: 'names to remove (default: all)', required: false, variadic: true },
  ],
  async run(ctx, args) {
    const { untagImage } = await import('../../engine/image/images.js');
    await untagImage(await root(ctx), String(args.image), ((args.name as string[] | undefined) ?? []).map(String));
    return 0;
  },
};

const history: CommandSpec = {
  name: 'history',
  summary: 'Show how an image was built, layer by layer',
  description: 'Lists the history entries of the image config, newest first: when, the command that created each step, and whether it added a layer.',
  examples: [{ command: 'boxctl image history alpine', description: 'the steps that built alpine' }],
  options: {
    format: { type: 'string', alias: 'f', description: "'table', 'json', or a Go template such as '{{.CreatedBy}}'" },
    'no-trunc': { type: 'boolean', description: 'show full ids and commands', default: false },
  },
  positionals: [{ name: 'image', description: 'image name or id', required: true, complete: 'images' }],
  async run(ctx, args) {
    const [{ inspectImage }, { renderHistory }] = await Promise.all([import('../../engine/image/images.js'), import('../render/image-list.js')]);
    const { record, config } = inspectImage(await root(ctx), String(args.image));
    const steps = [...(config.history ?? [])].reverse();
    ctx.stdout.write(renderHistory(steps, { format: args.format as string | undefined, imageId: record.id, noTrunc: Boolean(args['no-trunc']), now: Date.now() }));
    return 0;
  },
};

const prune: CommandSpec = {
  name: 'prune',
  summary: 'Remove dangling images',
  description: 'Removes every image that has no name left, and the layers only they used.',
  examples: [{ command: 'boxctl image prune', description: 'remove dangling images' }],
  options: {},
  async run(ctx) {
    const [{ pruneImages }, { imagesInUse }] = await Promise.all([import('../../engine/image/images.js'), import('../../engine/container/store.js')]);
    const r = await root(ctx);
    const report = await pruneImages(r, imagesInUse(r));
    for (const id of report.deleted) ctx.stdout.write(`${id.slice(7)}\n`);
    return 0;
  },
};

const list: CommandSpec = { ...images, name: 'list', summary: 'List the images in the local store (the same as images)' };
const ls: CommandSpec = { ...images, name: 'ls', summary: 'List the images in the local store (the same as images)' };

export const image: CommandSpec = {
  name: 'image',
  summary: 'Manage images: ls, inspect, exists, history, prune',
  description: 'Image subcommands.',
  examples: [{ command: 'boxctl image inspect alpine', description: 'show alpine' }],
  options: {},
  subcommands: [ls, list, inspect, exists, history, prune],
};
