// save, load and import as the unprivileged test user, against images pulled from the
// local registry, archives that skopeo and podman write, and hostile archives built
// here. Layer contents are compared from the host side (the runner is root): owners,
// modes, times, device numbers, link targets, contents and overlay attributes.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { extract, pack, type Header } from 'tar-stream';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

import { native } from '../../src/native/addon.js';
import { boxctl, host, runAs, testUser, userTempDir } from './harness.js';

const REG = host.registry;
const LAYERS = `${REG}/boxctl/layers:latest`;
const scratch = userTempDir(testUser.uid);
afterAll(() => scratch.remove());

let root = '';
let n = 0;
beforeEach(() => {
  root = join(scratch.path, `root-${n++}`);
});

const bx = (args: string[]) => boxctl(['--root', root, ...args], testUser);
const cli = (): string => `${process.execPath} ${join(inject('appDir'), 'dist', 'boxctl.js')} --root ${root}`;
/** A shell pipeline as the test user, for stdin and stdout. */
const sh = (script: string) => runAs(['sh', '-c', script], testUser);
const file = (name: string): string => join(scratch.path, name);
const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

async function configDigest(repo: string): Promise<string> {
  const r = await fetch(`http://${REG}/v2/${repo}/manifests/latest`, { headers: { Accept: 'application/vnd.oci.image.manifest.v1+json' } });
  return ((await r.json()) as { config: { digest: string } }).config.digest;
}

function storage(...parts: string[]): string {
  return join(root, 'storage', ...parts);
}

/** Every entry below a layer's diff dir, as the kernel sees it. */
function tree(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, rel)).sort()) {
    const r = rel === '' ? name : `${rel}/${name}`;
    const p = join(dir, r);
    const st = lstatSync(p);
    const xattrs = native()
      .llistxattr(p)
      .sort()
      .map((x) => `${x}=${native().lgetxattr(p, x)?.toString('hex')}`);
    const what = st.isSymbolicLink() ? `-> ${readlinkSync(p)}` : st.isFile() ? sha256(readFileSync(p)) : st.isCharacterDevice() ? `char ${st.rdev}` : '';
    // A whiteout is made when the layer is unpacked: its time is that moment's, not the layer's.
    const time = st.isCharacterDevice() ? '' : st.mtimeMs;
    out.push(`${r} ${st.mode.toString(8)} ${st.uid}:${st.gid} ${time} ${st.nlink} ${what} ${xattrs.join(',')}`);
    if (st.isDirectory()) out.push(...tree(dir, r));
  }
  return out;
}

function layerTrees(): Record<string, string[]> {
  const dir = storage('layers');
  return Object.fromEntries(readdirSync(dir).map((hex) => [hex, tree(join(dir, hex, 'diff'))]));
}

function tmpLeftovers(): string[] {
  return readdirSync(storage('tmp'));
}

interface TarEntry {
  name: string;
  type: Header['type'];
  linkname?: string;
  content: Buffer;
}

async function readTar(archive: Buffer): Promise<TarEntry[]> {
  const ex = extract();
  const entries: TarEntry[] = [];
  const reading = (async () => {
    for await (const e of ex) {
      const chunks: Buffer[] = [];
      for await (const c of e) chunks.push(c as Buffer);
      entries.push({ name: e.header.name, type: e.header.type, ...(e.header.linkname ? { linkname: e.header.linkname } : {}), content: Buffer.concat(chunks) });
    }
  })();
  ex.end(archive);
  await reading;
  return entries;
}

async function writeTar(entries: readonly TarEntry[]): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const c of p) chunks.push(c as Buffer);
  })();
  for (const e of entries) {
    if (e.type === 'file') p.entry({ name: e.name }, e.content);
    else p.entry({ name: e.name, type: e.type, ...(e.linkname ? { linkname: e.linkname } : {}) });
  }
  p.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** An archive root made, readable by the test user. */
function shared(name: string, content: Buffer): string {
  writeFileSync(file(name), content);
  chmodSync(file(name), 0o644);
  return file(name);
}

function skopeo(...args: string[]): void {
  execFileSync('skopeo', ['copy', '-q', '--src-tls-verify=false', ...args], { stdio: 'pipe' });
  for (const arg of args) if (/^(docker|oci)-archive:/.test(arg)) chmodSync(arg.split(':')[1]!, 0o644);
}

describe('boxctl save and load', () => {
  it.each([
    ['docker-archive', 'from a file'],
    ['oci-archive', 'gzip-compressed, from stdin'],
  ])('round trip of a %s (%s): the same image id and the same layers', async (format, how) => {
    const id = (await bx(['pull', '-q', LAYERS])).stdout.trim();
    const before = layerTrees();
    expect(Object.keys(before)).toHaveLength(3);
    const archive = file(`round-trip-${n}.tar`);
    const saved = await bx(['save', '--format', format, '-o', archive, LAYERS]);
    expect(saved.stderr).toContain('Writing manifest to image destination');
    expect(saved.code).toBe(0);
    expect((await bx(['rmi', LAYERS])).code).toBe(0);
    expect(readdirSync(storage('layers'))).toEqual([]);

    const loaded = how === 'from a file' ? await bx(['load', '-i', archive]) : await sh(`gzip -c ${archive} | ${cli()} load`);
    expect(loaded.stderr).toMatch(/Copying blob \w+ done/);
    expect(loaded.stdout).toBe(`Loaded image: ${LAYERS}\n`);
    expect(loaded.code).toBe(0);
    const rows = JSON.parse((await bx(['images', '--format', 'json'])).stdout) as { Id: string; Repository: string }[];
    expect(rows).toEqual([expect.objectContaining({ Id: id, Repository: `${REG}/boxctl/layers` })]);
    expect(layerTrees()).toEqual(before);
    expect(tmpLeftovers()).toEqual([]);

    // Loaded images are saved again from the blobs load kept: the same archive.
    const again = file(`round-trip-again-${n}.tar`);
    expect((await bx(['save', '-q', '--format', format, '-o', again, LAYERS])).code).toBe(0);
    if (format === 'docker-archive') expect(sha256(readFileSync(again))).toBe(sha256(readFileSync(archive)));
  });

  it('writes the docker-archive skopeo writes, file for file, and the same bytes every time', async () => {
    await bx(['pull', '-q', LAYERS]);
    const ours = file('ours.tar');
    expect((await bx(['save', '-q', '-o', ours, LAYERS])).code).toBe(0);
    const theirs = file('skopeo-named.tar');
    skopeo(`docker://${LAYERS}`, `docker-archive:${theirs}:${LAYERS}`);
    const listing = async (path: string) =>
      Object.fromEntries((await readTar(readFileSync(path))).map((e) => [e.name, e.type === 'symlink' ? `-> ${e.linkname}` : sha256(e.content)]));
    expect(await listing(ours)).toEqual(await listing(theirs));
    // Through stdout, as a pipe: the same bytes.
    const piped = await sh(`${cli()} save ${LAYERS} > ${file('piped.tar')}`);
    expect(piped.code).toBe(0);
    expect(sha256(readFileSync(file('piped.tar')))).toBe(sha256(readFileSync(ours)));
  });

  it('saves an image named by id without a name, and loads it back dangling', async () => {
    const id = (await bx(['pull', '-q', `${REG}/boxctl/busybox`])).stdout.trim();
    expect((await bx(['save', '-q', '--format', 'oci-archive', '-o', file('by-id.tar'), id.slice(0, 12)])).code).toBe(0);
    await bx(['rmi', `${REG}/boxctl/busybox`]);
    const loaded = await bx(['load', '-q', '-i', file('by-id.tar')]);
    expect(loaded.stdout).toBe(`Loaded image: sha256:${id}\n`);
    const rows = JSON.parse((await bx(['images', '--format', 'json'])).stdout) as { Id: string; Dangling: boolean }[];
    expect(rows).toEqual([expect.objectContaining({ Id: id, Dangling: true })]);
  });

  it('loads the docker-archive and oci-archive skopeo writes, to the layers a pull gives', async () => {
    await bx(['pull', '-q', LAYERS]);
    const pulled = layerTrees();
    const id = (await configDigest('boxctl/layers')).slice(7);
    skopeo(`docker://${LAYERS}`, `docker-archive:${file('skopeo.tar')}:boxctl/layers:latest`);
    skopeo(`docker://${LAYERS}`, `oci-archive:${file('skopeo-oci.tar')}:boxctl/layers:latest`);

    root = join(scratch.path, `root-${n++}`);
    const docker = await bx(['load', '-i', file('skopeo.tar')]);
    expect(docker.stdout).toBe('Loaded image: docker.io/boxctl/layers:latest\n');
    expect(layerTrees()).toEqual(pulled);

    root = join(scratch.path, `root-${n++}`);
    const oci = await bx(['load', '-i', file('skopeo-oci.tar')]);
    expect(oci.stdout).toBe('Loaded image: localhost/boxctl/layers:latest\n');
    expect(layerTrees()).toEqual(pulled);
    const rows = JSON.parse((await bx(['images', '--format', 'json'])).stdout) as { Id: string }[];
    expect(rows.map((r) => r.Id)).toEqual([id]);
  });

  it('fails with one line for an unknown image, a missing archive and a terminal, writing nothing', async () => {
    const none = await bx(['save', '-o', file('none.tar'), 'nothing-here']);
    expect(none.code).toBe(125);
    expect(none.stderr).toMatch(/^Error: image 'nothing-here' is not in the local store/);
    expect(existsSync(file('none.tar'))).toBe(false);
    const missing = await bx(['load', '-i', file('does-not-exist.tar')]);
    expect(missing.stderr).toBe(`Error: cannot open ${file('does-not-exist.tar')}: no such file\n`);
    // script(1) gives the command a terminal for stdin and stdout.
    const onTerminal = (command: string) => runAs(['script', '-qec', `${cli()} ${command}`, '/dev/null'], testUser);
    expect((await onTerminal(`save ${LAYERS}`)).stdout).toMatch(/^Error: refusing to write an image archive to the terminal: name a file with -o, or redirect stdout\r?\n$/);
    expect((await onTerminal('load')).stdout).toMatch(/^Error: no archive on stdin, which is a terminal: name one with -i, or redirect stdin\r?\n$/);
  });
});

describe('podman and boxctl read each other', () => {
  const podmanEnv = () => ({ XDG_DATA_HOME: file('podman-data'), XDG_CONFIG_HOME: file('podman-config') });
  const podman = (args: string[]) =>
    runAs(['podman', '--root', file('podman-root'), '--runroot', file('podman-run'), '--storage-driver', 'vfs', ...args], { ...testUser, env: podmanEnv() });

  it('podman loads what boxctl saves, and boxctl loads what podman saves', async () => {
    await bx(['pull', '-q', LAYERS]);
    const pulled = layerTrees();
    const id = (await configDigest('boxctl/layers')).slice(7);
    for (const format of ['docker-archive', 'oci-archive']) {
      const ours = file(`for-podman.${format}`);
      expect((await bx(['save', '-q', '--format', format, '-o', ours, LAYERS])).code).toBe(0);
      const loaded = await podman(['load', '-q', '-i', ours]);
      expect(loaded.stdout).toBe(`Loaded image: ${LAYERS}\n`);
      expect((await podman(['images', '--no-trunc', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}'])).stdout).toBe(`sha256:${id} ${LAYERS}\n`);
      const theirs = file(`from-podman.${format}`);
      expect((await podman(['save', '-q', '--format', format, '-o', theirs, LAYERS])).code).toBe(0);
      expect((await podman(['rmi', '-a', '-f'])).code).toBe(0);

      root = join(scratch.path, `root-${n++}`);
      const back = await bx(['load', '-q', '-i', theirs]);
      expect(back.stdout).toBe(`Loaded image: ${LAYERS}\n`);
      expect(back.code).toBe(0);
      expect(layerTrees()).toEqual(pulled);
      expect((await bx(['images', '-q', '--no-trunc'])).stdout).toBe(`sha256:${id}\n`);
    }
  });
});

describe('boxctl import', () => {
  async function rootfsTarball(): Promise<Buffer> {
    return writeTar([
      { name: './', type: 'directory', content: Buffer.alloc(0) },
      { name: './bin/', type: 'directory', content: Buffer.alloc(0) },
      { name: './bin/hello', type: 'file', content: Buffer.from('#!/bin/sh\necho hello\n') },
      { name: './bin/hi', type: 'symlink', linkname: 'hello', content: Buffer.alloc(0) },
    ]);
  }

  it('makes a one-layer image of a tarball, named or dangling, that boxctl images lists', async () => {
    const tar = await rootfsTarball();
    // Owners in the tarball are the container's: home/app belongs to 1000.
    const owned = await (async () => {
      const p = pack();
      const chunks: Buffer[] = [];
      const done = (async () => {
        for await (const c of p) chunks.push(c as Buffer);
      })();
      for (const e of await readTar(tar)) {
        if (e.type === 'file') p.entry({ name: e.name, mode: 0o755 }, e.content);
        else p.entry({ name: e.name, type: e.type, ...(e.linkname ? { linkname: e.linkname } : {}) });
      }
      p.entry({ name: './home/', type: 'directory' });
      p.entry({ name: './home/app/', type: 'directory', uid: 1000, gid: 1000 });
      p.finalize();
      await done;
      return Buffer.concat(chunks);
    })();
    const tgz = shared('rootfs.tgz', gzipSync(owned));

    const imported = await bx(['import', tgz, 'imp:1']);
    expect(imported.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(imported.code).toBe(0);
    const id = imported.stdout.trim().slice(7);
    const rows = JSON.parse((await bx(['images', '--format', 'json'])).stdout) as { Id: string; Repository: string; Tag: string }[];
    expect(rows).toEqual([expect.objectContaining({ Id: id, Repository: 'localhost/imp', Tag: '1' })]);
    const [inspect] = JSON.parse((await bx(['image', 'inspect', 'imp:1'])).stdout) as { RootFS: { Layers: string[] }; History: { comment: string }[]; Os: string }[];
    expect(inspect!.RootFS.Layers).toEqual([`sha256:${sha256(owned)}`]);
    expect(inspect!.History.map((h) => h.comment)).toEqual(['imported from tarball']);
    expect(inspect!.Os).toBe('linux');

    const diff = storage('layers', sha256(owned), 'diff');
    expect(readFileSync(join(diff, 'bin', 'hello'), 'utf8')).toBe('#!/bin/sh\necho hello\n');
    expect(readlinkSync(join(diff, 'bin', 'hi'))).toBe('hello');
    const subuid = Number(readFileSync('/etc/subuid', 'utf8').split('\n').find((l) => l.startsWith(`${host.user}:`))!.split(':')[1]);
    expect(lstatSync(join(diff, 'home', 'app')).uid).toBe(subuid + 999);

    const piped = await sh(`cat ${tgz} | ${cli()} import -q -m 'from a pipe' -`);
    expect(piped.code).toBe(0);
    const [dangling] = JSON.parse((await bx(['image', 'inspect', piped.stdout.trim().slice(7)])).stdout) as { RepoTags: string[]; History: { comment: string }[] }[];
    expect(dangling!.RepoTags).toEqual([]);
    expect(dangling!.History.map((h) => h.comment)).toEqual(['from a pipe']);
    expect(readdirSync(storage('layers'))).toHaveLength(1);

    const bad = await sh(`echo not a tarball | ${cli()} import -q -`);
    expect(bad.code).toBe(125);
    expect(bad.stderr).toMatch(/^Error: cannot unpack a layer of stdin: the tar data is corrupt or cut short/);
    expect(readdirSync(storage('layers'))).toHaveLength(1);
    expect(tmpLeftovers()).toEqual([]);
  });
});

describe('hostile archives', () => {
  it('are refused with one line, the store and everything outside its tmp/ unchanged', async () => {
    expect((await bx(['pull', '-q', `${REG}/boxctl/busybox`])).code).toBe(0);
    const snapshot = () => ({ images: readFileSync(storage('images.json'), 'utf8'), layers: readdirSync(storage('layers')), blobs: readdirSync(storage('blobs', 'sha256')) });
    const before = snapshot();

    skopeo(`docker://${LAYERS}`, `docker-archive:${file('good-docker.tar')}:${LAYERS}`);
    skopeo(`docker://${LAYERS}`, `oci-archive:${file('good-oci.tar')}:${LAYERS}`);
    const docker = await readTar(readFileSync(file('good-docker.tar')));
    const oci = await readTar(readFileSync(file('good-oci.tar')));
    const json = (entries: TarEntry[], name: string) => JSON.parse(entries.find((e) => e.name === name)!.content.toString()) as Record<string, unknown> & unknown[];
    const replace = (entries: TarEntry[], name: string, content: Buffer | string): TarEntry[] =>
      entries.map((e) => (e.name === name ? { ...e, content: Buffer.from(content) } : e));
    const manifestItem = json(docker, 'manifest.json')[0] as { Config: string; Layers: string[] };
    const escape = `boxctl-escape-${randomBytes(4).toString('hex')}`;

    // A compressed layer that unpacks to something else than its config says: found
    // only while unpacking, after the layer below it was published, which must go again.
    const ociIndex = json(oci, 'index.json') as unknown as { manifests: { digest: string; size: number }[] };
    const manifestName = `blobs/sha256/${ociIndex.manifests[0]!.digest.slice(7)}`;
    const manifest = json(oci, manifestName) as unknown as { layers: { digest: string; size: number }[] };
    const liar = gzipSync(await writeTar([{ name: 'data/', type: 'directory', content: Buffer.alloc(0) }, { name: 'data/lie.txt', type: 'file', content: Buffer.from('lie') }]));
    const lyingManifest = JSON.stringify({ ...manifest, layers: [...manifest.layers.slice(0, 2), { ...manifest.layers[2], digest: `sha256:${sha256(liar)}`, size: liar.length }] });
    const lyingIndex = JSON.stringify({ ...ociIndex, manifests: [{ ...ociIndex.manifests[0], digest: `sha256:${sha256(lyingManifest)}`, size: lyingManifest.length }] });
    const lyingOci = [
      ...oci.filter((e) => e.name !== 'index.json'),
      { name: `blobs/sha256/${sha256(liar)}`, type: 'file' as const, content: liar },
      { name: `blobs/sha256/${sha256(lyingManifest)}`, type: 'file' as const, content: Buffer.from(lyingManifest) },
      { name: 'index.json', type: 'file' as const, content: Buffer.from(lyingIndex) },
    ];

    // A layer that climbs out of its root, in an archive that is otherwise honest.
    const hostileLayer = await writeTar([
      { name: 'ok.txt', type: 'file', content: Buffer.from('ok') },
      { name: `../../../../../../../tmp/${escape}`, type: 'file', content: Buffer.from('escaped') },
    ]);
    const hostileConfig = JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [`sha256:${sha256(hostileLayer)}`] } });

    const cases: [string, () => Promise<Buffer>, RegExp][] = [
      ['manifest.json naming /etc/passwd by ..', () => writeTar(replace(docker, 'manifest.json', JSON.stringify([{ ...manifestItem, Config: '../../../etc/passwd' }]))), /outside the archive/],
      ['an entry outside the archive', () => writeTar([...docker, { name: `../../../../tmp/${escape}`, type: 'file', content: Buffer.from('x') }]), /outside its root/],
      ['a layer file whose digest is not its name', () => writeTar(replace(docker, manifestItem.Layers[2]!, Buffer.alloc(10240))), /lies/],
      ['manifest.json that is not JSON', () => writeTar(replace(docker, 'manifest.json', '[{"Config": ')), /not valid JSON/],
      [
        'a config of 5 MiB',
        () =>
          writeTar([
            ...replace(docker, 'manifest.json', JSON.stringify([{ ...manifestItem, Config: 'big.json' }])),
            { name: 'big.json', type: 'file', content: Buffer.from(`{"x":"${'y'.repeat(5 * 2 ** 20)}"}`) },
          ]),
        /big.json in the archive is 5 MiB, more than the 4 MiB/,
      ],
      ['a blob index.json needs but the archive lacks', () => writeTar(oci.filter((e) => e.name !== `blobs/sha256/${manifest.layers[1]!.digest.slice(7)}`)), /lacks the blob/],
      ['a compressed layer that unpacks to another diff id', () => writeTar(lyingOci), /its layer sha256:\w+ unpacks to sha256:\w+, but the image config says sha256:\w+/],
      [
        'a layer that climbs out of its root',
        () =>
          writeTar([
            { name: `${sha256(hostileLayer)}.tar`, type: 'file', content: hostileLayer },
            { name: `${sha256(hostileConfig)}.json`, type: 'file', content: Buffer.from(hostileConfig) },
            { name: 'manifest.json', type: 'file', content: Buffer.from(JSON.stringify([{ Config: `${sha256(hostileConfig)}.json`, RepoTags: ['evil:1'], Layers: [`${sha256(hostileLayer)}.tar`] }])) },
          ]),
        /refusing a layer of docker.io\/library\/evil:1: entry ".*" climbs out of the layer root/,
      ],
      ['random bytes', async () => randomBytes(4096), /cannot read the archive/],
    ];
    for (const [what, build, message] of cases) {
      const archive = shared('hostile.tar', await build());
      const r = await bx(['load', '-q', '-i', archive]);
      expect({ what, code: r.code, stdout: r.stdout }).toEqual({ what, code: 125, stdout: '' });
      expect(r.stderr.split('\n')).toEqual([expect.stringMatching(/^Error: /), '']);
      expect(r.stderr).toMatch(message);
      expect({ what, ...snapshot() }).toEqual({ what, ...before });
      expect({ what, tmp: tmpLeftovers() }).toEqual({ what, tmp: [] });
    }
    expect(existsSync(`/tmp/${escape}`)).toBe(false);
    mkdirSync(file('cwd'), { recursive: true });
    expect(readdirSync(file('cwd'))).toEqual([]);
  });
});
