import { describe, expect, it } from 'vitest';

import { DEFAULT_TOKEN_LIFETIME_S, TokenCache } from '../../src/engine/image/registry/token-cache.js';

function clock(start = 1_000_000): { now: () => number; advance: (s: number) => void } {
  let t = start;
  return { now: () => t, advance: (s) => (t += s * 1000) };
}

describe('token cache', () => {
  it('keeps a token until a few seconds before expires_in runs out', () => {
    const c = clock();
    const cache = new TokenCache(c.now);
    cache.set('scope', 'tok', 300);
    expect(cache.get('scope')).toBe('tok');
    c.advance(294);
    expect(cache.get('scope')).toBe('tok');
    c.advance(1);
    expect(cache.get('scope')).toBeUndefined();
  });

  it.each([undefined, 0, -5, Number.NaN, Number.POSITIVE_INFINITY])(
    'gives a token with expires_in %s the default lifetime',
    (expiresIn) => {
      const c = clock();
      const cache = new TokenCache(c.now);
      cache.set('scope', 'tok', expiresIn);
      c.advance(DEFAULT_TOKEN_LIFETIME_S - 6);
      expect(cache.get('scope')).toBe('tok');
      c.advance(1);
      expect(cache.get('scope')).toBeUndefined();
    },
  );

  it('keeps tokens per key, replaces and deletes them', () => {
    const c = clock();
    const cache = new TokenCache(c.now);
    cache.set('a', 'one', 100);
    cache.set('b', 'two', 10);
    c.advance(6);
    expect([cache.get('a'), cache.get('b')]).toEqual(['one', undefined]);
    cache.set('a', 'three', 100);
    expect(cache.get('a')).toBe('three');
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
  });

  it('never reuses a token that lives no longer than the margin', () => {
    const cache = new TokenCache(clock().now);
    cache.set('a', 'short', 5);
    expect(cache.get('a')).toBeUndefined();
  });
});
