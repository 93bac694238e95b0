import type { CommandSpec } from '../spec.js';
import { UserError } from '../../errors.js';

export const info: CommandSpec = {
  name: 'info',
  summary: 'Show what this host offers rootless containers, and how to fix what is missing',
  description:
    'Probes the host as the current user: kernel and distribution, subordinate uid and gid ranges, ' +
    'newuidmap and newgidmap, user namespaces (by entering one), which overlay works (by mounting one), ' +
    'the cgroup v2 hierarchy and whether it is delegated, pasta and slirp4netns, the storage and runtime ' +
    'directories and their filesystems, and XDG_RUNTIME_DIR. Every problem comes with the command that fixes it ' +
    'and whether that command needs root.',
  examples: [
    { command: 'boxctl info', description: 'check this host before the first container' },
    { command: 'boxctl info --format json', description: 'the same as JSON, for scripts' },
  ],
  options: {
    format: { type: 'string', alias: 'f', description: "output format: 'json', or 'text' for people", default: 'text' },
  },
  async run(ctx, args) {
    const format = String(args.format);
    if (format !== 'json' && format !== 'text') {
      throw new UserError(`unknown --format '${format}': use 'json' or 'text'`);
    }
    const [{ gatherFacts }, { buildReport }, { renderInfo }] = await Promise.all([
      import('../../engine/info/gather.js'),
      import('../../engine/info/report.js'),
      import('../render/info.js'),
    ]);
    const report = buildReport(await gatherFacts({ root: ctx.globals.root, runroot: ctx.globals.runroot }));
    ctx.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderInfo(report, ctx.color));
    return 0;
  },
};
