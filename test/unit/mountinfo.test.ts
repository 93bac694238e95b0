import { describe, expect, it } from 'vitest';

import { findCgroup2Mount, parseMountinfo } from '../../src/engine/host/mountinfo.js';

const HYBRID = `22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw
31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
41 31 0:38 / /sys/fs/cgroup/unified rw,relatime shared:9 master:3 - cgroup2 cgroup2 rw,nsdelegate
60 22 0:50 / /home/a\\040b/mnt rw - tmpfs none rw
`;

const PURE_V2 = `25 1 8:1 / / rw - ext4 /dev/sda1 rw
30 25 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
`;

describe('mountinfo', () => {
  it('parses fields, including optional fields before the separator', () => {
    const mounts = parseMountinfo(HYBRID);
    expect(mounts).toHaveLength(5);
    expect(mounts[3]).toEqual({
      id: 41,
      parentId: 31,
      root: '/',
      mountPoint: '/sys/fs/cgroup/unified',
      options: ['rw', 'relatime'],
      fsType: 'cgroup2',
      source: 'cgroup2',
      superOptions: ['rw', 'nsdelegate'],
    });
  });

  it('unescapes octal escapes in paths', () => {
    expect(parseMountinfo(HYBRID)[4]!.mountPoint).toBe('/home/a b/mnt');
  });

  it('finds cgroup2 on a hybrid host and on a pure v2 host', () => {
    expect(findCgroup2Mount(parseMountinfo(HYBRID))?.mountPoint).toBe('/sys/fs/cgroup/unified');
    expect(findCgroup2Mount(parseMountinfo(PURE_V2))?.mountPoint).toBe('/sys/fs/cgroup');
  });

  it('finds nothing on a v1-only host and skips malformed lines', () => {
    const v1 = '35 31 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\nnot a mountinfo line\n';
    expect(parseMountinfo(v1)).toHaveLength(1);
    expect(findCgroup2Mount(parseMountinfo(v1))).toBeUndefined();
  });

  it('prefers the last cgroup2 mount when one hides another', () => {
    const text = `${PURE_V2}90 30 0:60 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n`;
    expect(findCgroup2Mount(parseMountinfo(text))?.id).toBe(90);
  });
});
