// A registry that lies, breaks off or falls over (fixtures/registry-lies.ts), in front
// of the test host's real one: the client must notice every lie and ride out the rest.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { Descriptor, ImageManifest } from '../../src/engine/image/manifest.js';
import { RegistryClient } from '../../src/engine/image/registry/client.js';
import {
  corruptBlob,
  hugeManifest,
  invalidJsonManifest,
  redirectBlobs,
  truncateBlobOnce,
  unavailableFirst,
  wrongContentDigest,
} from './fixtures/registry-lies.js';
import { RegistryProxy, USER } from './fixtures/registry-token-proxy.js';
import { boxctl, testUser, userTempDir } from './harness.js';
import { readHostEnv } from './host-env.js';

const { registry: upstream } = readHostEnv();
const MiB = 1024 * 1024;
const scratch = userTempDir(testUser.uid);
afterAll(() => scratch.remove());

function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

describe('a registry that lies', () => {
  let proxy: RegistryProxy;
  let manifest: ImageManifest;
  /** The busybox layer, about 1 MiB: big enough to break off in the middle. */
  let layer: Descriptor;
  const clients: RegistryClient[] = [];

  function client(): RegistryClient {
    const c = new RegistryClient({ registry: proxy.registry });
    clients.push(c);
    return c;
  }

  function blobRequests(digest: string) {
    return proxy.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/blobs/${digest}`));
  }

  beforeAll(async () => {
    proxy = await RegistryProxy.start({ upstream });
    const got = (await client().getManifest('boxctl/busybox', 'latest')).manifest;
    if (got.kind !== 'manifest') throw new Error('boxctl/busybox should be a manifest');
    manifest = got;
    layer = got.layers[0]!;
    expect(layer.size).toBeGreaterThan(MiB / 2);
  });

  beforeEach(() => {
    proxy.lie = undefined;
    proxy.requests.length = 0;
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await proxy.close();
  });

  it('fails a blob with one byte changed, naming both digests', async () => {
    proxy.lie = corruptBlob(layer.digest);
    const stream = await client().fetchBlob('boxctl/busybox', layer);
    await expect(stream.toArray()).rejects.toThrow(
      new RegExp(`^blob ${layer.digest} has digest sha256:[0-9a-f]{64}, expected ${layer.digest}: `),
    );
  });

  it('fails a pull whose layer has one byte changed with the digest, and keeps nothing of the layer', async () => {
    proxy.lie = corruptBlob(layer.digest);
    const root = join(scratch.path, 'corrupt');
    const r = await boxctl(['--root', root, 'pull', `${proxy.registry}/boxctl/busybox`], testUser);
    expect(r.code).toBe(125);
    // Whatever the unpacker made of the bytes, the digest is what the user hears of.
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(new RegExp(`^Error: blob ${layer.digest} has digest sha256:[0-9a-f]{64}, expected ${layer.digest}: `));
    const storage = join(root, 'storage');
    expect(readdirSync(join(storage, 'layers'))).toEqual([]);
    expect(existsSync(join(storage, 'blobs', 'sha256', layer.digest.slice('sha256:'.length)))).toBe(false);
    expect(readdirSync(join(storage, 'tmp'))).toEqual([]);
    expect(JSON.parse((await boxctl(['--root', root, 'images', '--format', 'json'], testUser)).stdout)).toEqual([]);
  });

  it('resumes a download cut off halfway with a range request', async () => {
    proxy.lie = truncateBlobOnce(layer.digest, true);
    const progress: number[] = [];
    const data = Buffer.concat(
      await (await client().fetchBlob('boxctl/busybox', layer, { onProgress: (n) => progress.push(n) })).toArray(),
    );
    expect(sha256(data)).toBe(layer.digest);
    const [first, second, ...rest] = blobRequests(layer.digest);
    expect(rest).toEqual([]);
    expect(first?.range).toBeUndefined();
    const from = Number(/^bytes=(\d+)-$/.exec(second?.range ?? '')?.[1]);
    expect(from).toBeGreaterThan(0);
    expect(from).toBeLessThan(layer.size);
    expect(progress.at(-1)).toBe(layer.size);
    // Progress never went backwards across the break.
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('goes on where it broke off when the server ignores the range and sends it all again', async () => {
    proxy.lie = truncateBlobOnce(layer.digest, false);
    const data = Buffer.concat(await (await client().fetchBlob('boxctl/busybox', layer)).toArray());
    expect(data.length).toBe(layer.size);
    expect(sha256(data)).toBe(layer.digest);
    expect(blobRequests(layer.digest)).toHaveLength(2);
  });

  it('refuses a manifest whose Docker-Content-Digest is not its digest', async () => {
    proxy.lie = wrongContentDigest();
    const lie = sha256(Buffer.from('a lie'));
    await expect(client().getManifest('boxctl/busybox', 'latest')).rejects.toThrow(
      new RegExp(
        `^the manifest of ${proxy.registry}/boxctl/busybox:latest has digest sha256:[0-9a-f]{64}, but ${proxy.registry} says ${lie}: `,
      ),
    );
  });

  it('stops reading a manifest streamed past the size limit', async () => {
    const sent = { bytes: 0 };
    proxy.lie = hugeManifest(256 * MiB, sent, false);
    await expect(client().getManifest('boxctl/busybox', 'latest')).rejects.toThrow(
      `the manifest of ${proxy.registry}/boxctl/busybox:latest is larger than the 4 MiB boxctl accepts`,
    );
    // Allow for what the sockets buffer between the two ends.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent.bytes).toBeLessThan(32 * MiB);
  });

  it('refuses a manifest whose declared length is over the limit without reading it', async () => {
    const sent = { bytes: 0 };
    proxy.lie = hugeManifest(256 * MiB, sent, true);
    await expect(client().getManifest('boxctl/busybox', 'latest')).rejects.toThrow(/is larger than the 4 MiB/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent.bytes).toBeLessThan(32 * MiB);
  });

  it('refuses a manifest that is not JSON', async () => {
    proxy.lie = invalidJsonManifest();
    await expect(client().getManifest('boxctl/busybox', 'latest')).rejects.toThrow(
      new RegExp(`^the manifest of ${proxy.registry}/boxctl/busybox:latest is not valid JSON: `),
    );
  });

  it('refuses other content for a manifest asked for by digest', async () => {
    const { digest } = await client().getManifest('boxctl/busybox', 'latest');
    proxy.lie = invalidJsonManifest();
    await expect(client().getManifest('boxctl/busybox', digest)).rejects.toThrow(
      new RegExp(
        `^the manifest of ${proxy.registry}/boxctl/busybox@${digest} has digest sha256:[0-9a-f]{64}, not ${digest}: `,
      ),
    );
  });

  it('retries a registry that answers 503 twice', async () => {
    proxy.lie = unavailableFirst(2);
    const got = await client().getManifest('boxctl/busybox', 'latest');
    expect(got.manifest).toEqual(manifest);
    expect(proxy.requests.filter((r) => r.path.includes('/manifests/'))).toHaveLength(3);
  });

  it('gives up after four tries, with what the registry said', async () => {
    proxy.lie = unavailableFirst(10);
    await expect(client().getManifest('boxctl/busybox', 'latest')).rejects.toThrow(
      `fetching the manifest of ${proxy.registry}/boxctl/busybox:latest failed: the registry answered http 503 (try again later)`,
    );
    expect(proxy.requests.filter((r) => r.path.includes('/manifests/'))).toHaveLength(4);
  });
});

describe('a registry that redirects blob downloads', () => {
  let registry: RegistryProxy;
  let storage: RegistryProxy;
  let client: RegistryClient;

  beforeAll(async () => {
    storage = await RegistryProxy.start({ upstream });
    registry = await RegistryProxy.start({ upstream, auth: 'bearer', lie: redirectBlobs(storage.origin) });
    client = new RegistryClient({ registry: registry.registry, credentials: USER });
  });

  afterAll(async () => {
    await client.close();
    await Promise.all([registry.close(), storage.close()]);
  });

  it('follows the redirect, and sends the registry token only to the registry', async () => {
    const got = (await client.getManifest('boxctl/busybox', 'latest')).manifest;
    if (got.kind !== 'manifest') throw new Error('boxctl/busybox should be a manifest');
    const data = Buffer.concat(await (await client.fetchBlob('boxctl/busybox', got.config)).toArray());
    expect(sha256(data)).toBe(got.config.digest);
    const path = `/v2/boxctl/busybox/blobs/${got.config.digest}`;
    const asked = registry.requests.filter((r) => r.path === path);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.authorization).toMatch(/^Bearer /);
    expect(storage.requests).toEqual([{ method: 'GET', path }]);
  });
});
