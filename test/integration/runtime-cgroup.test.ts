// linux.cgroupsPath and linux.resources under boxctl-runtime, from inside the cgroup
// delegated to the test user (host.cgroup), as a user session would run it. This host
// has no resource controller on cgroup2, so every limit must fail, naming the
// controller; test/device/cgroup-limits.sh checks the limits on a host that has them.
import { existsSync, readFileSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeBundle } from './bundle.js';
import { host } from './harness.js';
import { killAndWait, nativeRuntime, type NativeRuntime } from './native-runtime.js';
import type { LinuxResources } from '../../src/engine/spec/oci.js';

/** host.cgroup as cgroupsPath sees it: relative to the cgroup2 mount. */
const delegated = host.cgroup.slice(host.cgroup2Mount.length);

let rt: NativeRuntime;
let serial = 0;
beforeAll(() => {
  rt = nativeRuntime();
});
afterAll(() => rt.cleanup());

function cgroupBundle(args: string[], cgroupsPath: string, resources?: LinuxResources) {
  return makeBundle(args, (s) => {
    s.linux.cgroupsPath = cgroupsPath;
    if (resources) s.linux.resources = resources;
  });
}

/** A fresh cgroupsPath below the delegated cgroup, and its directory on the host. */
function freshCgroup(depth = 1): { path: string; dir: string; remove: () => void } {
  const parts = Array.from({ length: depth }, (_, i) => `ctr-${process.pid}-${++serial}-${i}`);
  const path = `${delegated}/${parts.join('/')}`;
  const dir = join(host.cgroup2Mount, path);
  return {
    path,
    dir,
    remove() {
      for (let i = depth; i > 0; i--) {
        const d = join(host.cgroup, ...parts.slice(0, i));
        if (existsSync(d)) rmdirSync(d);
      }
    },
  };
}

describe('boxctl-runtime with linux.cgroupsPath', () => {
  it('creates the cgroup, missing parents too, and starts the init in it', async () => {
    const cg = freshCgroup(2);
    const bundle = cgroupBundle(['/bin/sh', '-c', 'cat /proc/self/cgroup'], cg.path);
    try {
      const created = await rt.verb('create', bundle.dir, 'cgroup-join', { inCgroup: true });
      expect(created).toMatchObject({ code: 0, stderr: '' });
      const pid = rt.initPid();
      try {
        expect(readFileSync(join(cg.dir, 'cgroup.procs'), 'utf8').trim().split('\n')).toEqual([String(pid)]);
        expect(readFileSync(`/proc/${pid}/cgroup`, 'utf8')).toContain(`0::${cg.path}\n`);
      } finally {
        await killAndWait(pid);
      }
      // Left in place for the caller, who removes it.
      expect(existsSync(cg.dir)).toBe(true);
    } finally {
      bundle.remove();
      cg.remove();
    }
  });

  it('roots the container cgroup namespace at its own cgroup', async () => {
    const cg = freshCgroup();
    const bundle = cgroupBundle(['/bin/sh', '-c', 'grep "^0::" /proc/self/cgroup'], cg.path);
    try {
      const r = await rt.verb('run', bundle.dir, 'cgroup-ns', { inCgroup: true });
      expect(r).toMatchObject({ code: 0, stdout: '0::/\n', stderr: '' });
    } finally {
      bundle.remove();
      cg.remove();
    }
  });

  it.each<[string, LinuxResources]>([
    ['memory', { memory: { limit: 32 * 1024 * 1024 } }],
    ['pids', { pids: { limit: 10 } }],
    ['cpu', { cpu: { quota: 50000, period: 100000 } }],
  ])('refuses a %s limit where the controller is not delegated, and leaves no cgroup behind', async (controller, resources) => {
    const cg = freshCgroup(2);
    const bundle = cgroupBundle(['/bin/echo', 'ran'], cg.path, resources);
    try {
      const r = await rt.verb('run', bundle.dir, `cgroup-${controller}`, { inCgroup: true });
      expect(r.code).toBe(125);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(
        `cannot limit ${controller}: the ${controller} controller is not delegated to ${delegated} (cgroup.controllers there `,
      );
      // This host's cgroup2 has no such controller at all, and the message says so.
      expect(r.stderr).toContain("this host's cgroup2 hierarchy lacks it altogether");
      expect(existsSync(join(host.cgroup, cg.path.slice(delegated.length).split('/')[1]!))).toBe(false);
    } finally {
      bundle.remove();
      cg.remove();
    }
  });

  it('says what to do when the runtime runs outside the delegated cgroup', async () => {
    const cg = freshCgroup();
    const bundle = cgroupBundle(['/bin/echo', 'ran'], cg.path);
    try {
      const r = await rt.verb('run', bundle.dir, 'cgroup-outside', { inCgroup: false });
      expect(r.code).toBe(125);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`move the container into the cgroup ${cg.dir} (`);
      expect(r.stderr).toContain('run the runtime inside the cgroup delegated to you');
      expect(r.stderr).toContain('Permission denied');
    } finally {
      bundle.remove();
      cg.remove();
    }
  });

  it.each([
    ['a relative path', 'boxctl/ctr', /linux\.cgroupsPath: must be an absolute path below the cgroup2 mount/],
    ["systemd's slice form", 'user.slice:boxctl:ctr', /systemd's slice:prefix:name form is not supported/],
    ['a .. component', `${delegated}/../escape`, /linux\.cgroupsPath: must not have \. or \.\. components/],
  ])('refuses %s as cgroupsPath', async (_what, path, message) => {
    const bundle = cgroupBundle(['/bin/echo', 'ran'], path);
    try {
      const r = await rt.verb('run', bundle.dir, 'cgroup-bad', { inCgroup: true });
      expect(r.code).toBe(125);
      expect(r.stderr).toMatch(message);
    } finally {
      bundle.remove();
    }
  });

  it('refuses a resource it would not apply rather than ignoring it', async () => {
    const cg = freshCgroup();
    const bundle = makeBundle(['/bin/echo', 'ran'], (s) => {
      s.linux.cgroupsPath = cg.path;
      Object.assign(s.linux, { resources: { blockIO: { weight: 100 } } });
    });
    try {
      const r = await rt.verb('run', bundle.dir, 'cgroup-blkio', { inCgroup: true });
      expect(r.code).toBe(125);
      expect(r.stderr).toContain('config.json: linux.resources.blockIO: is not supported by boxctl-runtime');
    } finally {
      bundle.remove();
      cg.remove();
    }
  });
});
