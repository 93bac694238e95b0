// Reading the host for `boxctl info`. Every item is probed, not guessed: a user
// namespace is entered, an overlay is mounted, the cgroup dir is tested for write
// access. Independent probes run concurrently; each costs a few milliseconds.
import { execFile } from 'node:child_process';
import { accessSync, constants, lstatSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, statfsSync, statSync } from 'node:fs';
import { arch, release, userInfo } from 'node:os';
import { join } from 'node:path';

import { native } from '../../native/addon.js';
import { runHelper } from '../../native/helpers.js';
import { CAP_SETGID, CAP_SETUID, fileCapsPermit } from '../host/filecaps.js';
import { fsTypeName } from '../host/fstype.js';
import { ociArch } from '../host/platform.js';
import { parseToolVersion } from '../host/toolversion.js';
import { defaultIdMap, formatIdMap } from '../host/idmap.js';
import { findCgroup2Mount, parseMountinfo } from '../host/mountinfo.js';
import { cgroupDir, parseProcCgroup } from '../host/proccgroup.js';
import { parseOsRelease } from '../host/osrelease.js';
import { classifyRuntimeDir, readRuntimeDir } from '../host/runtimedir.js';
import { freeSubidRange, subidRanges } from '../host/subid.js';
import { which } from '../host/which.js';
import { currentPaths } from '../paths.js';
import type { HostFacts, IdHelperFacts, ProbeFailure } from './facts.js';

export interface GatherOptions {
  root?: string | undefined;
  runroot?: string | undefined;
  env?: Readonly<Record<string, string | undefined>>;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function failure(e: unknown): ProbeFailure {
  const err = e as { errno?: number; message?: string };
  return { ok: false, errno: typeof err.errno === 'number' ? err.errno : 0, error: err.message ?? String(e) };
}

function idHelper(name: string, cap: number): IdHelperFacts {
  const path = which(name);
  if (!path) return { setuidRoot: false, fileCaps: false };
  const st = statSync(path);
  let caps: Buffer | null = null;
  try {
    caps = native().lgetxattr(path, 'security.capability');
  } catch {
    caps = null;
  }
  return { path, setuidRoot: st.uid === 0 && (st.mode & 0o4000) !== 0, fileCaps: fileCapsPermit(caps, cap) };
}

function version(path: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(path, ['--version'], { timeout: 5000 }, (_err, stdout) => resolve(parseToolVersion(stdout)));
  });
}

async function tool(name: string): Promise<{ path: string; version: string } | undefined> {
  const path = which(name);
  return path ? { path, version: await version(path) } : undefined;
}

function usable(path: string): boolean {
  try {
    closeSync(openSync(path, 'r+'));
    return true;
  } catch {
    return false;
  }
}

function sysctls(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, file] of [
    ['kernel.unprivileged_userns_clone', '/proc/sys/kernel/unprivileged_userns_clone'],
    ['user.max_user_namespaces', '/proc/sys/user/max_user_namespaces'],
    ['kernel.apparmor_restrict_unprivileged_userns', '/proc/sys/kernel/apparmor_restrict_unprivileged_userns'],
  ] as const) {
    const v = readText(file).trim();
    if (v !== '') out[name] = v;
  }
  return out;
}

function cgroupFacts(uid: number): HostFacts['cgroup'] {
  const own = parseProcCgroup(readText('/proc/self/cgroup'));
  const mount = findCgroup2Mount(parseMountinfo(readText('/proc/self/mountinfo')));
  const v1Controllers = own.v1.flatMap((h) => h.controllers).filter((c) => !c.startsWith('name='));
  if (!mount || own.unifiedPath === undefined) return { layout: own.layout, writable: false, controllers: [], v1Controllers };
  const dir = cgroupDir(mount.mountPoint, mount.root, own.unifiedPath);
  let writable = false;
  try {
    // Delegation means this user may create children and move processes: the dir
    // and its cgroup.procs must both be ours to write.
    accessSync(dir, constants.W_OK);
    accessSync(join(dir, 'cgroup.procs'), constants.W_OK);
    writable = statSync(dir).uid === uid || uid === 0;
  } catch {
    writable = false;
  }
  const controllers = readText(join(dir, 'cgroup.controllers')).trim().split(/\s+/).filter((c) => c !== '');
  return { layout: own.layout, mount: mount.mountPoint, path: own.unifiedPath, dir, writable, controllers, v1Controllers };
}

function fsOf(path: string): string {
  try {
    return fsTypeName(Number(statfsSync(path).type));
  } catch {
    return 'unknown';
  }
}

/** Create a store dir (0700) and make sure nobody else planted it, e.g. in /tmp. */
function ensureOwnDir(path: string, uid: number): string | undefined {
  try {
    mkdirSync(path, { recursive: true, mode: 0o700 });
    const st = lstatSync(path);
    if (!st.isDirectory()) return `${path} is not a directory`;
    if (st.uid !== uid) return `${path} belongs to uid ${st.uid}, not to you`;
    return undefined;
  } catch (e) {
    return `cannot create ${path}: ${(e as Error).message}`;
  }
}

async function overlayProbe(root: string): Promise<HostFacts['overlay']> {
  try {
    const tmp = join(root, 'tmp');
    mkdirSync(tmp, { recursive: true, mode: 0o700 });
    const dir = mkdtempSync(join(tmp, 'probe-'));
    const r = await runHelper<{ kernel: { ok: boolean; error?: string }; fuse: { ok: boolean; error?: string } }>(
      'boxctl-probe',
      ['overlay', dir],
    );
    return { kernel: r.kernel, fuse: r.fuse };
  } catch (e) {
    return failure(e);
  }
}

async function usernsProbe(args: string[]): Promise<{ ok: true; uidMap: string; gidMap: string } | ProbeFailure> {
  try {
    const r = await runHelper<{ uidMap: string; gidMap: string }>('boxctl-probe', ['userns', ...args]);
    return { ok: true, uidMap: r.uidMap, gidMap: r.gidMap };
  } catch (e) {
    return failure(e);
  }
}

export async function gatherFacts(opts: GatherOptions = {}): Promise<HostFacts> {
  const env = opts.env ?? process.env;
  const info = userInfo();
  const user = { name: info.username, uid: info.uid, gid: info.gid };
  const subuidText = readText('/etc/subuid');
  const subgidText = readText('/etc/subgid');
  const subuid = subidRanges(subuidText, { name: user.name, id: user.uid });
  const subgid = subidRanges(subgidText, { name: user.name, id: user.uid });

  const rt = readRuntimeDir(env.XDG_RUNTIME_DIR);
  const rtState = classifyRuntimeDir(rt, user.uid);
  const paths = currentPaths({ root: opts.root, runroot: opts.runroot }, env);
  const rootProblem = ensureOwnDir(paths.root, user.uid);
  const runrootProblem = ensureOwnDir(paths.runroot, user.uid);

  const full =
    subuid.length > 0 && subgid.length > 0
      ? ['--uid-map', formatIdMap(defaultIdMap(user.uid, subuid)), '--gid-map', formatIdMap(defaultIdMap(user.gid, subgid))]
      : undefined;
  const [userns, idmap, overlay, pasta, slirp4netns] = await Promise.all([
    usernsProbe([]),
    full ? usernsProbe(full) : Promise.resolve(undefined),
    rootProblem ? Promise.resolve(failure(new Error(rootProblem))) : overlayProbe(paths.root),
    tool('pasta'),
    tool('slirp4netns'),
  ]);

  const os = parseOsRelease(readText('/etc/os-release') || readText('/usr/lib/os-release'));
  const facts: HostFacts = {
    kernel: release(),
    arch: ociArch(arch()),
    distribution: os.PRETTY_NAME ?? os.NAME ?? 'unknown distribution',
    user,
    subuid,
    subgid,
    freeRange: freeSubidRange(`${subuidText}\n${subgidText}`),
    newuidmap: idHelper('newuidmap', CAP_SETUID),
    newgidmap: idHelper('newgidmap', CAP_SETGID),
    userns,
    usernsSysctls: sysctls(),
    overlay,
    cgroup: cgroupFacts(user.uid),
    network: {
      ...(pasta ? { pasta } : {}),
      ...(slirp4netns ? { slirp4netns } : {}),
      tunUsable: usable('/dev/net/tun'),
    },
    store: {
      ...paths,
      rootFs: fsOf(paths.root),
      runrootFs: fsOf(paths.runroot),
      ...(runrootProblem ? { runrootProblem } : {}),
    },
    runtimeDir: {
      ...(rt.value ? { value: rt.value } : {}),
      state: rtState,
      ...(rt.stat ? { ownerUid: rt.stat.uid } : {}),
    },
  };
  if (idmap) facts.idmap = idmap;
  return facts;
}
