// What a hostile image or process must not achieve against the runtime. Each case
// runs under runc too: a case runc fails would be testing the wrong thing.
import { chmodSync, chownSync, cpSync, lchownSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { makeBundle } from './bundle.js';
import { boxctl, runAs, testUser, userTempDir } from './harness.js';
import { driver, RUNTIMES, runIn, type RuntimeDriver } from './runtimes.js';

const drivers = new Map<string, RuntimeDriver>();
beforeAll(() => {
  for (const kind of RUNTIMES) drivers.set(kind, driver(kind));
});
afterAll(() => {
  for (const d of drivers.values()) d.cleanup();
});

describe.each(RUNTIMES)('%s keeps the host out of reach', (kind) => {
  it('hides host processes', async () => {
    const bundle = makeBundle(['/bin/sh', '-c', 'for p in /proc/[0-9]*; do echo "${p#/proc/} $(cat $p/comm)"; done']);
    try {
      const r = await runIn(drivers.get(kind)!, bundle.dir, `procs-${kind}`);
      expect(r.code).toBe(0);
      const procs = r.stdout.trim().split('\n');
      expect(procs[0]).toBe('1 sh');
      expect(procs.every((l) => Number(l.split(' ')[0]) < 100)).toBe(true);
      expect(r.stdout).not.toMatch(/node|vitest|runuser/);
    } finally {
      bundle.remove();
    }
  });

  it('cannot write outside its rootfs and binds', async () => {
    const outside = userTempDir(testUser.uid);
    const bundle = makeBundle(
      [
        '/bin/sh',
        '-c',
        [
          `echo pwn > /../../../..${outside.path}/a 2>/dev/null`,
          `echo pwn > /proc/1/root/../../..${outside.path}/b 2>/dev/null`,
          `echo pwn > /proc/1/cwd/../../../..${outside.path}/c 2>/dev/null`,
          '{ echo pwn > /mnt/ro/d; } 2>&1; echo rc=$?',
          'mount -o remount,rw /mnt/ro 2>/dev/null; echo remount=$?',
        ].join('; '),
      ],
      (s) => s.mounts!.push({ destination: '/mnt/ro', type: 'bind', source: outside.path, options: ['rbind', 'ro'] }),
    );
    // The same path inside the rootfs, where a write that climbs past / must land.
    mkdirSync(join(bundle.rootfs, outside.path), { recursive: true });
    chownSync(join(bundle.rootfs, outside.path), testUser.uid, testUser.uid);
    try {
      const r = await runIn(drivers.get(kind)!, bundle.dir, `outside-${kind}`);
      expect(r.stdout).toMatch(/Read-only file system\nrc=1\nremount=\d+\n$/);
      expect(r.stdout).not.toMatch(/remount=0/);
      expect(readdirSync(outside.path)).toEqual([]);
      // The writes that tried to escape landed inside the rootfs, where .. stops at /.
      expect(readdirSync(join(bundle.rootfs, outside.path)).sort()).toEqual(['a', 'b', 'c']);
    } finally {
      bundle.remove();
      outside.remove();
    }
  });

  it('cannot undo masked paths', async () => {
    const script = 'for p in /proc/interrupts /proc/keys /proc/timer_list /sys/firmware; do umount $p 2>/dev/null && echo undone $p; done; wc -c < /proc/interrupts; ls -A /sys/firmware | wc -l';
    const bundle = makeBundle(['/bin/sh', '-c', script]);
    try {
      const r = await runIn(drivers.get(kind)!, bundle.dir, `masked-${kind}`);
      expect(r.stdout).toBe('0\n0\n');
    } finally {
      bundle.remove();
    }
  });

  it('leaks no host descriptor, and a cwd through /proc/self/fd stays inside (CVE-2024-21626 class)', async () => {
    const fds = makeBundle(['/bin/sh', '-c', 'for f in /proc/self/fd/*; do echo "${f##*/} $(readlink $f)"; done']);
    try {
      const r = await runIn(drivers.get(kind)!, fds.dir, `fds-${kind}`);
      expect(r.code).toBe(0);
      const open = r.stdout.trim().split('\n').map((l) => l.split(' ')[0]);
      // 0-2 are stdio; the shell's glob itself holds one more.
      expect(open.filter((fd) => Number(fd) > 2).length).toBeLessThanOrEqual(1);
      expect(r.stdout).not.toMatch(/ \/(tmp|home|var|work|root|usr|etc|sys\/fs)/);
    } finally {
      fds.remove();
    }
    for (const fd of [3, 4, 5, 6, 7, 8, 9]) {
      const bundle = makeBundle(['/bin/sh', '-c', 'ls -a; ls -a ../../..'], (s) => {
        s.process!.cwd = `/proc/self/fd/${fd}`;
      });
      try {
        const r = await runIn(drivers.get(kind)!, bundle.dir, `cwd-${fd}-${kind}`);
        // Either refused, or inside the container: never the bundle dir or the host root.
        expect(r.stdout).not.toMatch(/config\.json|rootfs|\bwork\b|\bboot\b/);
      } finally {
        bundle.remove();
      }
    }
  });

  it('does not follow a symlinked mount target out of the rootfs (CVE-2021-30465 class)', async () => {
    const target = userTempDir(testUser.uid);
    const bundle = makeBundle(['/bin/sh', '-c', 'grep -c " /mnt/" /proc/self/mountinfo; ls /mnt/link/'], (s) => {
      s.mounts!.push({ destination: '/mnt/link/sub', type: 'tmpfs', source: 'tmpfs', options: ['size=1m'] });
      s.mounts!.push({ destination: '/mnt/dotdot/../../../..' + target.path + '/up', type: 'tmpfs', source: 'tmpfs', options: ['size=1m'] });
    });
    symlinkSync(target.path, join(bundle.rootfs, 'mnt/link'));
    lchownSync(join(bundle.rootfs, 'mnt/link'), testUser.uid, testUser.uid);
    try {
      await runIn(drivers.get(kind)!, bundle.dir, `symlink-${kind}`);
      // Whatever the runtime made of it, nothing was created or mounted on the host.
      expect(readdirSync(target.path)).toEqual([]);
      expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(target.path);
    } finally {
      bundle.remove();
      target.remove();
    }
  });
});

describe('the runtime binary cannot be overwritten through /proc/<pid>/exe (CVE-2019-5736 class)', () => {
  // A user's own install: the binary belongs to the same user the container's root maps to.
  const own = userTempDir(testUser.uid);
  beforeAll(() => {
    cpSync(join(inject('appDir'), 'native'), join(own.path, 'native'), { recursive: true });
    chmodSync(own.path, 0o755);
    for (const f of ['native', 'native/build', 'native/build/bin', 'native/build/bin/boxctl-runtime']) chownSync(join(own.path, f), testUser.uid, testUser.uid);
  });
  afterAll(() => own.remove());

  it('exposes only a sealed copy while the container waits for start', async () => {
    const binary = join(own.path, 'native/build/bin/boxctl-runtime');
    const before = createHash('sha256').update(readFileSync(binary)).digest('hex');
    const state = userTempDir(testUser.uid);
    const bundle = makeBundle(['/bin/true']);
    const env = { BOXCTL_NATIVE_DIR: join(own.path, 'native/build') };
    try {
      const created = await boxctl(['--runroot', state.path, 'runtime', 'create', '-b', bundle.dir, 'exe'], { ...testUser, env });
      expect(created.stderr).toBe('');
      const { pid } = JSON.parse((await boxctl(['--runroot', state.path, 'runtime', 'state', 'exe'], { ...testUser, env })).stdout) as { pid: number };
      const attack = await runAs(['sh', '-c', `readlink /proc/${pid}/exe; echo pwn >> /proc/${pid}/exe && echo WRITTEN`], testUser);
      expect(attack.stdout).not.toContain('WRITTEN');
      expect(createHash('sha256').update(readFileSync(binary)).digest('hex')).toBe(before);
      await boxctl(['--runroot', state.path, 'runtime', 'delete', '--force', 'exe'], { ...testUser, env });
    } finally {
      bundle.remove();
      state.remove();
    }
  });
});

