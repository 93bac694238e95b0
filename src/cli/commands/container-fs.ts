// The file system commands of containers, with Podman's names and flags: cp, diff,
// export, commit. Engine modules load inside the handlers.
import { UserError } from '../../errors.js';
import type { Context } from '../context.js';
import type { CommandSpec } from '../spec.js';

async function engine(ctx: Context) {
  const [{ currentPaths }, { engineAt }] = await Promise.all([import('../../engine/paths.js'), import('../../engine/container/lifecycle.js')]);
  const paths = currentPaths(ctx.globals);
  return engineAt(paths.root, paths.runroot);
}

const warnTo = (ctx: Context) => (line: string) => ctx.stderr.write(`WARN: ${line}\n`);

function isTerminal(stream: object): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

export const cp: CommandSpec = {
  name: 'cp',
  summary: 'Copy files between a container and the host',
  description:
    "Copies SRC to DEST, one of them in a container written CONTAINER:PATH, as Podman does: a directory recursively, 'DIR/.' for its contents; '-' as SRC reads a tar from stdin into a directory of the container, '-' as DEST writes a tar to stdout. A running container's view (its volumes and tmpfs mounts too) is what is copied. Paths in the container are resolved as inside it: a link the container holds never leads to the host, and nothing is written outside the destination. Files copied in belong to the container's root and files copied out to you, unless -a keeps their owners.",
  examples: [
    { command: 'boxctl cp web:/etc/nginx/nginx.conf .', description: 'copy a file out of a container' },
    { command: 'boxctl cp ./site/. web:/usr/share/nginx/html', description: 'copy the contents of a directory in' },
    { command: 'boxctl cp web:/var/log - | tar -t', description: 'list what a tar of /var/log holds' },
  ],
  options: {
    archive: { type: 'boolean', alias: 'a', description: 'keep the owners (uid and gid) of what is copied', default: false },
  },
  positionals: [
    { name: 'src', description: 'CONTAINER:PATH, a host path, or - (a tar on stdin)', required: true, complete: ['containers', 'files'] },
    { name: 'dest', description: 'CONTAINER:PATH, a host path, or - (a tar to stdout)', required: true, complete: ['containers', 'files'] },
  ],
  async run(ctx, args) {
    const { parseCpArg, copyFromContainer, copyToContainer } = await import('../../engine/container/cp.js');
    const src = parseCpArg(String(args.src));
    const dest = parseCpArg(String(args.dest));
    if (src.container !== undefined && dest.container !== undefined) throw new UserError('copying between containers is not supported: copy to the host first');
    if (src.container === undefined && dest.container === undefined) throw new UserError('one of SRC and DEST must be CONTAINER:PATH: use cp(1) for host paths');
    const e = await engine(ctx);
    const opts = { archive: Boolean(args.archive), stdin: process.stdin, stdout: ctx.stdout, warn: warnTo(ctx) };
    if (src.container !== undefined) {
      if (dest.path === '-' && isTerminal(ctx.stdout)) throw new UserError('refusing to write a tar to the terminal: redirect stdout, or name a host path');
      await copyFromContainer(e, e.store.find(src.container), src.path, dest.path, opts);
    } else {
      if (src.path === '-' && isTerminal(process.stdin)) throw new UserError('no tar on stdin, which is a terminal: redirect stdin, or name a host path');
      await copyToContainer(e, e.store.find(dest.container!), src.path, dest.path, opts);
    }
    return 0;
  },
};

export const diff: CommandSpec = {
  name: 'diff',
  summary: "Show what changed in a container's file system",
  description:
    "Lists the paths that were added (A), changed (C) or deleted (D) in the container's root file system since it was created from its image, as Podman does. The mount points the runtime makes (/etc/hosts, /proc, ...) and the container's volumes are left out.",
  examples: [
    { command: 'boxctl diff web', description: "what web changed in its image's files" },
    { command: 'boxctl diff --format json web', description: 'the same as JSON' },
  ],
  options: {
    format: { type: 'string', description: "'json' for a JSON object of changed, added and deleted paths" },
  },
  positionals: [{ name: 'container', description: 'a container name or id', required: true, complete: 'containers' }],
  async run(ctx, args) {
    const format = args.format as string | undefined;
    if (format !== undefined && format !== 'json') throw new UserError(`unknown --format ${format}: diff takes --format json`);
    const { diffContainer, changesJson } = await import('../../engine/container/diff.js');
    const e = await engine(ctx);
    const changes = await diffContainer(e, e.store.find(String(args.container)));
    if (format === 'json') ctx.stdout.write(`${JSON.stringify(changesJson(changes), null, 4)}\n`);
    else for (const c of changes) ctx.stdout.write(`${c.kind} ${c.path}\n`);
    return 0;
  },
};

export const exportCommand: CommandSpec = {
  name: 'export',
  summary: "Export a container's file system as a tar archive",
  description:
    "Writes the container's root file system (its image with the container's changes; not its volumes) as a tar, to a file or to stdout when it is not a terminal. 'boxctl import' makes an image of it again.",
  examples: [
    { command: 'boxctl export -o web.tar web', description: 'export web to web.tar' },
    { command: 'boxctl export web | tar -t', description: 'list its files' },
  ],
  options: {
    output: { type: 'string', alias: 'o', description: 'the file to write (default: stdout, which must not be a terminal)', complete: 'files' },
  },
  positionals: [{ name: 'container', description: 'a container name or id', required: true, complete: 'containers' }],
  async run(ctx, args) {
    const path = typeof args.output === 'string' && args.output !== '' ? args.output : undefined;
    if (path === undefined && isTerminal(ctx.stdout)) throw new UserError('refusing to write a tar to the terminal: name a file with -o, or redirect stdout');
    const { exportContainer } = await import('../../engine/container/export.js');
    const e = await engine(ctx);
    const out = path === undefined ? { stream: ctx.stdout } : { path };
    await exportContainer(e, e.store.find(String(args.container)), out, warnTo(ctx));
    return 0;
  },
};

export const commit: CommandSpec = {
  name: 'commit',
  summary: "Create an image from a container's changes",
  description:
    "Makes a new image of the container's image plus one layer with everything the container changed, with the container's command, environment, working dir, user and labels, and the --change instructions on top. Prints the new image's id; without IMAGE the image is dangling.",
  examples: [
    { command: 'boxctl commit web web:patched', description: 'save what web changed as localhost/web:patched' },
    { command: "boxctl commit -c 'CMD [\"nginx\",\"-g\",\"daemon off;\"]' -c EXPOSE=80 web web:2", description: 'with a new command and an exposed port' },
  ],
  options: {
    change: { type: 'string', alias: 'c', repeatable: true, description: 'a Dockerfile instruction for the config: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR' },
    message: { type: 'string', alias: 'm', description: 'the commit message, kept in the history' },
    author: { type: 'string', alias: 'a', description: 'the author of the image' },
    quiet: { type: 'boolean', alias: 'q', description: 'print no progress', default: false },
  },
  positionals: [
    { name: 'container', description: 'a container name or id', required: true },
    { name: 'image', description: 'the name to give the new image', required: false },
  ],
  async run(ctx, args) {
    const [{ commitContainer }, { shortId }] = await Promise.all([import('../../engine/container/commit.js'), import('../../engine/image/store/records.js')]);
    const e = await engine(ctx);
    const say = (line: string) => {
      if (!args.quiet) ctx.stderr.write(`${line}\n`);
    };
    say('Getting image source signatures');
    const image = await commitContainer(e, e.store.find(String(args.container)), {
      ...(typeof args.image === 'string' ? { name: args.image } : {}),
      changes: (args.change as string[] | undefined) ?? [],
      ...(typeof args.message === 'string' ? { message: args.message } : {}),
      ...(typeof args.author === 'string' ? { author: args.author } : {}),
      onEvent: (ev) => {
        if (ev.kind === 'layer') say(`Copying blob ${shortId(ev.digest)} ${ev.state === 'present' ? 'skipped: already exists' : 'done'}`);
        else if (ev.kind === 'config') say(`Copying config ${shortId(ev.digest)} done`);
        else say(`Note: ${ev.message}`);
      },
      warn: warnTo(ctx),
    });
    say('Writing manifest to image destination');
    ctx.stdout.write(`${image.id.replace(/^sha256:/, '')}\n`);
    return 0;
  },
};
