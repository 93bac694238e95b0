// Container commands with Podman's names and flags: run, create, start, stop, kill,
// restart, rm, wait, pause, unpause, rename, logs, attach, and the `container` group.
// Engine modules load inside the handlers: each command pays only for what it uses.
import type { CreateRequest } from '../../engine/container/create.js';
import { NotFoundError, UserError } from '../../errors.js';
import type { Context } from '../context.js';
import type { CommandSpec, PositionalSpec } from '../spec.js';
import { CREATE_OPTIONS, RUN_OPTIONS } from './container-flags.js';

const CONTAINERS: PositionalSpec = { name: 'containers', description: 'container names or ids', required: true, variadic: true, complete: 'containers' };
const CONTAINER: PositionalSpec = { name: 'container', description: 'a container name or id', required: true, complete: 'containers' };

async function engine(ctx: Context) {
  const [{ currentPaths }, lifecycle] = await Promise.all([import('../../engine/paths.js'), import('../../engine/container/lifecycle.js')]);
  const paths = currentPaths(ctx.globals);
  return { e: lifecycle.engineAt(paths.root, paths.runroot), lifecycle, root: paths.root };
}

const names = (args: Readonly<Record<string, unknown>>, key = 'containers'): string[] => ((args[key] as unknown[] | undefined) ?? []).map(String);

/** Runs `fn` for each container named, as Podman does: prints what succeeded, reports every failure, exits 125 if any failed. */
async function eachContainer(ctx: Context, wanted: readonly string[], fn: (name: string) => Promise<string | undefined>): Promise<number> {
  let failed = 0;
  for (const name of wanted) {
    try {
      const out = await fn(name);
      if (out !== undefined) ctx.stdout.write(`${out}\n`);
    } catch (e) {
      if (!(e instanceof Error)) throw e;
      if (wanted.length === 1) throw e;
      ctx.stderr.write(`Error: ${e.message}\n`);
      failed++;
    }
  }
  return failed > 0 ? 125 : 0;
}

async function volumeResolver(root: string) {
  const v = await import('../../engine/volume/store.js');
  return {
    ensure: async (name: string) => (await v.ensureVolume(root, name)).path,
    anonymous: async () => (await v.createAnonymousVolume(root)).name,
    discard: async (names: readonly string[]) => {
      if (names.length > 0) await v.removeVolumes(root, names);
    },
  };
}

/** Anonymous volumes go with their container on `rm -v` and `--rm`, as in Podman. */
async function removeAnonymousVolumes(root: string, record: { mounts: { type: string; source?: string }[] }): Promise<void> {
  const v = await import('../../engine/volume/store.js');
  const anonymous = new Set(v.listVolumes(root).filter((x) => x.anonymous).map((x) => x.name));
  const doomed = record.mounts.filter((m) => m.type === 'volume' && m.source !== undefined && anonymous.has(m.source)).map((m) => m.source!);
  if (doomed.length > 0) await v.removeVolumes(root, doomed);
}

/** --replace: a container that already has the name goes first, as `rm -f` removes it (its volumes stay). */
async function replaceByName(ctx: Context, name: string | undefined): Promise<void> {
  if (name === undefined) throw new UserError('--replace needs --name: it replaces the container of that name');
  const { e, lifecycle } = await engine(ctx);
  const old = e.store.list().find((r) => r.name === name);
  if (old) await lifecycle.remove(e, old, { force: true });
}

async function createFromArgs(ctx: Context, args: Readonly<Record<string, unknown>>) {
  const { requestFrom } = await import('../../engine/container/request.js');
  const req: CreateRequest = { ...requestFrom(args, process.cwd(), process.env), createCommand: ctx.argv };
  if (args.replace) await replaceByName(ctx, req.name);
  if (req.cidFile === undefined) return createFromRequest(ctx, req);
  // Claimed before anything is made, written once the id exists, as Podman does.
  const { claimCidFile } = await import('../../engine/container/cidfile.js');
  const claim = claimCidFile(req.cidFile);
  let created;
  try {
    created = await createFromRequest(ctx, req);
  } catch (e) {
    claim.abandon();
    throw e;
  }
  claim.write(created.record.id);
  return created;
}

/** The ids in the --cidfile files; with --ignore a missing file names none. */
async function cidFileIds(args: Readonly<Record<string, unknown>>): Promise<{ file: string; id: string }[]> {
  const files = names(args, 'cidfile');
  if (files.length === 0) return [];
  const { readCidFile } = await import('../../engine/container/cidfile.js');
  return files.flatMap((file) => {
    const id = readCidFile(file, Boolean(args.ignore));
    return id === undefined ? [] : [{ file, id }];
  });
}

/** The create half of `run` and `create`, for any request (kube play builds its own): pulls with progress lines, makes volumes. */
export async function createFromRequest(ctx: Context, req: CreateRequest) {
  const [{ createContainer }, { pullLine }] = await Promise.all([import('../../engine/container/create.js'), import('../render/pull-lines.js')]);
  const { e, lifecycle, root } = await engine(ctx);
  const say = (line: string) => ctx.stderr.write(`${line}\n`);
  const record = await createContainer(
    {
      root,
      runroot: e.runroot,
      onPull: (ev) => {
        const line = pullLine(ev);
        if (line !== undefined) say(line);
      },
    },
    req,
    await volumeResolver(root),
  );
  return { record, e, lifecycle, root };
}

export const create: CommandSpec = {
  name: 'create',
  summary: 'Create a container from an image without starting it',
  description: "Creates the container's record, root filesystem and OCI spec, pulling the image if needed, and prints its id. 'boxctl start' runs it.",
  examples: [{ command: 'boxctl create --name web -p 8080:80 nginx', description: 'create a container named web' }],
  options: CREATE_OPTIONS,
  positionals: [{ name: 'image', description: 'the image to run', required: true, complete: 'images' }],
  commandAfter: 1,
  async run(ctx, args) {
    const { record } = await createFromArgs(ctx, args);
    ctx.stdout.write(`${record.id}\n`);
    return 0;
  },
};

/** Attaches this terminal to a started-but-waiting container, lets it run, and returns its exit code (or undefined on detach). */
async function runAttached(
  ctx: Context,
  opts: { socket: string; terminal: boolean; stdin: boolean; detachKeys?: string | undefined; sigProxy: boolean; pid: () => number | undefined },
  release: () => Promise<void>,
): Promise<number | undefined> {
  const { attach } = await import('../../engine/container/attach-client.js');
  let released: Promise<unknown> | undefined;
  const attached = attach({
    socketPath: opts.socket,
    stdout: ctx.stdout,
    stderr: opts.terminal ? ctx.stdout : ctx.stderr,
    ...(opts.stdin ? { stdin: process.stdin } : {}),
    tty: opts.terminal && Boolean(process.stdin.isTTY),
    ...(opts.detachKeys !== undefined ? { detachKeys: opts.detachKeys } : {}),
    ...(opts.sigProxy
      ? {
          sigProxy: (sig: NodeJS.Signals) => {
            const pid = opts.pid();
            try {
              if (pid !== undefined) process.kill(pid, sig);
            } catch {
              // The process is gone already: its exit frame is on the way.
            }
          },
        }
      : {}),
    onConnected: () => {
      // Settled here, judged below: a start failure matters only if no exit code came.
      released = release().then(
        () => undefined,
        (err: unknown) => err,
      );
    },
  });
  const result = await attached;
  const failure = await released;
  if (failure && (result.detached || result.exitCode === undefined)) throw failure;
  if (opts.stdin) process.stdin.pause();
  if (result.detached) return undefined;
  return result.exitCode;
}

export const run: CommandSpec = {
  name: 'run',
  summary: 'Run a command in a new container',
  description:
    "Creates a container from IMAGE and runs COMMAND (or the image's) in it. In the foreground, boxctl shows its output, passes your input with -i, and exits with the container's exit code; -d leaves it running in the background under its monitor.",
  details: [
    'The image is pulled first when it is not in the local store (--pull decides). The container gets a user namespace in which root is your own user and the other ids are your subordinate ids (--userns=keep-id keeps your uid), a root file system that is an overlay of the image layers and a writable layer of its own, and its own network: pasta where it is installed, else slirp4netns (--network), with /etc/hosts, /etc/resolv.conf and /etc/hostname made for it.',
    'A small monitor, boxctl-monitor, holds the container\'s output and writes its log (boxctl logs), keeps its exit code, and applies --rm, the restart policy and the healthcheck after boxctl itself has gone. With -it, ctrl-p ctrl-q detaches and boxctl attach comes back. Where a cgroup is delegated to you, the container gets one of its own, which --memory, --cpus and --pids-limit limit; a limit whose controller is not delegated is refused, never ignored.',
  ],
  examples: [
    { command: 'boxctl run --rm busybox echo hello', description: 'run once and remove the container' },
    { command: 'boxctl run -it --rm alpine sh', description: 'an interactive shell' },
    { command: 'boxctl run -d --name web --restart=always nginx', description: 'a background service' },
    { command: 'boxctl run -d --name web -p 8080:80 -v site:/usr/share/nginx/html nginx', description: "serve the volume site with nginx on the host's port 8080" },
    { command: "boxctl run --rm -v \"$PWD\":/src:ro -w /src alpine ls", description: 'the current directory, read-only, as the working directory' },
    { command: 'boxctl run --rm --network none alpine ip addr', description: 'no network but loopback' },
  ],
  options: RUN_OPTIONS,
  positionals: [{ name: 'image', description: 'the image to run', required: true, complete: 'images' }],
  commandAfter: 1,
  async run(ctx, args) {
    const { record, e, lifecycle, root } = await createFromArgs(ctx, args);
    // A --rm container whose process never ran (the monitor, the runtime or the
    // notification to systemd failed) goes again.
    const discard = async (err: unknown): Promise<never> => {
      if (record.autoRemove) await lifecycle.remove(e, record, { force: true, volumes: (r) => removeAnonymousVolumes(root, r) }).catch(() => undefined);
      throw err;
    };
    const monitor = await lifecycle.prepareStart(e, record).catch(discard);
    if (args.detach) {
      await monitor.release().catch(discard);
      ctx.stdout.write(`${record.id}\n`);
      return 0;
    }
    const code = await runAttached(
      ctx,
      {
        socket: e.store.paths(record.id).attach,
        terminal: record.terminal,
        stdin: record.stdin,
        detachKeys: args['detach-keys'] as string | undefined,
        sigProxy: args['sig-proxy'] !== false,
        pid: () => monitor.pid,
      },
      () => monitor.release(),
    ).catch(discard);
    if (code === undefined) return 0;
    if (record.autoRemove) {
      // The monitor's exit command removes it too, but only once a second boxctl has
      // started: removing it here spares the wait. Whichever comes second finds it gone.
      await lifecycle.cleanup(e, record, (r) => removeAnonymousVolumes(root, r)).catch(() => undefined);
      await waitRemoved(e, record.id);
    }
    return code;
  },
};

async function waitRemoved(e: { store: { tryFind(id: string): unknown } }, id: string): Promise<void> {
  const { setTimeout: sleep } = await import('node:timers/promises');
  for (let i = 0; i < 400 && e.store.tryFind(id); i++) await sleep(25);
}

export const start: CommandSpec = {
  name: 'start',
  summary: 'Start one or more created or stopped containers',
  description: 'Starts each container under a new monitor. With -a, attaches to it and exits with its exit code, as Podman does.',
  examples: [{ command: 'boxctl start -a web', description: 'start web and follow its output' }],
  options: {
    attach: { type: 'boolean', alias: 'a', description: "attach to the container's output and wait for it", default: false },
    interactive: { type: 'boolean', alias: 'i', description: 'attach stdin too', default: false },
    'detach-keys': { type: 'string', description: 'key sequence that detaches (default ctrl-p,ctrl-q)' },
  },
  positionals: [CONTAINERS],
  async run(ctx, args) {
    const { e, lifecycle } = await engine(ctx);
    const wanted = names(args);
    if (args.attach) {
      if (wanted.length !== 1) throw new UserError('start --attach takes exactly one container');
      const record = e.store.find(wanted[0]!);
      const monitor = await lifecycle.prepareStart(e, record);
      const code = await runAttached(
        ctx,
        {
          socket: e.store.paths(record.id).attach,
          terminal: record.terminal,
          stdin: Boolean(args.interactive) && record.stdin,
          detachKeys: args['detach-keys'] as string | undefined,
          sigProxy: true,
          pid: () => monitor.pid,
        },
        () => monitor.release(),
      );
      return code ?? 0;
    }
    return eachContainer(ctx, wanted, async (name) => {
      await lifecycle.start(e, e.store.find(name));
      return name;
    });
  },
};

export const stop: CommandSpec = {
  name: 'stop',
  summary: 'Stop running containers: the stop signal, then SIGKILL after the timeout',
  description: "Sends each container its stop signal (the image's, or --stop-signal, else SIGTERM), waits up to the timeout, then kills every process in it.",
  examples: [{ command: 'boxctl stop -t 2 web', description: 'stop web, killing it after 2 seconds' }],
  options: {
    time: { type: 'number', alias: 't', description: "seconds to wait before SIGKILL (default: the container's stop timeout)" },
    all: { type: 'boolean', alias: 'a', description: 'stop every running container', default: false },
    cidfile: { type: 'string', repeatable: true, description: 'stop the container whose id is in this file (--cidfile of run)', complete: 'files' },
    ignore: { type: 'boolean', alias: 'i', description: 'a container or cidfile that does not exist is not an error', default: false },
  },
  positionals: [{ ...CONTAINERS, required: false }],
  async run(ctx, args) {
    const { e, lifecycle } = await engine(ctx);
    const wanted = args.all ? e.store.list().map((r) => r.name) : [...names(args), ...(await cidFileIds(args)).map((c) => c.id)];
    if (wanted.length === 0) {
      if (args.ignore && names(args, 'cidfile').length > 0) return 0;
      throw new UserError('name at least one container, or use --all or --cidfile');
    }
    return eachContainer(ctx, wanted, async (name) => {
      const record = args.ignore ? e.store.tryFind(name) : e.store.find(name);
      if (!record) return undefined;
      await lifecycle.stop(e, record, args.time === undefined ? record.stopTimeout : Number(args.time));
      return name;
    });
  },
};

export const kill: CommandSpec = {
  name: 'kill',
  summary: "Send a signal to containers' main process (default SIGKILL)",
  description: 'Sends the signal to the main process of each running container. A container killed this way is not restarted by its policy.',
  examples: [{ command: 'boxctl kill -s HUP web', description: 'send SIGHUP to web' }],
  options: { signal: { type: 'string', alias: 's', description: 'the signal, as a name or number', default: 'KILL' } },
  positionals: [CONTAINERS],
  async run(ctx, args) {
    const [{ e, lifecycle }, { parseSignal }] = await Promise.all([engine(ctx), import('../../engine/host/signals.js')]);
    const sig = parseSignal(String(args.signal));
    return eachContainer(ctx, names(args), async (name) => {
      await lifecycle.kill(e, e.store.find(name), sig);
      return name;
    });
  },
};

export const restart: CommandSpec = {
  name: 'restart',
  summary: 'Stop and start containers again',
  description: 'Stops each container (as boxctl stop) if it runs, then starts it.',
  examples: [{ command: 'boxctl restart web', description: 'restart web' }],
  options: { time: { type: 'number', alias: 't', description: 'seconds to wait before SIGKILL' } },
  positionals: [CONTAINERS],
  async run(ctx, args) {
    const { e, lifecycle } = await engine(ctx);
    return eachContainer(ctx, names(args), async (name) => {
      const record = e.store.find(name);
      await lifecycle.stop(e, record, args.time === undefined ? record.stopTimeout : Number(args.time));
      await lifecycle.start(e, e.store.find(record.id));
      return name;
    });
  },
};

export const rm: CommandSpec = {
  name: 'rm',
  summary: 'Remove containers',
  description: 'Removes each container and everything it holds: its files, log, cgroup and runtime state. A running one only with -f, which kills it first.',
  examples: [
    { command: 'boxctl rm web', description: 'remove the stopped container web' },
    { command: 'boxctl rm -f --all', description: 'remove every container, running or not' },
  ],
  options: {
    force: { type: 'boolean', alias: 'f', description: 'kill running containers first', default: false },
    time: { type: 'number', alias: 't', description: 'with -f: stop running containers gracefully first, waiting this many seconds before SIGKILL' },
    volumes: { type: 'boolean', alias: 'v', description: 'remove their anonymous volumes too', default: false },
    all: { type: 'boolean', alias: 'a', description: 'remove every container', default: false },
    cidfile: { type: 'string', repeatable: true, description: 'remove the container whose id is in this file (--cidfile of run)', complete: 'files' },
    ignore: { type: 'boolean', alias: 'i', description: 'a container or cidfile that does not exist is not an error', default: false },
  },
  positionals: [{ ...CONTAINERS, required: false }],
  async run(ctx, args) {
    if (args.time !== undefined && !args.force) throw new UserError('--time needs --force: only a running container has to be stopped first');
    const { e, lifecycle, root } = await engine(ctx);
    const fromFiles = await cidFileIds(args);
    const wanted = args.all ? e.store.list().map((r) => r.id) : [...names(args), ...fromFiles.map((c) => c.id)];
    if (wanted.length === 0 && !args.all) {
      if (args.ignore && names(args, 'cidfile').length > 0) return 0;
      throw new UserError('name at least one container, or use --all or --cidfile');
    }
    const code = await eachContainer(ctx, wanted, async (name) => {
      const record = args.ignore ? e.store.tryFind(name) : e.store.find(name);
      if (!record) return undefined;
      await lifecycle.remove(e, record, {
        force: Boolean(args.force),
        ...(args.time !== undefined ? { stopTimeout: Number(args.time) } : {}),
        ...(args.volumes ? { volumes: (r) => removeAnonymousVolumes(root, r) } : {}),
      });
      return record.id;
    });
    // A --rm container's own cleanup may still be busy removing it: its cidfile must be
    // gone when rm returns all the same (a unit's ExecStopPost, then the next ExecStart).
    if (fromFiles.length > 0) {
      const { releaseCidFile } = await import('../../engine/container/cidfile.js');
      for (const c of fromFiles) if (!e.store.tryFind(c.id)) releaseCidFile(c.file, c.id);
    }
    return code;
  },
};

export const wait: CommandSpec = {
  name: 'wait',
  summary: 'Wait for containers to exit and print their exit codes',
  description: 'Blocks until each container has exited, then prints its exit code, one per line.',
  examples: [{ command: 'boxctl wait job', description: 'wait for job and print its exit code' }],
  options: {},
  positionals: [CONTAINERS],
  async run(ctx, args) {
    const { e, lifecycle } = await engine(ctx);
    return eachContainer(ctx, names(args), async (name) => String(await lifecycle.wait(e, e.store.find(name))));
  },
};

const pauseCommand = (frozen: boolean): CommandSpec => ({
  name: frozen ? 'pause' : 'unpause',
  summary: frozen ? 'Freeze every process of containers (cgroup.freeze)' : 'Thaw paused containers',
  description: frozen
    ? 'Freezes all processes of each container through its cgroup, as Podman does; needs a cgroup delegated to you.'
    : 'Lets the processes of each paused container run again.',
  examples: [{ command: `boxctl ${frozen ? 'pause' : 'unpause'} web`, description: frozen ? 'freeze web' : 'thaw web' }],
  options: {},
  positionals: [CONTAINERS],
  async run(ctx, args) {
    const { e, lifecycle } = await engine(ctx);
    return eachContainer(ctx, names(args), async (name) => {
      await lifecycle.pause(e, e.store.find(name), frozen);
      return name;
    });
  },
});

export const pause = pauseCommand(true);
export const unpause = pauseCommand(false);

export const rename: CommandSpec = {
  name: 'rename',
  summary: 'Rename a container',
  description: 'Gives the container a new name; names are unique.',
  examples: [{ command: 'boxctl rename web web-old', description: 'rename web to web-old' }],
  options: {},
  positionals: [CONTAINER, { name: 'name', description: 'the new name', required: true }],
  async run(ctx, args) {
    const { e } = await engine(ctx);
    await e.store.rename(e.store.find(String(args.container)).id, String(args.name));
    return 0;
  },
};

export const logs: CommandSpec = {
  name: 'logs',
  summary: "Print a container's output",
  description: "Prints what the container wrote, stdout to stdout and stderr to stderr, from its log (docs/containers.md has the format).",
  examples: [
    { command: 'boxctl logs -f --tail 10 web', description: 'the last 10 lines, then follow' },
    { command: 'boxctl logs --since 10m -t web', description: 'the last ten minutes with timestamps' },
  ],
  options: {
    follow: { type: 'boolean', alias: 'f', description: 'keep printing as the container writes, until it exits', default: false },
    tail: { type: 'number', alias: 'n', description: 'only the last N lines' },
    since: { type: 'string', description: 'only lines after this time (RFC 3339, Unix seconds, or a duration such as 10m)' },
    until: { type: 'string', description: 'only lines before this time' },
    timestamps: { type: 'boolean', alias: 't', description: 'prefix each line with its time', default: false },
  },
  positionals: [CONTAINER],
  async run(ctx, args) {
    const [{ e, lifecycle }, { printLogs }, { parseTimeSpec }] = await Promise.all([
      engine(ctx),
      import('../../engine/container/log-reader.js'),
      import('../../engine/container/time-spec.js'),
    ]);
    const record = e.store.find(String(args.container));
    const follow = Boolean(args.follow);
    const running = () => {
      const s = lifecycle.view(e, record).status;
      return s === 'running' || s === 'paused';
    };
    const stop = follow && running() ? lifecycle.wait(e, record).catch(() => undefined) : undefined;
    const now = BigInt(Date.now()) * 1_000_000n;
    await printLogs(
      e.store.paths(record.id).log,
      {
        ...(args.tail !== undefined ? { tail: Number(args.tail) } : {}),
        ...(args.since !== undefined ? { since: parseTimeSpec(String(args.since), 'since', now) } : {}),
        ...(args.until !== undefined ? { until: parseTimeSpec(String(args.until), 'until', now) } : {}),
        follow: stop !== undefined,
        timestamps: Boolean(args.timestamps),
      },
      { stdout: ctx.stdout, stderr: ctx.stderr },
      stop,
    );
    return 0;
  },
};

export const attachCommand: CommandSpec = {
  name: 'attach',
  summary: "Attach to a running container's output and input",
  description: "Shows the container's output and sends your input to it (its stdin must be open: run -i). Detach with ctrl-p,ctrl-q; the container keeps running.",
  examples: [{ command: 'boxctl attach web', description: 'attach to web' }],
  options: {
    'no-stdin': { type: 'boolean', description: 'do not send input', default: false },
    'detach-keys': { type: 'string', description: 'key sequence that detaches (default ctrl-p,ctrl-q)' },
    'sig-proxy': { type: 'boolean', description: 'forward signals to the container (without a tty)', default: true },
  },
  positionals: [CONTAINER],
  async run(ctx, args) {
    const { e, lifecycle } = await engine(ctx);
    const record = e.store.find(String(args.container));
    const v = lifecycle.view(e, record);
    if (v.status !== 'running') throw new UserError(`container ${record.name} is ${v.status}: only a running container can be attached to`);
    const code = await runAttached(
      ctx,
      {
        socket: e.store.paths(record.id).attach,
        terminal: record.terminal,
        stdin: record.stdin && !args['no-stdin'],
        detachKeys: args['detach-keys'] as string | undefined,
        sigProxy: args['sig-proxy'] !== false,
        pid: () => v.pid,
      },
      async () => undefined,
    );
    return code ?? 0;
  },
};

export const exists: CommandSpec = {
  name: 'exists',
  summary: 'Exit 0 if the container exists, 1 if not',
  description: 'Prints nothing; for scripts.',
  examples: [{ command: 'boxctl container exists web && echo yes', description: 'test for web' }],
  options: {},
  positionals: [CONTAINER],
  async run(ctx, args) {
    const { e } = await engine(ctx);
    return e.store.tryFind(String(args.container)) ? 0 : 1;
  },
};

export const prune: CommandSpec = {
  name: 'prune',
  summary: 'Remove every stopped container',
  description: 'Removes all containers that are not running, and prints their ids.',
  examples: [{ command: 'boxctl container prune -f', description: 'remove stopped containers without asking' }],
  options: { force: { type: 'boolean', alias: 'f', description: 'do not ask for confirmation', default: false } },
  async run(ctx, args) {
    const { e, lifecycle } = await engine(ctx);
    if (!args.force) {
      if (!process.stdin.isTTY) throw new UserError('container prune removes every stopped container: confirm with -f when not on a terminal');
      const { ask } = await import('../ui/prompt.js');
      const answer = await ask(process.stdin, ctx.stderr, 'WARNING! This will remove all non running containers.\nAre you sure you want to continue? [y/N] ');
      if (!/^y(es)?$/i.test(answer.trim())) return 0;
    }
    for (const record of e.store.list()) {
      const s = lifecycle.view(e, record).status;
      if (s !== 'exited' && s !== 'created') continue;
      await lifecycle.remove(e, record, { force: false });
      ctx.stdout.write(`${record.id}\n`);
    }
    return 0;
  },
};

export const cleanup: CommandSpec = {
  name: 'cleanup',
  summary: "Clean up after a container's process exited (the monitor runs this)",
  description: "Frees the container's cgroup and, for a --rm container, removes it with its anonymous volumes.",
  examples: [{ command: 'boxctl container cleanup web', description: 'what the monitor runs when web exits' }],
  options: {},
  positionals: [CONTAINER],
  async run(ctx, args) {
    const { e, lifecycle, root } = await engine(ctx);
    const record = e.store.tryFind(String(args.container));
    if (!record) return 0;
    await lifecycle.cleanup(e, record, (r) => removeAnonymousVolumes(root, r));
    return 0;
  },
};


export const exec: CommandSpec = {
  name: 'exec',
  summary: 'Run a command in a running container',
  description:
    "Runs COMMAND inside the container's namespaces, cgroup and seccomp filter, with its environment plus -e, as its user or -u, and exits with the command's exit code (126: cannot run, 127: not found).",
  examples: [
    { command: 'boxctl exec web cat /etc/hostname', description: 'run a command in web' },
    { command: 'boxctl exec -it web sh', description: 'a shell in web' },
  ],
  options: {
    interactive: { type: 'boolean', alias: 'i', description: 'keep stdin open', default: false },
    tty: { type: 'boolean', alias: 't', description: 'allocate a pseudo-terminal', default: false },
    detach: { type: 'boolean', alias: 'd', description: 'leave the command running in the background', default: false },
    env: { type: 'string', repeatable: true, alias: 'e', description: 'set an environment variable NAME=VALUE' },
    'env-file': { type: 'string', repeatable: true, description: 'read environment variables from a file', complete: 'files' },
    user: { type: 'string', alias: 'u', description: 'run as USER[:GROUP]' },
    workdir: { type: 'string', alias: 'w', description: 'working directory' },
  },
  positionals: [CONTAINER],
  commandAfter: 1,
  async run(ctx, args) {
    const [{ e, lifecycle }, { execProcess }] = await Promise.all([engine(ctx), import('../../engine/container/exec.js')]);
    const wanted = String(args.container);
    const command = names(args, '--');
    if (command.length === 0) throw new UserError('usage: boxctl exec [OPTIONS] CONTAINER COMMAND [ARG...]');
    const record = e.store.find(wanted);
    const v = lifecycle.view(e, record);
    if (v.status !== 'running') throw new UserError(`container ${record.name} is ${v.status}: exec needs a running container`);
    return execProcess(e, record, v.pid!, {
      command,
      env: ((args.env as string[] | undefined) ?? []).map(String),
      envFiles: ((args['env-file'] as string[] | undefined) ?? []).map(String),
      user: args.user as string | undefined,
      workdir: args.workdir as string | undefined,
      interactive: Boolean(args.interactive),
      tty: Boolean(args.tty),
      detach: Boolean(args.detach),
    });
  },
};

export const ps: CommandSpec = {
  name: 'ps',
  summary: 'List containers',
  description: 'Lists running containers (all of them with -a) with id, image, command, age, status, ports and name.',
  examples: [
    { command: 'boxctl ps -a', description: 'every container' },
    { command: "boxctl ps --filter status=exited --format '{{.Names}}'", description: 'names of exited containers' },
  ],
  options: {
    all: { type: 'boolean', alias: 'a', description: 'show every container, not only running ones', default: false },
    quiet: { type: 'boolean', alias: 'q', description: 'print only ids', default: false },
    format: { type: 'string', description: "'json', 'table ...', or a Go template such as '{{.Names}}'" },
    filter: { type: 'string', repeatable: true, alias: 'f', description: 'status=, name=, label=, ancestor=, id=, exited=, health=, before=, since=' },
    'no-trunc': { type: 'boolean', description: 'show whole ids and commands', default: false },
    noheading: { type: 'boolean', alias: 'n', description: 'no header row', default: false },
    size: { type: 'boolean', alias: 's', description: 'show the disk space each container uses', default: false },
    last: { type: 'number', description: 'show the N most recently created containers (all states)' },
    latest: { type: 'boolean', alias: 'l', description: 'show the most recently created container (all states)', default: false },
  },
  async run(ctx, args) {
    const [{ e, lifecycle }, { parseFilters, matches }, { renderPs }] = await Promise.all([
      engine(ctx),
      import('../../engine/container/filters.js'),
      import('../render/containers.js'),
    ]);
    const filters = parseFilters((args.filter as string[]).map(String));
    const all = e.store.list().map((r) => lifecycle.view(e, r));
    const last = args.latest ? 1 : args.last === undefined ? undefined : Number(args.last);
    let shown = all.filter((v) => matches(v, filters, all));
    if (last !== undefined) shown = shown.slice(-last);
    else if (!args.all && (args.filter as string[]).length === 0) shown = shown.filter((v) => v.status === 'running' || v.status === 'paused');
    shown.reverse();
    const sizes = args.size ? await containerSizes(e, shown) : undefined;
    ctx.stdout.write(
      renderPs(shown, {
        now: Date.now(),
        noTrunc: Boolean(args['no-trunc']),
        ...(sizes ? { sizes } : {}),
        ...(args.format !== undefined ? { format: String(args.format) } : {}),
        quiet: Boolean(args.quiet),
        noHeading: Boolean(args.noheading),
      }),
    );
    return 0;
  },
};

async function containerSizes(
  e: { root: string; store: { paths(id: string): { upper: string } } },
  views: readonly { record: { id: string; imageId: string } }[],
) {
  const [{ dirUsage }, { ImageStore }] = await Promise.all([import('../../engine/disk-usage.js'), import('../../engine/image/store/store.js')]);
  const images = new ImageStore(e.root).readIndex().images;
  const sizes = new Map<string, { rootFsSize: number; rwSize: number }>();
  for (const v of views) {
    const rw = await dirUsage(e.store.paths(v.record.id).upper);
    const image = images.find((i) => i.id === v.record.imageId)?.size ?? 0;
    sizes.set(v.record.id, { rootFsSize: image + rw, rwSize: rw });
  }
  return sizes;
}

export const inspect: CommandSpec = {
  name: 'inspect',
  summary: 'Show the configuration and state of containers (or images) as JSON',
  description: "Prints a JSON array with one object per container, shaped like podman inspect's; a name that is no container is looked up as an image. --format applies a Go template to each.",
  examples: [
    { command: 'boxctl inspect web', description: 'everything about web' },
    { command: "boxctl inspect -f '{{.State.Status}}' web", description: 'only its status' },
  ],
  options: {
    format: { type: 'string', alias: 'f', description: 'a Go template applied to each object' },
    type: { type: 'string', alias: 't', description: 'container, image or all', default: 'all', choices: ['all', 'container', 'image'] },
  },
  positionals: [{ name: 'names', description: 'container or image names or ids', required: true, variadic: true, complete: 'containers' }],
  async run(ctx, args) {
    const [{ e, lifecycle, root }, { inspectContainer, renderInspect }] = await Promise.all([engine(ctx), import('../render/containers.js')]);
    const objects: Record<string, unknown>[] = [];
    for (const name of names(args, 'names')) {
      const record = args.type === 'image' ? undefined : e.store.tryFind(name);
      if (record) {
        const { volumesDir } = await import('../../engine/volume/store.js');
        objects.push(
          inspectContainer(lifecycle.view(e, record), {
            dir: e.store.paths(record.id).dir,
            volumePath: (v) => `${volumesDir(root)}/${v}/_data`,
          }),
        );
        continue;
      }
      if (args.type === 'container') throw new UserError(`no container named or with id '${name}': 'boxctl ps -a' lists them`);
      const [{ inspectImage }, { imageInspectJson }, { imageInspectView }] = await Promise.all([
        import('../../engine/image/images.js'),
        import('./images.js'),
        import('../render/inspect.js'),
      ]);
      try {
        objects.push(imageInspectView(imageInspectJson(inspectImage(root, name))));
      } catch (err) {
        if (!(err instanceof NotFoundError) || args.type === 'image') throw err;
        throw new NotFoundError(`no container or image named '${name}': 'boxctl ps -a' and 'boxctl images' list them`);
      }
    }
    ctx.stdout.write(renderInspect(objects, args.format as string | undefined));
    return 0;
  },
};
