import { describe, expect, it } from 'vitest';

import { idMapsFor } from '../../src/engine/userns.js';

const ALICE = { name: 'alice', uid: 1000, gid: 1000 };

describe('the user namespace mapping for unpacking and boxctl unshare', () => {
  it('maps root to the user and 1..N to the subordinate ranges, as Podman does', () => {
    const maps = idMapsFor({ ...ALICE, subuidText: 'alice:100000:65536\n', subgidText: '1000:200000:1000\nalice:300000:10\n' });
    expect(maps).toEqual({
      uid: [
        { containerId: 0, hostId: 1000, size: 1 },
        { containerId: 1, hostId: 100000, size: 65536 },
      ],
      gid: [
        { containerId: 0, hostId: 1000, size: 1 },
        { containerId: 1, hostId: 200000, size: 1000 },
        { containerId: 1001, hostId: 300000, size: 10 },
      ],
      single: false,
    });
  });

  it.each([
    ['no ranges at all', '', ''],
    ['uids only', 'alice:100000:65536', ''],
    ['gids only', '', 'alice:100000:65536'],
    ['ranges of someone else', 'bob:100000:65536', 'bob:100000:65536'],
  ])('falls back to the single own id with %s', (_what, subuidText, subgidText) => {
    expect(idMapsFor({ ...ALICE, subuidText, subgidText })).toEqual({
      uid: [{ containerId: 0, hostId: 1000, size: 1 }],
      gid: [{ containerId: 0, hostId: 1000, size: 1 }],
      single: true,
    });
  });
});
