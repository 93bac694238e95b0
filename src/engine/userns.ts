// Commands inside a user namespace with the user's own mapping (DESIGN.md, State): the
// files of layers and containers belong to subordinate ids, so the user can unpack,
// inspect or remove them only from inside such a namespace. The namespace work is
// native/'s boxctl-unshare, because Node is multithreaded and the kernel refuses
// unshare(CLONE_NEWUSER) to a multithreaded process.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants as osConstants, userInfo } from 'node:os';
import { join, resolve } from 'node:path';

import { BoxctlError } from '../errors.js';
import { nativeBuildDir } from '../native/location.js';
import { defaultIdMap, formatIdMap, type IdMapEntry } from './host/idmap.js';
import { subidRanges } from './host/subid.js';

export interface UserIdMaps {
  uid: IdMapEntry[];
  gid: IdMapEntry[];
  /** No subordinate uids or gids: only the user's own ids are mapped (to root). */
  single: boolean;
}

export interface IdentityFacts {
  name: string;
  uid: number;
  gid: number;
  subuidText: string;
  subgidText: string;
}

/**
 * Podman's default mapping for a user. Both files must grant a range: a namespace with
 * subordinate uids but a single gid could not represent the owners of most images.
 */
export function idMapsFor(f: IdentityFacts): UserIdMaps {
  const owner = { name: f.name, id: f.uid };
  const subuid = subidRanges(f.subuidText, owner);
  const subgid = subidRanges(f.subgidText, owner);
  const single = subuid.length === 0 || subgid.length === 0;
  return {
    uid: defaultIdMap(f.uid, single ? [] : subuid),
    gid: defaultIdMap(f.gid, single ? [] : subgid),
    single,
  };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The mapping of the current user, from /etc/subuid and /etc/subgid. */
export function userIdMaps(): UserIdMaps {
  const user = userInfo();
  return idMapsFor({
    name: user.username,
    uid: user.uid,
    gid: user.gid,
    subuidText: readText('/etc/subuid'),
    subgidText: readText('/etc/subgid'),
  });
}

/** The maps that make only the user's own ids root: what single-id mode runs with. */
export function singleIdMaps(): UserIdMaps {
  const user = userInfo();
  return { uid: defaultIdMap(user.uid, []), gid: defaultIdMap(user.gid, []), single: true };
}

export interface UsernsOptions {
  /** Default: userIdMaps(). */
  maps?: UserIdMaps;
  /** Also a new mount namespace, made private, so the command may mount. */
  mount?: boolean;
  env?: NodeJS.ProcessEnv;
  stdio?: StdioOptions;
}

function unshareHelper(): string {
  const path = join(nativeBuildDir(), 'bin', 'boxctl-unshare');
  if (!existsSync(path)) {
    throw new BoxctlError(`boxctl-unshare is missing at ${path}: rebuild the native part with 'npm rebuild boxctl'`);
  }
  return path;
}

/**
 * Starts argv as root in a new user namespace. boxctl-unshare execs argv, so the child
 * is the command itself; a failure to set up the namespace is one line on its stderr
 * and exit status 125, a command not found 127, one that cannot run 126.
 */
export function spawnInUserns(argv: readonly string[], opts: UsernsOptions = {}): ChildProcess {
  if (argv.length === 0) throw new BoxctlError('no command to run in the user namespace');
  const maps = opts.maps ?? userIdMaps();
  const args = ['--uid-map', formatIdMap(maps.uid), '--gid-map', formatIdMap(maps.gid)];
  if (opts.mount) args.push('--mount');
  return spawn(unshareHelper(), [...args, '--', ...argv], { stdio: opts.stdio ?? 'inherit', env: opts.env ?? process.env });
}

function exitStatus(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? osConstants.signals[signal] : 0);
}

/**
 * Runs argv in the namespace with the terminal handed over, and resolves to its exit
 * status (128+N when killed by signal N). Like system(3), boxctl ignores the terminal's
 * SIGINT and SIGQUIT meanwhile (they reach the command too, which decides), and passes
 * SIGTERM and SIGHUP on, so that boxctl never exits and leaves the command behind.
 */
export function runInUserns(argv: readonly string[], opts: UsernsOptions = {}): Promise<number> {
  const child = spawnInUserns(argv, opts);
  const ignore = (): void => undefined;
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal);
  };
  const handlers: [NodeJS.Signals, (s: NodeJS.Signals) => void][] = [
    ['SIGINT', ignore],
    ['SIGQUIT', ignore],
    ['SIGTERM', forward],
    ['SIGHUP', forward],
  ];
  for (const [signal, handler] of handlers) process.on(signal, handler);
  return new Promise<number>((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise(exitStatus(code, signal)));
  }).finally(() => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  });
}

/**
 * Deletes a tree that may belong to subordinate ids (rm -rf semantics: symlinks are
 * removed, never followed; a missing path is fine). --one-file-system keeps rm out of
 * anything still mounted below the path, such as a container's overlay.
 */
export async function removeInUserns(path: string, maps: UserIdMaps = userIdMaps()): Promise<void> {
  const target = resolve(path);
  const child = spawnInUserns(['rm', '-rf', '--one-file-system', '--', target], { maps, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const status = await new Promise<number>((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise(exitStatus(code, signal)));
  });
  if (status !== 0) {
    const detail = stderr.trim().split('\n').at(-1) || `exit status ${status}`;
    throw new BoxctlError(`cannot remove ${target} inside the user namespace: ${detail}`);
  }
}
