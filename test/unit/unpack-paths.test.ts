import { describe, expect, it } from 'vitest';

import { EntryRefused, entryParts, hardlinkParts, quoteName, whiteoutOf } from '../../src/engine/image/unpack/paths.js';

describe('layer entry names', () => {
  it.each([
    ['usr/bin/sh', ['usr', 'bin', 'sh']],
    ['./usr/bin/', ['usr', 'bin']],
    ['usr//bin/./sh', ['usr', 'bin', 'sh']],
    // Absolute names are relative to the layer root, as Docker reads them.
    ['/etc/passwd', ['etc', 'passwd']],
    ['//etc', ['etc']],
    // '..' that stays inside the layer is resolved lexically.
    ['a/b/../c', ['a', 'c']],
    ['a/..', []],
    ['.', []],
    ['./', []],
    ['/', []],
    ['', []],
  ])('%j resolves to %j', (name, parts) => {
    expect(entryParts(name)).toEqual(parts);
  });

  it.each(['..', '../etc/passwd', 'a/../../b', '/../etc', './..', 'a/b/../../../c'])('%j climbs out and is refused', (name) => {
    expect(() => entryParts(name)).toThrow(EntryRefused);
    expect(() => entryParts(name)).toThrow(/climbs out of the layer root/);
  });

  it('keeps names that merely contain dots', () => {
    expect(entryParts('a/..b/...')).toEqual(['a', '..b', '...']);
  });
});

describe('hard link targets', () => {
  it('resolve like entry names', () => {
    expect(hardlinkParts('/usr/bin/sh')).toEqual(['usr', 'bin', 'sh']);
    expect(hardlinkParts('usr/./lib/../bin/sh')).toEqual(['usr', 'bin', 'sh']);
  });

  it.each([['../outside'], ['a/../../outside']])('refuse %j, outside the layer', (name) => {
    expect(() => hardlinkParts(name)).toThrow(/climbs out/);
  });

  it.each([['.'], ['/'], ['']])('refuse %j, the layer root', (name) => {
    expect(() => hardlinkParts(name)).toThrow(/layer root/);
  });
});

describe('OCI whiteouts', () => {
  it('leave ordinary entries alone', () => {
    expect(whiteoutOf(['etc', 'passwd'])).toBeUndefined();
    expect(whiteoutOf([])).toBeUndefined();
    expect(whiteoutOf(['a.wh.b'])).toBeUndefined();
  });

  it('turn .wh.NAME into a whiteout of NAME in the same directory', () => {
    expect(whiteoutOf(['data', '.wh.gone.txt'])).toEqual({ kind: 'whiteout', parts: ['data', 'gone.txt'] });
    expect(whiteoutOf(['.wh.top'])).toEqual({ kind: 'whiteout', parts: ['top'] });
  });

  it('turn .wh..wh..opq into an opaque parent directory', () => {
    expect(whiteoutOf(['data', 'dir-opaque', '.wh..wh..opq'])).toEqual({ kind: 'opaque', dir: ['data', 'dir-opaque'] });
    expect(whiteoutOf(['.wh..wh..opq'])).toEqual({ kind: 'opaque', dir: [] });
  });

  it('skip AUFS bookkeeping', () => {
    expect(whiteoutOf(['.wh..wh.plnk'])).toEqual({ kind: 'meta' });
    expect(whiteoutOf(['a', '.wh..wh.aufs'])).toEqual({ kind: 'meta' });
  });

  it.each([['.wh.'], ['.wh..'], ['.wh...']])('refuse %j, which names no file or climbs out', (base) => {
    expect(() => whiteoutOf(['dir', base])).toThrow(/names no file/);
  });

  it('see only the lexically resolved name, so a whiteout cannot climb out', () => {
    expect(() => whiteoutOf(entryParts('../.wh.x'))).toThrow(/climbs out/);
    expect(whiteoutOf(entryParts('a/../.wh.x'))).toEqual({ kind: 'whiteout', parts: ['x'] });
  });
});

describe('quoted names', () => {
  it('cannot break a one-line message', () => {
    expect(quoteName('evil\nname')).toBe('"evil\\nname"');
  });

  it('cut very long names', () => {
    expect(quoteName('x'.repeat(300))).toBe(`"${'x'.repeat(200)}..."`);
  });
});
