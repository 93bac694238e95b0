// The two runtimes under test, driven the same way by the same unprivileged user:
// runc (the reference) and boxctl's own.
import { boxctl, runAs, testUser, userTempDir, type RunResult } from './harness.js';

type User = { user: string; uid: number };

export type RuntimeKind = 'runc' | 'boxctl';
export const RUNTIMES: readonly RuntimeKind[] = ['runc', 'boxctl'];

export interface RuntimeDriver {
  kind: RuntimeKind;
  /** Runs a verb (run, create, start, state, kill, delete) with its arguments. */
  verb(args: readonly string[], opts?: { stdin?: string; env?: Record<string, string | undefined> }): Promise<RunResult>;
  cleanup(): void;
}

export function driver(kind: RuntimeKind, as: User = testUser): RuntimeDriver {
  const state = userTempDir(as.uid);
  return {
    kind,
    verb(args, opts = {}) {
      return kind === 'runc'
        ? runAs(['runc', '--root', state.path, ...args], { ...as, ...opts })
        : boxctl(['--runroot', state.path, 'runtime', ...args], { ...as, ...opts });
    },
    cleanup: state.remove,
  };
}

/** `run -b BUNDLE ID` under one runtime. */
export function runIn(d: RuntimeDriver, bundleDir: string, id: string, opts: { stdin?: string } = {}): Promise<RunResult> {
  return d.verb(['run', '-b', bundleDir, id], opts);
}
