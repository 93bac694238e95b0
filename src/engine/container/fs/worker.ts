// The fs worker: the process that touches a container's files. It runs as root of a
// user namespace with the container's mapping, so files owned by subordinate ids read
// and write as they are, and it does one job per run (protocol.ts):
//   - a running container: started by `nsenter -U` into the container's own user
//     namespace (setns needs a single-threaded caller, so nsenter, not Node, joins it),
//     it opens /proc/PID/root, which is the container's view with its volumes and tmpfs
//     mounts, as Podman's cp shows it. /proc/PID/root is no chroot: the kernel would
//     resolve an absolute link in it against the host's root, so no path is given to the
//     kernel whole; resolve.ts walks it one component at a time with chroot semantics.
//   - a stopped container: started by boxctl-unshare --mount, it mounts the overlay in
//     its private mount namespace (on the container's empty merged/ dir, which nobody
//     else sees) and walks it the same way. export mounts the storage view read-only
//     (the upper dir as the top lower layer), so a running container's mounts are not in
//     it and its upper dir is not mounted twice for writing.
//   - diff and commit read the upper dir and the layers directly.
// The bundle puts this module in a chunk of its own; the host side runs that chunk
// (WORKER_SCRIPT) with node.
import { spawnSync } from 'node:child_process';
import { closeSync, constants as C, createWriteStream, fstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { pack as tarPack, type Pack } from 'tar-stream';

import { computeChanges } from './changes.js';
import { planCopy, sourceName } from './copy-plan.js';
import { extractTar } from './extract.js';
import { DirLayer } from './layer-reader.js';
import { packUpper } from './layer-tar.js';
import { Packer } from './pack.js';
import { REPORT_FD, type Access, type WorkerMessage, type WorkerRequest } from './protocol.js';
import { at, DIR_FLAGS, openResolvedDir, PathError, Tree } from './resolve.js';

function say(m: WorkerMessage): void {
  writeSync(REPORT_FD, `${JSON.stringify(m)}\n`);
}

function startTimeOf(statText: string): number {
  // Field 22, counted after the command name, which may hold spaces and parentheses.
  return Number(statText.slice(statText.lastIndexOf(')') + 2).split(' ')[19]);
}

/** An open fd of the container's root. */
function openRoot(access: Access): number {
  if (access.kind === 'proc') {
    const proc = openSync(`/proc/${access.pid}`, C.O_RDONLY | C.O_DIRECTORY);
    try {
      // Checked through the same /proc/PID fd the root is opened from: a recycled pid is refused.
      if (startTimeOf(readFileSync(at(proc, 'stat'), 'utf8')) !== access.startTime) throw new Error('the container stopped while its files were being opened: try again');
      return openSync(at(proc, 'root'), C.O_RDONLY | C.O_DIRECTORY);
    } finally {
      closeSync(proc);
    }
  }
  const opts = [`lowerdir=${access.lower.join(':')}`, ...(access.upper ? [`upperdir=${access.upper}`, `workdir=${access.work}`] : []), 'userxattr'];
  const r = spawnSync('mount', ['-t', 'overlay', 'overlay', '-o', opts.join(','), ...(access.upper ? [] : ['-r']), access.target], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cannot mount the container's root file system: ${(r.stderr || r.error?.message || '').trim().split('\n').at(-1)}`);
  return openSync(access.target, DIR_FLAGS);
}

/** A tar on stdout, filled by `fill`. */
async function emitTar(fill: (pack: Pack) => Promise<void>): Promise<void> {
  const pack = tarPack();
  const done = pipeline(pack, createWriteStream('', { fd: 1, autoClose: false }));
  try {
    await fill(pack);
  } catch (e) {
    pack.destroy(e as Error);
    await done.catch(() => undefined);
    throw e;
  }
  pack.finalize();
  await done;
}

function parentPath(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

async function packPath(access: Access, path: string): Promise<void> {
  const tree = new Tree(openRoot(access), 'chroot');
  const r = tree.resolve(path, true);
  try {
    if (!r.stat) throw new PathError(`${path}: no such file or directory in the container`, 'ENOENT');
    const isDir = r.stat.isDirectory();
    if (!isDir && /\/\.?$/.test(path)) throw new PathError(`${path}: not a directory`, 'ENOTDIR');
    const name = sourceName(path);
    say({ kind: 'source', source: { isDir, name } });
    await emitTar(async (pack) => {
      const packer = new Packer(pack);
      if (!isDir) return packer.object(r.dir, r.name, name);
      const fd = openResolvedDir(r);
      try {
        await packer.directory(fd, name, fstatSync(fd));
      } finally {
        closeSync(fd);
      }
    });
  } finally {
    r.close();
  }
}

async function exportRoot(access: Access): Promise<void> {
  const root = openRoot(access);
  await emitTar((pack) => new Packer(pack).directory(root, '', fstatSync(root)));
}

async function unpack(req: Extract<WorkerRequest, { op: 'unpack' }>): Promise<void> {
  const tree = new Tree(openRoot(req.access), 'chroot');
  const r = tree.resolve(req.path, true);
  const warn = (message: string) => say({ kind: 'warning', message });
  try {
    const exists = r.stat !== undefined;
    const isDir = r.stat?.isDirectory() ?? false;
    if (!req.source) {
      if (!isDir) throw new PathError(`${req.path} is not a directory in the container: a tar stream is extracted into an existing directory`, 'ENOTDIR');
      await extractTar(process.stdin, { tree, base: r.path, owner: req.owner, warn });
      return;
    }
    const plan = planCopy(req.source, { path: req.path, exists, isDir });
    const base = plan.into === 'dest' ? r.path : parentPath(r.path);
    await extractTar(process.stdin, { tree, base, rebase: plan.rebase, owner: req.owner, warn });
  } finally {
    r.close();
  }
}

async function run(req: WorkerRequest): Promise<void> {
  switch (req.op) {
    case 'pack':
      return packPath(req.access, req.path);
    case 'export':
      return exportRoot(req.access);
    case 'unpack':
      return unpack(req);
    case 'extract': {
      const tree = new Tree(openSync(req.dir, DIR_FLAGS), 'beneath');
      return extractTar(process.stdin, { tree, base: '/', rebase: req.rebase, owner: req.owner, warn: (message) => say({ kind: 'warning', message }) });
    }
    case 'diff':
    case 'layer': {
      const upper = DirLayer.open(req.upper);
      const layers = req.layers.map((l) => DirLayer.open(l));
      if (req.op === 'diff') return say({ kind: 'changes', changes: computeChanges(upper, layers, req.exclude) });
      return emitTar((pack) => packUpper(pack, upper, layers, req.exclude));
    }
  }
}

export async function main(): Promise<void> {
  try {
    await run(JSON.parse(process.argv[2] ?? '') as WorkerRequest);
    say({ kind: 'done', ok: true });
  } catch (e) {
    say({ kind: 'done', ok: false, error: (e as Error).message });
    process.exitCode = 1;
  }
}

