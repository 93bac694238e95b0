// The layer unpacker as the test users would run it: unpackLayer() in a process of
// their own, through the real boxctl-unshare and dist/unpack-worker.js, checked from
// the host side. The driver is unpack/index.ts bundled on the fly next to the staged
// worker, since the CLI has no command that unpacks a single layer.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { build } from 'esbuild';
import { pack, type Header } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

import { native } from '../../src/native/addon.js';
import type { UnpackRequest, UnpackResult } from '../../src/engine/image/unpack/index.js';
import { boxctl, host, nosubUser, runAs, testUser, userTempDir } from './harness.js';

type User = typeof testUser;
type DriverAnswer = { ok: true; result: UnpackResult } | { ok: false; error: string };

const REPO = join(import.meta.dirname, '..', '..');
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DRIVER = `
import { unpackLayer } from './src/engine/image/unpack/index.js';
import { removeInUserns } from './src/engine/userns.js';
const request = JSON.parse(process.argv[2]);
try {
  if (request.remove) {
    await removeInUserns(request.remove);
    console.log(JSON.stringify({ ok: true }));
  } else {
    console.log(JSON.stringify({ ok: true, result: await unpackLayer(request) }));
  }
} catch (e) {
  console.log(JSON.stringify({ ok: false, error: e.message }));
}
`;

let driver = '';

beforeAll(async () => {
  driver = join(inject('appDir'), 'dist', 'unpack-test-driver.js');
  await build({
    stdin: { contents: DRIVER, resolveDir: REPO, loader: 'ts', sourcefile: 'unpack-test-driver.ts' },
    outfile: driver,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __bxCreateRequire } from 'node:module';\nconst require = __bxCreateRequire(import.meta.url);" },
  });
});

async function drive(user: User, request: object): Promise<DriverAnswer> {
  const r = await runAs([process.execPath, driver, JSON.stringify(request)], user);
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as DriverAnswer;
  } catch {
    throw new Error(`the driver said no JSON (exit ${r.code}): ${r.stdout}${r.stderr}`);
  }
}

async function unpack(user: User, request: Partial<UnpackRequest> & { blobPath: string; target: string }): Promise<DriverAnswer> {
  return drive(user, { compression: 'gzip', image: 'test/image:latest', single: false, ...request });
}

/** An empty dir owned by the user. */
function userDir(path: string, uid: number): string {
  mkdirSync(path, { recursive: true });
  chownSync(path, uid, uid);
  return path;
}

function subidStart(file: string, user: string): number {
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${user}:`));
  if (!line) throw new Error(`${user} has no range in ${file}`);
  return Number(line.split(':')[1]);
}

function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

interface TarEntry {
  header: Partial<Header> & { name: string };
  content?: string | Buffer;
}

async function tarOf(entries: readonly TarEntry[]): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c: unknown) => chunks.push(c as Buffer));
  const ended = new Promise<void>((resolve) => p.on('end', () => resolve()));
  for (const e of entries) {
    if (e.content !== undefined) p.entry(e.header, e.content);
    else p.entry(e.header);
  }
  p.finalize();
  await ended;
  return Buffer.concat(chunks);
}

const file = (name: string, content: string | Buffer = 'x', extra: Partial<Header> = {}): TarEntry => ({ header: { name, type: 'file', mode: 0o644, ...extra }, content });
const dir = (name: string, extra: Partial<Header> = {}): TarEntry => ({ header: { name, type: 'directory', mode: 0o755, ...extra } });
const symlink = (name: string, linkname: string): TarEntry => ({ header: { name, type: 'symlink', linkname } });
const hardlink = (name: string, linkname: string): TarEntry => ({ header: { name, type: 'link', linkname } });

describe('unpacking boxctl/layers:latest from the test registry as the rootless test user', () => {
  const scratch = userTempDir(testUser.uid);
  const subuid = subidStart('/etc/subuid', host.user);
  const subgid = subidStart('/etc/subgid', host.user);
  const layerDirs: string[] = [];
  let diffIds: string[] = [];
  afterAll(() => scratch.remove());

  beforeAll(async () => {
    const base = `http://${host.registry}/v2/boxctl/layers`;
    const manifest = (await (await fetch(`${base}/manifests/latest`, { headers: { Accept: OCI_MANIFEST } })).json()) as {
      config: { digest: string };
      layers: { digest: string; mediaType: string }[];
    };
    const config = (await (await fetch(`${base}/blobs/${manifest.config.digest}`)).json()) as { rootfs: { diff_ids: string[] } };
    diffIds = config.rootfs.diff_ids;
    expect(manifest.layers).toHaveLength(3);
    for (const [i, layer] of manifest.layers.entries()) {
      expect(layer.mediaType).toBe('application/vnd.oci.image.layer.v1.tar+gzip');
      const blob = join(scratch.path, `layer${i + 1}.blob`);
      writeFileSync(blob, Buffer.from(await (await fetch(`${base}/blobs/${layer.digest}`)).arrayBuffer()));
      layerDirs.push(userDir(join(scratch.path, `layer${i + 1}`), testUser.uid));
    }
  });

  it('unpacks each layer to the diff id its config names', async () => {
    for (const [i, target] of layerDirs.entries()) {
      const r = await unpack(testUser, { blobPath: join(scratch.path, `layer${i + 1}.blob`), target, image: 'boxctl/layers:latest' });
      expect(r).toMatchObject({ ok: true, result: { diffId: diffIds[i], notes: [] } });
    }
  });

  it('gives files their subordinate owners, modes, links and names', () => {
    const data = join(layerDirs[1]!, 'data');
    const owner = (p: string) => {
      const st = lstatSync(join(data, p));
      return [st.uid, st.gid];
    };
    // Container root is the user; container id N is subordinate start + N - 1.
    expect(owner('keep.txt')).toEqual([testUser.uid, testUser.uid]);
    expect(owner('owned-1000')).toEqual([subuid + 999, subgid + 999]);
    expect(owner('owned-1234')).toEqual([subuid + 1233, subgid + 5677]);
    expect(statSync(join(data, 'suid')).mode & 0o7777).toBe(0o4755);
    expect(statSync(join(data, 'hardlink')).ino).toBe(statSync(join(data, 'keep.txt')).ino);
    expect(statSync(join(data, 'keep.txt')).nlink).toBe(2);
    expect(readlinkSync(join(data, 'link'))).toBe('keep.txt');
    expect(readlinkSync(join(data, 'abs-link'))).toBe('/data/keep.txt');
    const long = readdirSync(join(data, 'long'));
    expect(long).toHaveLength(1);
    expect(long[0]!.length).toBeGreaterThan(100);
    expect(readFileSync(join(data, 'long', long[0]!), 'utf8')).toBe('long\n');
    // Directory times are the layer's, not the time of the unpack.
    expect(statSync(data).mtimeMs).toBeLessThan(Date.now() - 1000);
  });

  it('turns the OCI whiteout and opaque marker into overlay ones', () => {
    const data = join(layerDirs[2]!, 'data');
    const gone = lstatSync(join(data, 'gone.txt'));
    expect(gone.isCharacterDevice()).toBe(true);
    expect(gone.rdev).toBe(0);
    expect(existsSync(join(data, '.wh.gone.txt'))).toBe(false);
    expect(native().lgetxattr(join(data, 'dir-opaque'), 'user.overlay.opaque')?.toString()).toBe('y');
    expect(readdirSync(join(data, 'dir-opaque'))).toEqual(['c.txt']);
  });

  it('stacks into a rootless overlay where the whiteout and the opaque dir hide the lower files', async () => {
    const [l1, l2, l3] = layerDirs;
    const ov = userDir(join(scratch.path, 'overlay'), testUser.uid);
    const script = [
      'set -e',
      `cd ${ov}`,
      'mkdir upper work merged',
      `mount -t overlay overlay -o userxattr,lowerdir=${l3}:${l2}:${l1},upperdir=upper,workdir=work merged`,
      'test ! -e merged/data/gone.txt && echo gone-is-gone',
      'ls merged/data/dir-opaque',
      'cat merged/data/keep.txt merged/etc/arch',
    ].join('\n');
    const r = await boxctl(['unshare', '--', 'sh', '-c', script], testUser);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('gone-is-gone\nc.txt\nkeep\namd64\n');
    // The mount lived in the command's own mount namespace.
    expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(`${ov}/merged`);
  });

  it('removes the unpacked layers inside the namespace', async () => {
    for (const target of [...layerDirs, join(scratch.path, 'overlay')]) {
      expect(await drive(testUser, { remove: target })).toEqual({ ok: true });
      expect(existsSync(target)).toBe(false);
    }
  });
});

describe('hostile layers', () => {
  const scratch = userTempDir(testUser.uid);
  const sentinel = userDir(join(scratch.path, 'sentinel'), testUser.uid);
  const secret = join(sentinel, 'secret');
  let n = 0;
  afterAll(() => scratch.remove());

  beforeAll(() => {
    writeFileSync(secret, 'secret\n');
    chownSync(secret, testUser.uid, testUser.uid);
  });

  /** Unpacks into a fresh target beside the sentinel dir. */
  async function unpackTar(tar: Buffer, opts: Partial<UnpackRequest> = {}): Promise<{ answer: DriverAnswer; target: string }> {
    n++;
    const blobPath = join(scratch.path, `blob${n}`);
    writeFileSync(blobPath, opts.compression === 'none' ? tar : gzipSync(tar));
    const target = userDir(join(scratch.path, `target${n}`), testUser.uid);
    return { answer: await unpack(testUser, { blobPath, target, image: 'hostile/image:1', ...opts }), target };
  }

  function expectSentinelUntouched(): void {
    expect(readdirSync(sentinel)).toEqual(['secret']);
    const st = lstatSync(secret);
    expect([st.nlink, st.uid, st.size]).toEqual([1, testUser.uid, 7]);
    expect(native().llistxattr(sentinel)).toEqual([]);
    expect(readdirSync(scratch.path).filter((name) => !/^(sentinel|blob\d+|target\d+)$/.test(name))).toEqual([]);
  }

  const S = () => sentinel;
  it.each<[string, () => TarEntry[], RegExp]>([
    ['a .. escape', () => [file('../sentinel/pwned')], /entry "\.\.\/sentinel\/pwned" climbs out of the layer root/],
    ['a deeper .. escape', () => [dir('a/'), file('a/../../sentinel/pwned')], /entry "a\/\.\.\/\.\.\/sentinel\/pwned" climbs out/],
    ['an absolute path that climbs', () => [file('/../sentinel/pwned')], /climbs out/],
    ['a file through a symlink planted earlier', () => [symlink('link', S()), file('link/pwned')], /entry "link\/pwned" goes through 'link', which is a symlink in this layer/],
    ['a file through a relative symlink', () => [symlink('up', '../sentinel'), file('up/pwned')], /goes through 'up', which is a symlink/],
    ['a directory swapped for a symlink', () => [dir('d/'), file('d/ok'), symlink('d', S()), file('d/pwned')], /entry "d\/pwned" goes through 'd', which is a symlink/],
    ['a directory through a symlink', () => [symlink('s', S()), dir('s/sub/')], /goes through 's'/],
    ['a symlink through a symlink', () => [symlink('s', S()), symlink('s/l', '/')], /goes through 's'/],
    ['a fifo through a symlink', () => [symlink('s', S()), { header: { name: 's/fifo', type: 'fifo', mode: 0o644 } }], /goes through 's'/],
    ['a hard link to outside', () => [hardlink('h', '../sentinel/secret')], /entry "h" climbs out/],
    ['a hard link to a host path', () => [hardlink('h', `${S()}/secret`)], /hard link to '.*sentinel\/secret', which this layer does not contain/],
    ['a hard link through a symlink', () => [symlink('s', S()), hardlink('h', 's/secret')], /entry "h" goes through 's', which is a symlink/],
    ['a hard link over a symlinked parent', () => [file('f'), symlink('s', S()), hardlink('s/h', 'f')], /entry "s\/h" goes through 's'/],
    ['a whiteout of ..', () => [file('x/.wh...')], /is a whiteout of '\.\.', which names no file/],
    ['a whiteout that climbs', () => [file('../.wh.sentinel')], /climbs out/],
    ['a whiteout through a symlink', () => [symlink('s', S()), file('s/.wh.secret')], /entry "s\/\.wh\.secret" goes through 's'/],
    ['an opaque marker through a symlink', () => [symlink('s', S()), file('s/.wh..wh..opq')], /goes through 's'/],
  ])('refuses %s and writes nothing outside the target', async (_what, entries, message) => {
    const { answer } = await unpackTar(await tarOf(entries()));
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error).toMatch(/^refusing a layer of hostile\/image:1: entry /);
    expect(answer.error).toMatch(message);
    expect(answer.error).not.toContain('\n');
    expectSentinelUntouched();
  });

  it('replaces a symlink planted earlier instead of writing through it', async () => {
    const { answer, target } = await unpackTar(
      await tarOf([
        symlink('f', secret),
        file('f', 'replaced'),
        symlink('d', S()),
        dir('d/', { mode: 0o700 }),
        symlink('s', secret),
        hardlink('h', 's'),
        file('h', 'also replaced'),
        symlink('p', secret),
        { header: { name: 'p', type: 'fifo', mode: 0o600 } },
      ]),
    );
    expect(answer.ok).toBe(true);
    expect(readFileSync(join(target, 'f'), 'utf8')).toBe('replaced');
    expect(lstatSync(join(target, 'd')).isDirectory()).toBe(true);
    expect(readFileSync(join(target, 'h'), 'utf8')).toBe('also replaced');
    expect(readlinkSync(join(target, 's'))).toBe(secret);
    expect(lstatSync(join(target, 'p')).isFIFO()).toBe(true);
    expectSentinelUntouched();
    expect(statSync(sentinel).mode & 0o777).toBe(0o755);
  });

  it('refuses a file through a symlink that replaced a file still queued for the file thread', async () => {
    const many = Array.from({ length: 300 }, (_v, i) => file(`e/f${i}`, `file ${i}`));
    const { answer } = await unpackTar(await tarOf([...many, symlink('e/f5', S()), file('e/f5/pwned'), ...many.slice(0, 10)]));
    expect(answer).toEqual({ ok: false, error: "refusing a layer of hostile/image:1: entry \"e/f5/pwned\" goes through 'e/f5', which is a symlink in this layer" });
    expectSentinelUntouched();
  });

  it('names the queued file the thread failed on, not the entry being read then', async () => {
    const before = Array.from({ length: 200 }, (_v, i) => file(`g/a${i}`));
    const after = Array.from({ length: 200 }, (_v, i) => file(`g/b${i}`));
    const { answer } = await unpackTar(await tarOf([...before, file('g/far', 'x', { uid: 70000, gid: 0 }), ...after]));
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/^refusing a layer of hostile\/image:1: entry "g\/far" is owned by 70000:0, which the user namespace does not map/) });
  });

  it('reads absolute names as relative to the layer root', async () => {
    const { answer, target } = await unpackTar(await tarOf([file('/abs/file', 'inside'), symlink('/abs/up', '..')]));
    expect(answer.ok).toBe(true);
    expect(readFileSync(join(target, 'abs', 'file'), 'utf8')).toBe('inside');
    expect(readlinkSync(join(target, 'abs', 'up'))).toBe('..');
    expectSentinelUntouched();
  });

  it('stops a decompression bomb at the layer limit while it streams', async () => {
    const { answer, target } = await unpackTar(await tarOf([file('zeros', Buffer.alloc(4 << 20))]), { limits: { maxLayerBytes: 256 << 10 } });
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/^cannot unpack a layer of hostile\/image:1: the layer unpacks to more than 256 KiB.*decompression bomb/) });
    // What reached the disk before the limit struck is below the limit.
    const partial = join(target, 'zeros');
    if (existsSync(partial)) expect(statSync(partial).size).toBeLessThanOrEqual(256 << 10);
  });

  it('refuses a file over the per-entry limit before writing it', async () => {
    const { answer, target } = await unpackTar(await tarOf([file('ok', 'small'), file('big', Buffer.alloc(64 << 10))]), { limits: { maxEntryBytes: 1000 } });
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/entry "big" holds 64 KiB, over the limit of 1000 bytes for one file/) });
    expect(existsSync(join(target, 'big'))).toBe(false);
  });

  it('refuses a truncated gzip stream', async () => {
    n++;
    const gz = gzipSync(await tarOf([file('random', randomBytes(100 << 10))]));
    const blobPath = join(scratch.path, `blob${n}`);
    writeFileSync(blobPath, gz.subarray(0, gz.length >> 1));
    const target = userDir(join(scratch.path, `target${n}`), testUser.uid);
    const answer = await unpack(testUser, { blobPath, target, image: 'hostile/image:1' });
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/^cannot unpack a layer of hostile\/image:1: the gzip data is corrupt or cut short/) });
  });

  it('refuses a tar cut short inside an entry, and garbage', async () => {
    const tar = await tarOf([file('random', randomBytes(10 << 10))]);
    const cut = await unpackTar(tar.subarray(0, 4096), { compression: 'none' });
    expect(cut.answer).toEqual({ ok: false, error: expect.stringMatching(/: the tar data is corrupt or cut short \(Unexpected end of data\)/) });
    const junk = await unpackTar(randomBytes(4096), { compression: 'none' });
    expect(junk.answer).toEqual({ ok: false, error: expect.stringMatching(/: the tar data is corrupt or cut short \(Invalid tar header/) });
  });

  it('skips device nodes with a note naming them, and unpacks the rest', async () => {
    const { answer, target } = await unpackTar(
      await tarOf([
        dir('dev/'),
        { header: { name: 'dev/null', type: 'character-device', mode: 0o666, devmajor: 1, devminor: 3 } },
        { header: { name: 'dev/sda', type: 'block-device', mode: 0o660, devmajor: 8, devminor: 0 } },
        file('dev/after', 'ok'),
      ]),
    );
    expect(answer).toEqual({ ok: true, result: expect.objectContaining({ notes: [expect.stringMatching(/^device nodes skipped.*: "dev\/null", "dev\/sda"$/)] }) });
    expect(readdirSync(join(target, 'dev'))).toEqual(['after']);
  });
});

describe('what a layer may carry', () => {
  const scratch = userTempDir(testUser.uid);
  const subuid = subidStart('/etc/subuid', host.user);
  const subgid = subidStart('/etc/subgid', host.user);
  let n = 0;
  afterAll(() => scratch.remove());

  async function unpackBlob(blob: Buffer, opts: Partial<UnpackRequest> = {}): Promise<{ answer: DriverAnswer; target: string }> {
    n++;
    const blobPath = join(scratch.path, `blob${n}`);
    writeFileSync(blobPath, blob);
    const target = userDir(join(scratch.path, `target${n}`), testUser.uid);
    return { answer: await unpack(testUser, { blobPath, target, ...opts }), target };
  }

  const mtime = new Date('2001-02-03T04:05:06Z');
  const NET_RAW_CAPS = Buffer.alloc(20);
  NET_RAW_CAPS.writeUInt32LE(0x02000001, 0);
  NET_RAW_CAPS.writeUInt32LE(1 << 13, 4);
  const features = (): Promise<Buffer> =>
    tarOf([
      dir('d/', { mode: 0o755 }),
      file('d/f', 'content', { mtime, uid: 1000, gid: 1000 }),
      // A later entry for an existing directory updates its metadata only.
      dir('d/', { mode: 0o3750, uid: 7, gid: 7, mtime }),
      { header: { name: 'fifo', type: 'fifo', mode: 0o640 } },
      file('dup', 'one'),
      file('dup', 'two'),
      file('kept', 'same layer'),
      file('.wh.kept'),
      file('attrs', 'x', {
        pax: { 'SCHILY.xattr.user.color': 'blue', 'SCHILY.xattr.trusted.secret': 'no', 'SCHILY.xattr.user.overlay.opaque': 'y' },
      }),
      file('implicit/parent/file'),
      // libarchive's exact form of a binary attribute: file capabilities (v2, cap_net_raw, effective).
      file('ping', 'x', { mode: 0o755, pax: { 'LIBARCHIVE.xattr.security.capability': NET_RAW_CAPS.toString('base64') } }),
    ]);

  it('keeps owners, special modes, times, FIFOs and the last of duplicate entries', async () => {
    const tar = await features();
    const { answer, target } = await unpackBlob(gzipSync(tar));
    expect(answer).toMatchObject({ ok: true, result: { diffId: sha256(tar), size: tar.length } });
    const d = statSync(join(target, 'd'));
    expect([d.mode & 0o7777, d.uid]).toEqual([0o3750, subuid + 6]);
    expect(d.mtimeMs).toBe(mtime.getTime());
    const f = statSync(join(target, 'd', 'f'));
    expect([f.uid, f.mtimeMs, readFileSync(join(target, 'd', 'f'), 'utf8')]).toEqual([subuid + 999, mtime.getTime(), 'content']);
    expect(lstatSync(join(target, 'fifo')).isFIFO()).toBe(true);
    expect(statSync(join(target, 'fifo')).mode & 0o7777).toBe(0o640);
    expect(readFileSync(join(target, 'dup'), 'utf8')).toBe('two');
    // A whiteout hides lower layers only: the file of the same layer stays.
    expect(readFileSync(join(target, 'kept'), 'utf8')).toBe('same layer');
    expect(statSync(join(target, 'implicit', 'parent')).mode & 0o7777).toBe(0o755);
  });

  it('gives owners and modes exactly in a setgid directory, below a default ACL and with special bits', async () => {
    // user::rwx group::--- other::---, as a default ACL: it would mask what is created below it.
    const acl = Buffer.alloc(4 + 3 * 8);
    acl.writeUInt32LE(2, 0);
    for (const [i, [tag, perm]] of [[0x01, 7], [0x04, 0], [0x20, 0]].entries()) {
      acl.writeUInt16LE(tag!, 4 + i * 8);
      acl.writeUInt16LE(perm!, 6 + i * 8);
      acl.writeUInt32LE(0xffffffff, 8 + i * 8);
    }
    const tar = await tarOf([
      dir('sg/', { mode: 0o2775, uid: 0, gid: 5 }),
      file('sg/f', 'x', { mode: 0o644 }),
      file('sg/implicit/g', 'x', { mode: 0o640 }),
      symlink('sg/l', 'f'),
      dir('acl/', { mode: 0o755, pax: { 'LIBARCHIVE.xattr.system.posix_acl_default': acl.toString('base64') } }),
      file('acl/f', 'x', { mode: 0o654 }),
      file('suid', 'x', { mode: 0o4755 }),
      file('sticky-dir-less', 'x', { mode: 0o1600 }),
    ]);
    const { answer, target } = await unpackBlob(gzipSync(tar));
    expect(answer).toMatchObject({ ok: true, result: { diffId: sha256(tar), notes: [] } });
    const ownGid = Number(spawnSync('id', ['-g', testUser.user], { encoding: 'utf8' }).stdout.trim());
    const sg = statSync(join(target, 'sg'));
    expect([sg.mode & 0o7777, sg.gid]).toEqual([0o2775, subgid + 4]);
    // Root-owned entries stay root's group, though the setgid parent would give them its own.
    for (const name of ['sg/f', 'sg/implicit/g', 'sg/l']) expect([name, lstatSync(join(target, name)).gid]).toEqual([name, ownGid]);
    expect(statSync(join(target, 'sg/f')).mode & 0o7777).toBe(0o644);
    expect(statSync(join(target, 'sg/implicit/g')).mode & 0o7777).toBe(0o640);
    expect(statSync(join(target, 'acl/f')).mode & 0o7777).toBe(0o654);
    expect(statSync(join(target, 'suid')).mode & 0o7777).toBe(0o4755);
    expect(statSync(join(target, 'sticky-dir-less')).mode & 0o7777).toBe(0o1600);
  });

  it('keeps the order of entries that meet files queued for the file thread', async () => {
    const many = Array.from({ length: 300 }, (_v, i) => file(`d/f${i}`, `file ${i}`, { mtime }));
    const tar = await tarOf([
      ...many,
      file('d/f100', 'second'),
      hardlink('d/link', 'd/f150'),
      file('d/.wh.f10'),
      dir('d/f20/', { mode: 0o750 }),
      file('d/f20/inside', 'in a dir that was a file'),
      symlink('d/f30', 'f31'),
    ]);
    const { answer, target } = await unpackBlob(gzipSync(tar));
    expect(answer).toMatchObject({ ok: true, result: { diffId: sha256(tar) } });
    const d = join(target, 'd');
    expect(readFileSync(join(d, 'f100'), 'utf8')).toBe('second');
    expect(readFileSync(join(d, 'f299'), 'utf8')).toBe('file 299');
    expect(statSync(join(d, 'f299')).mtimeMs).toBe(mtime.getTime());
    expect(statSync(join(d, 'link')).ino).toBe(statSync(join(d, 'f150')).ino);
    // The whiteout hides lower layers only: the file of this layer stays.
    expect(readFileSync(join(d, 'f10'), 'utf8')).toBe('file 10');
    expect(statSync(join(d, 'f20')).mode & 0o7777).toBe(0o750);
    expect(readFileSync(join(d, 'f20', 'inside'), 'utf8')).toBe('in a dir that was a file');
    expect(readlinkSync(join(d, 'f30'))).toBe('f31');
    expect(readdirSync(d)).toHaveLength(301);
  });

  it('sets the extended attributes it may, and says which it did not', async () => {
    const { answer, target } = await unpackBlob(gzipSync(await features()));
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(native().lgetxattr(join(target, 'attrs'), 'user.color')?.toString()).toBe('blue');
    expect(native().llistxattr(join(target, 'attrs'))).toEqual(['user.color']);
    // Written from inside the namespace, the kernel stores v3 capabilities whose root is the user.
    const caps = native().lgetxattr(join(target, 'ping'), 'security.capability');
    expect(caps?.readUInt32LE(0)).toBe(0x03000001);
    expect(caps?.readUInt32LE(4)).toBe(1 << 13);
    expect(caps?.readUInt32LE(20)).toBe(testUser.uid);
    expect(answer.result.notes).toEqual([
      expect.stringMatching(/^extended attribute trusted\.secret not set: the kernel refused it here \(EPERM\): "attrs"$/),
      expect.stringMatching(/^extended attribute user\.overlay\.opaque dropped.*: "attrs"$/),
    ]);
  });

  it('unpacks zstd layers and uncompressed ones to the same diff id', async () => {
    const tar = await features();
    const zst = spawnSync('zstd', ['-q', '-c'], { input: tar });
    expect(zst.status).toBe(0);
    for (const [compression, blob] of [['zstd', zst.stdout], ['none', tar]] as const) {
      const { answer, target } = await unpackBlob(blob, { compression });
      expect(answer).toMatchObject({ ok: true, result: { diffId: sha256(tar) } });
      expect(readFileSync(join(target, 'd', 'f'), 'utf8')).toBe('content');
    }
  });

  it('skips GNU sparse files with a note, in both GNU tar formats', async () => {
    const src = userDir(join(scratch.path, 'sparse-src'), testUser.uid);
    writeFileSync(join(src, 'plain'), 'plain\n');
    spawnSync('truncate', ['-s', '1M', join(src, 'holes')]);
    writeFileSync(join(src, 'holes'), 'end\n', { flag: 'a' });
    for (const [format, note] of [
      ['posix', /^sparse files skipped: tar-stream cannot expand GNU sparse entries: "holes"$/],
      ['gnu', /^entries of a type boxctl does not unpack skipped .*: "holes"$/],
    ] as const) {
      const tar = spawnSync('tar', ['--sparse', `--format=${format}`, '-C', src, '-cf', '-', 'holes', 'plain']);
      expect(tar.status).toBe(0);
      const { answer, target } = await unpackBlob(tar.stdout, { compression: 'none' });
      expect(answer).toMatchObject({ ok: true, result: { diffId: sha256(tar.stdout), notes: [expect.stringMatching(note)] } });
      expect(readdirSync(target)).toEqual(['plain']);
    }
  });

  it('refuses a corrupt zstd stream', async () => {
    const zst = spawnSync('zstd', ['-q', '-c'], { input: await features() }).stdout;
    const { answer } = await unpackBlob(zst.subarray(0, zst.length - 20), { compression: 'zstd' });
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/: the zstd data is corrupt or cut short/) });
  });

  it('removes a tree owned by subordinate ids inside the namespace, which plain rm cannot', async () => {
    const { answer, target } = await unpackBlob(gzipSync(await features()));
    expect(answer.ok).toBe(true);
    const plain = await runAs(['rm', '-rf', target], testUser);
    expect(plain.code).not.toBe(0);
    expect(plain.stderr).toMatch(/Permission denied/);
    expect(existsSync(join(target, 'd', 'f'))).toBe(true);
    expect(await drive(testUser, { remove: target })).toEqual({ ok: true });
    expect(existsSync(target)).toBe(false);
    // A path that is already gone is no error, as with rm -f.
    expect(await drive(testUser, { remove: target })).toEqual({ ok: true });
  });

  it('refuses owners that the subordinate ranges cannot map', async () => {
    const { answer } = await unpackBlob(gzipSync(await tarOf([file('far', 'x', { uid: 70000, gid: 0 })])));
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/^refusing a layer of test\/image:latest: entry "far" is owned by 70000:0, which the user namespace does not map/) });
  });
});

describe('single-id mode, as the user without subordinate ids', () => {
  const scratch = userTempDir(nosubUser.uid);
  afterAll(() => scratch.remove());

  it('squashes every owner to the user and says so once', async () => {
    const tar = await tarOf([file('a', 'x', { uid: 1000, gid: 1000, mode: 0o4755 }), file('b', 'y', { uid: 1234, gid: 5678 }), dir('d/', { uid: 5, gid: 5 })]);
    const blobPath = join(scratch.path, 'blob');
    writeFileSync(blobPath, gzipSync(tar));
    const target = userDir(join(scratch.path, 'target'), nosubUser.uid);
    const answer = await unpack(nosubUser, { blobPath, target, single: true });
    expect(answer).toEqual({
      ok: true,
      result: { diffId: sha256(tar), size: tar.length, notes: ['single-id mode (no subordinate ids): every owner squashed to root, i.e. to you'] },
    });
    for (const name of ['a', 'b', 'd']) expect(lstatSync(join(target, name)).uid).toBe(nosubUser.uid);
    expect(statSync(join(target, 'a')).mode & 0o7777).toBe(0o4755);
  });

  it('refuses to unpack with subordinate owners it does not have', async () => {
    const blobPath = join(scratch.path, 'blob');
    const target = userDir(join(scratch.path, 'target2'), nosubUser.uid);
    const answer = await unpack(nosubUser, { blobPath, target, single: false });
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/no ranges in \/etc\/subuid and \/etc\/subgid/) });
  });
});
