import { describe, expect, it } from 'vitest';

import { freeSubidRange, parseSubidLine, subidRanges, totalIds } from '../../src/engine/host/subid.js';

const FILE = `# comment line
alice:100000:65536
1001:165536:65536
bob:231072:65536
alice:300000:1000

junk line without colons
carol:abc:65536
dave:400000:0
erin:4294967295:2
frank:500000:65536:extra
  alice:600000:10  
`;

describe('subordinate id files', () => {
  it('finds every range of a user by name, in file order', () => {
    expect(subidRanges(FILE, { name: 'alice', id: 1000 })).toEqual([
      { start: 100000, count: 65536 },
      { start: 300000, count: 1000 },
      { start: 600000, count: 10 },
    ]);
  });

  it('finds ranges listed by numeric uid', () => {
    expect(subidRanges(FILE, { name: 'zed', id: 1001 })).toEqual([{ start: 165536, count: 65536 }]);
  });

  it('skips comments, blank lines, junk, zero counts, overflow and extra fields', () => {
    expect(parseSubidLine('# alice:1:2')).toBeUndefined();
    expect(parseSubidLine('')).toBeUndefined();
    expect(parseSubidLine('junk line without colons')).toBeUndefined();
    expect(subidRanges(FILE, { name: 'carol', id: 5 })).toEqual([]);
    expect(subidRanges(FILE, { name: 'dave', id: 6 })).toEqual([]);
    expect(subidRanges(FILE, { name: 'erin', id: 7 })).toEqual([]);
    expect(subidRanges(FILE, { name: 'frank', id: 8 })).toEqual([]);
  });

  it('has no ranges for a user who is not listed', () => {
    expect(subidRanges(FILE, { name: 'nobody', id: 65534 })).toEqual([]);
    expect(subidRanges('', { name: 'alice', id: 1000 })).toEqual([]);
  });

  it('suggests a free range past every existing one', () => {
    expect(freeSubidRange(FILE)).toEqual({ start: 600010, count: 65536 });
    expect(freeSubidRange('')).toEqual({ start: 100000, count: 65536 });
  });

  it('counts ids across ranges', () => {
    expect(totalIds(subidRanges(FILE, { name: 'alice', id: 1000 }))).toBe(65536 + 1000 + 10);
  });
});
