// `boxctl cp`, both ways, as Podman and Docker place what they copy (fs/copy-plan.ts).
// The container side runs in the fs worker (fs/worker.ts says how it reaches the
// container and why no link the container planted can lead out of it); the host side
// runs here, as you, reading the source as you name it and writing entries beneath the
// destination without following any link there. Ownership: without -a, files copied in
// belong to the container's root and files copied out to you; with -a they keep their
// owners (copied out, inside a user namespace with the container's mapping, so the
// host ids are those the container's files have).
import { constants as C, closeSync, fstatSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack as tarPack } from 'tar-stream';

import { UserError } from '../../errors.js';
import { planCopy, sourceName, type SourceInfo } from './fs/copy-plan.js';
import { extractTar } from './fs/extract.js';
import { Packer } from './fs/pack.js';
import { Tree } from './fs/resolve.js';
import { containerFs, liveAccess, startWorker, type Worker } from './fs/session.js';
import type { Engine } from './lifecycle.js';
import type { ContainerRecord } from './record.js';

export interface CpArg {
  container?: string;
  path: string;
}

/** `CTR:PATH` names a container's path; a host path with a colon is written `./a:b` (no colon before the first slash). */
export function parseCpArg(arg: string): CpArg {
  const colon = arg.indexOf(':');
  const slash = arg.indexOf('/');
  if (colon <= 0 || (slash >= 0 && slash < colon)) return { path: arg };
  const path = arg.slice(colon + 1);
  return { container: arg.slice(0, colon), path: path === '' ? '/' : path };
}

export interface CpOptions {
  archive: boolean;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  warn(line: string): void;
}

async function settle(worker: Worker, work: Promise<unknown>): Promise<void> {
  // The worker's own error says more than a broken pipe on this side.
  const [w, s] = await Promise.allSettled([worker.finished(), work]);
  if (w.status === 'rejected') throw w.reason;
  if (s.status === 'rejected') throw s.reason;
}

function hostDest(path: string): { exists: boolean; isDir: boolean } {
  try {
    const st = statSync(path);
    return { exists: true, isDir: st.isDirectory() };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, isDir: false };
    throw new UserError(`cannot use ${path} as the destination: ${(e as Error).message}`);
  }
}

export async function copyFromContainer(e: Engine, record: ContainerRecord, src: string, dest: string, o: CpOptions): Promise<void> {
  const fs = containerFs(e, record);
  const worker = startWorker(fs, { op: 'pack', access: liveAccess(fs), path: src }, { stdin: 'ignore', stdout: 'pipe' }, o.warn);
  const first = await worker.next().catch(async (err: unknown) => {
    await worker.finished().catch(() => undefined);
    throw err;
  });
  if (first.kind !== 'source') throw new UserError('the fs worker answered out of order');
  if (dest === '-') return settle(worker, pipeline(worker.stdout!, o.stdout, { end: false }));
  let plan;
  try {
    plan = planCopy(first.source, { path: dest, ...hostDest(dest) });
  } catch (err) {
    worker.child.kill('SIGKILL');
    throw err;
  }
  const dir = plan.into === 'dest' ? resolve(dest) : dirname(resolve(dest));
  if (!o.archive) {
    let fd: number;
    try {
      fd = openSync(dir, C.O_RDONLY | C.O_DIRECTORY);
    } catch (err) {
      worker.child.kill('SIGKILL');
      throw new UserError(`the destination directory ${dir} does not exist: create it first (${(err as NodeJS.ErrnoException).code})`);
    }
    try {
      return await settle(worker, extractTar(worker.stdout!, { tree: new Tree(fd, 'beneath'), base: '/', rebase: plan.rebase, owner: { kind: 'none' }, warn: o.warn }));
    } finally {
      closeSync(fd);
    }
  }
  const writer = startWorker(fs, { op: 'extract', dir, rebase: plan.rebase, owner: { kind: 'keep' } }, { stdin: 'pipe', stdout: 'ignore' }, o.warn);
  await settle(writer, settle(worker, pipeline(worker.stdout!, writer.stdin!)));
}

/** The tar of a host path, as `cp` sends it: the source itself first, named as cp names it. */
async function packHost(src: string, info: SourceInfo, out: Writable): Promise<void> {
  const pack = tarPack();
  const sent = pipeline(pack, out);
  const packer = new Packer(pack);
  const fd = openSync(src, C.O_RDONLY | (info.isDir ? C.O_DIRECTORY : C.O_NONBLOCK));
  try {
    const st = fstatSync(fd);
    if (info.isDir) {
      try {
        await packer.directory(fd, info.name, st);
      } finally {
        closeSync(fd);
      }
    } else if (st.isFile()) {
      // The packer owns the fd from here.
      await packer.file(fd, info.name, st);
    } else {
      closeSync(fd);
      throw new UserError(`${src} is not a regular file or a directory: cp copies those`);
    }
    pack.finalize();
  } catch (err) {
    pack.destroy(err as Error);
    throw err;
  }
  await sent;
}

export async function copyToContainer(e: Engine, record: ContainerRecord, src: string, dest: string, o: CpOptions): Promise<void> {
  const fs = containerFs(e, record);
  const owner = o.archive ? ({ kind: 'keep' } as const) : ({ kind: 'set', uid: 0, gid: 0 } as const);
  if (src === '-') {
    const worker = startWorker(fs, { op: 'unpack', access: liveAccess(fs), path: dest, owner }, { stdin: 'pipe', stdout: 'ignore' }, o.warn);
    return settle(worker, pipeline(o.stdin, worker.stdin!));
  }
  let isDir: boolean;
  try {
    isDir = statSync(src).isDirectory();
  } catch (err) {
    throw new UserError(`cannot copy ${src}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (err as Error).message}`);
  }
  const source = { isDir, name: sourceName(src) };
  if (!isDir && /\/\.?$/.test(src)) throw new UserError(`${src} is not a directory`);
  const worker = startWorker(fs, { op: 'unpack', access: liveAccess(fs), path: dest, source, owner }, { stdin: 'pipe', stdout: 'ignore' }, o.warn);
  await settle(worker, packHost(src, source, worker.stdin!));
}
