// Runs the staged boxctl as an unprivileged test user, never as root: runuser with
// a clean environment, optionally from inside the cgroup delegated to that user
// (root moves the shell there first, as systemd does for a user session).
import { spawn } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

import { readHostEnv } from './host-env.js';

export const host = readHostEnv();

export interface RunOptions {
  user: string;
  uid: number;
  /** Added to, or (undefined) removed from, the user's login-like environment. */
  env?: Record<string, string | undefined>;
  inCgroup?: boolean;
  stdin?: string;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function userEnv(user: string, uid: number, extra: RunOptions['env'] = {}): string[] {
  const env: Record<string, string | undefined> = {
    HOME: `/home/${user}`,
    USER: user,
    LOGNAME: user,
    PATH: '/usr/local/bin:/usr/bin:/bin',
    XDG_RUNTIME_DIR: `/run/user/${uid}`,
    LANG: 'C.UTF-8',
    ...extra,
  };
  return Object.entries(env)
    .filter((kv): kv is [string, string] => kv[1] !== undefined)
    .map(([k, v]) => `${k}=${v}`);
}

export function runAs(command: readonly string[], opts: RunOptions): Promise<RunResult> {
  const inner = ['runuser', '-u', opts.user, '--', 'env', '-i', ...userEnv(opts.user, opts.uid, opts.env), ...command];
  const argv = opts.inCgroup ? ['sh', '-c', 'echo $$ > "$0/cgroup.procs" && exec "$@"', host.cgroup, ...inner] : inner;
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    // A runtime's `create` leaves the container holding our pipes: take the exit
    // status, give the output a moment to drain, and stop waiting for the pipes.
    child.on('exit', (code, signal) => {
      const finish = () => resolve({ code: code ?? 128 + (signal ? osConstants.signals[signal] : 0), stdout, stderr });
      let done = false;
      const once = () => {
        if (done) return;
        done = true;
        child.stdout.destroy();
        child.stderr.destroy();
        finish();
      };
      child.on('close', once);
      setTimeout(once, 300);
    });
    child.stdin.end(opts.stdin ?? '');
  });
}

export function boxctl(args: readonly string[], opts: RunOptions): Promise<RunResult> {
  return runAs([process.execPath, join(inject('appDir'), 'dist', 'boxctl.js'), ...args], opts);
}

/** A scratch dir owned by the user, removed (as root) by the returned function. */
export function userTempDir(uid: number): { path: string; remove: () => void } {
  const path = mkdtempSync('/tmp/boxctl-it-');
  chownSync(path, uid, uid);
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export const testUser = { user: host.user, uid: host.uid };
export const nosubUser = { user: host.nosubUser, uid: host.nosubUid };
