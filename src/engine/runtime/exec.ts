// A process in a running container, through `boxctl-runtime exec` (native/README.md),
// for `boxctl exec` and the monitor's healthchecks: it joins the init's namespaces and
// cgroup and runs an OCI process object there, as `runc exec` does.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { startRuntime, type RuntimeProcess, type RuntimeStdio } from '../../native/runtime.js';
import type { Process } from '../spec/oci.js';

export interface ExecOptions {
  /** The container's bundle: its config.json says which namespaces, cgroup and seccomp filter. */
  bundle: string;
  /** Host pid of the container's init; the caller makes sure it is still that process. */
  pid: number;
  process: Process;
  /**
   * Where the pty master goes (SCM_RIGHTS); refused without process.terminal. With a
   * terminal and none given, boxctl-ttyrelay takes the master and relays it to this
   * process's stdin and stdout (a terminal goes raw meanwhile).
   */
  consoleSocket?: string | undefined;
  /** Report once the process runs and leave it running, reparented; exit then resolves with 0. */
  detach?: boolean | undefined;
  /** Gets the process's host pid. */
  pidFile?: string | undefined;
  /** The process's stdin, stdout and stderr, one mode or one each; with a terminal, the relay's. */
  stdio?: RuntimeStdio | undefined;
}

/**
 * `report` resolves with the process's host pid once it has executed, or rejects with
 * the runtime's error; `exit` resolves with the process's status (128+N for a signal N),
 * or with 125 when the runtime failed, 127 when the program is not there and 126 when
 * it cannot be executed, as Podman reports them.
 */
export function execInContainer(opts: ExecOptions): RuntimeProcess {
  // Private: process.env may carry secrets.
  const dir = mkdtempSync(join(tmpdir(), 'boxctl-exec-'));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  const file = join(dir, 'process.json');
  const args = ['exec', '--bundle', resolve(opts.bundle), '--pid', String(opts.pid), '--process', file];
  // In the private dir: only this user can connect and hand the relay a descriptor.
  const relaySocket = opts.process.terminal && !opts.consoleSocket ? join(dir, 'console.sock') : undefined;
  const consoleSocket = opts.consoleSocket ? resolve(opts.consoleSocket) : relaySocket;
  if (consoleSocket) args.push('--console-socket', consoleSocket);
  if (opts.detach) args.push('--detach');
  if (opts.pidFile) args.push('--pid-file', resolve(opts.pidFile));
  let started: RuntimeProcess;
  try {
    writeFileSync(file, JSON.stringify(opts.process), { mode: 0o600 });
    started = startRuntime(args, opts.stdio ?? 'inherit', relaySocket);
  } catch (e) {
    remove();
    throw e;
  }
  // The runtime has read the file once it reports, whatever the outcome.
  started.report.then(remove, remove);
  return started;
}
