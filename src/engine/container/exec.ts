// `boxctl exec`: the container's own process settings (config.json) with the user's
// changes, run by boxctl-runtime exec inside the running container.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { CommandNotRunError, UserError } from '../../errors.js';
import { execInContainer } from '../runtime/exec.js';
import type { Process, Spec } from '../spec/oci.js';
import { ImageStore } from '../image/store/store.js';
import { parseGroup, parsePasswd, readImageFile } from './image-files.js';
import type { Engine } from './lifecycle.js';
import { mergeEnv, parseEnv, parseEnvFile } from './options.js';
import type { ContainerRecord } from './record.js';
import { resolveUser } from './user.js';

export interface ExecRequest {
  command: string[];
  env: string[];
  envFiles: string[];
  user?: string | undefined;
  workdir?: string | undefined;
  interactive: boolean;
  tty: boolean;
  detach: boolean;
}

/** OCI's process.consoleSize, which the container's own spec never has. */
export type ExecProcess = Process & { consoleSize?: { height: number; width: number } };

export function execSpec(
  base: Process,
  req: ExecRequest,
  env: string[],
  user: Process['user'] | undefined,
  size?: { rows: number; cols: number },
): ExecProcess {
  const spec: ExecProcess = {
    ...base,
    terminal: req.tty,
    args: req.command,
    // As Podman: a terminal gets TERM=xterm unless the container or -e sets one.
    env: mergeEnv(req.tty ? ['TERM=xterm'] : [], base.env ?? [], env),
    cwd: req.workdir ?? base.cwd,
    ...(user ? { user } : {}),
  };
  // The size from the start, so that the first prompt is laid out right.
  if (req.tty && size) spec.consoleSize = { height: size.rows, width: size.cols };
  return spec;
}

export async function execProcess(e: Engine, record: ContainerRecord, pid: number, req: ExecRequest): Promise<number> {
  if (req.tty && req.detach) throw new UserError('exec -d -t is not supported: the terminal lives only as long as boxctl; run it with -it, or -d without -t');
  const spec = JSON.parse(readFileSync(e.store.paths(record.id).config, 'utf8')) as Spec;
  const env = [
    ...req.envFiles.flatMap((p) => parseEnvFile(readFileSync(p, 'utf8'), p, process.env)),
    ...parseEnv(req.env, process.env),
  ];
  let user: Process['user'] | undefined;
  if (req.user !== undefined) {
    const store = new ImageStore(e.root);
    const layers = [...record.layers].reverse().map((d) => store.layerPath(d));
    const r = resolveUser(req.user, parsePasswd(readImageFile(layers, 'etc/passwd') ?? ''), parseGroup(readImageFile(layers, 'etc/group') ?? ''));
    user = { ...spec.process.user, uid: r.uid, gid: r.gid, additionalGids: r.additionalGids };
  }
  const proc = execInContainer({
    bundle: e.store.paths(record.id).bundle,
    pid,
    process: execSpec(spec.process, req, env, user, terminalSize()),
    detach: req.detach,
    // Without -i the process (or with -t the relay) must not read the caller's input.
    stdio: [req.interactive ? 'inherit' : 'ignore', 'inherit', 'inherit'],
  });
  const stopProxy = req.tty ? proxySignals(proc.child) : () => undefined;
  try {
    await proc.report;
  } catch (err) {
    // 126 and 127 are the command's fault, not boxctl's: the CLI says why and exits with them.
    const code = await proc.exit;
    if (code !== 126 && code !== 127) throw err;
    throw new CommandNotRunError((err as Error).message, code);
  } finally {
    proc.exit.then(stopProxy, stopProxy);
  }
  return proc.exit;
}

/** The relay sets the size from its stdin too; process.stdin is left alone, it is the relay's to read. */
function terminalSize(): { rows: number; cols: number } | undefined {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.isTTY && stream.rows > 0 && stream.columns > 0) return { rows: stream.rows, cols: stream.columns };
  }
  return undefined;
}

/**
 * While boxctl-ttyrelay runs: ^C and ^\ typed on a terminal that is not raw (exec -t
 * without -i) reach it and us alike, and it passes them on; we must not die of them
 * and leave it writing to a shell's terminal. SIGTERM and SIGHUP sent to us go to it.
 */
function proxySignals(relay: ChildProcess): () => void {
  const handlers = (['SIGINT', 'SIGQUIT', 'SIGTERM', 'SIGHUP'] as const).map((signal) => {
    const handler = (): void => {
      if (signal === 'SIGTERM' || signal === 'SIGHUP') relay.kill(signal);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
