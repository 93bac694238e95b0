// `boxctl system`: disk usage (df), removing what nothing uses (prune), and `info`
// under its Podman name `system info`.
import { UserError } from '../../errors.js';
import type { Context } from '../context.js';
import type { CommandSpec } from '../spec.js';
import { info } from './info.js';

async function paths(ctx: Context) {
  const { currentPaths } = await import('../../engine/paths.js');
  return currentPaths(ctx.globals);
}

const df: CommandSpec = {
  name: 'df',
  summary: 'Show the disk space images, containers and volumes use',
  description:
    'Counts images (active: used by a container), containers (active: running; size: their own changes) and local volumes (active: mounted by running containers), with what removing the unused ones would free. -v lists each one.',
  examples: [
    { command: 'boxctl system df', description: 'the summary' },
    { command: 'boxctl system df -v', description: 'every image, container and volume' },
  ],
  options: {
    verbose: { type: 'boolean', alias: 'v', description: 'list every image, container and volume', default: false },
    format: { type: 'string', description: "'json', or a Go template over the summary rows ({{.Type}} {{.Size}} ...)" },
  },
  async run(ctx, args) {
    if (args.verbose && args.format !== undefined) throw new UserError('cannot combine --format and --verbose flags');
    const [p, { systemDf }, { renderDfSummary, renderDfVerbose }] = await Promise.all([
      paths(ctx),
      import('../../engine/system/df.js'),
      import('../render/system-df.js'),
    ]);
    const report = await systemDf(p.root, p.runroot);
    ctx.stdout.write(args.verbose ? renderDfVerbose(report, Date.now()) : renderDfSummary(report, args.format as string | undefined));
    return 0;
  },
};

function warning(all: boolean, volumes: boolean): string {
  return [
    'WARNING! This command removes:',
    '\t- all stopped containers',
    ...(volumes ? ['\t- all volumes not used by at least one container'] : []),
    all ? '\t- all images without at least one container associated with them' : '\t- all dangling images',
    '',
    'Are you sure you want to continue? [y/N] ',
  ].join('\n');
}

const prune: CommandSpec = {
  name: 'prune',
  summary: 'Remove stopped containers, dangling images and (with --volumes) unused volumes',
  description:
    'Removes every container that is not running, then with --volumes every volume no container mounts, then the images no remaining container uses: dangling ones, or with -a all of them. Asks first on a terminal; elsewhere it needs -f.',
  examples: [
    { command: 'boxctl system prune -f', description: 'remove stopped containers and dangling images' },
    { command: 'boxctl system prune -a --volumes -f', description: 'remove everything nothing uses' },
  ],
  options: {
    all: { type: 'boolean', alias: 'a', description: 'remove every image no container uses, not only dangling ones', default: false },
    volumes: { type: 'boolean', description: 'remove volumes no container mounts too', default: false },
    force: { type: 'boolean', alias: 'f', description: 'do not ask for confirmation', default: false },
  },
  async run(ctx, args) {
    const all = Boolean(args.all);
    const volumes = Boolean(args.volumes);
    if (!args.force) {
      if (process.stdin.isTTY !== true) throw new UserError('system prune asks before removing, and stdin is not a terminal: pass --force (-f) to remove without asking');
      const { ask } = await import('../ui/prompt.js');
      const answer = await ask(process.stdin, ctx.stdout, warning(all, volumes));
      if (!/^y(es)?$/i.test(answer.trim())) return 0;
    }
    const [p, { systemPrune }, { humanSizeGo }] = await Promise.all([paths(ctx), import('../../engine/system/prune.js'), import('../render/go-units.js')]);
    const report = await systemPrune(p.root, p.runroot, { all, volumes });
    const section = (title: string, items: readonly string[]) => {
      if (items.length > 0) ctx.stdout.write(`${title}\n${items.map((i) => `${i}\n`).join('')}`);
    };
    section('Deleted Containers', report.containers);
    section('Deleted Volumes', report.volumes);
    section('Deleted Images', report.images);
    for (const err of report.errors) ctx.stderr.write(`Error: ${err}\n`);
    ctx.stdout.write(`Total reclaimed space: ${humanSizeGo(report.reclaimed, 4)}\n`);
    return report.errors.length > 0 ? 125 : 0;
  },
};

export const system: CommandSpec = {
  name: 'system',
  summary: 'Manage boxctl itself: disk usage, pruning, host information',
  description: 'The system command group, as in Podman: df, prune and info.',
  examples: [{ command: 'boxctl system df', description: 'how much disk boxctl uses' }],
  options: {},
  subcommands: [df, prune, info],
};
