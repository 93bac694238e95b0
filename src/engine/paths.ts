// Where boxctl keeps per-user state (DESIGN.md "State"): XDG data, runtime and config
// dirs, each overridable by a flag or an environment variable so tests and users
// can point boxctl at throwaway dirs.
import { homedir } from 'node:os';
import { posix } from 'node:path';

import { classifyRuntimeDir, readRuntimeDir } from './host/runtimedir.js';

export interface StorePaths {
  /** Images, layers, container records: $XDG_DATA_HOME/boxctl. */
  root: string;
  /** Sockets, pids, mounts that must not survive a reboot: $XDG_RUNTIME_DIR/boxctl. */
  runroot: string;
  config: string;
}

export interface PathInput {
  env: Readonly<Record<string, string | undefined>>;
  uid: number;
  home: string;
  root?: string | undefined;
  runroot?: string | undefined;
  /** Whether $XDG_RUNTIME_DIR exists and belongs to this user (see runtimedir.ts). */
  runtimeDirUsable: boolean;
}

export function runrootFallback(uid: number): string {
  return `/tmp/boxctl-${uid}`;
}

export function resolvePaths(input: PathInput): StorePaths {
  const { env, home } = input;
  const dataHome = env.XDG_DATA_HOME || posix.join(home, '.local', 'share');
  const configHome = env.XDG_CONFIG_HOME || posix.join(home, '.config');
  const xdgRun = env.XDG_RUNTIME_DIR;
  const defaultRunroot =
    xdgRun && input.runtimeDirUsable ? posix.join(xdgRun, 'boxctl') : runrootFallback(input.uid);
  return {
    root: posix.resolve(input.root || env.BOXCTL_ROOT || posix.join(dataHome, 'boxctl')),
    runroot: posix.resolve(input.runroot || env.BOXCTL_RUNROOT || defaultRunroot),
    config: posix.resolve(env.BOXCTL_CONFIG_DIR || posix.join(configHome, 'boxctl')),
  };
}

/** resolvePaths for this process: its environment, uid and home. */
export function currentPaths(
  overrides: { root?: string | undefined; runroot?: string | undefined } = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): StorePaths {
  const uid = process.getuid?.() ?? 0;
  const rt = readRuntimeDir(env.XDG_RUNTIME_DIR);
  const state = classifyRuntimeDir(rt, uid);
  return resolvePaths({
    env,
    uid,
    home: env.HOME || homedir(),
    root: overrides.root,
    runroot: overrides.runroot,
    runtimeDirUsable: state === 'ok' || state === 'open-mode',
  });
}
