import { describe, expect, it } from 'vitest';

import { parseReference } from '../../src/engine/image/reference.js';
import { emptyIndex, findImageById, findImageByRef, removeImage, removeName, repoTag, shortId, storeName, unusedLayers, upsertImage, type ImageRecord } from '../../src/engine/image/store/records.js';
import { humanAge, humanSize, table } from '../../src/cli/render/units.js';

function image(id: string, names: string[], layers: string[], digest = `sha256:${'d'.repeat(63)}${id.slice(-1)}`): ImageRecord {
  return {
    id,
    names,
    digests: [digest],
    manifestDigest: digest,
    manifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
    layers,
    size: 100,
    pulled: '2026-11-28T00:00:00Z',
    architecture: 'amd64',
    os: 'linux',
  };
}

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;
const L1 = `sha256:${'1'.repeat(64)}`;
const L2 = `sha256:${'2'.repeat(64)}`;
const L3 = `sha256:${'3'.repeat(64)}`;

describe('image records', () => {
  it('names a reference with its tag, latest by default', () => {
    expect(storeName(parseReference('127.0.0.1:5000/boxctl/busybox'))).toBe('127.0.0.1:5000/boxctl/busybox:latest');
    expect(storeName(parseReference('alpine:3.20'))).toBe('docker.io/library/alpine:3.20');
  });

  it('moves a tag to the image that takes it, leaving the old one dangling', () => {
    let index = upsertImage(emptyIndex(), image(A, ['r/x:latest'], [L1]));
    index = upsertImage(index, image(B, ['r/x:latest'], [L1, L2]));
    expect(index.images.find((i) => i.id === A)!.names).toEqual([]);
    expect(index.images.find((i) => i.id === B)!.names).toEqual(['r/x:latest']);
  });

  it('merges names and digests when the same image is pulled under another name', () => {
    let index = upsertImage(emptyIndex(), image(A, ['r/x:latest'], [L1]));
    index = upsertImage(index, image(A, ['r/x:1'], [L1]));
    expect(index.images).toHaveLength(1);
    expect(index.images[0]!.names).toEqual(['r/x:latest', 'r/x:1']);
  });

  it('finds by full or unique short id, by tag, and by repository@digest', () => {
    const index = upsertImage(upsertImage(emptyIndex(), image(A, ['127.0.0.1:5000/r/x:latest'], [L1])), image(B, ['127.0.0.1:5000/r/y:latest'], [L2]));
    expect(findImageById(index, A)?.id).toBe(A);
    expect(findImageById(index, 'aaaa')?.id).toBe(A);
    expect(findImageById(index, 'zz')).toBeUndefined();
    expect(findImageByRef(index, parseReference('127.0.0.1:5000/r/y'))?.id).toBe(B);
    const digest = index.images[0]!.manifestDigest;
    expect(findImageByRef(index, parseReference(`127.0.0.1:5000/r/x@${digest}`))?.id).toBe(A);
    expect(findImageByRef(index, parseReference(`127.0.0.1:5000/r/y@${digest}`))).toBeUndefined();
  });

  it('frees only the layers no remaining image uses', () => {
    let index = upsertImage(upsertImage(emptyIndex(), image(A, ['a:1'], [L1, L2])), image(B, ['b:1'], [L1, L3]));
    index = removeImage(index, A);
    expect(unusedLayers(index, [L1, L2])).toEqual([L2]);
    expect(removeName(index, 'b:1').images[0]!.names).toEqual([]);
  });

  it('splits names into repository and tag, and shortens ids', () => {
    expect(repoTag('127.0.0.1:5000/boxctl/busybox:latest')).toEqual({ repository: '127.0.0.1:5000/boxctl/busybox', tag: 'latest' });
    expect(repoTag('localhost:5000/x')).toEqual({ repository: 'localhost:5000/x', tag: '<none>' });
    expect(shortId(A)).toBe('aaaaaaaaaaaa');
  });
});

describe('human units', () => {
  it('prints sizes in SI units with three significant digits, as Podman', () => {
    expect(humanSize(999)).toBe('999 B');
    expect(humanSize(1_085_045)).toBe('1.09 MB');
    expect(humanSize(5_000_000_000)).toBe('5.00 GB');
  });

  it('prints ages', () => {
    const now = Date.parse('2026-11-28T12:00:00Z');
    expect(humanAge('2026-11-28T10:00:00Z', now)).toBe('2 hours ago');
    expect(humanAge('2026-11-27T12:00:00Z', now)).toBe('1 day ago');
    expect(humanAge(undefined, now)).toBe('unknown');
  });

  it('pads table columns', () => {
    expect(table([['A', 'BB'], ['ccc', 'd']])).toBe('A    BB\nccc  d\n');
  });
});
