// `boxctl runtime`: the OCI runtime command line, verb for verb and flag for flag as
// runc has it, so that anything that drives runc can drive boxctl's runtime. Its
// state lives in <runroot>/runtime (runc's --root is boxctl's --runroot).
import type { Context } from '../context.js';
import type { CommandSpec, OptionSpec } from '../spec.js';

const ID = { name: 'container-id', description: 'the container id', required: true } as const;

const bundle: OptionSpec = { type: 'string', alias: 'b', description: 'path to the OCI bundle (config.json and rootfs)', default: '.', complete: 'directories' };
const consoleSocket: OptionSpec = {
  type: 'string',
  description: 'unix socket that receives the pty master (SCM_RIGHTS) when process.terminal is true',
  complete: 'files',
};
const pidFile: OptionSpec = { type: 'string', description: "file to write the container process's pid to", complete: 'files' };

async function engine() {
  const [rt, paths] = await Promise.all([import('../../engine/runtime/runtime.js'), import('../../engine/paths.js')]);
  return { rt, root: (ctx: Context) => `${paths.currentPaths(ctx.globals).runroot}/runtime` };
}

function createOptions(root: string, args: Readonly<Record<string, unknown>>) {
  return {
    root,
    id: String(args['container-id']),
    bundle: String(args.bundle),
    consoleSocket: args['console-socket'] as string | undefined,
    pidFile: args['pid-file'] as string | undefined,
  };
}

const create: CommandSpec = {
  name: 'create',
  summary: 'Create a container from a bundle; its process waits before execve until start',
  description: 'Sets up the namespaces, mounts and process attributes of config.json and leaves the process waiting, as runc create does.',
  examples: [{ command: 'boxctl runtime create -b ./bundle web', description: 'create container web from ./bundle' }],
  options: { bundle, 'console-socket': consoleSocket, 'pid-file': pidFile },
  positionals: [ID],
  async run(ctx, args) {
    const { rt, root } = await engine();
    await rt.create(createOptions(root(ctx), args));
    return 0;
  },
};

const start: CommandSpec = {
  name: 'start',
  summary: 'Start the process of a created container',
  description: 'Lets a created container run its process, as runc start does.',
  examples: [{ command: 'boxctl runtime start web', description: 'run the process of container web' }],
  options: {},
  positionals: [ID],
  async run(ctx, args) {
    const { rt, root } = await engine();
    await rt.start(root(ctx), String(args['container-id']));
    return 0;
  },
};

const run: CommandSpec = {
  name: 'run',
  summary: 'Create and start a container, wait for it and return its exit code',
  description:
    "Creates and starts the container, forwards signals to it, waits for it to exit, deletes it, and exits with the process's own exit code (128+N when killed by signal N). With --detach it returns once the process runs.",
  examples: [
    { command: 'boxctl runtime run -b ./bundle web', description: 'run container web in the foreground' },
    { command: 'boxctl runtime run -d -b ./bundle web', description: 'start it and return' },
  ],
  options: {
    bundle,
    'console-socket': consoleSocket,
    'pid-file': pidFile,
    detach: { type: 'boolean', alias: 'd', description: 'return once the process runs', default: false },
  },
  positionals: [ID],
  async run(ctx, args) {
    const { rt, root } = await engine();
    const opts = createOptions(root(ctx), args);
    if (!args.detach) return rt.run(opts);
    await rt.create(opts);
    await rt.start(opts.root, opts.id);
    return 0;
  },
};

const state: CommandSpec = {
  name: 'state',
  summary: 'Print the OCI state of a container as JSON',
  description: 'Prints id, pid, status (created, running or stopped), bundle, rootfs, creation time, owner and annotations.',
  examples: [{ command: 'boxctl runtime state web', description: 'show the state of container web' }],
  options: {},
  positionals: [ID],
  async run(ctx, args) {
    const { rt, root } = await engine();
    ctx.stdout.write(`${JSON.stringify(rt.state(root(ctx), String(args['container-id'])), null, 2)}\n`);
    return 0;
  },
};

const kill: CommandSpec = {
  name: 'kill',
  summary: "Send a signal to a container's process",
  description: 'Sends SIGNAL (a name such as TERM or KILL, or a number; default TERM) to the container process.',
  examples: [{ command: 'boxctl runtime kill web KILL', description: 'kill container web' }],
  options: {},
  positionals: [ID, { name: 'signal', description: 'signal name or number', required: false }],
  async run(ctx, args) {
    const [{ rt, root }, { parseSignal }] = await Promise.all([engine(), import('../../engine/host/signals.js')]);
    const signal = parseSignal(args.signal === undefined ? 'TERM' : String(args.signal));
    rt.kill(root(ctx), String(args['container-id']), signal);
    return 0;
  },
};

const remove: CommandSpec = {
  name: 'delete',
  summary: 'Delete a container and its state',
  description: 'Deletes a stopped or created container; a running one only with --force, which kills it first.',
  examples: [{ command: 'boxctl runtime delete --force web', description: 'kill and delete container web' }],
  options: { force: { type: 'boolean', alias: 'f', description: 'kill a running container first', default: false } },
  positionals: [ID],
  async run(ctx, args) {
    const { rt, root } = await engine();
    await rt.remove(root(ctx), String(args['container-id']), Boolean(args.force));
    return 0;
  },
};

const list: CommandSpec = {
  name: 'list',
  summary: 'List the containers of the runtime',
  description: 'Lists every container in the runtime state dir with its pid, status and bundle.',
  examples: [{ command: 'boxctl runtime list --format json', description: 'the same as JSON' }],
  options: { format: { type: 'string', alias: 'f', description: "'table', 'json', or a Go template such as '{{.ID}} {{.Status}}'" } },
  async run(ctx, args) {
    const [{ rt, root }, { renderRuntimeList }] = await Promise.all([engine(), import('../render/runtime-list.js')]);
    ctx.stdout.write(renderRuntimeList(rt.list(root(ctx)), args.format as string | undefined));
    return 0;
  },
};

export const runtime: CommandSpec = {
  name: 'runtime',
  summary: 'The OCI runtime: run a bundle as runc does (create, start, run, state, kill, delete, list)',
  description:
    "The lower layer under boxctl's container commands: runs an OCI bundle (config.json and a rootfs) rootless, with the verbs and flags of runc.",
  examples: [{ command: 'boxctl runtime run -b ./bundle demo', description: 'run a bundle in the foreground' }],
  options: {},
  subcommands: [create, start, run, state, kill, remove, list],
};
