// `boxctl create` (and the first half of `run`): image, flags and host facts in, a
// container record and an OCI bundle out, published whole or not at all
// (store.ts). Nothing runs yet; start.ts hands the bundle to a monitor.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';

import { BoxctlError, NotFoundError, UserError } from '../../errors.js';
import { nativeBuildDir } from '../../native/location.js';
import { ociArch } from '../host/platform.js';
import { parseSignal } from '../host/signals.js';
import { ensureBuiltinImage } from '../image/builtin-hello.js';
import { imageExists, inspectImage } from '../image/images.js';
import type { ImageConfig } from '../image/manifest.js';
import type { PullEvent } from '../image/pull.js';
import { ImageStore } from '../image/store/store.js';
import { generateSpec, type SeccompChoice, type SpecInput } from '../spec/generate.js';
import type { IdMapping, LinuxSeccomp, Mount } from '../spec/oci.js';
import { userIdMaps, type UserIdMaps } from '../userns.js';
import { cgroupHome, cgroupPathFor } from './cgroup.js';
import { chooseHostPorts, hostAddresses, installedHelpers, readHostResolv, unprivilegedPortStart } from './net-host.js';
import { joinPaths, runningPidOf } from './net-start.js';
import {
  addresses,
  checkOverlap,
  checkPrivileged,
  checkPublishable,
  exposedPorts,
  helperOf,
  hostsFile,
  networkText,
  parseAddHost,
  parseNetwork,
  parsePublish,
  portText,
  resolvConf,
  type DnsOptions,
  type NetworkMode,
  type PortSpec,
} from './network.js';
import { parseGroup, parsePasswd, readImageFile } from './image-files.js';
import type { ContainerPaths } from './layout.js';
import type { PullPolicy, SecurityOpts } from './options.js';
import { mergeEnv, randomName } from './options.js';
import type { ContainerRecord, HealthConfig, MountRecord, RestartPolicy } from './record.js';
import { withNotifySocket, type SdNotifyMode } from './sdnotify.js';
import { checkName, ContainerStore, newId } from './store.js';
import { resolveUser } from './user.js';

export interface CreateRequest {
  image: string;
  /** The command after the image; empty: the image's Cmd. */
  command: string[];
  /** undefined: the image's; '' clears it. */
  entrypoint?: string | undefined;
  name?: string | undefined;
  env: string[];
  labels: Record<string, string>;
  mounts: MountRecord[];
  workdir?: string | undefined;
  user?: string | undefined;
  hostname?: string | undefined;
  terminal: boolean;
  stdin: boolean;
  readOnly: boolean;
  init: boolean;
  keepId: boolean;
  capAdd: string[];
  capDrop: string[];
  security: SecurityOpts;
  pull: PullPolicy;
  autoRemove: boolean;
  restart: RestartPolicy;
  memory?: number | undefined;
  cpu?: { quota: number; period: number } | undefined;
  pidsLimit?: number | undefined;
  stopSignal?: string | undefined;
  stopTimeout?: number | undefined;
  health?: HealthConfig | undefined;
  log: { maxSize?: number; maxFiles?: number };
  /** undefined: pasta, else slirp4netns (network.ts defaultHelper). */
  network?: string | undefined;
  /** -p specs as given. */
  ports: string[];
  publishAll: boolean;
  dns: DnsOptions;
  addHosts: string[];
  noHosts: boolean;
  /** Absent: conmon, as the flag's default. */
  sdNotify?: SdNotifyMode | undefined;
  /** --cidfile, absolute: the caller writes it; the record keeps it so that removal takes it away. */
  cidFile?: string | undefined;
  /** The command line that asked for the container, after the program name. */
  createCommand?: readonly string[] | undefined;
}

export interface CreateContext {
  root: string;
  runroot: string;
  onPull?: (e: PullEvent) => void;
}

const OVERLAY_ANNOTATION = 'org.boxctl.rootfs.overlay';
const INIT_PATH = '/run/boxctl-init';

async function ensureImage(ctx: CreateContext, name: string, policy: PullPolicy): Promise<void> {
  // The built-in image is made locally whatever the policy, never pulled.
  if (await ensureBuiltinImage(ctx.root, name)) return;
  const present = imageExists(ctx.root, name);
  if (policy === 'never') {
    if (!present) throw new NotFoundError(`image ${name} is not in the local store and --pull=never forbids pulling it: 'boxctl pull ${name}' first`);
    return;
  }
  if (present && policy === 'missing') return;
  // The registry client (undici and the pull pipeline) is most of the bundle: load it only to pull.
  const { pullImage } = await import('../image/pull.js');
  await pullImage({ name, root: ctx.root, ...(ctx.onPull ? { onEvent: ctx.onPull } : {}) });
}

function hostLimits(): SpecInput['hostLimits'] {
  const text = readFileSync('/proc/self/limits', 'utf8');
  const limit = (label: string) => {
    const m = new RegExp(`^${label}\\s+(\\S+)\\s+(\\S+)`, 'm').exec(text);
    const n = (v: string | undefined) => (v === undefined || v === 'unlimited' ? Number.MAX_SAFE_INTEGER : Number(v));
    // Node raises its own soft limit to the hard one at start-up; the hard one is the user's.
    const hard = n(m?.[2]);
    return { soft: hard, hard };
  };
  return { nofile: limit('Max open files'), nproc: limit('Max processes') };
}

function toMappings(maps: UserIdMaps): { uidMappings: IdMapping[]; gidMappings: IdMapping[] } {
  const conv = (m: UserIdMaps['uid']) => m.map((e) => ({ containerID: e.containerId, hostID: e.hostId, size: e.size }));
  return { uidMappings: conv(maps.uid), gidMappings: conv(maps.gid) };
}

/**
 * --userns=keep-id, as Podman lays it out: your own id is the same inside, and the
 * subordinate range fills the ids below and above it.
 */
export function keepIdMappings(own: number, sub: readonly IdMapping[]): IdMapping[] {
  const range = sub.find((m) => m.containerID === 1);
  if (!range) throw new UserError('--userns=keep-id needs subordinate ids: add a range for you to /etc/subuid and /etc/subgid');
  const below = Math.min(own, range.size);
  const out: IdMapping[] = [];
  if (below > 0) out.push({ containerID: 0, hostID: range.hostID, size: below });
  out.push({ containerID: own, hostID: own, size: 1 });
  if (range.size > below) out.push({ containerID: own + 1, hostID: range.hostID + below, size: range.size - below });
  return out;
}

function readSeccompFile(path: string): LinuxSeccomp {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new UserError(`cannot read the seccomp profile ${path}: ${(e as Error).message}`);
  }
  if (typeof doc.defaultAction !== 'string') throw new UserError(`the seccomp profile ${path} has no defaultAction`);
  // Docker's profiles name architectures in archMap and allow `name` for one syscall.
  const archMap = doc.archMap as { architecture: string; subArchitectures?: string[] }[] | undefined;
  const architectures = (doc.architectures as string[] | undefined) ?? archMap?.flatMap((a) => [a.architecture, ...(a.subArchitectures ?? [])]) ?? [];
  const syscalls = ((doc.syscalls as Record<string, unknown>[] | undefined) ?? []).map((s) => {
    const { name, names, includes: _i, excludes: _e, comment: _c, ...rest } = s;
    return { ...rest, names: (names as string[] | undefined) ?? (name ? [name as string] : []) };
  });
  return { defaultAction: doc.defaultAction, architectures, syscalls, ...(typeof doc.defaultErrnoRet === 'number' ? { defaultErrnoRet: doc.defaultErrnoRet } : {}) } as LinuxSeccomp;
}

function seccompChoice(s: SecurityOpts['seccomp']): SeccompChoice {
  if (s.kind === 'file') return { kind: 'profile', profile: readSeccompFile(s.path) };
  return s;
}

function processArgs(config: ImageConfig['config'], req: CreateRequest, image: string): string[] {
  const entrypoint = req.entrypoint === undefined ? (config.Entrypoint ?? []) : req.entrypoint === '' ? [] : [req.entrypoint];
  const cmd = req.command.length > 0 ? req.command : req.entrypoint !== undefined && req.entrypoint !== '' ? [] : (config.Cmd ?? []);
  const args = [...entrypoint, ...cmd];
  if (args.length === 0) throw new UserError(`no command given and image ${image} has none: add a command after the image name`);
  return args;
}

function checkBindSources(mounts: readonly MountRecord[]): void {
  for (const m of mounts) {
    if (m.type !== 'bind') continue;
    if (!existsSync(m.source!)) throw new NotFoundError(`the bind mount source ${m.source} does not exist: create it first`);
  }
}

function specMounts(mounts: readonly MountRecord[], volumePath: (name: string) => string, userdata: string, init: boolean, noHosts: boolean): Mount[] {
  const out: Mount[] = mounts.map((m): Mount => {
    const ro = m.readOnly ? ['ro'] : ['rw'];
    switch (m.type) {
      case 'tmpfs':
        return { destination: m.destination, type: 'tmpfs', source: 'tmpfs', options: ['rw', 'nosuid', 'nodev', ...(m.options ?? []), ...(m.readOnly ? ['ro'] : [])] };
      case 'bind':
        return { destination: m.destination, type: 'bind', source: m.source!, options: ['rbind', ...ro, ...(m.options ?? []).filter((o) => o !== 'z' && o !== 'Z')] };
      case 'volume':
        return { destination: m.destination, type: 'bind', source: volumePath(m.source!), options: ['rbind', ...ro, ...(m.options ?? []).filter((o) => o !== 'z' && o !== 'Z')] };
    }
  });
  const taken = new Set(mounts.map((m) => m.destination));
  for (const file of noHosts ? ['hostname', 'resolv.conf'] : ['hosts', 'hostname', 'resolv.conf']) {
    const dest = `/etc/${file}`;
    if (!taken.has(dest)) out.push({ destination: dest, type: 'bind', source: join(userdata, file), options: ['bind', 'rw'] });
  }
  if (init) out.push({ destination: INIT_PATH, type: 'bind', source: join(nativeBuildDir(), 'bin', 'boxctl-init'), options: ['bind', 'ro'] });
  return out;
}

/** Ports from -p and, with -P, the image's exposed ones not published already; host ports chosen. */
async function publishedPorts(mode: NetworkMode, given: readonly PortSpec[], req: CreateRequest, config: ImageConfig['config']): Promise<string[]> {
  const covered = (p: PortSpec) => given.some((g) => g.protocol === p.protocol && g.containerPort <= p.containerPort && p.containerPort < g.containerPort + g.range);
  const all = [...given, ...(req.publishAll ? exposedPorts(config.ExposedPorts).filter((p) => !covered(p)) : [])];
  checkPublishable(mode, all);
  return (await chooseHostPorts(all)).map(portText);
}

/** /etc/resolv.conf and /etc/hosts; container:NAME shares the other container's. */
function networkFiles(store: ContainerStore, mode: NetworkMode, req: CreateRequest, names: { hostname: string; name: string }): { resolv: string; hosts: string } {
  if (mode.kind === 'container') {
    const target = store.find(mode.name);
    const dir = join(store.paths(target.id).dir, 'userdata');
    return { resolv: readFileSync(join(dir, 'resolv.conf'), 'utf8'), hosts: readFileSync(join(dir, 'hosts'), 'utf8') };
  }
  const host = helperOf(mode) ? hostAddresses() : {};
  return {
    resolv: resolvConf(mode, req.dns, readHostResolv()),
    hosts: hostsFile({ ...names, ...addresses(mode, host), addHosts: req.addHosts.map(parseAddHost) }),
  };
}

function specNetwork(root: string, runroot: string, mode: NetworkMode): SpecInput['namespaces'] {
  if (mode.kind === 'host') return { network: 'host' };
  if (mode.kind === 'ns') return { network: { path: mode.path } };
  // The joined process's namespaces are written again at each start (net-start.ts); its pid changes.
  if (mode.kind === 'container') return { network: { path: joinPaths(`/proc/${runningPidOf(root, runroot, mode.name)}/ns/net`).network } };
  return {};
}

/** A joined network namespace belongs to its process's user namespace, which the container joins too. */
function joinUserNamespace(spec: ReturnType<typeof generateSpec>, mode: NetworkMode): void {
  const net = spec.linux?.namespaces?.find((n) => n.type === 'network')?.path;
  const user = net !== undefined && (mode.kind === 'container' || mode.kind === 'ns') ? joinPaths(net).user : undefined;
  if (!user || !spec.linux?.namespaces) return;
  spec.linux.namespaces = spec.linux.namespaces.map((n) => (n.type === 'user' ? { type: 'user', path: user } : n));
}

async function uniqueName(store: ContainerStore, wanted: string | undefined): Promise<string> {
  if (wanted !== undefined) {
    checkName(wanted);
    return wanted;
  }
  const taken = new Set(store.list().map((r) => r.name));
  for (let i = 0; i < 100; i++) {
    const n = randomName();
    if (!taken.has(n)) return n;
  }
  return `boxctl_${newId().slice(0, 12)}`;
}

export interface VolumeResolver {
  ensure(name: string): Promise<string>;
  anonymous(): Promise<string>;
  discard(names: readonly string[]): Promise<void>;
}

export async function createContainer(ctx: CreateContext, req: CreateRequest, volumes: VolumeResolver): Promise<ContainerRecord> {
  const store = new ContainerStore(ctx.root, ctx.runroot);
  if (req.name !== undefined) {
    checkName(req.name);
    if (store.list().some((r) => r.name === req.name)) {
      throw new BoxctlError(`the container name '${req.name}' is already in use: remove that container or choose another name`);
    }
  }
  const mode = parseNetwork(req.network, req.network === undefined || req.network === '' ? installedHelpers() : { pasta: false, slirp4netns: false });
  const given = req.ports.map(parsePublish);
  checkPublishable(mode, given);
  checkPrivileged(given, unprivilegedPortStart());
  checkOverlap(given);
  if (mode.kind === 'container') store.find(mode.name);
  for (const h of req.addHosts) parseAddHost(h);
  checkBindSources(req.mounts);

  const home = cgroupHome();
  const limits = req.memory !== undefined || req.cpu !== undefined || req.pidsLimit !== undefined;
  if (limits && home?.parent === undefined) {
    const which = [req.memory !== undefined ? '--memory' : '', req.cpu !== undefined ? '--cpus' : '', req.pidsLimit !== undefined ? '--pids-limit' : ''].filter(Boolean).join(', ');
    throw new BoxctlError(
      `cannot apply ${which}: ${home?.why ?? 'no cgroup v2 hierarchy is mounted'}; limits need a cgroup delegated to you (as root: mkdir a cgroup, chown -R it to you and move your shell there, or use 'systemd-run --user --scope -p Delegate=yes')`,
    );
  }

  await ensureImage(ctx, req.image, req.pull);
  const { record: image, config } = inspectImage(ctx.root, req.image);
  const imageStore = new ImageStore(ctx.root);
  const layers = [...image.layers].reverse().map((d) => imageStore.layerPath(d));
  for (const l of layers) {
    if (!existsSync(l)) throw new BoxctlError(`image ${req.image} is missing layer ${l}: pull it again`);
  }

  const maps = userIdMaps();
  const idMap = toMappings(maps);
  const own = userInfo();
  if (req.keepId) {
    idMap.uidMappings = keepIdMappings(own.uid, idMap.uidMappings);
    idMap.gidMappings = keepIdMappings(own.gid, idMap.gidMappings);
  }
  const userSpec = req.user ?? (req.keepId ? `${own.uid}:${own.gid}` : (config.config.User ?? ''));
  const passwd = parsePasswd(readImageFile(layers, 'etc/passwd') ?? '');
  const groups = parseGroup(readImageFile(layers, 'etc/group') ?? '');
  const user = resolveUser(userSpec, passwd, groups);
  if (maps.single) user.additionalGids = [];

  const id = newId();
  const name = await uniqueName(store, req.name);
  const hostname = req.hostname ?? (mode.kind === 'host' ? undefined : id.slice(0, 12));
  const ports = await publishedPorts(mode, given, req, config.config);
  const args = processArgs(config.config, req, req.image);
  const stopSignal = parseSignal(req.stopSignal ?? config.config.StopSignal ?? 'TERM');
  const final = store.paths(id);
  const cgroupPath = cgroupPathFor(home, id);

  // Anonymous volumes for `-v /path` and the image's VOLUMEs, as Podman makes them;
  // a create that fails after making them takes them away again.
  const made: string[] = [];
  const anonymous = async (): Promise<string> => {
    const v = await volumes.anonymous();
    made.push(v);
    return v;
  };
  try {
    const mounts: MountRecord[] = [];
    for (const m of req.mounts) {
      mounts.push(m.type === 'volume' && m.source === undefined ? { ...m, source: await anonymous() } : m);
    }
    for (const dest of Object.keys(config.config.Volumes ?? {})) {
      if (!mounts.some((m) => m.destination === dest)) mounts.push({ type: 'volume', source: await anonymous(), destination: dest, readOnly: false });
    }
    const volumePaths = new Map<string, string>();
    for (const m of mounts) if (m.type === 'volume') volumePaths.set(m.source!, await volumes.ensure(m.source!));

    const env = [...(config.config.Env ?? []), ...req.env];
    const finalArgs = req.init ? [INIT_PATH, '--', ...args] : args;
    const userdata = join(final.dir, 'userdata');
    const generated = generateSpec({
      id,
      rootfs: final.merged,
      readOnlyRootfs: req.readOnly,
      args: finalArgs,
      env: mergeEnv(env),
      ...(req.workdir ?? config.config.WorkingDir ? { cwd: req.workdir ?? config.config.WorkingDir! } : {}),
      user: { uid: user.uid, gid: user.gid, additionalGids: user.additionalGids },
      terminal: req.terminal,
      ...(hostname !== undefined ? { hostname } : {}),
      capAdd: req.capAdd,
      capDrop: req.capDrop,
      noNewPrivileges: req.security.noNewPrivileges,
      seccomp: seccompChoice(req.security.seccomp),
      idMap,
      namespaces: specNetwork(ctx.root, ctx.runroot, mode),
      mounts: specMounts(mounts, (n) => volumePaths.get(n)!, userdata, req.init, req.noHosts),
      hostLimits: hostLimits(),
      arch: ociArch(process.arch),
      annotations: { [OVERLAY_ANNOTATION]: `lowerdir=${layers.join(':')},upperdir=${final.upper},workdir=${final.work}` },
      ...(limits
        ? {
            resources: {
              ...(req.memory !== undefined ? { memory: req.memory } : {}),
              ...(req.cpu ? { cpuQuota: req.cpu.quota, cpuPeriod: req.cpu.period } : {}),
              ...(req.pidsLimit !== undefined ? { pids: req.pidsLimit } : {}),
            },
          }
        : {}),
      ...(cgroupPath ? { cgroupsPath: cgroupPath } : {}),
    });
    // The record keeps the environment the user and the image gave, not the socket's.
    const processEnv = generated.process.env;
    const sdNotify = req.sdNotify ?? 'conmon';
    const spec = withNotifySocket(generated, sdNotify, final.run);

    joinUserNamespace(spec, mode);
    const files = networkFiles(store, mode, req, { hostname: hostname ?? own.username, name });
    const dnsGiven = req.dns.servers.length + req.dns.search.length + req.dns.options.length > 0;

    const record: ContainerRecord = {
      version: 1,
      id,
      name,
      imageName: req.image,
      imageId: image.id,
      command: args,
      created: new Date().toISOString(),
      labels: { ...(config.config.Labels ?? {}), ...req.labels },
      env: processEnv,
      mounts,
      terminal: req.terminal,
      stdin: req.stdin,
      autoRemove: req.autoRemove,
      restart: req.restart,
      stopSignal,
      stopTimeout: req.stopTimeout ?? 10,
      ...(req.health ? { health: req.health } : {}),
      log: req.log,
      ...(cgroupPath ? { cgroupPath } : {}),
      ports,
      network: networkText(mode),
      ...(dnsGiven ? { dns: req.dns } : {}),
      ...(req.addHosts.length > 0 ? { addHosts: req.addHosts } : {}),
      ...(req.noHosts ? { noHosts: true } : {}),
      ...(req.publishAll ? { publishAll: true } : {}),
      hostname: hostname ?? '',
      ...(req.user !== undefined ? { user: req.user } : config.config.User ? { user: config.config.User } : {}),
      ...(spec.process.cwd !== '/' ? { workdir: spec.process.cwd } : {}),
      layers: image.layers,
      ...(req.entrypoint !== undefined ? { entrypoint: req.entrypoint === '' ? [] : [req.entrypoint] } : config.config.Entrypoint ? { entrypoint: config.config.Entrypoint } : {}),
      ...(req.command.length > 0 ? { cmd: req.command } : config.config.Cmd ? { cmd: config.config.Cmd } : {}),
      capAdd: req.capAdd,
      capDrop: req.capDrop,
      ...(limits
        ? {
            limits: {
              ...(req.memory !== undefined ? { memory: req.memory } : {}),
              ...(req.cpu ? { nanoCpus: Math.round((req.cpu.quota / req.cpu.period) * 1e9) } : {}),
              ...(req.pidsLimit !== undefined ? { pidsLimit: req.pidsLimit } : {}),
            },
          }
        : {}),
      sdNotify,
      ...(req.cidFile !== undefined ? { cidFile: req.cidFile } : {}),
      ...(req.createCommand !== undefined ? { createCommand: [...req.createCommand] } : {}),
    };

    return store.create(record, async (paths: ContainerPaths) => {
      for (const dir of [paths.bundle, paths.work, paths.merged, join(paths.dir, 'userdata')]) mkdirSync(dir, { mode: 0o700 });
      // The upper dir's root is the container's "/", which every user in it must traverse.
      mkdirSync(paths.upper, { mode: 0o755 });
      writeFileSync(join(paths.dir, 'userdata', 'hosts'), files.hosts);
      writeFileSync(join(paths.dir, 'userdata', 'hostname'), `${hostname ?? ''}\n`);
      writeFileSync(join(paths.dir, 'userdata', 'resolv.conf'), files.resolv);
      writeFileSync(paths.config, `${JSON.stringify(spec, null, 1)}\n`, { mode: 0o600 });
      if (req.health) {
        const health = { ...spec.process, terminal: false, args: req.health.test };
        writeFileSync(paths.healthProcess, `${JSON.stringify(health)}\n`, { mode: 0o600 });
      }
    });
  } catch (e) {
    await volumes.discard(made).catch(() => undefined);
    throw e;
  }
}
