import type { CommandSpec } from '../spec.js';

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
    { command: "boxctl info --format '{{.Overlay.Driver}} {{.Store.Root}}'", description: 'which overlay containers get, and where the store is' },
  ],
  options: {
    format: { type: 'string', alias: 'f', description: "'text' for people, 'json', or a Go template such as '{{.Overlay.Driver}}'", default: 'text' },
  },
  async run(ctx, args) {
    const { checkInfoFormat, renderInfoAs } = await import('../render/info.js');
    checkInfoFormat(String(args.format));
    const [{ gatherFacts }, { buildReport }] = await Promise.all([import('../../engine/info/gather.js'), import('../../engine/info/report.js')]);
    const report = buildReport(await gatherFacts({ root: ctx.globals.root, runroot: ctx.globals.runroot }));
    ctx.stdout.write(renderInfoAs(report, String(args.format), ctx.color));
    return 0;
  },
};
