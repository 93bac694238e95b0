import { describe, expect, it } from 'vitest';

import { dockerManifest, legacyLayers, parseDockerManifest, repositories } from '../../src/engine/image/archive/docker-archive.js';
import { ArchiveRefused, blobKey, entryKey, promisedDigest, referencedKey, resolveFile, type ArchiveNode } from '../../src/engine/image/archive/names.js';
import { annotatedName, checkOciLayout, ociIndex, ociManifest } from '../../src/engine/image/archive/oci-layout.js';
import { importConfig } from '../../src/engine/image/archive/import.js';
import { parseImageConfig } from '../../src/engine/image/manifest.js';

// The config of the test host's boxctl/layers image, and what `podman save` 4.3 wrote
// for it: the legacy layer ids and the top layer's json.
const CONFIG =
  '{"created":"2026-11-28T18:40:25.953023962Z","architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["/bin/sh"]},"rootfs":{"type":"layers","diff_ids":["sha256:be03262d99fb396e0ec0c212d081f21e982b14277c4e68c7f961ce09a4c004ee","sha256:375ce05e84a0701e14e9c598485e5c23ee9c947fd91652e9cd92e87f83e0393a","sha256:c450dea50bfd66de0786d2112d468cae24e7be17fb68af11de505962a7c04361"]},"history":[]}';
const PODMAN_IDS = [
  'cfe17d7b06efd9d4519a37c3fb14d6531b5860baf5d1bb44558dd50678dec4a9',
  'ef507cbb61e83699649ff4281d82a6a51a20f7b73cf5e90723359cdf5abf839c',
  '85bba232ecc76163d1d44d81c7a67bae605e327f3c4f7a29f3f40433eb8060f5',
];
const PODMAN_TOP_JSON =
  '{"architecture":"amd64","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["/bin/sh"]},"container":null,"container_config":null,"created":"2026-11-28T18:40:25.953023962Z","docker_version":null,"id":"85bba232ecc76163d1d44d81c7a67bae605e327f3c4f7a29f3f40433eb8060f5","os":"linux","parent":"ef507cbb61e83699649ff4281d82a6a51a20f7b73cf5e90723359cdf5abf839c"}';

const D = (c: string) => `sha256:${c.repeat(64)}`;

describe('docker-archive documents', () => {
  it('computes the legacy layer ids and configs exactly as podman save does', () => {
    const config = JSON.parse(CONFIG) as Record<string, unknown>;
    const legacy = legacyLayers(config, (config.rootfs as { diff_ids: string[] }).diff_ids);
    expect(legacy.map((l) => l.id)).toEqual(PODMAN_IDS);
    expect(legacy[0]!.json).toBe(`{"id":"${PODMAN_IDS[0]}"}`);
    expect(legacy[1]!.json).toBe(`{"id":"${PODMAN_IDS[1]}","parent":"${PODMAN_IDS[0]}"}`);
    expect(legacy[2]!.json).toBe(PODMAN_TOP_JSON);
  });

  it('escapes <, > and & as Go does, so ids stay those of containers/image', () => {
    const [layer] = legacyLayers({ config: { Labels: { a: '<&>' } } }, [D('1')]);
    expect(layer!.json).toContain('"Labels":{"a":"\\u003c\\u0026\\u003e"}');
  });

  it('writes manifest.json and repositories as containers/image does', () => {
    const images = [{ configDigest: D('c'), diffIds: [D('1'), D('2')], names: ['r.io/b/x:2', 'r.io/a:1'], topLayerId: 'top' }];
    expect(JSON.parse(dockerManifest(images))).toEqual([{ Config: `${'c'.repeat(64)}.json`, RepoTags: ['r.io/b/x:2', 'r.io/a:1'], Layers: [`${'1'.repeat(64)}.tar`, `${'2'.repeat(64)}.tar`] }]);
    expect(repositories(images)).toBe('{"r.io/a":{"1":"top"},"r.io/b/x":{"2":"top"}}');
    expect(repositories([{ ...images[0]!, names: [] }])).toBe('{}');
  });

  it('reads manifest.json, with RepoTags null for an image saved by id', () => {
    const items = parseDockerManifest(Buffer.from('[{"Config":"c.json","RepoTags":null,"Layers":["a/layer.tar"]}]'));
    expect(items).toEqual([{ Config: 'c.json', RepoTags: [], Layers: ['a/layer.tar'] }]);
  });

  it.each([
    ['not JSON', '[{', /not valid JSON/],
    ['no image', '[]', /at least one image/],
    ['an object', '{"Config":"x"}', /at least one image/],
    ['no Config', '[{"Layers":[]}]', /no Config/],
    ['Layers not strings', '[{"Config":"c","Layers":[1]}]', /no list of Layers/],
    ['RepoTags not strings', '[{"Config":"c","Layers":[],"RepoTags":[{}]}]', /RepoTags must be a list/],
  ])('refuses a manifest.json that is %s', (_what, text, message) => {
    expect(() => parseDockerManifest(Buffer.from(text))).toThrow(message);
  });
});

describe('names inside an archive', () => {
  it('keys entries lexically and refuses those outside the root', () => {
    expect(entryKey('./a/./b/')).toBe('a/b');
    expect(entryKey('/abs/x')).toBe('abs/x');
    expect(entryKey('a/../b')).toBe('b');
    expect(() => entryKey('../etc/passwd')).toThrow(ArchiveRefused);
    expect(() => entryKey('a/../../x')).toThrow(/outside its root/);
  });

  it('refuses references to absolute paths and paths above the root', () => {
    expect(referencedKey('./x.tar', 'here')).toBe('x.tar');
    expect(() => referencedKey('../../etc/passwd', 'manifest.json')).toThrow(/manifest.json names "..\/..\/etc\/passwd", which is outside the archive/);
    expect(() => referencedKey('/etc/passwd', 'm')).toThrow(/outside the archive/);
    expect(() => referencedKey('.', 'm')).toThrow(/outside the archive/);
  });

  it('follows symlinks inside the archive, and only there', () => {
    const nodes = new Map<string, ArchiveNode>([
      ['abc.tar', { kind: 'file' }],
      ['id/layer.tar', { kind: 'symlink', target: '../abc.tar' }],
      ['id/hop', { kind: 'symlink', target: 'layer.tar' }],
      ['id/out', { kind: 'symlink', target: '../../etc/passwd' }],
      ['id/abs', { kind: 'symlink', target: '/etc/passwd' }],
      ['loop', { kind: 'symlink', target: 'loop' }],
      ['dev', { kind: 'other', type: 'character-device' }],
    ]);
    expect(resolveFile(nodes, 'id/hop', 'm')).toBe('abc.tar');
    expect(() => resolveFile(nodes, 'id/out', 'm')).toThrow(/points outside the archive/);
    expect(() => resolveFile(nodes, 'id/abs', 'm')).toThrow(/points outside the archive/);
    expect(() => resolveFile(nodes, 'loop', 'm')).toThrow(/chain of more than/);
    expect(() => resolveFile(nodes, 'dev', 'm')).toThrow(/character-device in the archive, not a file/);
    expect(() => resolveFile(nodes, 'nope', 'm')).toThrow(/does not contain/);
  });

  it('knows which names promise a digest', () => {
    expect(promisedDigest(`blobs/sha256/${'a'.repeat(64)}`)).toBe(D('a'));
    expect(promisedDigest(`blobs/sha512/${'b'.repeat(128)}`)).toBe(`sha512:${'b'.repeat(128)}`);
    expect(promisedDigest(`${'c'.repeat(64)}.tar`)).toBe(D('c'));
    expect(promisedDigest(`${'c'.repeat(64)}.json`)).toBe(D('c'));
    expect(promisedDigest('blobs/sha256/short')).toBeUndefined();
    expect(promisedDigest(`x/${'c'.repeat(64)}.tar`)).toBeUndefined();
    expect(blobKey(D('d'))).toBe(`blobs/sha256/${'d'.repeat(64)}`);
  });
});

describe('OCI layout documents', () => {
  it('names images as Podman does: full names kept, short names and bare tags in localhost/', () => {
    expect(annotatedName({ 'org.opencontainers.image.ref.name': '127.0.0.1:5000/boxctl/layers:latest' })).toBe('127.0.0.1:5000/boxctl/layers:latest');
    expect(annotatedName({ 'org.opencontainers.image.ref.name': 'latest' })).toBe('localhost/latest:latest');
    expect(annotatedName({ 'org.opencontainers.image.ref.name': 'foo/bar:1' })).toBe('localhost/foo/bar:1');
    expect(annotatedName({ 'org.opencontainers.image.ref.name': 'latest', 'io.containerd.image.name': 'docker.io/library/alpine:3' })).toBe('docker.io/library/alpine:3');
    expect(annotatedName({})).toBeUndefined();
    expect(annotatedName(undefined)).toBeUndefined();
    expect(() => annotatedName({ 'org.opencontainers.image.ref.name': 'Bad Name' })).toThrow(/not a valid image name/);
  });

  it('checks oci-layout', () => {
    expect(() => checkOciLayout(Buffer.from('{"imageLayoutVersion":"1.0.0"}'))).not.toThrow();
    expect(() => checkOciLayout(Buffer.from('{"imageLayoutVersion":"2.0.0"}'))).toThrow(/layout version "2.0.0"/);
    expect(() => checkOciLayout(Buffer.from('nope'))).toThrow(/not valid JSON/);
  });

  it('writes a manifest and an index with one entry per name', () => {
    const manifest = JSON.parse(ociManifest({ digest: D('c'), size: 10 }, [{ digest: D('1'), size: 5, compression: 'gzip' }, { digest: D('2'), size: 6, compression: 'none' }])) as { layers: { mediaType: string }[] };
    expect(manifest.layers.map((l) => l.mediaType)).toEqual(['application/vnd.oci.image.layer.v1.tar+gzip', 'application/vnd.oci.image.layer.v1.tar']);
    const desc = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: D('m'), size: 3 };
    const index = JSON.parse(ociIndex([{ manifest: desc, name: 'a:1' }, { manifest: desc }])) as { manifests: { annotations?: object }[] };
    expect(index.manifests).toEqual([{ ...desc, annotations: { 'org.opencontainers.image.ref.name': 'a:1' } }, desc]);
  });
});

describe('the config of an imported image', () => {
  it('is what podman import writes, and a valid image config', () => {
    const text = importConfig(D('a'), '2026-01-01T00:00:00Z', 'imported from tarball');
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['created', 'architecture', 'os', 'config', 'rootfs', 'history']);
    const config = parseImageConfig(text, 'imported');
    expect(config.rootfs.diff_ids).toEqual([D('a')]);
    expect(config.history).toEqual([{ created: '2026-01-01T00:00:00Z', created_by: `/bin/sh -c #(nop) ADD file:${'a'.repeat(64)} in /`, comment: 'imported from tarball' }]);
  });
});
