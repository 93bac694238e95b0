import { describe, expect, it } from 'vitest';

import { UserError } from '../../src/errors.js';
import { DEFAULT_DETACH_KEYS, DetachMatcher, parseDetachKeys } from '../../src/engine/container/detach-keys.js';

const bytes = (b: Buffer): number[] => [...b];

describe('parseDetachKeys', () => {
  it("reads Podman's default", () => {
    expect(bytes(parseDetachKeys(DEFAULT_DETACH_KEYS))).toEqual([16, 17]);
  });

  it('maps every ctrl key as Podman does', () => {
    expect(bytes(parseDetachKeys('ctrl-@,ctrl-a,ctrl-z,ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_'))).toEqual([
      0, 1, 26, 27, 28, 29, 30, 31,
    ]);
  });

  it('takes single characters, commas between keys', () => {
    expect(bytes(parseDetachKeys('a,ctrl-x,Z,~'))).toEqual([0x61, 24, 0x5a, 0x7e]);
  });

  it('turns detaching off with an empty string', () => {
    expect(parseDetachKeys('').length).toBe(0);
  });

  it('rejects keys Podman rejects', () => {
    for (const bad of ['ctrl-A', 'ctrl-1', 'ctrl-', 'ctrl-ab', 'alt-a', 'ab', 'a,,b', 'é']) {
      expect(() => parseDetachKeys(bad), bad).toThrow(UserError);
    }
    expect(() => parseDetachKeys('ctrl-p,ctrl-Q')).toThrow(/"ctrl-Q".*ctrl-<a-z/);
  });
});

describe('DetachMatcher', () => {
  const keys = parseDetachKeys('ctrl-p,ctrl-q');

  it('passes input through until the sequence comes, dropping what follows it', () => {
    const m = new DetachMatcher(keys);
    expect(m.push(Buffer.from('ls\n'))).toEqual({ forward: Buffer.from('ls\n'), detached: false });
    expect(m.push(Buffer.from('ab\x10\x11cd'))).toEqual({ forward: Buffer.from('ab'), detached: true });
  });

  it('finds the sequence across chunks, holding its start back meanwhile', () => {
    const m = new DetachMatcher(keys);
    expect(m.push(Buffer.from('x\x10'))).toEqual({ forward: Buffer.from('x'), detached: false });
    expect(m.push(Buffer.from('\x11'))).toEqual({ forward: Buffer.alloc(0), detached: true });
  });

  it('lets a started sequence that does not match through as it was typed', () => {
    const m = new DetachMatcher(keys);
    expect(m.push(Buffer.from('\x10')).forward.length).toBe(0);
    expect(m.push(Buffer.from('y'))).toEqual({ forward: Buffer.from('\x10y'), detached: false });
  });

  it('restarts the match inside a failed one', () => {
    const m = new DetachMatcher(keys);
    expect(m.push(Buffer.from('\x10\x10\x11'))).toEqual({ forward: Buffer.from('\x10'), detached: true });
    const aab = new DetachMatcher(parseDetachKeys('a,a,b'));
    expect(aab.push(Buffer.from('aaab'))).toEqual({ forward: Buffer.from('a'), detached: true });
  });

  it('gives back the held bytes when input ends', () => {
    const m = new DetachMatcher(keys);
    m.push(Buffer.from('\x10'));
    expect(m.flush()).toEqual(Buffer.from('\x10'));
    expect(m.flush().length).toBe(0);
  });

  it('never detaches with no keys', () => {
    const m = new DetachMatcher(parseDetachKeys(''));
    expect(m.push(Buffer.from('\x10\x11'))).toEqual({ forward: Buffer.from('\x10\x11'), detached: false });
  });
});
