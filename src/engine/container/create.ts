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
import { parseGroup, parsePasswd, readImageFile } from './image-files.js';
import type { ContainerPaths } from './layout.js';
import type { PullPolicy, SecurityOpts } from './options.js';
import { mergeEnv, randomName } from './options.js';
import type { ContainerRecord, HealthConfig, MountRecord, RestartPolicy } from './record.js';
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
  network: string;
  ports: string[];
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

function specMounts(mounts: readonly MountRecord[], volumePath: (name: string) => string, userdata: string, init: boolean): Mount[] {
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
  for (const file of ['hosts', 'hostname', 'resolv.conf']) {
    const dest = `/etc/${file}`;
    if (!taken.has(dest)) out.push({ destination: dest, type: 'bind', source: join(userdata, file), options: ['bind', 'rw'] });
  }
  if (init) out.push({ destination: INIT_PATH, type: 'bind', source: join(nativeBuildDir(), 'bin', 'boxctl-init'), options: ['bind', 'ro'] });
  return out;
}

function hostsFile(hostname: string): string {
  return `127.0.0.1\tlocalhost localhost.localdomain\n::1\tlocalhost localhost.localdomain\n127.0.1.1\t${hostname}\n`;
}

function resolvConf(network: string): string {
  if (network === 'host') {
    try {
      return readFileSync('/etc/resolv.conf', 'utf8');
    } catch {
      return '';
    }
  }
  // No way out of the network namespace: no name server to offer.
  return '';
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
}

export async function createContainer(ctx: CreateContext, req: CreateRequest, volumes: VolumeResolver): Promise<ContainerRecord> {
  const store = new ContainerStore(ctx.root, ctx.runroot);
  if (req.name !== undefined) {
    checkName(req.name);
    if (store.list().some((r) => r.name === req.name)) {
      throw new BoxctlError(`the container name '${req.name}' is already in use: remove that container or choose another name`);
    }
  }
  if (req.network !== 'none' && req.network !== 'host' && req.network !== 'private') {
    throw new UserError(`--network ${req.network} is not available yet: use none, private (loopback only) or host`);
  }
  if (req.ports.length > 0) throw new UserError('publishing ports (-p) needs a network helper, which boxctl does not run yet: use --network host');
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
  const hostname = req.hostname ?? (req.network === 'host' ? undefined : id.slice(0, 12));
  const args = processArgs(config.config, req, req.image);
  const stopSignal = parseSignal(req.stopSignal ?? config.config.StopSignal ?? 'TERM');
  const final = store.paths(id);
  const cgroupPath = cgroupPathFor(home, id);

  // Anonymous volumes for `-v /path` and the image's VOLUMEs, as Podman makes them.
  const mounts: MountRecord[] = [];
  for (const m of req.mounts) {
    mounts.push(m.type === 'volume' && m.source === undefined ? { ...m, source: await volumes.anonymous() } : m);
  }
  for (const dest of Object.keys(config.config.Volumes ?? {})) {
    if (!mounts.some((m) => m.destination === dest)) mounts.push({ type: 'volume', source: await volumes.anonymous(), destination: dest, readOnly: false });
  }
  const volumePaths = new Map<string, string>();
  for (const m of mounts) if (m.type === 'volume') volumePaths.set(m.source!, await volumes.ensure(m.source!));

  const env = [...(config.config.Env ?? []), ...req.env];
  const finalArgs = req.init ? [INIT_PATH, '--', ...args] : args;
  const userdata = join(final.dir, 'userdata');
  const spec = generateSpec({
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
    namespaces: req.network === 'host' ? { network: 'host' } : {},
    mounts: specMounts(mounts, (n) => volumePaths.get(n)!, userdata, req.init),
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

  const record: ContainerRecord = {
    version: 1,
    id,
    name,
    imageName: req.image,
    imageId: image.id,
    command: args,
    created: new Date().toISOString(),
    labels: { ...(config.config.Labels ?? {}), ...req.labels },
    env: spec.process.env,
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
    ports: req.ports,
    network: req.network,
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
  };

  return store.create(record, async (paths: ContainerPaths) => {
    for (const dir of [paths.bundle, paths.work, paths.merged, join(paths.dir, 'userdata')]) mkdirSync(dir, { mode: 0o700 });
    // The upper dir's root is the container's "/", which every user in it must traverse.
    mkdirSync(paths.upper, { mode: 0o755 });
    writeFileSync(join(paths.dir, 'userdata', 'hosts'), hostsFile(hostname ?? own.username));
    writeFileSync(join(paths.dir, 'userdata', 'hostname'), `${hostname ?? ''}\n`);
    writeFileSync(join(paths.dir, 'userdata', 'resolv.conf'), resolvConf(req.network));
    writeFileSync(paths.config, `${JSON.stringify(spec, null, 1)}\n`, { mode: 0o600 });
    if (req.health) {
      const health = { ...spec.process, terminal: false, args: req.health.test };
      writeFileSync(paths.healthProcess, `${JSON.stringify(health)}\n`, { mode: 0o600 });
    }
  });
}
