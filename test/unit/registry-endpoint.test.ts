import { describe, expect, it } from 'vitest';

import { UserError } from '../../src/errors.js';
import { isLoopback, registryEndpoints, registryHost } from '../../src/engine/image/registry/endpoint.js';

describe('registry endpoints', () => {
  const loopback = ['127.0.0.1:5000', '127.1.2.3', 'localhost', 'LOCALHOST:5000', '[::1]:5000', '[0:0::1]'];
  it.each([...loopback, '[::ffff:127.0.0.1]'])('%s is loopback', (registry) => expect(isLoopback(registry)).toBe(true));

  it.each(['quay.io', '128.0.0.1:5000', '10.0.0.1', 'localhost.example.com', '[::2]', 'docker.io', '127.0.0.1.nip.io'])(
    '%s is not loopback',
    (registry) => expect(isLoopback(registry)).toBe(false),
  );

  it('sends docker.io to the host its API lives on', () => {
    expect(registryHost('docker.io')).toBe('registry-1.docker.io');
    expect(registryHost('quay.io')).toBe('quay.io');
    expect(registryEndpoints('docker.io', {})).toEqual([{ origin: 'https://registry-1.docker.io', tlsVerify: true }]);
  });

  it('uses verified https for other registries, unverified with --tls-verify=false', () => {
    expect(registryEndpoints('quay.io', {})).toEqual([{ origin: 'https://quay.io', tlsVerify: true }]);
    expect(registryEndpoints('quay.io', { tlsVerify: true })).toEqual([{ origin: 'https://quay.io', tlsVerify: true }]);
    expect(registryEndpoints('reg.example:8443', { tlsVerify: false })).toEqual([
      { origin: 'https://reg.example:8443', tlsVerify: false },
    ]);
  });

  it('tries https then plain http for insecure and loopback registries, as Docker does', () => {
    const relaxed = (host: string) => [
      { origin: `https://${host}`, tlsVerify: false },
      { origin: `http://${host}`, tlsVerify: false },
    ];
    expect(registryEndpoints('reg.example:5000', { insecure: true })).toEqual(relaxed('reg.example:5000'));
    expect(registryEndpoints('127.0.0.1:5000', {})).toEqual(relaxed('127.0.0.1:5000'));
    expect(registryEndpoints('localhost', { tlsVerify: true })).toEqual(relaxed('localhost'));
    expect(registryEndpoints('[::1]:5000', {})).toEqual(relaxed('[::1]:5000'));
  });

  it('refuses a registry name that is no host', () => {
    expect(() => registryEndpoints('bad host:5000', {})).toThrow(UserError);
    expect(() => registryEndpoints('bad host:5000', {})).toThrow(/^invalid registry 'bad host:5000'/);
  });
});
