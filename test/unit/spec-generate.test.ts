import { describe, expect, it } from 'vitest';

import { UserError } from '../../src/errors.js';
import { ALL_CAPABILITIES } from '../../src/engine/spec/capabilities.js';
import { generateSpec, type SpecInput } from '../../src/engine/spec/generate.js';
import type { IdMapping, LinuxSeccomp, Mount } from '../../src/engine/spec/oci.js';
import { seccompFor } from '../../src/engine/spec/seccomp-default.js';

const ID = '3f2a9c1e7b4d5a6f8e9d0c1b2a3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f';
const SUBID_MAP: IdMapping[] = [
  { containerID: 0, hostID: 1001, size: 1 },
  { containerID: 1, hostID: 100000, size: 65536 },
];
const SINGLE_MAP: IdMapping[] = [{ containerID: 0, hostID: 1001, size: 1 }];

function input(over: Partial<SpecInput> = {}): SpecInput {
  return {
    id: ID,
    rootfs: '/home/u/.local/share/boxctl/containers/3f2a/rootfs',
    args: ['/bin/sh', '-c', 'echo hi'],
    env: ['HOME=/root'],
    idMap: { uidMappings: SUBID_MAP, gidMappings: SUBID_MAP },
    hostLimits: { nofile: { soft: 1024, hard: 524288 }, nproc: { soft: 62000, hard: 62000 } },
    arch: 'amd64',
    ...over,
  };
}

const DEFAULT_CAPS = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_FOWNER',
  'CAP_FSETID',
  'CAP_KILL',
  'CAP_NET_BIND_SERVICE',
  'CAP_SETFCAP',
  'CAP_SETGID',
  'CAP_SETPCAP',
  'CAP_SETUID',
  'CAP_SYS_CHROOT',
];

const MASKED = [
  '/proc/acpi',
  '/proc/kcore',
  '/proc/keys',
  '/proc/latency_stats',
  '/proc/sched_debug',
  '/proc/scsi',
  '/proc/timer_list',
  '/proc/timer_stats',
  '/sys/devices/virtual/powercap',
  '/sys/firmware',
  '/sys/fs/selinux',
  '/proc/interrupts',
  '/sys/dev/block',
];

const PROC: Mount = { destination: '/proc', type: 'proc', source: 'proc', options: ['nosuid', 'noexec', 'nodev'] };
const DEV: Mount = {
  destination: '/dev',
  type: 'tmpfs',
  source: 'tmpfs',
  options: ['nosuid', 'strictatime', 'mode=755', 'size=65536k'],
};
const SYSFS: Mount = { destination: '/sys', type: 'sysfs', source: 'sysfs', options: ['nosuid', 'noexec', 'nodev', 'ro'] };
const DEVPTS: Mount = {
  destination: '/dev/pts',
  type: 'devpts',
  source: 'devpts',
  options: ['nosuid', 'noexec', 'newinstance', 'ptmxmode=0666', 'mode=0620', 'gid=5'],
};
const SHM: Mount = {
  destination: '/dev/shm',
  type: 'tmpfs',
  source: 'shm',
  options: ['nosuid', 'noexec', 'nodev', 'mode=1777', 'size=65536k'],
};
const MQUEUE: Mount = {
  destination: '/dev/mqueue',
  type: 'mqueue',
  source: 'mqueue',
  options: ['nosuid', 'noexec', 'nodev'],
};
const CGROUP: Mount = {
  destination: '/sys/fs/cgroup',
  type: 'cgroup',
  source: 'cgroup',
  options: ['rprivate', 'nosuid', 'noexec', 'nodev', 'relatime', 'ro'],
};
const HOST_SYS_OPTIONS = ['rprivate', 'nosuid', 'noexec', 'nodev', 'ro', 'rbind'];

const destinations = (mounts: readonly Mount[]): string[] => mounts.map((m) => m.destination);
const mountAt = (mounts: readonly Mount[], dest: string): Mount | undefined => mounts.find((m) => m.destination === dest);

describe('the default spec', () => {
  const spec = generateSpec(input());

  it('is OCI 1.1.0 with the rootfs writable', () => {
    expect(spec.ociVersion).toBe('1.1.0');
    expect(spec.root).toEqual({ path: '/home/u/.local/share/boxctl/containers/3f2a/rootfs', readonly: false });
  });

  it('runs the args as root in /, umask 022, no terminal, new privileges allowed as in Podman', () => {
    expect(spec.process.args).toEqual(['/bin/sh', '-c', 'echo hi']);
    expect(spec.process.user).toEqual({ uid: 0, gid: 0, umask: 0o022 });
    expect(spec.process.cwd).toBe('/');
    expect(spec.process.terminal).toBe(false);
    expect(spec.process.noNewPrivileges).toBe(false);
    expect(spec.process).not.toHaveProperty('oomScoreAdj');
  });

  it('adds the default PATH in front and no TERM without a terminal', () => {
    expect(spec.process.env).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'HOME=/root',
    ]);
  });

  it("gives root Podman's default capabilities, none inheritable or ambient", () => {
    expect(spec.process.capabilities).toEqual({
      bounding: DEFAULT_CAPS,
      effective: DEFAULT_CAPS,
      permitted: DEFAULT_CAPS,
      inheritable: [],
      ambient: [],
    });
  });

  it("takes NOFILE and NPROC from the host's limits", () => {
    expect(spec.process.rlimits).toEqual([
      { type: 'RLIMIT_NOFILE', soft: 1024, hard: 524288 },
      { type: 'RLIMIT_NPROC', soft: 62000, hard: 62000 },
    ]);
  });

  it('names the host after the first 12 characters of the id', () => {
    expect(spec.hostname).toBe('3f2a9c1e7b4d');
  });

  it("mounts Podman's defaults, parents before children", () => {
    expect(spec.mounts).toEqual([PROC, DEV, SYSFS, DEVPTS, SHM, MQUEUE, CGROUP]);
  });

  it('creates every namespace, the user one with the mapping', () => {
    expect(spec.linux.namespaces).toEqual([
      { type: 'pid' },
      { type: 'network' },
      { type: 'ipc' },
      { type: 'uts' },
      { type: 'mount' },
      { type: 'cgroup' },
      { type: 'user' },
    ]);
    expect(spec.linux.uidMappings).toEqual(SUBID_MAP);
    expect(spec.linux.gidMappings).toEqual(SUBID_MAP);
    expect(spec.linux.uidMappings).not.toBe(SUBID_MAP);
  });

  it('masks and write-protects the kernel paths Podman does', () => {
    expect(spec.linux.maskedPaths).toEqual(MASKED);
    expect(spec.linux.readonlyPaths).toEqual([
      '/proc/asound',
      '/proc/bus',
      '/proc/fs',
      '/proc/irq',
      '/proc/sys',
      '/proc/sysrq-trigger',
    ]);
  });

  it("filters system calls with Podman's default profile for its capabilities", () => {
    expect(spec.linux.seccomp).toEqual(seccompFor(DEFAULT_CAPS, 'amd64'));
  });

  it('leaves out what was not asked for', () => {
    expect(spec).not.toHaveProperty('annotations');
    expect(spec).not.toHaveProperty('domainname');
    for (const key of ['sysctl', 'resources', 'cgroupsPath', 'rootfsPropagation', 'timeOffsets']) {
      expect(spec.linux, key).not.toHaveProperty(key);
    }
  });
});

describe('process options', () => {
  it('keeps a PATH of its own and adds TERM with a terminal, once', () => {
    expect(generateSpec(input({ env: ['PATH=/opt/bin'], terminal: true })).process.env).toEqual([
      'PATH=/opt/bin',
      'TERM=xterm',
    ]);
    expect(generateSpec(input({ env: ['TERM=vt100'], terminal: true })).process.env).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'TERM=vt100',
    ]);
    expect(generateSpec(input({ terminal: true })).process.terminal).toBe(true);
  });

  it('takes the cwd, user, groups, umask, no_new_privs and OOM score given', () => {
    const spec = generateSpec(
      input({
        cwd: '/srv',
        user: { uid: 1000, gid: 100, additionalGids: [10, 20], umask: 0o077 },
        noNewPrivileges: true,
        oomScoreAdj: 500,
      }),
    );
    expect(spec.process.cwd).toBe('/srv');
    expect(spec.process.user).toEqual({ uid: 1000, gid: 100, umask: 0o077, additionalGids: [10, 20] });
    expect(spec.process.noNewPrivileges).toBe(true);
    expect(spec.process.oomScoreAdj).toBe(500);
  });

  it("caps the host's limits at Podman's 1048576", () => {
    const huge = { soft: 2 ** 30, hard: 2 ** 31 };
    expect(generateSpec(input({ hostLimits: { nofile: huge, nproc: huge } })).process.rlimits).toEqual([
      { type: 'RLIMIT_NOFILE', soft: 1048576, hard: 1048576 },
      { type: 'RLIMIT_NPROC', soft: 1048576, hard: 1048576 },
    ]);
  });

  it("puts the user's limits first, replacing a default of the same type", () => {
    const rlimits = [
      { type: 'RLIMIT_NOFILE', soft: 64, hard: 128 },
      { type: 'RLIMIT_CORE', soft: 0, hard: 0 },
    ];
    expect(generateSpec(input({ rlimits })).process.rlimits).toEqual([
      { type: 'RLIMIT_NOFILE', soft: 64, hard: 128 },
      { type: 'RLIMIT_CORE', soft: 0, hard: 0 },
      { type: 'RLIMIT_NPROC', soft: 62000, hard: 62000 },
    ]);
  });
});

describe('capabilities', () => {
  const bounding = (over: Partial<SpecInput>): string[] => generateSpec(input(over)).process.capabilities.bounding;

  it('adds and drops names in any case, with or without CAP_, and sorts the result', () => {
    expect(bounding({ capAdd: ['net_admin', 'CAP_SYS_PTRACE'], capDrop: ['chown', 'Cap_Kill'] })).toEqual([
      'CAP_DAC_OVERRIDE',
      'CAP_FOWNER',
      'CAP_FSETID',
      'CAP_NET_ADMIN',
      'CAP_NET_BIND_SERVICE',
      'CAP_SETFCAP',
      'CAP_SETGID',
      'CAP_SETPCAP',
      'CAP_SETUID',
      'CAP_SYS_CHROOT',
      'CAP_SYS_PTRACE',
    ]);
    expect(bounding({ capAdd: ['CHOWN'] })).toEqual(DEFAULT_CAPS);
  });

  it('drops ALL, keeping only what is added', () => {
    expect(bounding({ capDrop: ['ALL'] })).toEqual([]);
    expect(bounding({ capDrop: ['all'], capAdd: ['NET_RAW', 'chown'] })).toEqual(['CAP_CHOWN', 'CAP_NET_RAW']);
  });

  it('adds ALL, less what is dropped', () => {
    expect(bounding({ capAdd: ['ALL'] })).toEqual([...ALL_CAPABILITIES].sort());
    expect(bounding({ capAdd: ['ALL'], capDrop: ['SYS_ADMIN'] })).not.toContain('CAP_SYS_ADMIN');
    expect(bounding({ capAdd: ['ALL'], capDrop: ['SYS_ADMIN'] })).toHaveLength(ALL_CAPABILITIES.length - 1);
  });

  it('sets every set to the bounding one for root', () => {
    const caps = generateSpec(input({ capAdd: ['SYS_ADMIN'] })).process.capabilities;
    expect(caps.effective).toEqual(caps.bounding);
    expect(caps.permitted).toEqual(caps.bounding);
    expect(caps.bounding).toContain('CAP_SYS_ADMIN');
  });

  it('gives a user other than root only what was added by name, ambient so it survives execve', () => {
    const caps = generateSpec(input({ user: { uid: 1000, gid: 1000 }, capAdd: ['net_bind_service', 'NET_RAW'] }))
      .process.capabilities;
    expect(caps.bounding).toEqual([...DEFAULT_CAPS, 'CAP_NET_RAW'].sort());
    const granted = ['CAP_NET_BIND_SERVICE', 'CAP_NET_RAW'];
    expect(caps).toMatchObject({ effective: granted, permitted: granted, inheritable: granted, ambient: granted });
    const none = generateSpec(input({ user: { uid: 1000, gid: 1000 } })).process.capabilities;
    expect(none).toMatchObject({ bounding: DEFAULT_CAPS, effective: [], permitted: [], inheritable: [], ambient: [] });
  });

  it('refuses an unknown name, naming it', () => {
    expect(() => generateSpec(input({ capAdd: ['NET_ADMN'] }))).toThrow(UserError);
    expect(() => generateSpec(input({ capAdd: ['NET_ADMN'] }))).toThrow(/unknown capability 'NET_ADMN'/);
    expect(() => generateSpec(input({ capDrop: ['cap_bogus'] }))).toThrow(/unknown capability 'cap_bogus'/);
  });

  it('refuses a name both added and dropped, and ALL both ways', () => {
    expect(() => generateSpec(input({ capAdd: ['net_raw'], capDrop: ['CAP_NET_RAW'] }))).toThrow(
      /CAP_NET_RAW is both added and dropped/,
    );
    expect(() => generateSpec(input({ capAdd: ['ALL'], capDrop: ['ALL'] }))).toThrow(UserError);
  });

  it('resolves the seccomp profile against the capabilities granted', () => {
    const spec = generateSpec(input({ capAdd: ['SYS_ADMIN'] }));
    expect(spec.linux.seccomp).toEqual(seccompFor(spec.process.capabilities.bounding, 'amd64'));
    const bpf = spec.linux.seccomp?.syscalls?.filter((r) => r.names.includes('bpf'));
    expect(bpf).toEqual([expect.objectContaining({ action: 'SCMP_ACT_ALLOW' })]);
  });
});

describe('namespaces', () => {
  it("shares the host's network: no network namespace, the host's /sys bound read-only, /sys/kernel masked", () => {
    const spec = generateSpec(input({ namespaces: { network: 'host' } }));
    expect(spec.linux.namespaces.map((n) => n.type)).toEqual(['pid', 'ipc', 'uts', 'mount', 'cgroup', 'user']);
    expect(mountAt(spec.mounts, '/sys')).toEqual({
      destination: '/sys',
      type: 'bind',
      source: '/sys',
      options: HOST_SYS_OPTIONS,
    });
    expect(mountAt(spec.mounts, '/sys/fs/cgroup')).toEqual({
      destination: '/sys/fs/cgroup',
      type: 'bind',
      source: '/sys/fs/cgroup',
      options: HOST_SYS_OPTIONS,
    });
    expect(spec.linux.maskedPaths).toEqual([...MASKED, '/sys/kernel']);
  });

  it('joins a network namespace by path, which also rules out a sysfs of its own', () => {
    const spec = generateSpec(input({ namespaces: { network: { path: '/run/user/1001/netns/box1' } } }));
    expect(spec.linux.namespaces[1]).toEqual({ type: 'network', path: '/run/user/1001/netns/box1' });
    expect(mountAt(spec.mounts, '/sys')?.type).toBe('bind');
    expect(spec.linux.maskedPaths).toContain('/sys/kernel');
  });

  it("binds the host's /proc and /dev/mqueue when sharing its pid and ipc namespaces", () => {
    const spec = generateSpec(input({ namespaces: { pid: 'host', ipc: 'host', cgroup: 'host' } }));
    expect(spec.linux.namespaces.map((n) => n.type)).toEqual(['network', 'uts', 'mount', 'user']);
    expect(mountAt(spec.mounts, '/proc')).toEqual({
      destination: '/proc',
      type: 'bind',
      source: '/proc',
      options: ['rbind', 'nosuid', 'noexec', 'nodev'],
    });
    expect(mountAt(spec.mounts, '/dev/mqueue')).toEqual({
      destination: '/dev/mqueue',
      type: 'bind',
      source: '/dev/mqueue',
      options: ['bind', 'nosuid', 'noexec', 'nodev'],
    });
  });

  it("sets no hostname in a uts namespace not its own, and refuses one asked for there", () => {
    expect(generateSpec(input({ namespaces: { uts: 'host' } }))).not.toHaveProperty('hostname');
    expect(() => generateSpec(input({ namespaces: { uts: 'host' }, hostname: 'web' }))).toThrow(UserError);
    expect(generateSpec(input({ hostname: 'web' })).hostname).toBe('web');
  });
});

describe('mounts', () => {
  it('appends binds and tmpfs, parents before children', () => {
    const data: Mount = { destination: '/data', type: 'bind', source: '/home/u/data', options: ['rbind', 'rw'] };
    const cache: Mount = { destination: '/data/cache', type: 'tmpfs', source: 'tmpfs', options: ['size=1m'] };
    const spec = generateSpec(input({ mounts: [cache, data] }));
    expect(destinations(spec.mounts)).toEqual([
      '/proc',
      '/dev',
      '/sys',
      '/data',
      '/dev/pts',
      '/dev/shm',
      '/dev/mqueue',
      '/data/cache',
      '/sys/fs/cgroup',
    ]);
    expect(mountAt(spec.mounts, '/data')).toEqual(data);
    expect(mountAt(spec.mounts, '/data')).not.toBe(data);
  });

  it('lets a user mount replace the default on the same destination', () => {
    const shm: Mount = { destination: '/dev/shm/', type: 'tmpfs', source: 'shm', options: ['size=1g'] };
    const spec = generateSpec(input({ mounts: [shm] }));
    expect(spec.mounts.filter((m) => m.destination.startsWith('/dev/shm'))).toEqual([shm]);
    expect(spec.mounts).toHaveLength(7);
  });

  it('drops every default under /dev when the user mounts /dev', () => {
    const dev: Mount = { destination: '/dev', type: 'bind', source: '/home/u/dev', options: ['rbind'] };
    expect(destinations(generateSpec(input({ mounts: [dev] })).mounts)).toEqual(['/proc', '/sys', '/dev', '/sys/fs/cgroup']);
  });

  it('leaves gid=5 off devpts when gid 5 is not mapped', () => {
    const spec = generateSpec(input({ idMap: { uidMappings: SINGLE_MAP, gidMappings: SINGLE_MAP } }));
    expect(mountAt(spec.mounts, '/dev/pts')).toEqual({
      destination: '/dev/pts',
      type: 'devpts',
      source: 'devpts',
      options: ['rprivate', 'nosuid', 'noexec', 'newinstance', 'ptmxmode=0666', 'mode=0620'],
    });
    const five: IdMapping[] = [...SINGLE_MAP, { containerID: 5, hostID: 200005, size: 1 }];
    const withTty = generateSpec(input({ idMap: { uidMappings: SINGLE_MAP, gidMappings: five } }));
    expect(mountAt(withTty.mounts, '/dev/pts')).toEqual(DEVPTS);
  });

  it('makes the rootfs read-only on request', () => {
    expect(generateSpec(input({ readOnlyRootfs: true })).root.readonly).toBe(true);
  });
});

describe('seccomp choices', () => {
  it('has no filter when unconfined', () => {
    expect(generateSpec(input({ seccomp: { kind: 'unconfined' } })).linux).not.toHaveProperty('seccomp');
  });

  it('passes a profile through as given', () => {
    const profile: LinuxSeccomp = {
      defaultAction: 'SCMP_ACT_ALLOW',
      syscalls: [{ names: ['keyctl'], action: 'SCMP_ACT_ERRNO', errnoRet: 1 }],
    };
    const spec = generateSpec(input({ seccomp: { kind: 'profile', profile } }));
    expect(spec.linux.seccomp).toEqual(profile);
    expect(spec.linux.seccomp).not.toBe(profile);
  });

  it('follows the architecture', () => {
    const spec = generateSpec(input({ arch: 'arm64' }));
    expect(spec.linux.seccomp?.architectures).toEqual(['SCMP_ARCH_AARCH64', 'SCMP_ARCH_ARM']);
  });
});

describe('linux options', () => {
  it('copies annotations and sysctls with sorted keys, resources, cgroup path', () => {
    const spec = generateSpec(
      input({
        annotations: { 'org.b': '2', 'org.a': '1' },
        sysctl: { 'net.ipv4.ping_group_range': '0 0', 'kernel.msgmax': '65536' },
        resources: { memory: 512 * 2 ** 20, cpuQuota: 50000, cpuPeriod: 100000, pids: 2048 },
        cgroupsPath: '/user.slice/user-1001.slice/boxctl-3f2a',
      }),
    );
    expect(Object.keys(spec.annotations ?? {})).toEqual(['org.a', 'org.b']);
    expect(Object.keys(spec.linux.sysctl ?? {})).toEqual(['kernel.msgmax', 'net.ipv4.ping_group_range']);
    expect(spec.linux.resources).toEqual({
      memory: { limit: 536870912 },
      cpu: { quota: 50000, period: 100000 },
      pids: { limit: 2048 },
    });
    expect(spec.linux.cgroupsPath).toBe('/user.slice/user-1001.slice/boxctl-3f2a');
  });

  it('sets only the resources given', () => {
    expect(generateSpec(input({ resources: { pids: 100 } })).linux.resources).toEqual({ pids: { limit: 100 } });
    expect(generateSpec(input({ resources: { cpuQuota: 1000 } })).linux.resources).toEqual({ cpu: { quota: 1000 } });
    expect(generateSpec(input({ resources: {} })).linux).not.toHaveProperty('resources');
  });
});

describe('determinism', () => {
  it('gives deep-equal output for the same input, without touching the input', () => {
    const given = input({ mounts: [{ destination: '/a', type: 'bind', source: '/b', options: ['rbind'] }], terminal: true });
    const before = structuredClone(given);
    const first = generateSpec(given);
    first.mounts[0]!.options!.push('ro');
    first.process.capabilities.bounding.pop();
    first.linux.seccomp!.syscalls!.pop();
    const second = generateSpec(given);
    expect(JSON.stringify(generateSpec(given))).toBe(JSON.stringify(second));
    expect(second.mounts[0]!.options).toEqual(['nosuid', 'noexec', 'nodev']);
    expect(given).toEqual(before);
  });

  it('writes a minimal spec', () => {
    const spec = generateSpec({
      id: 'c0ffee00c0ffee00',
      rootfs: '/r',
      args: ['true'],
      env: [],
      idMap: { uidMappings: SINGLE_MAP, gidMappings: SINGLE_MAP },
      hostLimits: { nofile: { soft: 1024, hard: 4096 }, nproc: { soft: 100, hard: 200 } },
      arch: 'amd64',
      capDrop: ['ALL'],
      seccomp: { kind: 'unconfined' },
    });
    expect(spec).toMatchInlineSnapshot(`
      {
        "hostname": "c0ffee00c0ff",
        "linux": {
          "gidMappings": [
            {
              "containerID": 0,
              "hostID": 1001,
              "size": 1,
            },
          ],
          "maskedPaths": [
            "/proc/acpi",
            "/proc/kcore",
            "/proc/keys",
            "/proc/latency_stats",
            "/proc/sched_debug",
            "/proc/scsi",
            "/proc/timer_list",
            "/proc/timer_stats",
            "/sys/devices/virtual/powercap",
            "/sys/firmware",
            "/sys/fs/selinux",
            "/proc/interrupts",
            "/sys/dev/block",
          ],
          "namespaces": [
            {
              "type": "pid",
            },
            {
              "type": "network",
            },
            {
              "type": "ipc",
            },
            {
              "type": "uts",
            },
            {
              "type": "mount",
            },
            {
              "type": "cgroup",
            },
            {
              "type": "user",
            },
          ],
          "readonlyPaths": [
            "/proc/asound",
            "/proc/bus",
            "/proc/fs",
            "/proc/irq",
            "/proc/sys",
            "/proc/sysrq-trigger",
          ],
          "uidMappings": [
            {
              "containerID": 0,
              "hostID": 1001,
              "size": 1,
            },
          ],
        },
        "mounts": [
          {
            "destination": "/proc",
            "options": [
              "nosuid",
              "noexec",
              "nodev",
            ],
            "source": "proc",
            "type": "proc",
          },
          {
            "destination": "/dev",
            "options": [
              "nosuid",
              "strictatime",
              "mode=755",
              "size=65536k",
            ],
            "source": "tmpfs",
            "type": "tmpfs",
          },
          {
            "destination": "/sys",
            "options": [
              "nosuid",
              "noexec",
              "nodev",
              "ro",
            ],
            "source": "sysfs",
            "type": "sysfs",
          },
          {
            "destination": "/dev/pts",
            "options": [
              "rprivate",
              "nosuid",
              "noexec",
              "newinstance",
              "ptmxmode=0666",
              "mode=0620",
            ],
            "source": "devpts",
            "type": "devpts",
          },
          {
            "destination": "/dev/shm",
            "options": [
              "nosuid",
              "noexec",
              "nodev",
              "mode=1777",
              "size=65536k",
            ],
            "source": "shm",
            "type": "tmpfs",
          },
          {
            "destination": "/dev/mqueue",
            "options": [
              "nosuid",
              "noexec",
              "nodev",
            ],
            "source": "mqueue",
            "type": "mqueue",
          },
          {
            "destination": "/sys/fs/cgroup",
            "options": [
              "rprivate",
              "nosuid",
              "noexec",
              "nodev",
              "relatime",
              "ro",
            ],
            "source": "cgroup",
            "type": "cgroup",
          },
        ],
        "ociVersion": "1.1.0",
        "process": {
          "args": [
            "true",
          ],
          "capabilities": {
            "ambient": [],
            "bounding": [],
            "effective": [],
            "inheritable": [],
            "permitted": [],
          },
          "cwd": "/",
          "env": [
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
          ],
          "noNewPrivileges": false,
          "rlimits": [
            {
              "hard": 4096,
              "soft": 1024,
              "type": "RLIMIT_NOFILE",
            },
            {
              "hard": 200,
              "soft": 100,
              "type": "RLIMIT_NPROC",
            },
          ],
          "terminal": false,
          "user": {
            "gid": 0,
            "uid": 0,
            "umask": 18,
          },
        },
        "root": {
          "path": "/r",
          "readonly": false,
        },
      }
    `);
  });
});
