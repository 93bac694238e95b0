import { describe, expect, it } from 'vitest';

import { parseChallenges } from '../../src/engine/image/registry/challenge.js';

describe('WWW-Authenticate parsing', () => {
  it('reads a registry bearer challenge', () => {
    expect(
      parseChallenges(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:library/alpine:pull',
        },
      },
    ]);
  });

  it('keeps commas and escaped quotes inside quoted strings', () => {
    const [c] = parseChallenges(
      'Bearer realm="https://a.example/token", scope="repository:a/b:pull,push repository:c:pull", error="say \\"hi\\", then go"',
    );
    expect(c?.params).toEqual({
      realm: 'https://a.example/token',
      scope: 'repository:a/b:pull,push repository:c:pull',
      error: 'say "hi", then go',
    });
  });

  it('splits several challenges in one header (the RFC 7235 example)', () => {
    const header = 'Newauth realm="apps", type=1,\n title="Login to \\"apps\\"", Basic realm="simple"';
    expect(parseChallenges(header.replace('\n', ''))).toEqual([
      { scheme: 'newauth', params: { realm: 'apps', type: '1', title: 'Login to "apps"' } },
      { scheme: 'basic', params: { realm: 'simple' } },
    ]);
  });

  it('lower-cases schemes and parameter names, not values; tolerates spaces around =', () => {
    expect(parseChallenges('BASIC Realm = "Registry Realm" , charset=UTF-8')).toEqual([
      { scheme: 'basic', params: { realm: 'Registry Realm', charset: 'UTF-8' } },
    ]);
  });

  it('reads schemes without parameters and token68 forms', () => {
    expect(parseChallenges('Negotiate, Bearer abc.def-ghi==, Basic realm="r"')).toEqual([
      { scheme: 'negotiate', params: {} },
      { scheme: 'bearer', params: {}, token68: 'abc.def-ghi==' },
      { scheme: 'basic', params: { realm: 'r' } },
    ]);
  });

  it('keeps the first of a repeated parameter and skips empty list elements', () => {
    expect(parseChallenges(', ,Bearer realm="one",, realm="two" ,')).toEqual([
      { scheme: 'bearer', params: { realm: 'one' } },
    ]);
  });

  it('stops at malformed input and keeps what came before', () => {
    expect(parseChallenges('Basic realm="a", Bearer realm="never closed')).toEqual([
      { scheme: 'basic', params: { realm: 'a' } },
      { scheme: 'bearer', params: {} },
    ]);
    expect(parseChallenges('Basic realm="a" @garbage')).toEqual([{ scheme: 'basic', params: { realm: 'a' } }]);
    expect(parseChallenges('')).toEqual([]);
    expect(parseChallenges('"quoted"')).toEqual([]);
  });
});
