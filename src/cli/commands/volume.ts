// `boxctl volume`: named volumes, as `podman volume` manages them (create, ls, inspect,
// rm, prune, exists). The store is src/engine/volume/; this file only reads flags and
// prints.
import { NotFoundError, UserError } from '../../errors.js';
import type { Context } from '../context.js';
import type { CommandSpec } from '../spec.js';

async function root(ctx: Context): Promise<string> {
  const { currentPaths } = await import('../../engine/paths.js');
  return currentPaths(ctx.globals).root;
}

const store = () => import('../../engine/volume/store.js');

/** A repeatable flag's values, however the parser handed them over. */
function list(v: unknown): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

/** KEY=VALUE words as a map; a bare KEY has the empty value, as in Podman. */
function keyValues(words: readonly string[], flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of words) {
    const eq = w.indexOf('=');
    const key = eq < 0 ? w : w.slice(0, eq);
    if (key === '') throw new UserError(`invalid ${flag} '${w}': use KEY=VALUE`);
    out[key] = eq < 0 ? '' : w.slice(eq + 1);
  }
  return out;
}

const render = () => import('../render/volumes.js');

const create: CommandSpec = {
  name: 'create',
  summary: 'Create a volume',
  description:
    'Creates a named volume with the local driver: a directory under the store that containers mount. Without a name, a random one is chosen. Prints the name.',
  examples: [
    { command: 'boxctl volume create data', description: 'create the volume data' },
    { command: 'boxctl volume create --label app=web --ignore data', description: 'create data with a label, unless it exists' },
  ],
  options: {
    label: { type: 'string', alias: 'l', repeatable: true, description: 'set a label KEY=VALUE (repeatable)' },
    opt: { type: 'string', alias: 'o', repeatable: true, description: 'driver option KEY=VALUE; the local driver takes none' },
    driver: { type: 'string', alias: 'd', description: "the volume driver: only 'local'", default: 'local' },
    ignore: { type: 'boolean', description: 'if the volume exists, keep it and print its name', default: false },
  },
  positionals: [{ name: 'name', description: 'the name of the volume', required: false }],
  async run(ctx, args) {
    const { createVolume } = await store();
    const { volume } = await createVolume(await root(ctx), {
      ...(args.name !== undefined ? { name: String(args.name) } : {}),
      labels: keyValues(list(args.label), '--label'),
      options: keyValues(list(args.opt), '--opt'),
      driver: String(args.driver),
      ignoreExisting: Boolean(args.ignore),
    });
    ctx.stdout.write(`${volume.name}\n`);
    return 0;
  },
};

const ls: CommandSpec = {
  name: 'ls',
  summary: 'List volumes',
  description: 'Lists the volumes with their driver, or only their names with -q. Filters: name=REGEX, driver=, label=KEY[=VALUE], label!=KEY[=VALUE], dangling=true|false, until=WHEN; all must match.',
  examples: [
    { command: 'boxctl volume ls', description: 'list all volumes' },
    { command: 'boxctl volume ls -q --filter dangling=true', description: 'names of the volumes no container uses' },
  ],
  options: {
    quiet: { type: 'boolean', alias: 'q', description: 'print only volume names', default: false },
    format: { type: 'string', description: "'json', or a Go template ('table {{.Name}}\\t{{.Labels}}')" },
    noheading: { type: 'boolean', alias: 'n', description: 'no header row in a table', default: false },
    filter: { type: 'string', alias: 'f', repeatable: true, description: 'KEY=VALUE: name, driver, label, label!, dangling, until (repeatable)' },
  },
  async run(ctx, args) {
    const [{ listVolumes }, { volumeFilter }, { volumeUsage }] = await Promise.all([
      store(),
      import('../../engine/volume/filters.js'),
      import('../../engine/volume/users.js'),
    ]);
    const match = volumeFilter(list(args.filter));
    const r = await root(ctx);
    const usage = volumeUsage(r);
    const rows = listVolumes(r).filter((volume) => match({ volume, inUse: usage.has(volume.name) }));
    if (args.quiet) ctx.stdout.write(rows.map((v) => `${v.name}\n`).join(''));
    else ctx.stdout.write((await render()).renderVolumeList(rows, args.format as string | undefined, Boolean(args.noheading)));
    return 0;
  },
};

const listAlias: CommandSpec = { ...ls, name: 'list', summary: 'List volumes (the same as ls)' };

const inspect: CommandSpec = {
  name: 'inspect',
  summary: 'Show the details of volumes as JSON',
  description: 'Prints name, driver, mount point, creation time, labels, scope and options of each volume, as podman volume inspect does. A unique prefix of a name is enough.',
  examples: [{ command: 'boxctl volume inspect data', description: 'show the volume data' }],
  options: {
    all: { type: 'boolean', alias: 'a', description: 'inspect every volume', default: false },
    format: { type: 'string', alias: 'f', description: "'json' (the default), or a Go template ('{{.Mountpoint}}')", default: 'json' },
  },
  positionals: [{ name: 'volume', description: 'volume names', required: false, variadic: true, complete: 'volumes' }],
  async run(ctx, args) {
    const { listVolumes, lookupVolume } = await store();
    const r = await root(ctx);
    const wanted = list(args.volume);
    if (args.all && wanted.length > 0) throw new UserError('--all inspects every volume: give no names with it');
    if (!args.all && wanted.length === 0) throw new UserError('give volume names, or --all');
    const volumes = args.all ? listVolumes(r) : wanted.map((w) => lookupVolume(r, w));
    ctx.stdout.write((await render()).renderVolumeInspect(volumes, args.format as string | undefined));
    return 0;
  },
};

const rm: CommandSpec = {
  name: 'rm',
  summary: 'Remove volumes',
  description:
    'Removes volumes and their data (files of any container user too). A volume that a container uses is kept: remove the container first; unlike Podman, --force does not remove containers. Exit status 1 when a volume does not exist, 2 when one is in use.',
  examples: [
    { command: 'boxctl volume rm data', description: 'remove the volume data' },
    { command: 'boxctl volume rm --all', description: 'remove every volume no container uses' },
  ],
  options: {
    all: { type: 'boolean', alias: 'a', description: 'remove every volume', default: false },
    force: { type: 'boolean', alias: 'f', description: 'accepted for Podman compatibility; containers are never removed', default: false },
  },
  positionals: [{ name: 'volume', description: 'volume names', required: false, variadic: true, complete: 'volumes' }],
  async run(ctx, args) {
    const { removeVolumes } = await store();
    const wanted = list(args.volume);
    if (args.all && wanted.length > 0) throw new UserError('--all removes every volume: give no names with it');
    if (!args.all && wanted.length === 0) throw new UserError('give volume names, or --all');
    const outcomes = await removeVolumes(await root(ctx), args.all ? 'all' : wanted);
    let code = 0;
    for (const o of outcomes) {
      if ('removed' in o) {
        ctx.stdout.write(`${o.removed}\n`);
      } else if ('users' in o) {
        const names = o.users.map((u) => `${u.name} (${u.id.slice(0, 12)})`).join(', ');
        const how = args.force ? '--force does not remove containers in boxctl: remove them first' : 'remove them first';
        ctx.stderr.write(`Error: volume ${o.wanted} is in use by container${o.users.length > 1 ? 's' : ''} ${names}: ${how} (boxctl rm), then the volume\n`);
        code = 2;
      } else {
        ctx.stderr.write(`Error: ${o.error.message}\n`);
        if (code === 0) code = o.error instanceof NotFoundError ? 1 : 125;
      }
    }
    return code;
  },
};

const prune: CommandSpec = {
  name: 'prune',
  summary: 'Remove every volume no container uses',
  description:
    'Removes the volumes that no container mounts (and that match the filters: label=KEY[=VALUE], label!=KEY[=VALUE], until=WHEN, name=REGEX). Asks first on a terminal; elsewhere it needs --force. Prints the names removed.',
  examples: [
    { command: 'boxctl volume prune -f', description: 'remove all unused volumes without asking' },
    { command: 'boxctl volume prune -f --filter label=tmp', description: 'remove the unused volumes labelled tmp' },
  ],
  options: {
    force: { type: 'boolean', alias: 'f', description: 'do not ask for confirmation', default: false },
    filter: { type: 'string', repeatable: true, description: 'KEY=VALUE: label, label!, until, name, driver, dangling (repeatable)' },
  },
  async run(ctx, args) {
    const [{ pruneCandidates, pruneVolumes }, { volumeFilter }] = await Promise.all([store(), import('../../engine/volume/filters.js')]);
    const filters = list(args.filter);
    volumeFilter(filters);
    const r = await root(ctx);
    let only: Set<string> | undefined;
    if (!args.force) {
      if (process.stdin.isTTY !== true) throw new UserError('volume prune asks before removing, and stdin is not a terminal: pass --force (-f) to remove without asking');
      const candidates = pruneCandidates(r, filters);
      if (candidates.length === 0) return 0;
      ctx.stderr.write(`WARNING! This will remove all volumes not used by at least one container. The following volumes will be removed:\n${candidates.map((v) => `${v.name}\n`).join('')}`);
      const { ask } = await import('../ui/prompt.js');
      const answer = await ask(process.stdin, ctx.stderr, 'Are you sure you want to continue? [y/N] ');
      if (!/^y/i.test(answer.trim())) return 0;
      only = new Set(candidates.map((v) => v.name));
    }
    for (const name of await pruneVolumes(r, filters, only)) ctx.stdout.write(`${name}\n`);
    return 0;
  },
};

const exists: CommandSpec = {
  name: 'exists',
  summary: 'Exit 0 if a volume exists, 1 if not',
  description: 'Checks for a volume by its exact name without printing anything, for scripts.',
  examples: [{ command: 'boxctl volume exists data || boxctl volume create data', description: 'create data when missing' }],
  options: {},
  positionals: [{ name: 'volume', description: 'the volume name', required: true, complete: 'volumes' }],
  async run(ctx, args) {
    const { volumeExists } = await store();
    return volumeExists(await root(ctx), String(args.volume)) ? 0 : 1;
  },
};

export const volume: CommandSpec = {
  name: 'volume',
  summary: 'Manage volumes: create, ls, inspect, rm, prune, exists',
  description: 'Named volumes: directories in the store that containers mount with -v NAME:/path and that outlive the containers.',
  examples: [{ command: 'boxctl volume create data', description: 'create the volume data' }],
  options: {},
  subcommands: [create, ls, listAlias, inspect, rm, prune, exists],
};
