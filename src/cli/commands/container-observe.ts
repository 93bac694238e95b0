// Commands that look at containers without changing them, with Podman's names, flags
// and output: top (their processes), stats (their resource use, once or as a stream)
// and port (their published ports). Engine modules load inside the handlers.
import { UserError } from '../../errors.js';
import type { ContainerRecord, ContainerView } from '../../engine/container/record.js';
import type { Context } from '../context.js';
import type { CommandSpec } from '../spec.js';

async function engine(ctx: Context) {
  const [{ currentPaths }, lifecycle] = await Promise.all([import('../../engine/paths.js'), import('../../engine/container/lifecycle.js')]);
  const paths = currentPaths(ctx.globals);
  const e = lifecycle.engineAt(paths.root, paths.runroot);
  return { e, view: (r: ContainerRecord) => lifecycle.view(e, r) };
}

const isLive = (v: ContainerView) => v.status === 'running' || v.status === 'paused';
const words = (v: unknown): string[] => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map(String));

export const top: CommandSpec = {
  name: 'top',
  summary: 'Show the processes of a running container',
  description:
    "Lists the container's processes with the pids and users the container sees. Descriptors choose the columns, as separate words or comma-separated: " +
    'user, pid, ppid, args, comm, etime, time, pcpu, tty, vsz, rss, group, nice, pgid, state, and the host view huser, hgroup, hpid ' +
    '(default: user pid ppid pcpu etime tty time args).',
  examples: [
    { command: 'boxctl top web', description: "web's processes" },
    { command: 'boxctl top web pid,huser,args', description: 'pids, host users and command lines' },
  ],
  options: {},
  positionals: [{ name: 'container', description: 'a container name or id', required: true }],
  commandAfter: 1,
  async run(ctx, args) {
    const [{ e, view }, { topSnapshot }, { parseDescriptors, renderTop }] = await Promise.all([
      engine(ctx),
      import('../../engine/container/top.js'),
      import('../render/top.js'),
    ]);
    const descriptors = parseDescriptors(words(args['--']));
    const record = e.store.find(String(args.container));
    const v = view(record);
    if (!isLive(v) || v.pid === undefined) throw new UserError(`container ${record.name} is ${v.status}: top can only be used on running containers`);
    ctx.stdout.write(renderTop(topSnapshot(record.cgroupPath, v.pid, record.name), descriptors));
    return 0;
  },
};

export const stats: CommandSpec = {
  name: 'stats',
  summary: 'Show the resource use of containers: CPU, memory, network, block I/O, pids',
  description:
    "Shows each running container's CPU %, memory use against its limit, network and block I/O and pids, from its cgroup (or, for a container without one, its processes in /proc). " +
    'Redraws every interval until interrupted or until the containers named are gone; --no-stream prints one report.',
  examples: [
    { command: 'boxctl stats --no-stream', description: 'one report of every running container' },
    { command: "boxctl stats --no-stream --format '{{.Name}} {{.CPUPerc}}' web", description: "web's CPU %" },
  ],
  options: {
    all: { type: 'boolean', alias: 'a', description: 'show every container, not only running ones', default: false },
    format: { type: 'string', description: "'json', or a Go template such as 'table {{.ID}} {{.MemUsage}}'" },
    interval: { type: 'number', alias: 'i', description: 'seconds between reports', default: 1 },
    'no-stream': { type: 'boolean', description: 'print one report and exit', default: false },
    'no-reset': { type: 'boolean', description: 'do not clear the screen between reports', default: false },
    'no-trunc': { type: 'boolean', description: 'show whole ids', default: false },
  },
  positionals: [{ name: 'containers', description: 'container names or ids (default: all running ones)', required: false, variadic: true }],
  async run(ctx, args) {
    const [{ e, view }, statsEngine, { renderStats }, { setTimeout: sleep }] = await Promise.all([
      engine(ctx),
      import('../../engine/container/stats.js'),
      import('../render/stats.js'),
      import('node:timers/promises'),
    ]);
    const interval = Number(args.interval);
    if (!Number.isFinite(interval) || interval < 1) throw new UserError(`invalid --interval '${String(args.interval)}': give a whole number of seconds, 1 or more`);
    const format = args.format === undefined ? undefined : String(args.format);
    const all = Boolean(args.all);
    const named = words(args.containers);
    const ids = named.map((n) => e.store.find(n).id);
    for (const id of ids) {
      const v = view(e.store.find(id));
      if (!all && !isLive(v)) throw new UserError(`container ${v.record.name} is ${v.status}: stats needs a running container (or -a)`);
    }
    // What is shown each round: the containers named, or every running one (every one with -a).
    const current = (): ContainerView[] => {
      const records = ids.length > 0 ? ids.map((id) => e.store.tryFind(id)).filter((r): r is ContainerRecord => r !== undefined) : e.store.list();
      return records.map(view).filter((v) => all || isLive(v));
    };
    const samples = new Map<string, ReturnType<typeof statsEngine.sampleStats>>();
    const take = (v: ContainerView) => {
      if (!isLive(v) || v.pid === undefined) return undefined;
      const sample = statsEngine.sampleStats(v.record.cgroupPath, v.pid);
      const before = samples.get(v.record.id);
      samples.set(v.record.id, sample);
      const runningNs = v.startedAt ? (Date.now() - Date.parse(v.startedAt)) * 1e6 : 0;
      return statsEngine.computeStats(before, sample, runningNs);
    };
    // As Podman: a first look one second before the first report, so CPU % is over that second.
    for (const v of current()) take(v);
    await sleep(1000);
    const tty = Boolean((ctx.stdout as NodeJS.WriteStream).isTTY);
    for (;;) {
      const shown = current();
      if (!args['no-stream'] && tty && !args['no-reset']) ctx.stdout.write('\x1b[2J\x1b[1;1H');
      const rows = shown.map((v) => ({ id: v.record.id, name: v.record.name, stats: take(v) ?? statsEngine.NO_STATS }));
      ctx.stdout.write(renderStats(rows, format, Boolean(args['no-trunc'])));
      if (args['no-stream']) return 0;
      if (ids.length > 0 && shown.length === 0) return 0;
      await sleep(interval * 1000);
    }
  },
};

export const port: CommandSpec = {
  name: 'port',
  summary: "List a container's published ports",
  description:
    "Prints each port the running container publishes as 'PRIVATE/PROTO -> HOST_IP:HOST_PORT'; with PRIVATE[/PROTO], only the host address it is published on. -a lists every running container's, each line prefixed with its id.",
  examples: [
    { command: 'boxctl port web', description: "web's published ports" },
    { command: 'boxctl port web 80', description: 'where port 80/tcp of web is published' },
  ],
  options: {
    all: { type: 'boolean', alias: 'a', description: 'every running container', default: false },
    latest: { type: 'boolean', alias: 'l', description: 'the most recently created container', default: false },
  },
  positionals: [
    { name: 'container', description: 'a container name or id', required: false },
    { name: 'private', description: 'PRIVATE[/PROTO]: only this port', required: false },
  ],
  async run(ctx, args) {
    const [{ e, view }, { parsePorts }, { parseWantedPort, portLines }] = await Promise.all([
      engine(ctx),
      import('../render/containers.js'),
      import('../render/port.js'),
    ]);
    const positional = [args.container, args.private].filter((a) => a !== undefined).map(String);
    const byFlag = Boolean(args.all) || Boolean(args.latest);
    if (args.all && args.latest) throw new UserError('--all and --latest cannot be used together');
    if (byFlag && positional.length > 1) throw new UserError('the --all and --latest options do not accept a container: give only PRIVATE[/PROTO]');
    if (!byFlag && positional.length === 0) throw new UserError('you must name a container, or use --all or --latest');
    const [name, wantedText] = byFlag ? [undefined, positional[0]] : positional;
    const wanted = wantedText === undefined ? undefined : parseWantedPort(wantedText);
    const list = e.store.list();
    const records = args.all ? list : args.latest ? list.slice(-1) : [e.store.find(name!)];
    for (const record of records) {
      // Only a running container has its ports published, as Podman reports them.
      if (!isLive(view(record))) continue;
      const lines = portLines(parsePorts(record.ports), wanted, args.all ? `${record.id.slice(0, 12)}\t` : '');
      if (lines === undefined) throw new UserError(`failed to find published port "${wantedText}" of container ${record.name}`);
      for (const line of lines) ctx.stdout.write(`${line}\n`);
    }
    return 0;
  },
};
