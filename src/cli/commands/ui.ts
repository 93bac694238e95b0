// `boxctl ui`: the interactive dashboard. Ink and React load only here, inside run()
// (after the first frame: dashboard/run.ts).
import { UserError } from '../../errors.js';
import type { CommandSpec } from '../spec.js';

export const ui: CommandSpec = {
  name: 'ui',
  summary: 'Show a live dashboard of containers, images, volumes and logs',
  description:
    'An interactive dashboard on the terminal, reading the same state as the other commands (no daemon): containers with status, health, CPU, memory, ports and rootless facts, refreshed every second; images; volumes; live logs with search; stats sparklines; start, stop, restart, pause, remove, inspect, a shell, pull and prune. ? shows the keys; q leaves.',
  examples: [
    { command: 'boxctl ui', description: 'open the dashboard' },
    { command: 'NO_COLOR=1 boxctl ui', description: 'the same without colours' },
  ],
  options: {
    interval: { type: 'number', description: 'seconds between refreshes (0.5 to 10)', default: 1 },
  },
  async run(ctx, args) {
    const interval = Number(args.interval);
    if (!(interval >= 0.5 && interval <= 10)) throw new UserError(`invalid --interval '${String(args.interval)}': give seconds between 0.5 and 10`);
    if (!process.stdout.isTTY || !process.stdin.isTTY) throw new UserError("boxctl ui needs a terminal: run it in one, or use 'boxctl ps' and 'boxctl logs' in scripts");
    const [{ currentPaths }, { runDashboard }] = await Promise.all([import('../../engine/paths.js'), import('../ui/dashboard/run.js')]);
    const paths = currentPaths(ctx.globals);
    return runDashboard({
      root: paths.root,
      runroot: paths.runroot,
      // no-color.org: set and not empty.
      color: !process.env.NO_COLOR && process.env.TERM !== 'dumb',
      refreshMs: interval * 1000,
      self: [process.execPath, process.argv[1] ?? 'boxctl'],
    });
  },
};
