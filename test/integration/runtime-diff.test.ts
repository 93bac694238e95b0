// Differential tests: each bundle runs under runc and under boxctl's runtime, as the
// same unprivileged user, and what the process sees must match. Every case also
// states the expected value outright, so a field both runtimes ignored would fail.
import { chmodSync, copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SpecInput } from '../../src/engine/spec/generate.js';
import type { Spec } from '../../src/engine/spec/oci.js';
import { makeBundle, testUserIdMap } from './bundle.js';
import { nosubUser, runAs, testUser, type RunResult } from './harness.js';
import { driver, RUNTIMES, runIn, type RuntimeDriver } from './runtimes.js';

interface Case {
  name: string;
  script: string;
  bend?: (spec: Spec) => void;
  input?: Partial<SpecInput>;
  code?: number;
  stderr?: string;
  /** Where runc 1.1 falls short, only boxctl runs; the reason is stated. */
  only?: { runtime: 'boxctl'; because: string };
  /** Makes run-specific values comparable (inode numbers, mount ids). */
  normalize?: (out: string) => string;
  expect: (out: string) => void;
}

let hostNs: Record<string, string> = {};
const drivers = new Map<string, RuntimeDriver>();

beforeAll(async () => {
  const r = await runAs(['sh', '-c', 'for n in user mnt pid uts ipc net cgroup; do echo $n $(readlink /proc/self/ns/$n); done'], testUser);
  hostNs = Object.fromEntries(r.stdout.trim().split('\n').map((l) => l.split(' ') as [string, string]));
  for (const kind of RUNTIMES) drivers.set(kind, driver(kind));
});
afterAll(() => {
  for (const d of drivers.values()) d.cleanup();
});

const NS_SCRIPT = 'for n in user mnt pid uts ipc net cgroup; do echo $n $(readlink /proc/self/ns/$n); done; echo pid $$';
function nsNormalize(out: string): string {
  return out
    .trim()
    .split('\n')
    .map((l) => {
      const [n, v] = l.split(' ');
      return n === 'pid' && !v?.includes(':') ? l : `${n} ${v === hostNs[n!] ? 'host' : 'new'}`;
    })
    .join('\n');
}

/** mountinfo as "mountpoint fstype ro|rw [nosuid] [nodev] [noexec]", in order. */
function mountsNormalize(out: string): string {
  return out
    .trim()
    .split('\n')
    .map((line) => {
      const f = line.split(' ');
      const sep = f.indexOf('-');
      const opts = f[5]!.split(',').filter((o) => ['ro', 'rw', 'nosuid', 'nodev', 'noexec'].includes(o));
      return `${f[4]} ${f[sep + 1]} ${opts.join(',')}`;
    })
    .join('\n');
}

const cases: Case[] = [
  {
    name: 'user namespace with several ranges mapped through newuidmap',
    script: 'cat /proc/self/uid_map /proc/self/gid_map',
    normalize: (o) => o.replace(/[ \t]+/g, ' ').trim(),
    expect: (o) => {
      const { uidMappings, gidMappings } = testUserIdMap();
      const lines = [...uidMappings, ...gidMappings].map((m) => `${m.containerID} ${m.hostID} ${m.size}`);
      expect(o.trim().split('\n').map((l) => l.trim().replace(/\s+/g, ' '))).toEqual(lines);
    },
  },
  {
    name: 'new mount, pid, uts, ipc, net and cgroup namespaces; the process is pid 1',
    script: NS_SCRIPT,
    normalize: nsNormalize,
    expect: (o) => expect(nsNormalize(o)).toBe('user new\nmnt new\npid new\nuts new\nipc new\nnet new\ncgroup new\npid 1'),
  },
  {
    name: 'no network namespace in the spec keeps the host network',
    script: NS_SCRIPT,
    input: { namespaces: { network: 'host' } },
    normalize: nsNormalize,
    expect: (o) => expect(nsNormalize(o)).toContain('net host'),
  },
  {
    name: 'hostname',
    script: 'hostname',
    bend: (s) => {
      s.hostname = 'bx-host';
    },
    expect: (o) => expect(o).toBe('bx-host\n'),
  },
  {
    name: 'domainname',
    script: 'hostname; cat /proc/sys/kernel/domainname',
    bend: (s) => {
      s.hostname = 'bx-host';
      s.domainname = 'bx.example';
    },
    only: { runtime: 'boxctl', because: 'runc 1.1 ignores the domainname field' },
    expect: (o) => expect(o).toBe('bx-host\nbx.example\n'),
  },
  {
    name: 'args, env and cwd',
    script: 'pwd; env | sort; echo "$#:$0:$1"',
    bend: (s) => {
      s.process!.args = ['/bin/sh', '-c', 'pwd; env | grep -v ^_= | sort; echo "$#:$0:$1"', 'zero', 'one arg'];
      s.process!.env = ['A=1', 'B=two words', 'PATH=/bin', 'HOME=/root'];
      s.process!.cwd = '/tmp';
    },
    expect: (o) => expect(o).toBe('/tmp\nA=1\nB=two words\nHOME=/root\nPATH=/bin\nPWD=/tmp\nSHLVL=1\n1:zero:one arg\n'),
  },
  {
    name: 'uid, gid, additional gids and umask',
    script: 'id; umask; touch /home/app/f && stat -c %u:%g:%a /home/app/f',
    bend: (s) => {
      s.process!.user = { uid: 1000, gid: 1000, additionalGids: [2000], umask: 0o027 };
      s.process!.cwd = '/home/app';
    },
    only: { runtime: 'boxctl', because: 'runc 1.1 refuses additionalGids for any rootless container, even with newgidmap' },
    expect: (o) => expect(o).toBe('uid=1000(app) gid=1000(app) groups=2000(extra)\n0027\n1000:1000:640\n'),
  },
  {
    name: 'rlimits',
    script: "ulimit -Sn; ulimit -Hn; grep -E '^Max (core file size|processes)' /proc/self/limits | tr -s ' '",
    bend: (s) => {
      s.process!.rlimits = [
        { type: 'RLIMIT_NOFILE', soft: 100, hard: 200 },
        { type: 'RLIMIT_CORE', soft: 0, hard: 0 },
        { type: 'RLIMIT_NPROC', soft: 500, hard: 600 },
      ];
    },
    expect: (o) => expect(o).toBe('100\n200\nMax core file size 0 0 bytes \nMax processes 500 600 processes \n'),
  },
  {
    name: 'capability sets and no_new_privs',
    script: "grep -E '^(Cap(Inh|Prm|Eff|Bnd|Amb)|NoNewPrivs)' /proc/self/status",
    bend: (s) => {
      const set = ['CAP_CHOWN', 'CAP_KILL', 'CAP_NET_BIND_SERVICE'];
      s.process!.capabilities = { bounding: set, effective: set, permitted: set, inheritable: ['CAP_NET_BIND_SERVICE'], ambient: ['CAP_NET_BIND_SERVICE'] };
      s.process!.noNewPrivileges = true;
    },
    expect: (o) =>
      expect(o.replace(/\t/g, ' ')).toBe(
        'CapInh: 0000000000000400\nCapPrm: 0000000000000421\nCapEff: 0000000000000421\nCapBnd: 0000000000000421\nCapAmb: 0000000000000400\nNoNewPrivs: 1\n',
      ),
  },
  {
    name: 'ambient capabilities survive a switch to a non-root user',
    script: "grep -E '^Cap(Eff|Amb)' /proc/self/status",
    bend: (s) => {
      const set = ['CAP_NET_BIND_SERVICE'];
      s.process!.user = { uid: 1000, gid: 1000 };
      s.process!.capabilities = { bounding: set, effective: set, permitted: set, inheritable: set, ambient: set };
    },
    expect: (o) => expect(o.replace(/\t/g, ' ')).toBe('CapEff: 0000000000000400\nCapAmb: 0000000000000400\n'),
  },
  {
    name: 'a seccomp filter from the spec',
    script: "grep '^Seccomp:' /proc/self/status | tr -d '\\t '; mkdir /tmp/d 2>&1; echo rc=$?; ls /",
    bend: (s) => {
      s.linux!.seccomp = {
        defaultAction: 'SCMP_ACT_ALLOW',
        architectures: ['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86', 'SCMP_ARCH_X32'],
        syscalls: [{ names: ['mkdir', 'mkdirat'], action: 'SCMP_ACT_ERRNO', errnoRet: 1 }],
      };
    },
    normalize: (o) => o.split('\n').slice(0, 3).join('\n'),
    expect: (o) => expect(o).toMatch(/^Seccomp:2\nmkdir: can't create directory '\/tmp\/d': Operation not permitted\nrc=1\n/),
  },
  {
    name: "boxctl's default seccomp profile is loaded",
    script: "grep -E '^Seccomp:' /proc/self/status | tr -d '\\t '",
    expect: (o) => expect(o).toBe('Seccomp:2\n'),
  },
  {
    name: 'oom_score_adj',
    script: 'cat /proc/self/oom_score_adj',
    bend: (s) => {
      s.process!.oomScoreAdj = 500;
    },
    expect: (o) => expect(o).toBe('500\n'),
  },
  {
    name: 'the mount table: proc, dev, devpts, shm, mqueue, sys, binds and tmpfs',
    script: 'cat /proc/self/mountinfo',
    bend: (s) => {
      s.mounts!.push(
        { destination: '/mnt/ro', type: 'bind', source: '/etc', options: ['rbind', 'ro', 'rprivate'] },
        { destination: '/mnt/tmp', type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'nodev', 'size=1m', 'mode=755'] },
      );
    },
    normalize: mountsNormalize,
    expect: (o) => {
      const m = mountsNormalize(o);
      expect(m.split('\n')[0]).toMatch(/^\/ \S+ rw/);
      for (const line of ['/proc proc rw,nosuid,nodev,noexec', '/dev tmpfs rw,nosuid', '/dev/pts devpts rw,nosuid,noexec', '/dev/mqueue mqueue rw,nosuid,nodev,noexec', '/mnt/ro ', '/mnt/tmp tmpfs rw,nosuid,nodev']) {
        expect(m).toContain(line);
      }
      expect(m).toMatch(/^\/dev\/shm tmpfs rw,nosuid,nodev,noexec$/m);
      expect(m).toMatch(/^\/sys \S+ ro/m);
      expect(m).toMatch(/^\/mnt\/ro \S+ ro/m);
    },
  },
  {
    name: 'device nodes bound from the host and the /dev symlinks',
    script: 'ls -l /dev | awk \'{print $1, $NF}\' | sort; echo x > /dev/null && head -c 4 /dev/zero | wc -c',
    normalize: (o) => o.split('\n').map((l) => l.replace(/^(.)\S+/, '$1')).join('\n'),
    expect: (o) => {
      for (const dev of ['null', 'zero', 'full', 'random', 'urandom', 'tty']) expect(o).toMatch(new RegExp(`^c\\S* ${dev}$`, 'm'));
      for (const link of ['ptmx', 'fd', 'stdin', 'stdout', 'stderr']) expect(o).toMatch(new RegExp(`^l\\S* ${link === 'ptmx' ? 'pts/ptmx' : '\\S+'}$`, 'm'));
      expect(o.trim().split('\n').at(-1)).toBe('4');
    },
  },
  {
    name: 'a read-only rootfs',
    script: 'touch /x 2>&1; echo rc=$?; touch /dev/shm/ok && echo shm-writable',
    bend: (s) => {
      s.root!.readonly = true;
    },
    expect: (o) => expect(o).toBe("touch: /x: Read-only file system\nrc=1\nshm-writable\n"),
  },
  {
    name: 'masked and read-only paths',
    script: 'wc -c < /proc/interrupts; wc -c < /proc/keys; ls /sys/firmware | wc -l; { echo x > /proc/sys/kernel/domainname; } 2>&1; echo rc=$?; umount /proc/interrupts 2>/dev/null; echo umount=$?',
    expect: (o) => expect(o).toMatch(/^0\n0\n0\n.*(Read-only file system|Permission denied)\nrc=1\numount=1\n$/s),
  },
  {
    name: 'the exit status of the process',
    script: 'exit 3',
    code: 3,
    expect: (o) => expect(o).toBe(''),
  },
  {
    name: 'a process killed by a signal exits 128+N',
    script: 'sleep 30 & kill -KILL $! ; wait $!; exit $?',
    code: 137,
    stderr: 'Killed\n',
    expect: (o) => expect(o).toBe(''),
  },
  {
    name: 'the cgroup namespace hides the host cgroup path',
    script: "grep '^0::' /proc/self/cgroup",
    expect: (o) => expect(o).toBe('0::/\n'),
  },
];

/** runc logs warnings about cgroups it cannot manage rootless; they are not the process's. */
function processStderr(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^time="[^"]*" level=warning /.test(l))
    .join('\n');
}

describe.each(cases)('runc and boxctl agree: $name', (c) => {
  const kinds = c.only ? [c.only.runtime] : RUNTIMES;
  it(c.only ? `runs under boxctl (${c.only.because})` : 'gives the same result', async () => {
    const bundle = makeBundle(['/bin/sh', '-c', c.script], c.bend, c.input);
    const results: Record<string, RunResult> = {};
    try {
      for (const kind of kinds) {
        results[kind] = await runIn(drivers.get(kind)!, bundle.dir, `diff-${process.pid}-${kind}`);
      }
    } finally {
      bundle.remove();
    }
    for (const kind of kinds) {
      const r = results[kind]!;
      expect({ kind, code: r.code, stderr: processStderr(r.stderr) }).toEqual({ kind, code: c.code ?? 0, stderr: c.stderr ?? '' });
      c.expect(r.stdout);
    }
    if (kinds.length === 2) {
      const norm = c.normalize ?? ((o: string) => o);
      expect(norm(results.boxctl!.stdout)).toBe(norm(results.runc!.stdout));
    }
  });
});

describe('joining the namespaces of another container by path', () => {
  it.each(RUNTIMES)('%s shares the user and network namespaces of a running container', async (kind) => {
    const d = drivers.get(kind)!;
    const first = makeBundle(['/bin/sleep', '30']);
    const id = `share-a-${kind}`;
    try {
      expect((await d.verb(['create', '-b', first.dir, id])).code).toBe(0);
      const state = JSON.parse((await d.verb(['state', id])).stdout) as { pid: number };
      const second = makeBundle(['/bin/sh', '-c', NS_SCRIPT], (s) => {
        s.linux!.namespaces = s.linux!.namespaces!.map((n) =>
          n.type === 'user' || n.type === 'network' ? { type: n.type, path: `/proc/${state.pid}/ns/${n.type === 'user' ? 'user' : 'net'}` } : n,
        );
      });
      try {
        const r = await runIn(d, second.dir, `share-b-${kind}`);
        expect(r.stderr).toBe('');
        const theirs = (await runAs(['readlink', `/proc/${state.pid}/ns/net`], testUser)).stdout.trim();
        expect(r.stdout).toContain(`net ${theirs}`);
      } finally {
        second.remove();
      }
    } finally {
      await d.verb(['delete', '--force', id]);
      first.remove();
    }
  });
});

describe('create, start, state, kill and delete', () => {
  it.each(RUNTIMES)('%s walks a container through its life', async (kind) => {
    const d = drivers.get(kind)!;
    const bundle = makeBundle(['/bin/sh', '-c', 'trap "exit 42" TERM; while :; do sleep 0.1; done']);
    const id = `life-${kind}`;
    try {
      expect((await d.verb(['create', '-b', bundle.dir, id])).code).toBe(0);
      const created = JSON.parse((await d.verb(['state', id])).stdout) as { status: string; pid: number; id: string };
      expect(created).toMatchObject({ id, status: 'created' });
      expect(created.pid).toBeGreaterThan(1);
      expect((await d.verb(['start', id])).code).toBe(0);
      expect(JSON.parse((await d.verb(['state', id])).stdout)).toMatchObject({ status: 'running' });
      expect((await d.verb(['delete', id])).code).not.toBe(0);
      expect((await d.verb(['kill', id, 'TERM'])).code).toBe(0);
      await expect.poll(async () => JSON.parse((await d.verb(['state', id])).stdout).status, { timeout: 5000 }).toBe('stopped');
      expect((await d.verb(['delete', id])).code).toBe(0);
      expect((await d.verb(['state', id])).code).not.toBe(0);
    } finally {
      await d.verb(['delete', '--force', id]);
      bundle.remove();
    }
  });
});

describe('a terminal handed over the console socket', () => {
  it.each(RUNTIMES)('%s gives the process a pty whose master reaches the socket', async (kind) => {
    const d = drivers.get(kind)!;
    const bundle = makeBundle(['/bin/sh'], (s) => {
      s.process!.terminal = true;
    });
    const socket = `${bundle.dir}/console.sock`;
    const fixture = `${bundle.dir}/recvtty.py`;
    copyFileSync(join(import.meta.dirname, 'fixtures', 'recvtty.py'), fixture);
    chmodSync(fixture, 0o755);
    try {
      const peer = runAs(['python3', fixture, socket, 'tty; [ -t 0 ] && echo stdin-is-a-tty; echo typed-$((40+2)); exit 5'], testUser);
      await expect.poll(() => existsSync(socket), { timeout: 5000 }).toBe(true);
      // As runc wants it: the console socket goes with create, not a foreground run.
      const created = await d.verb(['create', '--console-socket', socket, '-b', bundle.dir, `tty-${kind}`]);
      expect({ code: created.code, stderr: processStderr(created.stderr) }).toEqual({ code: 0, stderr: '' });
      expect((await d.verb(['start', `tty-${kind}`])).code).toBe(0);
      const typed = await peer;
      await d.verb(['delete', '--force', `tty-${kind}`]);
      expect(typed.stdout).toMatch(/^\/dev\/pts\/0\r?$/m);
      expect(typed.stdout).toMatch(/^stdin-is-a-tty\r?$/m);
      expect(typed.stdout).toMatch(/^typed-42\r?$/m);
    } finally {
      bundle.remove();
    }
  });
});

describe('a user without subordinate ids: a single-id map written directly', () => {
  it.each(RUNTIMES)('%s maps only the user itself to root', async (kind) => {
    const d = driver(kind, nosubUser);
    const bundle = makeBundle(['/bin/sh', '-c', 'cat /proc/self/uid_map /proc/self/gid_map /proc/self/setgroups; id -u'], undefined, {}, { uid: nosubUser.uid, subordinate: false });
    try {
      const r = await runIn(d, bundle.dir, `single-${kind}`);
      expect({ code: r.code, stderr: processStderr(r.stderr) }).toEqual({ code: 0, stderr: '' });
      expect(r.stdout.replace(/[ \t]+/g, ' ').trim().split('\n').map((l) => l.trim())).toEqual([
        `0 ${nosubUser.uid} 1`,
        `0 ${nosubUser.uid} 1`,
        'deny',
        '0',
      ]);
    } finally {
      bundle.remove();
      d.cleanup();
    }
  });
});

describe('boxctl runtime beyond what runc 1.1 offers', () => {
  it('applies time namespace offsets (runc 1.1 has no time namespace)', async () => {
    const bundle = makeBundle(['/bin/sh', '-c', 'cat /proc/self/timens_offsets; readlink /proc/self/ns/time'], (s) => {
      s.linux!.namespaces!.push({ type: 'time' });
      s.linux!.timeOffsets = { monotonic: { secs: 86400, nanosecs: 0 }, boottime: { secs: 3600, nanosecs: 0 } };
    });
    try {
      const r = await runIn(drivers.get('boxctl')!, bundle.dir, 'timens');
      expect(r.stderr).toBe('');
      const lines = r.stdout.replace(/[ \t]+/g, ' ').trim().split('\n');
      expect(lines.slice(0, 2)).toEqual(['monotonic 86400 0', 'boottime 3600 0']);
      const host = (await runAs(['readlink', '/proc/self/ns/time'], testUser)).stdout.trim();
      expect(lines[2]).not.toBe(host);
    } finally {
      bundle.remove();
    }
  });
});

describe('pid files and orphans', () => {
  it.each(RUNTIMES)('%s writes --pid-file with the pid that state reports', async (kind) => {
    const d = drivers.get(kind)!;
    const bundle = makeBundle(['/bin/sleep', '30']);
    const pidFile = `${bundle.dir}/ctr.pid`;
    try {
      expect((await d.verb(['create', '--pid-file', pidFile, '-b', bundle.dir, `pid-${kind}`])).code).toBe(0);
      const { pid } = JSON.parse((await d.verb(['state', `pid-${kind}`])).stdout) as { pid: number };
      expect(readFileSync(pidFile, 'utf8').trim()).toBe(String(pid));
    } finally {
      await d.verb(['delete', '--force', `pid-${kind}`]);
      bundle.remove();
    }
  });

  it.each(RUNTIMES)('%s gives orphans to the container init, never to the host', async (kind) => {
    const script = 'sh -c "sleep 5 & echo \\$!" > /tmp/orphan; sleep 0.3; o=$(cat /tmp/orphan); echo "ppid $(cut -d" " -f4 /proc/$o/stat)"; kill $o';
    const bundle = makeBundle(['/bin/sh', '-c', script]);
    try {
      const r = await runIn(drivers.get(kind)!, bundle.dir, `orphan-${kind}`);
      expect(r.stdout).toBe('ppid 1\n');
    } finally {
      bundle.remove();
    }
  });
});
