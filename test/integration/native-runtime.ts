// boxctl-runtime driven directly, for the features boxctl's runtime verbs pass
// through untouched (the overlay root, cgroups, --init): the staged binary, as the
// test user, with a state dir of its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

import { runAs, testUser, userTempDir, type RunOptions, type RunResult } from './harness.js';

export function nativeBin(name: string): string {
  return join(inject('appDir'), 'native', 'build', 'bin', name);
}

export interface NativeRuntime {
  /** `boxctl-runtime VERB --bundle DIR --state-dir STATE ID` */
  verb(verb: 'run' | 'create', bundleDir: string, id: string, opts?: Partial<RunOptions>): Promise<RunResult>;
  /** The host pid of a created container's init. */
  initPid(): number;
  cleanup(): void;
}

export function nativeRuntime(): NativeRuntime {
  const state = userTempDir(testUser.uid);
  return {
    verb(verb, bundleDir, id, opts = {}) {
      return runAs([nativeBin('boxctl-runtime'), verb, '--bundle', bundleDir, '--state-dir', state.path, id], { ...testUser, ...opts });
    },
    initPid() {
      return Number(readFileSync(join(state.path, 'init.pid'), 'utf8').split(' ')[0]);
    },
    cleanup: state.remove,
  };
}

/** SIGKILL a created container's init and wait until it is gone. */
export async function killAndWait(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  for (let i = 0; i < 100; i++) {
    if (gone(pid)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`container init ${pid} did not die`);
}

/** Exited: no longer in /proc, or a zombie waiting for whichever reaper it was left to. */
function gone(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}
