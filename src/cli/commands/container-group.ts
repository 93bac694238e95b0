// `boxctl container ...`: Podman's container group, the container commands under
// their long names plus the ones that live only here (exists, prune, cleanup).
import type { CommandSpec } from '../spec.js';
import { commit, cp, diff, exportCommand } from './container-fs.js';
import { port, stats, top } from './container-observe.js';
import {
  attachCommand,
  cleanup,
  create,
  exec,
  exists,
  inspect,
  kill,
  logs,
  pause,
  prune,
  ps,
  rename,
  restart,
  rm,
  run,
  start,
  stop,
  unpause,
  wait,
} from './containers.js';

const list: CommandSpec = { ...ps, name: 'list', summary: 'List containers (the same as ps)' };
const ls: CommandSpec = { ...ps, name: 'ls', summary: 'List containers (the same as ps)' };

export const container: CommandSpec = {
  name: 'container',
  summary: 'Manage containers: exists, prune, cleanup, and every container command by its long name',
  description: 'The container command group, as in Podman: `boxctl container ls` is `boxctl ps`, and so on.',
  examples: [
    { command: 'boxctl container ls -a', description: 'every container' },
    { command: 'boxctl container prune -f', description: 'remove stopped containers' },
  ],
  options: {},
  subcommands: [
    attachCommand, cleanup, commit, cp, create, diff, exec, exists, exportCommand, inspect, kill, list, logs, ls,
    pause, port, prune, ps, rename, restart, rm, run, start, stats, stop, top, unpause, wait,
  ],
};
