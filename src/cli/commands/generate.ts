// `boxctl generate`: files made from containers. `systemd` writes the user units of
// Podman's `generate systemd` (docs/systemd.md); the units themselves are built in
// src/engine/systemd/, this file reads flags and decides where the text goes.
import { RESTART_POLICIES } from '../../engine/systemd/restart-policies.js';
import { NotFoundError, UserError } from '../../errors.js';
import type { Context } from '../context.js';
import type { CommandSpec } from '../spec.js';
import { generateKube } from './kube.js';

/** A shell word for the header line: the command as it could be typed again. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

async function systemdRun(ctx: Context, args: Readonly<Record<string, unknown>>): Promise<number> {
  const [{ currentPaths }, { ContainerStore }, unit, host, { serializeUnit }, { homedir, userInfo }, fs, path, { VERSION, GLOBAL_OPTIONS }, { RUN_OPTIONS }] =
    await Promise.all([
      import('../../engine/paths.js'),
      import('../../engine/container/store.js'),
      import('../../engine/systemd/container-unit.js'),
      import('../../engine/systemd/host-units.js'),
      import('../../engine/systemd/unit-file.js'),
      import('node:os'),
      import('node:fs'),
      import('node:path'),
      import('../globals.js'),
      import('./container-flags.js'),
    ]);
  if (args.files && args.install) throw new UserError('--files writes into the current directory and --install into ~/.config/systemd/user: give one of them');
  if (args.format !== undefined && args.format !== 'json') throw new UserError(`--format '${String(args.format)}' is not supported: use json`);
  const paths = currentPaths(ctx.globals);
  const store = new ContainerStore(paths.root, paths.runroot);
  const wanted = String(args.container);
  const record = store.tryFind(wanted);
  if (!record) {
    const members = store.list().filter((r) => r.labels['io.boxctl.kube.pod'] === wanted);
    if (members.length > 0) {
      throw new NotFoundError(
        `'${wanted}' is a pod of 'boxctl kube play', and boxctl has no pods of its own to make a unit for: generate one per container (${members.map((r) => r.name).join(', ')})`,
      );
    }
    throw new NotFoundError(`no container named or with id '${wanted}' ('boxctl ps -a' lists them); boxctl has no pods, so generate systemd takes a container`);
  }

  const home = process.env.HOME || homedir();
  const uid = process.getuid?.() ?? 0;
  const boxctl = [...host.selfArgv(), ...host.storeFlags(paths, home, uid)];
  const unitName = `${String(args['container-prefix'])}${String(args.separator)}${args.name ? record.name : record.id}`;
  const stopTimeout = args['stop-timeout'] === undefined ? record.stopTimeout : Number(args['stop-timeout']);
  if (!Number.isInteger(stopTimeout) || stopTimeout < 0) throw new UserError(`--stop-timeout ${String(args['stop-timeout'])} is not a whole number of seconds`);
  const common = {
    unitName,
    restart: unit.systemdRestart(args['restart-policy'] as string | undefined, record.restart.name),
    stopTimeout,
    requiresMountsFor: host.storeMounts(paths, uid),
  };
  let made;
  if (args.new) {
    if (!record.createCommand) {
      throw new UserError(`container ${record.name} was made by a boxctl that did not keep its command line, so --new cannot run it again: create it anew, or generate without --new`);
    }
    made = unit.newContainerUnit({ ...common, boxctl, containerName: record.name, createCommand: record.createCommand, runFlags: RUN_OPTIONS, globalFlags: GLOBAL_OPTIONS });
  } else {
    if (record.autoRemove) {
      throw new UserError(`container ${record.name} is removed when it exits (--rm), so a unit could start it only once: use --new`);
    }
    if (record.sdNotify === 'ignore') {
      throw new UserError(`container ${record.name} was made with --sdnotify=ignore, so a unit could not tell when it runs: use --new, or create it with --sdnotify=conmon`);
    }
    made = unit.existingContainerUnit({ ...common, boxctl, container: args.name ? record.name : record.id });
  }
  const header = unit.unitHeader({ unitName, version: VERSION, command: ['boxctl', ...ctx.argv].map(shellWord).join(' '), noHeader: Boolean(args['no-header']) });
  const text = serializeUnit(made, header);

  // As Podman prints it: Go's JSON, indented by one space.
  const json = async (value: Record<string, string>) => `${(await import('../render/gofmt.js')).goJson(value, { indent: 1, html: true })}\n`;
  const dir = args.install ? host.userUnitDir(process.env, home) : args.files ? process.cwd() : undefined;
  if (dir === undefined) {
    ctx.stdout.write(args.format === 'json' ? await json({ [unitName]: text }) : text);
    return 0;
  }
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${unitName}.service`);
  fs.writeFileSync(file, text, { mode: 0o644 });
  ctx.stdout.write(args.format === 'json' ? await json({ [unitName]: file }) : `${file}\n`);
  if (args.install) {
    const user = process.env.USER || userInfo().username;
    const linger = host.lingerEnabled(user)
      ? `linger is on for ${user}: the unit keeps running after you log out`
      : `linger is off for ${user}: the unit stops when you log out; to keep it running, run: loginctl enable-linger ${user}`;
    ctx.stderr.write(`next: systemctl --user daemon-reload\n      systemctl --user enable --now ${unitName}.service\n${linger}\n`);
  }
  return 0;
}

const systemd: CommandSpec = {
  name: 'systemd',
  summary: 'Generate a systemd user unit for a container',
  description:
    "Prints a systemd user unit (a .service) that starts and stops the container. With --new the unit creates the container at start from the command line that made it and removes it at stop, so it works from an empty store. The unit is Type=notify: boxctl's monitor tells systemd when the container runs. boxctl has no pods; give a container. docs/systemd.md has the details.",
  examples: [
    { command: 'boxctl generate systemd --new --name web', description: 'print a unit that creates the container web at start' },
    { command: 'boxctl generate systemd --new --name --install web', description: 'write it into ~/.config/systemd/user and print the next steps' },
    { command: 'boxctl generate systemd --files --name --restart-policy=always web', description: 'write container-web.service into the current directory' },
  ],
  options: {
    new: { type: 'boolean', description: 'create the container at start and remove it at stop, instead of starting an existing one', default: false },
    name: { type: 'boolean', alias: 'n', description: "use the container's name instead of its id in the unit's name and commands", default: false },
    files: { type: 'boolean', alias: 'f', description: 'write the unit into the current directory and print its path', default: false },
    install: { type: 'boolean', description: 'write the unit into ~/.config/systemd/user and print how to enable it', default: false },
    'restart-policy': { type: 'string', description: "systemd's Restart= (default on-failure, or always for a container made with --restart=always)", choices: RESTART_POLICIES },
    'stop-timeout': { type: 'number', alias: 't', description: "seconds to wait before SIGKILL when stopping (default: the container's stop timeout)" },
    'container-prefix': { type: 'string', description: 'the prefix of the unit name', default: 'container' },
    separator: { type: 'string', description: 'between the prefix and the name or id', default: '-' },
    'no-header': { type: 'boolean', description: 'leave out the line saying which command made the unit', default: false },
    format: { type: 'string', description: "'json': a map of unit name to unit (or to file path with --files, --install)", choices: ['json'] },
  },
  positionals: [{ name: 'container', description: 'a container name or id', required: true, complete: 'containers' }],
  run: systemdRun,
};

export const generate: CommandSpec = {
  name: 'generate',
  summary: 'Generate systemd units or Kubernetes YAML from containers',
  description: 'Makes files from containers for other tools: systemd user units, and Kubernetes Pod YAML.',
  examples: [{ command: 'boxctl generate systemd --new --name web', description: 'a systemd unit for the container web' }],
  options: {},
  subcommands: [systemd, generateKube],
};
