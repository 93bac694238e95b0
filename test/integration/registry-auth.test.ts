// The bearer-token and Basic authentication dances, against token proxies in front of
// the test host's registry (see fixtures/registry-token-proxy.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { UserError } from '../../src/errors.js';
import { OCI_MANIFEST } from '../../src/engine/image/media-types.js';
import { RegistryClient } from '../../src/engine/image/registry/client.js';
import { IDENTITY_TOKEN, RegistryProxy, USER } from './fixtures/registry-token-proxy.js';
import { readHostEnv } from './host-env.js';

const { registry: upstream } = readHostEnv();

const proxies: RegistryProxy[] = [];
const clients: RegistryClient[] = [];

async function proxy(opts: Omit<Parameters<typeof RegistryProxy.start>[0], 'upstream'>): Promise<RegistryProxy> {
  const p = await RegistryProxy.start({ upstream, ...opts });
  proxies.push(p);
  return p;
}

function client(opts: ConstructorParameters<typeof RegistryClient>[0]): RegistryClient {
  const c = new RegistryClient(opts);
  clients.push(c);
  return c;
}

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(proxies.map((p) => p.close()));
});

describe('bearer tokens', () => {
  let bearer: RegistryProxy;
  beforeAll(async () => {
    bearer = await proxy({ auth: 'bearer' });
  });

  it('asks anonymously first, then fetches a token with the credentials and sends it', async () => {
    const c = client({ registry: bearer.registry, credentials: USER });
    const got = await c.getManifest('boxctl/busybox', 'latest');
    expect(got.mediaType).toBe(OCI_MANIFEST);
    expect(bearer.requests[0]).toMatchObject({ path: '/v2/boxctl/busybox/manifests/latest' });
    expect(bearer.requests[0]?.authorization).toBeUndefined();
    expect(bearer.requests[1]?.authorization).toMatch(/^Bearer [0-9a-f]{32}$/);
    expect(bearer.tokenRequests).toHaveLength(1);
    const tokenRequest = bearer.tokenRequests[0]!;
    expect(tokenRequest.method).toBe('GET');
    expect(tokenRequest.authorization).toBe(
      `Basic ${Buffer.from(`${USER.username}:${USER.password}`).toString('base64')}`,
    );
    const query = new URL(tokenRequest.path, 'http://x').searchParams;
    expect(query.get('service')).toBe('test');
    expect(query.get('scope')).toBe('repository:boxctl/busybox:pull');
  });

  it('reuses a token for its repository and fetches one per repository, up front once it knows the realm', async () => {
    const c = client({ registry: bearer.registry, credentials: USER });
    await c.getManifest('boxctl/busybox', 'latest');
    const before = { tokens: bearer.tokenRequests.length, requests: bearer.requests.length };
    const manifest = (await c.getManifest('boxctl/busybox', 'latest')).manifest;
    if (manifest.kind !== 'manifest') throw new Error('expected a manifest');
    const blobs = [manifest.config, ...manifest.layers];
    await Promise.all(blobs.map(async (d) => (await c.fetchBlob('boxctl/busybox', d)).toArray()));
    expect(bearer.tokenRequests.length).toBe(before.tokens);
    await c.getManifest('boxctl/layers', 'latest');
    expect(bearer.tokenRequests.length).toBe(before.tokens + 1);
    expect(bearer.tokenRequests.at(-1)?.path).toContain(encodeURIComponent('repository:boxctl/layers:pull'));
    // No 401 round trips: every request after the first carried a token.
    expect(bearer.requests.slice(before.requests).every((r) => r.authorization?.startsWith('Bearer '))).toBe(true);
  });

  it('fetches a new token once when the registry refuses one before its time', async () => {
    const c = client({ registry: bearer.registry, credentials: USER });
    await c.getManifest('boxctl/busybox', 'latest');
    const tokens = bearer.tokenRequests.length;
    bearer.revokeTokens();
    await c.getManifest('boxctl/busybox', 'latest');
    expect(bearer.tokenRequests.length).toBe(tokens + 1);
  });

  it('logs in with an identity token by POSTing it as a refresh token', async () => {
    const c = client({ registry: bearer.registry, credentials: { identityToken: IDENTITY_TOKEN } });
    await c.getManifest('boxctl/busybox', 'latest');
    const tokenRequest = bearer.tokenRequests.at(-1)!;
    expect(tokenRequest.method).toBe('POST');
    expect(tokenRequest.authorization).toBeUndefined();
  });

  it('says a wrong password fails the login, and how to fix it', async () => {
    const c = client({ registry: bearer.registry, credentials: { username: USER.username, password: 'wrong' } });
    const err = await c.getManifest('boxctl/busybox', 'latest').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toBe(
      `login to ${bearer.registry} failed: invalid username or password: run 'boxctl login ${bearer.registry}'`,
    );
  });

  it('says a wrong identity token fails the login', async () => {
    const c = client({ registry: bearer.registry, credentials: { identityToken: 'stale' } });
    await expect(c.getManifest('boxctl/busybox', 'latest')).rejects.toThrow(`login to ${bearer.registry} failed`);
  });

  it('says a pull without credentials needs a login where the token server wants one', async () => {
    const c = client({ registry: bearer.registry });
    const err = await c.getManifest('boxctl/busybox', 'latest').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toBe(
      `${bearer.registry} denied access to boxctl/busybox (invalid username or password): check the name, or run 'boxctl login ${bearer.registry}' if it is private`,
    );
  });

  it('pulls anonymously with an anonymous token where the token server gives one', async () => {
    const open = await proxy({ auth: 'bearer', anonymousTokens: true });
    const c = client({ registry: open.registry });
    const manifest = (await c.getManifest('boxctl/busybox', 'latest')).manifest;
    if (manifest.kind !== 'manifest') throw new Error('expected a manifest');
    await (await c.fetchBlob('boxctl/busybox', manifest.config)).toArray();
    expect(open.tokenRequests).toHaveLength(1);
    expect(open.tokenRequests[0]?.authorization).toBeUndefined();
  });
});

describe('basic authentication', () => {
  let basic: RegistryProxy;
  beforeAll(async () => {
    basic = await proxy({ auth: 'basic' });
  });

  it('sends the credentials once the registry asks for them, and on every request after', async () => {
    const c = client({ registry: basic.registry, credentials: USER });
    const manifest = (await c.getManifest('boxctl/busybox', 'latest')).manifest;
    if (manifest.kind !== 'manifest') throw new Error('expected a manifest');
    await (await c.fetchBlob('boxctl/busybox', manifest.config)).toArray();
    const expected = `Basic ${Buffer.from(`${USER.username}:${USER.password}`).toString('base64')}`;
    expect(basic.requests.map((r) => r.authorization)).toEqual([undefined, expected, expected]);
  });

  it('says wrong credentials fail the login, without asking again and again', async () => {
    const before = basic.requests.length;
    const c = client({ registry: basic.registry, credentials: { username: USER.username, password: 'nope' } });
    await expect(c.getManifest('boxctl/busybox', 'latest')).rejects.toThrow(
      `login to ${basic.registry} failed: authentication required: run 'boxctl login ${basic.registry}'`,
    );
    expect(basic.requests.length - before).toBe(2);
  });

  it('says a pull without credentials needs a login', async () => {
    const c = client({ registry: basic.registry });
    await expect(c.getManifest('boxctl/busybox', 'latest')).rejects.toThrow(
      new RegExp(`^${basic.registry.replace(/\./g, '\\.')} denied access to boxctl/busybox .*boxctl login`),
    );
  });
});
