import { describe, expect, it } from 'vitest';

import { BoxctlError, NotFoundError } from '../../src/errors.js';
import {
  MAX_CONFIG_SIZE,
  MAX_MANIFEST_SIZE,
  formatPlatform,
  parseImageConfig,
  parseManifest,
  selectPlatform,
  type ImageIndex,
  type WantedPlatform,
} from '../../src/engine/image/manifest.js';
import {
  DOCKER_CONFIG,
  DOCKER_FOREIGN_LAYER,
  DOCKER_LAYER,
  DOCKER_LAYER_UNCOMPRESSED,
  DOCKER_MANIFEST,
  DOCKER_MANIFEST_LIST,
  MANIFEST_MEDIA_TYPES,
  OCI_CONFIG,
  OCI_INDEX,
  OCI_LAYER,
  OCI_LAYER_GZIP,
  OCI_LAYER_NONDISTRIBUTABLE,
  OCI_LAYER_NONDISTRIBUTABLE_GZIP,
  OCI_LAYER_NONDISTRIBUTABLE_ZSTD,
  OCI_LAYER_ZSTD,
  OCI_MANIFEST,
  isForeignLayer,
  layerCompression,
} from '../../src/engine/image/media-types.js';

const ALPINE = 'docker.io/library/alpine:latest';

// Docker Hub's index for alpine:latest (January 2025): eight platforms, then buildkit's
// attestation manifests (SBOM and provenance), which claim the platform unknown/unknown.
const ALPINE_PLATFORMS: Array<[string, string, string?]> = [
  ['1882fa4569e0c591ea092d3766c4893e19b8901a8e649de7067188aba3cc0679', 'amd64'],
  ['cd194307b3514d0b3eb229a1f6b0c92be4dd0e714b109a488269837170317944', 'arm', 'v6'],
  ['d320aee528174169f76afc8ebd02feb0a42824bc2264d0da1761edff6f06bc5f', 'arm', 'v7'],
  ['410dabcd6f1d53f1f4e5c1ce9553efa298ca6bcdd086dfc976b8f659d58b46d2', 'arm64', 'v8'],
  ['16ff8a639f58b38d94b054e94c106dbbd8a60d45f8b1989f98516a3e8e0792ad', '386'],
  ['a78fa7e4e73252c55e6ebd28dfb1e78d82a0f70d392e2cddcc7f545bf7d7ec16', 'ppc64le'],
  ['6b283ad1125de2c183bcff24bc68f96eb034d09dd3ee56b8c7ba7dc832e5c1e7', 'riscv64'],
  ['e1fe68c8d560a9853093a5e8ee615f3808116d97b634b774ccbace73d1de8956', 's390x'],
];
const ALPINE_ATTESTATIONS = [
  'f9fd905ebc9c0e5e6dac67fb89753e85b7b831273995bdca248ba4cb74ba2dc9',
  '12dea40f86f302a827397587f50224bd18770941bca6ac880390cb336303b778',
  '823ade00a6dc01039ba8c7bc8d5cc8075ee45ad513b3295a90083a315a05ce3c',
  'b8b03df6fb6f8b5b7d23c7b607747e2071243bac0db5112e956591a43da59cff',
  '10557b46ac595cfe54930c99d40caeda9a15f1d3e493090b06beba5b8b70bd1b',
  'bd761fcd6f08b37be19e84f4e6c63f3665c0357ba2174a65f19f8078bb2cc0e9',
  '89dcdffaf28d22684df7b256a089f54706b7890bde407889f5ba90e620e3cae0',
  '00dba905f263dba1db0300756d4a74af745f2e3a94f30c802450314af9af2202',
];
const bashbrewArch = (arch: string, variant?: string) =>
  ({ amd64: 'amd64', arm: variant === 'v6' ? 'arm32v6' : 'arm32v7', arm64: 'arm64v8', '386': 'i386' })[arch] ?? arch;
const ALPINE_INDEX = JSON.stringify({
  manifests: [
    ...ALPINE_PLATFORMS.map(([hex, architecture, variant]) => ({
      annotations: {
        'com.docker.official-images.bashbrew.arch': bashbrewArch(architecture, variant),
        'org.opencontainers.image.base.name': 'scratch',
        'org.opencontainers.image.created': '2025-01-08T12:07:30Z',
        'org.opencontainers.image.revision': '0f2e0b5f1c8c5b2d2a3e4c5d6e7f8091a2b3c4d5',
        'org.opencontainers.image.source': 'https://github.com/alpinelinux/docker-alpine.git',
        'org.opencontainers.image.url': 'https://hub.docker.com/_/alpine',
        'org.opencontainers.image.version': '3.21.2',
      },
      digest: `sha256:${hex}`,
      mediaType: OCI_MANIFEST,
      platform: variant ? { architecture, os: 'linux', variant } : { architecture, os: 'linux' },
      size: 1022,
    })),
    ...ALPINE_ATTESTATIONS.map((hex, i) => ({
      annotations: {
        'com.docker.official-images.bashbrew.arch': bashbrewArch(ALPINE_PLATFORMS[i]![1], ALPINE_PLATFORMS[i]![2]),
        'vnd.docker.reference.digest': `sha256:${ALPINE_PLATFORMS[i]![0]}`,
        'vnd.docker.reference.type': 'attestation-manifest',
      },
      digest: `sha256:${hex}`,
      mediaType: OCI_MANIFEST,
      platform: { architecture: 'unknown', os: 'unknown' },
      size: i === 1 ? 566 : 837,
    })),
  ],
  mediaType: OCI_INDEX,
  schemaVersion: 2,
});

// A Docker manifest list in the shape of golang's: Linux platforms, arm/v5 included, and two
// Windows builds told apart only by os.version.
const GOLANG_LIST = `{
   "schemaVersion": 2,
   "mediaType": "application/vnd.docker.distribution.manifest.list.v2+json",
   "manifests": [
      {
         "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
         "size": 1796,
         "digest": "sha256:a7f8f20201b39d76a9354119be0c62a5b31b74f445a0297aa0b8abddaa0a4de6",
         "platform": { "architecture": "amd64", "os": "linux" }
      },
      {
         "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
         "size": 1796,
         "digest": "sha256:a25a1910cf1e9712527743676597c7680f471f4f06602ba7b62b568121d93b6c",
         "platform": { "architecture": "arm", "os": "linux", "variant": "v5" }
      },
      {
         "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
         "size": 1796,
         "digest": "sha256:71a2b23f63a502b8c6b9073de1f79532602d96f61cb1f84b37b50b8fe554777a",
         "platform": { "architecture": "arm", "os": "linux", "variant": "v7" }
      },
      {
         "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
         "size": 1796,
         "digest": "sha256:6f35c060bef37f2b4859db63e81a00d367a475edbbdd5bc81d7b2c00244ef235",
         "platform": { "architecture": "arm64", "os": "linux", "variant": "v8" }
      },
      {
         "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
         "size": 1796,
         "digest": "sha256:8be6a307e16d8e1e06142b08c9cfb9e76bde35c5a9e6d5c56eb10d327be48d5d",
         "platform": { "architecture": "386", "os": "linux" }
      },
      {
         "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
         "size": 1796,
         "digest": "sha256:f041b7f2d8a4028dad024f5db1d1c19bbfc77a5044873e7512014edfb663b68a",
         "platform": { "architecture": "mips64le", "os": "linux" }
      },
      {
         "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
         "size": 1796,
         "digest": "sha256:9cbd0b9f46d239f70d091e820d946d2f96849bf3d289745ab4a42165afd5f538",
         "platform": { "architecture": "ppc64le", "os": "linux" }
      },
      {
         "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
         "size": 1796,
         "digest": "sha256:bb137e2b20f4b1f93d4e376291f11fa8086df5aa8cebcec682435a394cbd5b26",
         "platform": { "architecture": "s390x", "os": "linux" }
      },
      {
         "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
         "size": 3398,
         "digest": "sha256:4aeb88fdd4d439316b638577c1fd20b5e1567bf11beebb8e47d8dcb355c9cfa8",
         "platform": { "architecture": "amd64", "os": "windows", "os.version": "10.0.20348.2227" }
      },
      {
         "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
         "size": 3398,
         "digest": "sha256:7c6acd25c2ab18d89f17d588ae3bd99d0b8c95f3dd4cf3c66d7eafc3e018ff12",
         "platform": { "architecture": "amd64", "os": "windows", "os.version": "10.0.17763.5329", "os.features": ["win32k"] }
      }
   ]
}`;

// A Docker schema 2 image manifest as `docker push` writes it.
const DOCKER_IMAGE = `{
   "schemaVersion": 2,
   "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
   "config": {
      "mediaType": "application/vnd.docker.container.image.v1+json",
      "size": 7023,
      "digest": "sha256:e67d23e7820c49a8051dac2831f38290f5e72f66c8db5079eeb60d82f14894c0"
   },
   "layers": [
      {
         "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
         "size": 32654,
         "digest": "sha256:77ea7eee3d80b1a38f83906dd3048e2689457eb90e18a7d12f839c5ae37106a2"
      },
      {
         "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
         "size": 16724,
         "digest": "sha256:95cf1a2e1698fe3ca1fcc3f653119146b271d0b62e487ec264441e886a11bd06"
      },
      {
         "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
         "size": 73109,
         "digest": "sha256:a0e70458d19e37e14d6388030a017c587283e2fb6ef10c0744cad0294c47e8f8"
      }
   ]
}`;

// An OCI manifest as podman or buildkit write it with zstd compression.
const OCI_IMAGE = JSON.stringify({
  schemaVersion: 2,
  mediaType: OCI_MANIFEST,
  config: {
    mediaType: OCI_CONFIG,
    digest: 'sha256:5d33a66b3eec5298c6ef074cb533c3c84283bf5587ff4924277ee9292beefafa',
    size: 1471,
  },
  layers: [
    {
      mediaType: OCI_LAYER_ZSTD,
      digest: 'sha256:4bb28d794d012d108889edd9b235e30699cc2a000ac97100c5343a9c51e9b572',
      size: 3624036,
    },
    {
      mediaType: OCI_LAYER_GZIP,
      digest: 'sha256:a9fd7e900853d097447f1e352859a9ece1ffecde9aaacbd7a7d5ef2dee95ef52',
      size: 2048,
      annotations: { 'io.github.containers.zstd-chunked.manifest-position': '1:2:3:1' },
    },
  ],
  annotations: { 'org.opencontainers.image.created': '2024-11-02T10:00:00Z' },
});

// alpine's config as Docker Hub serves it: nulls where unset, history with an empty layer.
const ALPINE_CONFIG = `{"architecture":"amd64","config":{"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":false,"AttachStderr":false,"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["/bin/sh"],"Image":"sha256:8d591b0b7dea080ea3be9e12ae563eebf9869168ffced1cb25b2470a3d9fe15e","Volumes":null,"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":null},"container":"1a2b","created":"2025-01-08T12:07:30Z","docker_version":"23.0.11","history":[{"created":"2025-01-08T12:07:30Z","created_by":"ADD alpine-minirootfs-3.21.2-x86_64.tar.gz / # buildkit","comment":"buildkit.dockerfile.v0"},{"created":"2025-01-08T12:07:30Z","created_by":"CMD [\\"/bin/sh\\"]","comment":"buildkit.dockerfile.v0","empty_layer":true}],"os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:a0904247e36a7726c03c71ee48f3e64462021c88dafeb13f37fdaf613b27f11c"]}}`;

const index = (text: string, image = ALPINE) => {
  const parsed = parseManifest(text, { image });
  if (parsed.kind !== 'index') throw new Error('expected an index');
  return parsed;
};

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('media types', () => {
  it.each([
    [OCI_LAYER, 'none', false],
    [OCI_LAYER_GZIP, 'gzip', false],
    [OCI_LAYER_ZSTD, 'zstd', false],
    [OCI_LAYER_NONDISTRIBUTABLE, 'none', true],
    [OCI_LAYER_NONDISTRIBUTABLE_GZIP, 'gzip', true],
    [OCI_LAYER_NONDISTRIBUTABLE_ZSTD, 'zstd', true],
    [DOCKER_LAYER, 'gzip', false],
    [DOCKER_LAYER_UNCOMPRESSED, 'none', false],
    [DOCKER_FOREIGN_LAYER, 'gzip', true],
  ])('%s is %s, foreign: %s', (mediaType, compression, foreign) => {
    expect(layerCompression(mediaType)).toBe(compression);
    expect(isForeignLayer(mediaType)).toBe(foreign);
  });

  it('refuses layer types it cannot unpack', () => {
    for (const t of [
      'application/vnd.oci.image.layer.v1.tar+bzip2',
      'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
      '',
    ]) {
      expect(() => layerCompression(t)).toThrow(BoxctlError);
      expect(() => isForeignLayer(t)).toThrow(/unsupported layer media type/);
    }
  });

  it('asks registries for indexes first', () => {
    expect(MANIFEST_MEDIA_TYPES).toEqual([OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST]);
  });
});

describe('parseManifest', () => {
  it('reads a Docker Hub OCI index with attestations', () => {
    const idx = index(ALPINE_INDEX);
    expect(idx.mediaType).toBe(OCI_INDEX);
    expect(idx.manifests).toHaveLength(16);
    expect(idx.manifests[3]).toMatchObject({
      mediaType: OCI_MANIFEST,
      digest: 'sha256:410dabcd6f1d53f1f4e5c1ce9553efa298ca6bcdd086dfc976b8f659d58b46d2',
      size: 1022,
      platform: { architecture: 'arm64', os: 'linux', variant: 'v8' },
    });
    expect(idx.manifests[8]?.annotations?.['vnd.docker.reference.type']).toBe('attestation-manifest');
  });

  it('reads a Docker manifest list, with os.version and os.features', () => {
    const list = index(GOLANG_LIST, 'docker.io/library/golang:1.23');
    expect(list.mediaType).toBe(DOCKER_MANIFEST_LIST);
    expect(list.manifests.map((m) => m.platform && formatPlatform(m.platform))).toEqual([
      'linux/amd64',
      'linux/arm/v5',
      'linux/arm/v7',
      'linux/arm64/v8',
      'linux/386',
      'linux/mips64le',
      'linux/ppc64le',
      'linux/s390x',
      'windows/amd64',
      'windows/amd64',
    ]);
    expect(list.manifests[9]?.platform).toEqual({
      architecture: 'amd64',
      os: 'windows',
      osVersion: '10.0.17763.5329',
      osFeatures: ['win32k'],
    });
  });

  it('reads a Docker schema 2 image manifest', () => {
    const m = parseManifest(Buffer.from(DOCKER_IMAGE), { image: 'quay.io/a/b:1', contentType: DOCKER_MANIFEST });
    expect(m).toEqual({
      kind: 'manifest',
      mediaType: DOCKER_MANIFEST,
      config: {
        mediaType: DOCKER_CONFIG,
        size: 7023,
        digest: 'sha256:e67d23e7820c49a8051dac2831f38290f5e72f66c8db5079eeb60d82f14894c0',
      },
      layers: [
        {
          mediaType: DOCKER_LAYER,
          size: 32654,
          digest: 'sha256:77ea7eee3d80b1a38f83906dd3048e2689457eb90e18a7d12f839c5ae37106a2',
        },
        {
          mediaType: DOCKER_LAYER,
          size: 16724,
          digest: 'sha256:95cf1a2e1698fe3ca1fcc3f653119146b271d0b62e487ec264441e886a11bd06',
        },
        {
          mediaType: DOCKER_LAYER,
          size: 73109,
          digest: 'sha256:a0e70458d19e37e14d6388030a017c587283e2fb6ef10c0744cad0294c47e8f8',
        },
      ],
    });
  });

  it('reads an OCI manifest with zstd layers and annotations', () => {
    const m = parseManifest(OCI_IMAGE, { image: 'quay.io/a/b:1' });
    expect(m.kind).toBe('manifest');
    if (m.kind !== 'manifest') return;
    expect(m.layers.map((l) => layerCompression(l.mediaType))).toEqual(['zstd', 'gzip']);
    expect(m.layers[1]?.annotations).toEqual({ 'io.github.containers.zstd-chunked.manifest-position': '1:2:3:1' });
    expect(m.annotations).toEqual({ 'org.opencontainers.image.created': '2024-11-02T10:00:00Z' });
  });

  it('takes the kind from the Content-Type, then from the shape, when the body has no mediaType', () => {
    const { mediaType: _m, ...bare } = JSON.parse(ALPINE_INDEX) as Record<string, unknown>;
    const text = JSON.stringify(bare);
    expect(
      parseManifest(text, { image: ALPINE, contentType: `${DOCKER_MANIFEST_LIST}; charset=utf-8` }).mediaType,
    ).toBe(DOCKER_MANIFEST_LIST);
    expect(parseManifest(text, { image: ALPINE, contentType: 'application/json' }).mediaType).toBe(OCI_INDEX);
    const { mediaType: _n, ...bareImage } = JSON.parse(OCI_IMAGE) as Record<string, unknown>;
    expect(parseManifest(JSON.stringify(bareImage), { image: ALPINE })).toMatchObject({
      kind: 'manifest',
      mediaType: OCI_MANIFEST,
    });
  });

  it('lets the body mediaType win over a Content-Type', () => {
    expect(parseManifest(DOCKER_IMAGE, { image: ALPINE, contentType: OCI_INDEX }).kind).toBe('manifest');
  });

  it('refuses schema 1 with a clear message', () => {
    const v1 =
      '{"schemaVersion": 1, "name": "library/busybox", "tag": "latest", "architecture": "amd64", "fsLayers": [], "history": []}';
    for (const source of [
      { image: 'registry.example/old:1' },
      { image: 'registry.example/old:1', contentType: 'application/vnd.docker.distribution.manifest.v1+prettyjws' },
    ]) {
      const err = errorOf(() => parseManifest(v1, source));
      expect(err).toBeInstanceOf(BoxctlError);
      expect(err.message).toBe(
        'registry.example/old:1 has a Docker schema 1 manifest, a format boxctl does not support: push the image again with a current docker, podman or buildah',
      );
    }
    expect(() =>
      parseManifest('{"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v1+json"}', {
        image: 'x',
      }),
    ).toThrow(/schema 1 manifest/);
  });

  it('refuses an OCI artifact, naming its config type', () => {
    const helm = JSON.stringify({
      schemaVersion: 2,
      config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: `sha256:${'1'.repeat(64)}`, size: 117 },
      layers: [
        {
          mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
          digest: `sha256:${'2'.repeat(64)}`,
          size: 3461,
        },
      ],
    });
    expect(() => parseManifest(helm, { image: 'ghcr.io/org/charts/app:1.0.0' })).toThrow(
      "ghcr.io/org/charts/app:1.0.0 is not a container image: its config has media type 'application/vnd.cncf.helm.config.v1+json' (an OCI artifact, such as a Helm chart or a signature)",
    );
  });

  it('refuses a layer type it cannot unpack, saying which layer', () => {
    const doc = JSON.parse(OCI_IMAGE) as { layers: Array<{ mediaType: string }> };
    doc.layers[1]!.mediaType = 'application/vnd.oci.image.layer.v1.tar+bzip2';
    expect(() => parseManifest(JSON.stringify(doc), { image: 'quay.io/a/b:1' })).toThrow(
      "quay.io/a/b:1 has a layer of unsupported media type 'application/vnd.oci.image.layer.v1.tar+bzip2' (layers[1]): boxctl unpacks tar layers, uncompressed or compressed with gzip or zstd",
    );
  });

  it('refuses a manifest over 4 MiB before decoding it', () => {
    const big = `{"schemaVersion":2,"padding":"${'x'.repeat(MAX_MANIFEST_SIZE)}"}`;
    expect(() => parseManifest(big, { image: ALPINE })).toThrow(
      `the manifest of ${ALPINE} is ${MAX_MANIFEST_SIZE + 32} bytes, more than the 4 MiB boxctl accepts`,
    );
    expect(() => parseManifest(new Uint8Array(MAX_MANIFEST_SIZE + 1), { image: ALPINE })).toThrow(
      /more than the 4 MiB/,
    );
  });

  const mutate = (text: string, change: (doc: Record<string, unknown>) => void): string => {
    const doc = JSON.parse(text) as Record<string, unknown>;
    change(doc);
    return JSON.stringify(doc);
  };
  const layer0 = (doc: Record<string, unknown>) => (doc.layers as Array<Record<string, unknown>>)[0]!;

  it.each<[string, string, string]>([
    ['not JSON', '{"schemaVersion": 2,', 'is not valid JSON: '],
    ['an array', '[]', 'is invalid: it is not a JSON object'],
    ['no schemaVersion', '{}', 'is invalid: schemaVersion is missing'],
    ['schemaVersion 3', mutate(DOCKER_IMAGE, (d) => (d.schemaVersion = 3)), 'is invalid: schemaVersion is 3, not 2'],
    [
      'schemaVersion "2"',
      mutate(DOCKER_IMAGE, (d) => (d.schemaVersion = '2')),
      'is invalid: schemaVersion is "2", not 2',
    ],
    [
      'an unknown mediaType',
      mutate(DOCKER_IMAGE, (d) => (d.mediaType = 'application/vnd.oci.artifact.manifest.v1+json')),
      'has media type "application/vnd.oci.artifact.manifest.v1+json", which is not an image manifest or index boxctl supports',
    ],
    [
      'a mediaType that is not a string',
      mutate(DOCKER_IMAGE, (d) => (d.mediaType = 2)),
      'has media type 2, which is not',
    ],
    ['no config', mutate(DOCKER_IMAGE, (d) => delete d.config), 'is invalid: config is missing'],
    ['no layers', mutate(DOCKER_IMAGE, (d) => delete d.layers), 'is invalid: layers is missing'],
    ['layers not a list', mutate(DOCKER_IMAGE, (d) => (d.layers = {})), 'is invalid: layers must be a list'],
    [
      'a layer without digest',
      mutate(DOCKER_IMAGE, (d) => delete layer0(d).digest),
      'is invalid: layers[0].digest is missing',
    ],
    [
      'a layer with a bad digest',
      mutate(DOCKER_IMAGE, (d) => (layer0(d).digest = 'sha256:abc')),
      'is invalid: layers[0].digest: sha256 digests have 64 hex digits',
    ],
    [
      'a layer without size',
      mutate(DOCKER_IMAGE, (d) => delete layer0(d).size),
      'is invalid: layers[0].size is missing',
    ],
    [
      'a negative size',
      mutate(DOCKER_IMAGE, (d) => (layer0(d).size = -1)),
      'is invalid: layers[0].size must be a whole number of bytes',
    ],
    ['a fractional size', mutate(DOCKER_IMAGE, (d) => (layer0(d).size = 1.5)), 'layers[0].size must be a whole number'],
    [
      'a layer without mediaType',
      mutate(DOCKER_IMAGE, (d) => delete layer0(d).mediaType),
      'is invalid: layers[0].mediaType is missing',
    ],
    [
      'bad urls',
      mutate(DOCKER_IMAGE, (d) => (layer0(d).urls = 'http://x')),
      'is invalid: layers[0].urls must be a list of strings',
    ],
    [
      'bad annotations',
      mutate(DOCKER_IMAGE, (d) => (layer0(d).annotations = { a: 1 })),
      'layers[0].annotations must be a map of strings',
    ],
    ['no manifests in an index', mutate(ALPINE_INDEX, (d) => delete d.manifests), 'is invalid: manifests is missing'],
    [
      'a platform without os',
      mutate(
        ALPINE_INDEX,
        (d) => delete (d.manifests as Array<Record<string, Record<string, unknown>>>)[2]!.platform!.os,
      ),
      'is invalid: manifests[2].platform.os is missing',
    ],
    [
      'a platform with a numeric variant',
      mutate(
        ALPINE_INDEX,
        (d) => ((d.manifests as Array<Record<string, Record<string, unknown>>>)[2]!.platform!.variant = 7),
      ),
      'manifests[2].platform.variant must be a string',
    ],
  ])('refuses %s', (_name, text, message) => {
    const err = errorOf(() => parseManifest(text, { image: ALPINE }));
    expect(err).toBeInstanceOf(BoxctlError);
    expect(err.message).toContain(message);
    expect(err.message).toContain(ALPINE);
    expect(err.message).not.toContain('\n');
  });
});

describe('parseImageConfig', () => {
  it("reads alpine's config, treating Docker's nulls as unset", () => {
    expect(parseImageConfig(ALPINE_CONFIG, ALPINE)).toEqual({
      architecture: 'amd64',
      os: 'linux',
      created: '2025-01-08T12:07:30Z',
      config: {
        User: '',
        WorkingDir: '',
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
        Cmd: ['/bin/sh'],
      },
      rootfs: { type: 'layers', diff_ids: ['sha256:a0904247e36a7726c03c71ee48f3e64462021c88dafeb13f37fdaf613b27f11c'] },
      history: [
        {
          created: '2025-01-08T12:07:30Z',
          created_by: 'ADD alpine-minirootfs-3.21.2-x86_64.tar.gz / # buildkit',
          comment: 'buildkit.dockerfile.v0',
        },
        {
          created: '2025-01-08T12:07:30Z',
          created_by: 'CMD ["/bin/sh"]',
          comment: 'buildkit.dockerfile.v0',
          empty_layer: true,
        },
      ],
    });
  });

  it('reads an OCI config with every runtime default', () => {
    const text = JSON.stringify({
      architecture: 'arm64',
      variant: 'v8',
      os: 'linux',
      author: 'someone',
      config: {
        User: '1000:1000',
        ExposedPorts: { '80/tcp': {}, '53/udp': {} },
        Env: ['A=1'],
        Entrypoint: ['/docker-entrypoint.sh'],
        Cmd: ['nginx', '-g', 'daemon off;'],
        Volumes: { '/data': {} },
        WorkingDir: '/srv',
        Labels: { maintainer: 'NGINX Docker Maintainers' },
        StopSignal: 'SIGQUIT',
      },
      rootfs: { type: 'layers', diff_ids: [] },
    });
    const config = parseImageConfig(Buffer.from(text), 'docker.io/library/nginx:1');
    expect(config.variant).toBe('v8');
    expect(config.author).toBe('someone');
    expect(config.config).toEqual({
      User: '1000:1000',
      ExposedPorts: { '80/tcp': {}, '53/udp': {} },
      Env: ['A=1'],
      Entrypoint: ['/docker-entrypoint.sh'],
      Cmd: ['nginx', '-g', 'daemon off;'],
      Volumes: { '/data': {} },
      WorkingDir: '/srv',
      Labels: { maintainer: 'NGINX Docker Maintainers' },
      StopSignal: 'SIGQUIT',
    });
    expect(config.history).toBeUndefined();
  });

  it('reads a config without a config section as empty defaults', () => {
    const text = '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}';
    expect(parseImageConfig(text, 'x').config).toEqual({});
  });

  const base = JSON.parse(ALPINE_CONFIG) as Record<string, unknown>;
  const variant = (change: (doc: Record<string, unknown>) => void): string => {
    const doc = structuredClone(base);
    change(doc);
    return JSON.stringify(doc);
  };
  const cfg = (doc: Record<string, unknown>) => doc.config as Record<string, unknown>;

  it.each<[string, string, string]>([
    ['no architecture', variant((d) => delete d.architecture), 'architecture is missing'],
    ['os not a string', variant((d) => (d.os = 1)), 'os must be a string'],
    ['no rootfs', variant((d) => delete d.rootfs), 'rootfs is missing'],
    [
      'another rootfs type',
      variant((d) => ((d.rootfs as Record<string, unknown>).type = 'tarball')),
      'rootfs.type is "tarball", not "layers"',
    ],
    [
      'no diff_ids',
      variant((d) => delete (d.rootfs as Record<string, unknown>).diff_ids),
      'rootfs.diff_ids is missing',
    ],
    [
      'a bad diff_id',
      variant((d) => ((d.rootfs as Record<string, unknown>).diff_ids = ['sha256:xyz'])),
      'rootfs.diff_ids[0]: sha256 digests are lowercase hex digits',
    ],
    ['Env as a string', variant((d) => (cfg(d).Env = 'A=1')), 'config.Env must be a list of strings'],
    ['Cmd with a number', variant((d) => (cfg(d).Cmd = ['sh', 1])), 'config.Cmd must be a list of strings'],
    ['Labels with a number', variant((d) => (cfg(d).Labels = { a: 1 })), 'config.Labels must be a map of strings'],
    [
      'ExposedPorts as a list',
      variant((d) => (cfg(d).ExposedPorts = ['80/tcp'])),
      'config.ExposedPorts must be a map of objects',
    ],
    ['config as a string', variant((d) => (d.config = 'x')), 'config must be an object'],
    ['history entries that are not objects', variant((d) => (d.history = ['x'])), 'history[0] must be an object'],
    [
      'empty_layer as a string',
      variant((d) => (d.history = [{ empty_layer: 'yes' }])),
      'history[0].empty_layer must be true or false',
    ],
  ])('refuses %s', (_name, text, message) => {
    const err = errorOf(() => parseImageConfig(text, ALPINE));
    expect(err).toBeInstanceOf(BoxctlError);
    expect(err.message).toBe(`the image config of ${ALPINE} is invalid: ${message}`);
  });

  it('refuses a config over 4 MiB', () => {
    expect(() => parseImageConfig('x'.repeat(MAX_CONFIG_SIZE + 1), ALPINE)).toThrow(
      `the image config of ${ALPINE} is ${MAX_CONFIG_SIZE + 1} bytes, more than the 4 MiB boxctl accepts`,
    );
  });
});

describe('selectPlatform', () => {
  const alpine = index(ALPINE_INDEX);
  const golang = index(GOLANG_LIST, 'docker.io/library/golang:1.23');
  const pick = (idx: ImageIndex, wanted: WantedPlatform) => {
    const d = selectPlatform(idx, wanted, ALPINE);
    return d.platform && `${formatPlatform(d.platform)}${d.platform.osVersion ? ` ${d.platform.osVersion}` : ''}`;
  };

  it.each<[WantedPlatform, string]>([
    [{ os: 'linux', architecture: 'amd64' }, 'linux/amd64'],
    [{ os: 'linux', architecture: 'amd64', variant: 'v1' }, 'linux/amd64'],
    [{ os: 'linux', architecture: 'amd64', variant: 'v3' }, 'linux/amd64'],
    [{ os: 'linux', architecture: 'arm64' }, 'linux/arm64/v8'],
    [{ os: 'linux', architecture: 'arm64', variant: 'v8' }, 'linux/arm64/v8'],
    [{ os: 'linux', architecture: 'arm', variant: 'v7' }, 'linux/arm/v7'],
    [{ os: 'linux', architecture: 'arm', variant: 'v6' }, 'linux/arm/v6'],
    // An armv8 CPU in 32-bit mode runs v7 code, the best alpine has.
    [{ os: 'linux', architecture: 'arm', variant: 'v8' }, 'linux/arm/v7'],
    [{ os: 'linux', architecture: 'arm' }, 'linux/arm/v7'],
    [{ os: 'linux', architecture: '386' }, 'linux/386'],
    [{ os: 'linux', architecture: 'riscv64' }, 'linux/riscv64'],
    [{ os: 'linux', architecture: 's390x' }, 'linux/s390x'],
  ])('picks from alpine for %j', (wanted, chosen) => {
    expect(pick(alpine, wanted)).toBe(chosen);
  });

  it('returns the whole descriptor of the chosen entry', () => {
    expect(selectPlatform(alpine, { os: 'linux', architecture: 'ppc64le' }, ALPINE).digest).toBe(
      'sha256:a78fa7e4e73252c55e6ebd28dfb1e78d82a0f70d392e2cddcc7f545bf7d7ec16',
    );
  });

  it('picks from a Docker manifest list, ignoring os.version', () => {
    expect(pick(golang, { os: 'linux', architecture: 'arm', variant: 'v5' })).toBe('linux/arm/v5');
    expect(pick(golang, { os: 'linux', architecture: 'arm', variant: 'v6' })).toBe('linux/arm/v5');
    expect(pick(golang, { os: 'linux', architecture: 'mips64le' })).toBe('linux/mips64le');
    expect(pick(golang, { os: 'windows', architecture: 'amd64' })).toBe('windows/amd64 10.0.20348.2227');
  });

  it('matches an arm64 image without a variant to an arm64/v8 machine', () => {
    const idx = index(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [
          {
            mediaType: OCI_MANIFEST,
            digest: `sha256:${'1'.repeat(64)}`,
            size: 1,
            platform: { os: 'linux', architecture: 'arm64' },
          },
        ],
      }),
    );
    expect(pick(idx, { os: 'linux', architecture: 'arm64', variant: 'v8' })).toBe('linux/arm64');
  });

  it('prefers the best amd64 level the machine runs, and treats v1 as no variant', () => {
    const entry = (n: number, variant?: string) => ({
      mediaType: OCI_MANIFEST,
      digest: `sha256:${String(n).repeat(64)}`,
      size: 1,
      platform: { os: 'linux', architecture: 'amd64', ...(variant ? { variant } : {}) },
    });
    const idx = index(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [entry(1, 'v1'), entry(2, 'v2'), entry(4, 'v4')],
      }),
    );
    expect(pick(idx, { os: 'linux', architecture: 'amd64' })).toBe('linux/amd64/v1');
    expect(pick(idx, { os: 'linux', architecture: 'amd64', variant: 'v3' })).toBe('linux/amd64/v2');
    expect(pick(idx, { os: 'linux', architecture: 'amd64', variant: 'v4' })).toBe('linux/amd64/v4');
    const v2only = index(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [entry(2, 'v2')] }));
    expect(() => selectPlatform(v2only, { os: 'linux', architecture: 'amd64' }, 'x')).toThrow(NotFoundError);
  });

  it('lists what is available when nothing matches, leaving attestations out', () => {
    const err = errorOf(() => selectPlatform(alpine, { os: 'linux', architecture: 'mips64le' }, ALPINE));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toBe(
      `${ALPINE} has no image for linux/mips64le: it is built for linux/amd64, linux/arm/v6, linux/arm/v7, linux/arm64/v8, linux/386, linux/ppc64le, linux/riscv64, linux/s390x; choose one of them with --platform`,
    );
    expect(errorOf(() => selectPlatform(golang, { os: 'linux', architecture: 'riscv64' }, 'g')).message).toContain(
      'linux/s390x, windows/amd64; choose',
    );
    expect(errorOf(() => selectPlatform(alpine, { os: 'windows', architecture: 'amd64' }, ALPINE)).message).toContain(
      'has no image for windows/amd64',
    );
  });

  it('says so when an index lists no platforms at all', () => {
    const idx = index(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [
          { mediaType: OCI_MANIFEST, digest: `sha256:${'1'.repeat(64)}`, size: 1 },
          {
            mediaType: OCI_MANIFEST,
            digest: `sha256:${'2'.repeat(64)}`,
            size: 1,
            platform: { os: 'unknown', architecture: 'unknown' },
          },
        ],
      }),
    );
    expect(() => selectPlatform(idx, { os: 'linux', architecture: 'amd64' }, 'x')).toThrow(
      'x has no image for linux/amd64: its index lists no platforms; choose one of them with --platform',
    );
  });
});
