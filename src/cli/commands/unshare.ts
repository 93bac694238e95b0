// `boxctl unshare`: podman unshare. The user's way into the namespace that owns the
// files of images and containers (DESIGN.md, State).
import type { CommandSpec } from '../spec.js';
import { UserError } from '../../errors.js';

export const unshare: CommandSpec = {
  name: 'unshare',
  summary: 'Run a command as root in the user namespace that owns your images and containers',
  description:
    "Runs COMMAND (default: $SHELL, else /bin/sh) as root in a new user namespace with boxctl's mapping: your uid " +
    'becomes root and your subordinate ids from /etc/subuid and /etc/subgid become 1..N, as Podman maps them. ' +
    'Files of layers and containers belong to those ids, so only there can you change or remove them; the command ' +
    'also gets a private mount namespace, so it may mount an overlay or a tmpfs that nobody else sees. ' +
    'BOXCTL_UNSHARE=1 is set for it. ' +
    "boxctl exits with the command's status: 125 when the namespace could not be entered, 126 when the command " +
    'cannot run, 127 when it does not exist.',
  examples: [
    { command: 'boxctl unshare', description: 'a root shell in the namespace' },
    { command: 'boxctl unshare cat /proc/self/uid_map', description: 'show the mapping' },
    { command: 'boxctl unshare rm -rf ./rootfs', description: 'remove a tree owned by subordinate ids' },
  ],
  options: {},
  passthrough: true,
  positionals: [{ name: 'command', description: 'the command and its arguments', required: false, variadic: true }],
  async run(ctx, args) {
    if (process.env.BOXCTL_UNSHARE === '1') {
      throw new UserError("already inside 'boxctl unshare': run the command directly");
    }
    // The command line as typed, after our own name; a leading '--' is accepted too.
    const rest = ((args['--'] as unknown[] | undefined) ?? []).map(String).slice(1);
    const given = rest[0] === '--' ? rest.slice(1) : rest;
    const argv = given.length > 0 ? given : [process.env.SHELL || '/bin/sh'];
    const { userIdMaps, runInUserns } = await import('../../engine/userns.js');
    const maps = userIdMaps();
    if (maps.single) {
      ctx.stderr.write(
        'warning: no subordinate ids for you in /etc/subuid and /etc/subgid: only your own uid and gid are mapped ' +
          "(root); 'boxctl info' shows the command that adds a range\n",
      );
    }
    return runInUserns(argv, { maps, mount: true, env: { ...process.env, BOXCTL_UNSHARE: '1' } });
  },
};
