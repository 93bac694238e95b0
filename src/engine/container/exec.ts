// `boxctl exec`: the container's own process settings (config.json) with the user's
// changes, run by boxctl-runtime exec inside the running container.
import { readFileSync } from 'node:fs';

import { UserError } from '../../errors.js';
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

export function execSpec(base: Process, req: ExecRequest, env: string[], user: Process['user'] | undefined): Process {
  return {
    ...base,
    terminal: false,
    args: req.command,
    env: mergeEnv(base.env ?? [], env),
    cwd: req.workdir ?? base.cwd,
    ...(user ? { user } : {}),
  };
}

export async function execProcess(e: Engine, record: ContainerRecord, pid: number, req: ExecRequest): Promise<number> {
  if (req.tty) throw new UserError('exec -t is not available yet: run without -t (a pseudo-terminal for exec needs the monitor)');
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
    process: execSpec(spec.process, req, env, user),
    detach: req.detach,
  });
  try {
    await proc.report;
  } catch (err) {
    // 126 and 127 are the command's fault, not boxctl's: say why, exit with them.
    const code = await proc.exit;
    if (code !== 126 && code !== 127) throw err;
    process.stderr.write(`Error: ${(err as Error).message}\n`);
    return code;
  }
  return proc.exit;
}
