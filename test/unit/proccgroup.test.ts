import { describe, expect, it } from 'vitest';

import { cgroupDir, parseProcCgroup } from '../../src/engine/host/proccgroup.js';

describe('/proc/self/cgroup', () => {
  it('reads a pure v2 host', () => {
    expect(parseProcCgroup('0::/user.slice/user-1000.slice/user@1000.service/app.slice/x.scope\n')).toEqual({
      layout: 'v2',
      unifiedPath: '/user.slice/user-1000.slice/user@1000.service/app.slice/x.scope',
      v1: [],
    });
  });

  it('reads a v1 host', () => {
    const r = parseProcCgroup('4:memory:/user.slice\n3:cpu,cpuacct:/\n1:name=systemd:/user.slice/session-1.scope\n');
    expect(r.layout).toBe('v1');
    expect(r.unifiedPath).toBeUndefined();
    expect(r.v1).toEqual([
      { hierarchy: 4, controllers: ['memory'], path: '/user.slice' },
      { hierarchy: 3, controllers: ['cpu', 'cpuacct'], path: '/' },
      { hierarchy: 1, controllers: ['name=systemd'], path: '/user.slice/session-1.scope' },
    ]);
  });

  it('reads a hybrid host', () => {
    const r = parseProcCgroup('9:name=systemd:/\n4:memory:/process_api/abc\n0::/boxctl-test\n');
    expect(r.layout).toBe('hybrid');
    expect(r.unifiedPath).toBe('/boxctl-test');
    expect(r.v1.map((h) => h.controllers)).toEqual([['name=systemd'], ['memory']]);
  });

  it('reads nothing from an empty file', () => {
    expect(parseProcCgroup('')).toEqual({ layout: 'none', v1: [] });
  });

  it('places a cgroup under its mount, with and without a namespaced mount root', () => {
    expect(cgroupDir('/sys/fs/cgroup/unified', '/', '/boxctl-test')).toBe('/sys/fs/cgroup/unified/boxctl-test');
    expect(cgroupDir('/sys/fs/cgroup/unified', '/', '/')).toBe('/sys/fs/cgroup/unified');
    expect(cgroupDir('/sys/fs/cgroup', '/user.slice', '/user.slice/app.scope')).toBe('/sys/fs/cgroup/app.scope');
  });
});
