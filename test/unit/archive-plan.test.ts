// Reading whole archives (spool.ts) and checking them (plan.ts) on archives built here,
// with no store and no user namespace: what load refuses before it touches the store.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { arch, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { pack, type Header } from 'tar-stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { peek } from '../../src/engine/image/archive/peek.js';
import { planArchive, type PlannedImage } from '../../src/engine/image/archive/plan.js';
import { Spool } from '../../src/engine/image/archive/spool.js';
import { ociArch } from '../../src/engine/host/platform.js';

interface Entry {
  name: string;
  content?: string | Buffer;
  type?: Header['type'];
  linkname?: string;
}

async function tarOf(entries: readonly Entry[]): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const c of p) chunks.push(c as Buffer);
  })();
  for (const e of entries) {
    if (e.type === 'symlink') p.entry({ name: e.name, type: 'symlink', linkname: e.linkname! });
    else if (e.type && e.type !== 'file') p.entry({ name: e.name, type: e.type });
    else p.entry({ name: e.name }, typeof e.content === 'string' ? Buffer.from(e.content) : (e.content ?? Buffer.alloc(0)));
  }
  p.finalize();
  await done;
  return Buffer.concat(chunks);
}

const hex = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
const digest = (b: Buffer | string): string => `sha256:${hex(b)}`;

const LAYER1 = await tarOf([{ name: 'etc/', type: 'directory' }, { name: 'etc/hello', content: 'hello' }]);
const LAYER2 = await tarOf([{ name: 'etc/.wh.hello' }]);
const HOST = ociArch(arch());

function configFor(layers: readonly Buffer[], extra: object = {}): string {
  return JSON.stringify({ architecture: HOST, os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: layers.map(digest) }, ...extra });
}

/** A docker-archive as containers/image writes it, legacy symlinks included. */
function dockerEntries(opts: { config?: string; tags?: string[]; layers?: Buffer[] } = {}): Entry[] {
  const layers = opts.layers ?? [LAYER1, LAYER2];
  const config = opts.config ?? configFor(layers);
  return [
    ...layers.map((l) => ({ name: `${hex(l)}.tar`, content: l })),
    { name: `${hex(config)}.json`, content: config },
    { name: 'legacy1/layer.tar', type: 'symlink', linkname: `../${hex(layers[0]!)}.tar` },
    { name: 'manifest.json', content: JSON.stringify([{ Config: `${hex(config)}.json`, RepoTags: opts.tags ?? ['busybox:1'], Layers: ['legacy1/layer.tar', ...layers.slice(1).map((l) => `${hex(l)}.tar`)] }]) },
  ];
}

interface OciParts {
  layers: Buffer[];
  config: string;
  manifest: string;
  index: string;
}

/** An oci-archive with gzip layers, as skopeo writes one. */
function ociParts(opts: { name?: string; layerSizes?: (real: number) => number } = {}): OciParts {
  const plain = [LAYER1, LAYER2];
  const layers = plain.map((l) => gzipSync(l));
  const config = configFor(plain);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: digest(config), size: config.length },
    layers: layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: digest(l), size: opts.layerSizes?.(l.length) ?? l.length })),
  });
  const annotations = opts.name ? { annotations: { 'org.opencontainers.image.ref.name': opts.name } } : {};
  const index = JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: digest(manifest), size: manifest.length, ...annotations }] });
  return { layers, config, manifest, index };
}

function ociEntries(parts: OciParts, omit: string[] = []): Entry[] {
  const blobs = [...parts.layers, Buffer.from(parts.config), Buffer.from(parts.manifest)];
  return [
    { name: 'oci-layout', content: '{"imageLayoutVersion":"1.0.0"}' },
    { name: 'blobs/', type: 'directory' },
    ...blobs.filter((b) => !omit.includes(digest(b))).map((b) => ({ name: `blobs/sha256/${hex(b)}`, content: b })),
    { name: 'index.json', content: parts.index },
  ];
}

let tmp = '';
let spool: Spool;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'boxctl-archive-'));
  spool = Spool.create(tmp);
});
afterEach(() => {
  spool.remove();
  expect(readdirSync(tmp)).toEqual([]);
  rmSync(tmp, { recursive: true, force: true });
});

async function plan(archive: Buffer): Promise<PlannedImage[]> {
  await spool.fill(Readable.from([archive]));
  return planArchive(spool);
}

describe('reading a docker-archive', () => {
  it('finds the config, the names and the layers, through the legacy symlinks', async () => {
    const [image, ...more] = await plan(await tarOf(dockerEntries()));
    expect(more).toEqual([]);
    const config = configFor([LAYER1, LAYER2]);
    expect(image!.config.digest).toBe(digest(config));
    expect(image!.names).toEqual(['docker.io/library/busybox:1']);
    expect(image!.layers.map((l) => [l.diffId, l.digest, l.size, l.compression])).toEqual([
      [digest(LAYER1), digest(LAYER1), LAYER1.length, 'none'],
      [digest(LAYER2), digest(LAYER2), LAYER2.length, 'none'],
    ]);
    // The manifest boxctl writes for it lists the layers as they are, uncompressed.
    const manifest = JSON.parse(image!.manifest.bytes.toString()) as { layers: { digest: string; mediaType: string }[] };
    expect(manifest.layers.map((l) => l.mediaType)).toEqual(['application/vnd.oci.image.layer.v1.tar', 'application/vnd.oci.image.layer.v1.tar']);
    expect(image!.manifest.digest).toBe(digest(image!.manifest.bytes));
  });

  it('reads it gzip-compressed too, and takes an image saved by id as dangling', async () => {
    const entries = dockerEntries({ tags: [] });
    const [image] = await plan(gzipSync(await tarOf(entries)));
    expect(image!.names).toEqual([]);
    expect(image!.label).toMatch(/^[0-9a-f]{12}$/);
  });

  it('takes one image named twice as one image with both names', async () => {
    const entries = dockerEntries();
    const manifest = JSON.parse(entries.at(-1)!.content as string) as object[];
    entries[entries.length - 1] = { name: 'manifest.json', content: JSON.stringify([...manifest, { ...manifest[0], RepoTags: ['quay.io/x/y:2'] }]) };
    const images = await plan(await tarOf(entries));
    expect(images.map((i) => i.names)).toEqual([['docker.io/library/busybox:1', 'quay.io/x/y:2']]);
  });
});

describe('reading an oci-archive', () => {
  it('finds the image by index.json, its name and its gzip layers', async () => {
    const parts = ociParts({ name: '127.0.0.1:5000/boxctl/layers:latest' });
    const [image] = await plan(await tarOf(ociEntries(parts)));
    expect(image!.names).toEqual(['127.0.0.1:5000/boxctl/layers:latest']);
    expect(image!.layers.map((l) => [l.diffId, l.digest, l.compression])).toEqual([
      [digest(LAYER1), digest(parts.layers[0]!), 'gzip'],
      [digest(LAYER2), digest(parts.layers[1]!), 'gzip'],
    ]);
    expect(image!.manifest.bytes.toString()).toBe(parts.manifest);
    expect(image!.manifest.digest).toBe(digest(parts.manifest));
  });

  it("chooses the host's platform from an index inside index.json", async () => {
    const parts = ociParts();
    const inner = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${'0'.repeat(64)}`, size: 1, platform: { os: 'linux', architecture: 's390x' } },
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: digest(parts.manifest), size: parts.manifest.length, platform: { os: 'linux', architecture: HOST } },
      ],
    });
    const index = JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest: digest(inner), size: inner.length, annotations: { 'org.opencontainers.image.ref.name': 'multi:1' } }] });
    const entries = [...ociEntries({ ...parts, index }), { name: `blobs/sha256/${hex(inner)}`, content: inner }];
    const [image] = await plan(await tarOf(entries));
    expect(image!.names).toEqual(['localhost/multi:1']);
    expect(image!.manifest.digest).toBe(digest(parts.manifest));
  });
});

describe('hostile and broken archives are refused with one line', () => {
  const cases: [string, () => Promise<Buffer>, RegExp][] = [
    ['an entry outside the root', async () => tarOf([...dockerEntries(), { name: '../../tmp/evil', content: 'x' }]), /entry "..\/..\/tmp\/evil" outside its root/],
    [
      'a Config path outside the archive',
      async () => tarOf([...dockerEntries().slice(0, -1), { name: 'manifest.json', content: '[{"Config":"../../etc/passwd","RepoTags":[],"Layers":[]}]' }]),
      /names "..\/..\/etc\/passwd", which is outside the archive/,
    ],
    [
      'a legacy symlink out of the archive',
      async () => tarOf(dockerEntries().map((e) => (e.name === 'legacy1/layer.tar' ? { ...e, linkname: '../../../etc/passwd' } : e))),
      /a symlink that points outside the archive/,
    ],
    [
      'a layer file that is not what its name says',
      async () => tarOf(dockerEntries().map((e) => (e.name === `${hex(LAYER2)}.tar` ? { ...e, content: LAYER1 } : e))),
      /lies: its file [0-9a-f]{64}\.tar does not have the digest its name says/,
    ],
    [
      'a layer whose digest is not the diff id of the config',
      async () => tarOf(dockerEntries({ config: configFor([LAYER1, LAYER1]) })),
      /lies about docker.io\/library\/busybox:1: its layer sha256:[0-9a-f]+ is an uncompressed tar whose diff id would be itself/,
    ],
    ['manifest.json that is not JSON', async () => tarOf([...dockerEntries().slice(0, -1), { name: 'manifest.json', content: '[{"Config":' }]), /manifest.json is invalid: it is not valid JSON/],
    [
      'a config of 5 MiB',
      async () => {
        const config = JSON.stringify({ padding: 'x'.repeat(5 * 2 ** 20) });
        return tarOf([{ name: 'big.json', content: config }, { name: 'manifest.json', content: '[{"Config":"big.json","RepoTags":[],"Layers":[]}]' }]);
      },
      /big.json in the archive is 5 MiB, more than the 4 MiB boxctl accepts/,
    ],
    ['an invalid RepoTags name', async () => tarOf(dockerEntries({ tags: ['NOT VALID'] })), /RepoTags "NOT VALID", which is not an image name/],
    [
      'a layer count the config does not have',
      async () => tarOf(dockerEntries({ config: configFor([LAYER1]) })),
      /its config lists 1 layers but the archive gives 2/,
    ],
    ['an entry twice', async () => tarOf([...dockerEntries(), { name: 'manifest.json', content: '[]' }]), /has manifest.json twice/],
    ['a blob index.json names but the archive lacks', async () => { const p = ociParts(); return tarOf(ociEntries(p, [digest(p.layers[1]!)])); }, /lacks the blob sha256:[0-9a-f]+ that the manifest of [0-9a-f]{12} names/],
    ['a layer blob of another size than its descriptor', async () => tarOf(ociEntries(ociParts({ layerSizes: (n) => n + 1 }))), /lies: the blob sha256:[0-9a-f]+ is \d+ bytes, but the manifest of [0-9a-f]{12} says \d+/],
    [
      'a blob that is not what its digest says',
      async () => {
        const p = ociParts();
        return tarOf(ociEntries(p).map((e) => (e.name === `blobs/sha256/${hex(p.layers[0]!)}` ? { ...e, content: p.layers[1]! } : e)));
      },
      /lies: its file blobs\/sha256\/[0-9a-f]{64} does not have the digest its name says/,
    ],
    ['index.json without oci-layout', async () => tarOf(ociEntries(ociParts()).filter((e) => e.name !== 'oci-layout')), /has index.json but no oci-layout/],
    ['an archive of neither kind', async () => tarOf([{ name: 'hello.txt', content: 'hi' }]), /neither a docker-archive .* nor an oci-archive/],
    ['bytes that are no tar', async () => Buffer.from('this is not a tar archive, not at all, and it goes on for a while. '.repeat(20)), /cannot read the archive: it is not a tar archive/],
    ['a tar cut short', async () => (await tarOf(dockerEntries())).subarray(0, 1500), /cannot read the archive: it is not a tar archive, or it is corrupt or cut short/],
    ['gzip data cut short', async () => gzipSync(await tarOf(dockerEntries())).subarray(0, 200), /cannot read the archive: its gzip data is corrupt or cut short/],
    ['nothing at all', async () => Buffer.alloc(0), /the archive is empty/],
    ['an xz file', async () => Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2, 3]), /compressed with xz, which boxctl does not read/],
  ];

  it.each(cases)('%s', async (_what, build, message) => {
    const archive = await build();
    const error = await plan(archive).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('\n');
  });
});

describe('peeking at a stream', () => {
  it('gives the head and loses nothing, for long, short and empty streams', async () => {
    for (const data of [Buffer.from('abcdefghij'), Buffer.from('ab'), Buffer.alloc(0)]) {
      const { head, stream } = await peek(Readable.from([data.subarray(0, 1), data.subarray(1)]), 6);
      expect(head).toEqual(data.subarray(0, 6));
      const rest: Buffer[] = [];
      for await (const c of stream) rest.push(c as Buffer);
      expect(Buffer.concat(rest)).toEqual(data);
    }
  });
});
