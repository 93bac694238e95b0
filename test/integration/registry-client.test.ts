// The registry client against the test host's real registry (CNCF distribution), and
// against TLS and unreachable endpoints on 127.0.0.1. In-process: this tests the HTTP
// client, not rootless behaviour, so running as root changes nothing.
import { createHash } from 'node:crypto';
import type { LookupFunction } from 'node:net';
import { createServer } from 'node:net';
import type { Readable } from 'node:stream';

import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BoxctlError, NotFoundError } from '../../src/errors.js';
import type { ImageIndex, ImageManifest } from '../../src/engine/image/manifest.js';
import { OCI_INDEX, OCI_MANIFEST } from '../../src/engine/image/media-types.js';
import { RegistryClient } from '../../src/engine/image/registry/client.js';
import { RegistryProxy } from './fixtures/registry-token-proxy.js';
import { TLS_NAME, selfSignedCertificate } from './fixtures/registry-tls.js';
import { readHostEnv } from './host-env.js';

const { registry } = readHostEnv();

function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function asManifest(m: ImageManifest | ImageIndex): ImageManifest {
  if (m.kind !== 'manifest') throw new Error(`expected a manifest, got ${m.mediaType}`);
  return m;
}

describe('registry client against the test registry', () => {
  const client = new RegistryClient({ registry });
  afterAll(() => client.close());

  it.each([
    ['boxctl/busybox', OCI_MANIFEST],
    ['boxctl/layers', OCI_MANIFEST],
    ['boxctl/multi', OCI_INDEX],
  ])('fetches %s by tag and by digest', async (repository, mediaType) => {
    const byTag = await client.getManifest(repository, 'latest');
    expect(byTag.mediaType).toBe(mediaType);
    expect(byTag.digest).toBe(sha256(byTag.body));
    expect(byTag.manifest.kind).toBe(mediaType === OCI_INDEX ? 'index' : 'manifest');
    const byDigest = await client.getManifest(repository, byTag.digest);
    expect(byDigest.digest).toBe(byTag.digest);
    expect(byDigest.body.equals(byTag.body)).toBe(true);
    expect(byDigest.mediaType).toBe(mediaType);
  });

  it('fetches the platform manifests of the multi index by digest', async () => {
    const { manifest } = await client.getManifest('boxctl/multi', 'latest');
    if (manifest.kind !== 'index') throw new Error('boxctl/multi should be an index');
    expect(manifest.manifests.map((m) => m.platform?.architecture).sort()).toEqual(['amd64', 'arm64']);
    for (const entry of manifest.manifests) {
      const got = await client.getManifest('boxctl/multi', entry.digest);
      expect(got.digest).toBe(entry.digest);
      expect(got.body.length).toBe(entry.size);
      expect(got.mediaType).toBe(OCI_MANIFEST);
    }
  });

  it('downloads every blob of boxctl/layers, verified while streaming', async () => {
    const manifest = asManifest((await client.getManifest('boxctl/layers', 'latest')).manifest);
    expect(manifest.layers).toHaveLength(3);
    for (const desc of [manifest.config, ...manifest.layers]) {
      const progress: number[] = [];
      const data = await readAll(
        await client.fetchBlob('boxctl/layers', desc, { onProgress: (n) => progress.push(n) }),
      );
      expect(data.length).toBe(desc.size);
      expect(sha256(data)).toBe(desc.digest);
      expect(progress.at(-1)).toBe(desc.size);
      expect(await client.blobExists('boxctl/layers', desc.digest)).toBe(true);
    }
  });

  it('says a blob that is not there does not exist', async () => {
    expect(await client.blobExists('boxctl/layers', `sha256:${'0'.repeat(64)}`)).toBe(false);
  });

  it('reports a missing image, tag, digest or blob as not found', async () => {
    await expect(client.getManifest('boxctl/nope', 'latest')).rejects.toThrow(NotFoundError);
    await expect(client.getManifest('boxctl/nope', 'latest')).rejects.toThrow(
      `image boxctl/nope:latest not found in ${registry}`,
    );
    await expect(client.getManifest('boxctl/busybox', 'no-such-tag')).rejects.toThrow(
      `image boxctl/busybox:no-such-tag not found in ${registry}`,
    );
    const digest = `sha256:${'1'.repeat(64)}`;
    await expect(client.getManifest('boxctl/busybox', digest)).rejects.toThrow(
      `image boxctl/busybox@${digest} not found in ${registry}`,
    );
    await expect(client.fetchBlob('boxctl/busybox', { digest, size: 3 })).rejects.toThrow(NotFoundError);
  });

  it('refuses a malformed digest before asking', async () => {
    await expect(client.getManifest('boxctl/busybox', 'sha256:abc')).rejects.toThrow(/^invalid digest 'sha256:abc'/);
  });

  it('stops a download when its signal aborts', async () => {
    const layer = asManifest((await client.getManifest('boxctl/busybox', 'latest')).manifest).layers[0]!;
    const abort = new AbortController();
    const stream = await client.fetchBlob('boxctl/busybox', layer, { signal: abort.signal });
    const reading = readAll(stream);
    abort.abort();
    await expect(reading).rejects.toThrow(/abort/i);
  });
});

describe('registry client endpoints', () => {
  let cert: { key: string; cert: string };
  let tlsProxy: RegistryProxy;
  const clients: RegistryClient[] = [];
  const agents: Agent[] = [];

  // The test name must reach the TLS registry without DNS.
  const toLoopback: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
  };

  function track(client: RegistryClient): RegistryClient {
    clients.push(client);
    return client;
  }

  function agent(connect: ConstructorParameters<typeof Agent>[0]): Agent {
    const a = new Agent(connect);
    agents.push(a);
    return a;
  }

  beforeAll(async () => {
    cert = selfSignedCertificate();
    tlsProxy = await RegistryProxy.start({ upstream: registry, tls: cert });
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all(agents.map((a) => a.close()));
    await tlsProxy.close();
  });

  it('talks TLS to a loopback registry without checking its certificate, as Docker does', async () => {
    const client = track(new RegistryClient({ registry: tlsProxy.registry }));
    const got = await client.getManifest('boxctl/busybox', 'latest');
    expect(got.mediaType).toBe(OCI_MANIFEST);
    expect(tlsProxy.requests.map((r) => r.path)).toContain('/v2/boxctl/busybox/manifests/latest');
  });

  it('names --tls-verify=false and insecure registries when a certificate fails', async () => {
    const name = `${TLS_NAME}:${tlsProxy.port}`;
    const untrusting = agent({ connect: { lookup: toLoopback } });
    const client = track(new RegistryClient({ registry: name, dispatcher: untrusting }));
    const err = await client.getManifest('boxctl/busybox', 'latest').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BoxctlError);
    expect((err as Error).message).toMatch(
      new RegExp(`^tls connection to ${name} failed: DEPTH_ZERO_SELF_SIGNED_CERT \\(self[- ]signed certificate\\)`),
    );
    expect((err as Error).message).toMatch(/--tls-verify=false.*insecure registry/);
  });

  it('checks the certificate of a registry that is not loopback, and accepts a trusted one', async () => {
    const name = `${TLS_NAME}:${tlsProxy.port}`;
    const trusting = agent({ connect: { lookup: toLoopback, ca: cert.cert } });
    const client = track(new RegistryClient({ registry: name, dispatcher: trusting }));
    expect((await client.getManifest('boxctl/busybox', 'latest')).mediaType).toBe(OCI_MANIFEST);
  });

  it('says a registry nobody listens on cannot be reached', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const client = track(new RegistryClient({ registry: `127.0.0.1:${port}` }));
    await expect(client.getManifest('boxctl/busybox', 'latest')).rejects.toThrow(
      `cannot reach 127.0.0.1:${port}: ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:${port}): check the registry name`,
    );
  });
});
