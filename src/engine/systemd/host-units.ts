// Where units and Quadlet files live for a user, and how a unit names this boxctl:
// the edges of `generate systemd` and `quadlet generate` that touch the host.
import { existsSync, realpathSync } from 'node:fs';
import { posix } from 'node:path';

import { bundledScript } from '../bundled-script.js';
import type { StorePaths } from '../paths.js';
import { escapeExpansions, quoteWord } from './unit-file.js';

type Env = Readonly<Record<string, string | undefined>>;

const configHome = (env: Env, home: string): string => env.XDG_CONFIG_HOME || posix.join(home, '.config');

/** ~/.config/systemd/user, where `systemctl --user` finds units the user wrote. */
export function userUnitDir(env: Env, home: string): string {
  return posix.join(configHome(env, home), 'systemd', 'user');
}

/**
 * The directories Quadlet files are read from, first wins for a file name: boxctl's
 * own (~/.config/boxctl/systemd), then the one Podman reads (~/.config/containers/systemd).
 * QUADLET_UNIT_DIRS (colon-separated) replaces both, as it does for Podman's generator.
 */
export function quadletDirs(env: Env, home: string, boxctlConfig: string): string[] {
  if (env.QUADLET_UNIT_DIRS) return env.QUADLET_UNIT_DIRS.split(':').filter((d) => d !== '');
  return [posix.join(boxctlConfig, 'systemd'), posix.join(configHome(env, home), 'containers', 'systemd')];
}

/** Whether systemd keeps the user's manager running after logout (loginctl enable-linger). */
export function lingerEnabled(user: string): boolean {
  return existsSync(posix.join('/var/lib/systemd/linger', user));
}

/**
 * This boxctl as the first words of an Exec line: node's absolute path, then the real
 * path of dist/boxctl.js. Not boxctl.js alone through its #!: that says
 * `/usr/bin/env node`, which looks node up on the PATH of the user's systemd manager,
 * and that PATH often lacks the node a user installed (nvm, ~/.local, /opt).
 */
export function selfArgv(): string[] {
  return [process.execPath, realpathSync(bundledScript('boxctl.js', 'the boxctl CLI'))];
}

/**
 * --root and --runroot for a unit, where the store is not the one boxctl finds by
 * default in the user's systemd manager ($HOME/.local/share/boxctl and
 * /run/user/UID/boxctl: the manager sets no XDG_DATA_HOME and its own XDG_RUNTIME_DIR).
 */
export function storeFlags(paths: StorePaths, home: string, uid: number): string[] {
  const flags: string[] = [];
  if (paths.root !== posix.join(home, '.local', 'share', 'boxctl')) flags.push('--root', paths.root);
  if (paths.runroot !== `/run/user/${uid}/boxctl`) flags.push('--runroot', paths.runroot);
  return flags;
}

/** RequiresMountsFor= words: the store's two directories, the runtime one through %t when it is there. */
export function storeMounts(paths: StorePaths, uid: number): string[] {
  const run = paths.runroot === `/run/user/${uid}/boxctl` ? '%t/boxctl' : quoteWord(escapeExpansions(paths.runroot));
  return [quoteWord(escapeExpansions(paths.root)), run];
}
