// top, stats, port and system df/prune as the unprivileged test user: what the
// container sees (pids from 1, its own users), figures with and without a delegated
// cgroup, and the disk accounting and pruning over a store of known contents.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

import { boxctl, host, testUser, userEnv, userTempDir } from './harness.js';

const IMAGE = `${host.registry}/boxctl/busybox`;
const OTHER = `${host.registry}/boxctl/layers`;
const scratch = userTempDir(testUser.uid);
const root = join(scratch.path, 'r');
const runroot = join(scratch.path, 'u');

const bx = (args: readonly string[], opts: { inCgroup?: boolean; root?: string } = {}) =>
  boxctl(['--root', opts.root ?? root, '--runroot', runroot, ...args], { ...testUser, ...opts });

const ok = async (args: readonly string[], opts: { inCgroup?: boolean; root?: string } = {}) => {
  const r = await bx(args, opts);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
};

beforeAll(async () => {
  await ok(['pull', '-q', IMAGE]);
}, 60_000);

afterAll(async () => {
  await bx(['rm', '-f', '--all']);
  await bx(['rm', '-f', '--all'], { root: join(scratch.path, 'd') });
  scratch.remove();
});

const rows = (out: string) =>
  out
    .trimEnd()
    .split('\n')
    .map((l) => l.split(/\s{2,}/));

describe('boxctl top', () => {
  it.each([
    ['in a delegated cgroup', true],
    ['without a cgroup', false],
  ])('shows the processes with the pids and users the container sees, %s', async (_, inCgroup) => {
    const name = inCgroup ? 'top-cg' : 'top-nocg';
    await ok(['run', '-d', '--name', name, IMAGE, 'sh', '-c', 'sleep 1000 & wait'], { inCgroup });
    const out = rows(await ok(['top', name]));
    expect(out[0]).toEqual(['USER', 'PID', 'PPID', '%CPU', 'ELAPSED', 'TTY', 'TIME', 'COMMAND']);
    expect(out.slice(1).map((r) => [r[0], r[1], r[2], r[7]])).toEqual([
      ['root', '1', '0', 'sh -c sleep 1000 & wait'],
      ['root', '2', '1', 'sleep 1000'],
    ]);
    expect(out[1]![4]).toMatch(/^[\d.]+(ms|s)$/);
    const host = rows(await ok(['top', name, 'pid,huser', 'hpid']));
    expect(host[0]).toEqual(['PID', 'HUSER', 'HPID']);
    expect(host[1]![1]).toBe(testUser.user);
    expect(Number(host[1]![2])).toBeGreaterThan(1);
  });

  it('names the container user from its /etc/passwd and shows the host uid beside it', async () => {
    await ok(['run', '-d', '--name', 'top-app', '--user', 'app', IMAGE, 'sleep', '1000']);
    const out = rows(await ok(['top', 'top-app', 'user', 'huser', 'group', 'comm']));
    expect(out[1]).toEqual(['app', String(100000 + 999), 'app', 'sleep']);
  });

  it('refuses a stopped container and an unknown descriptor, in one line each', async () => {
    await ok(['create', '--name', 'top-created', IMAGE, 'true']);
    const stopped = await bx(['top', 'top-created']);
    expect(stopped.code).toBe(125);
    expect(stopped.stderr).toMatch(/top can only be used on running containers/);
    const bad = await bx(['top', 'top-cg', 'pid', 'bogus']);
    expect(bad.code).toBe(125);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/unknown descriptor: bogus/);
  });
});

interface Jstat {
  id: string;
  name: string;
  cpu_percent: string;
  mem_usage: string;
  pids: string;
  cpu_time: string;
}

const statsJson = async (name: string, opts: { inCgroup?: boolean } = {}) => JSON.parse(await ok(['stats', '--no-stream', '--format', 'json', name], opts)) as Jstat[];

describe('boxctl stats', () => {
  it.each([
    ['in the delegated cgroup', true],
    ['without a cgroup', false],
  ])('measures a busy loop %s: CPU above zero, memory and pids', async (_, inCgroup) => {
    const name = inCgroup ? 'busy-cg' : 'busy-nocg';
    await ok(['run', '-d', '--name', name, IMAGE, 'sh', '-c', 'while :; do :; done & sleep 1000'], { inCgroup });
    const [s] = await statsJson(name, { inCgroup });
    expect(s!.name).toBe(name);
    expect(s!.id).toHaveLength(12);
    expect(Number.parseFloat(s!.cpu_percent)).toBeGreaterThan(10);
    expect(s!.cpu_percent).toMatch(/^\d+\.\d\d%$/);
    // The loop's subshell and the init (sh execs its last command: sleep).
    expect(Number(s!.pids)).toBe(2);
    expect(s!.mem_usage).toMatch(/^[\d.]+[kMG]?B \/ [\d.]+[kMGT]?B$/);
    expect(s!.cpu_time).toMatch(/s$/);
  });

  it('prints the default table and templates; needs -a for a stopped container', async () => {
    const table = rows(await ok(['stats', '--no-stream', 'busy-cg']));
    expect(table[0]).toEqual(['ID', 'NAME', 'CPU %', 'MEM USAGE / LIMIT', 'MEM %', 'NET IO', 'BLOCK IO', 'PIDS', 'CPU TIME', 'AVG CPU %']);
    expect(table[1]![1]).toBe('busy-cg');
    expect(await ok(['stats', '--no-stream', '--format', '{{.Name}}', 'busy-cg', 'busy-nocg'])).toBe('busy-cg\nbusy-nocg\n');
    const stopped = await bx(['stats', '--no-stream', 'top-created']);
    expect(stopped.code).toBe(125);
    const all = JSON.parse(await ok(['stats', '--no-stream', '-a', '--format', 'json', 'top-created'])) as Jstat[];
    expect(all[0]).toMatchObject({ name: 'top-created', cpu_percent: '--', pids: '--', mem_usage: '-- / --' });
  });

  it('streams reports until the container it was given is gone', async () => {
    await ok(['run', '-d', '--name', 'short', IMAGE, 'sleep', '3']);
    const child = spawn('runuser', ['-u', testUser.user, '--', 'env', '-i', ...userEnv(testUser.user, testUser.uid), process.execPath, join(inject('appDir'), 'dist/boxctl.js'), '--root', root, '--runroot', runroot, 'stats', '--format', '{{.Name}}', 'short'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code).toBe(0);
    expect(out.split('\n').filter((l) => l === 'short').length).toBeGreaterThanOrEqual(2);
  }, 30_000);
});

describe('boxctl port', () => {
  it('prints nothing for a container that publishes no ports, and needs a container or --all', async () => {
    const r = await bx(['port', 'top-cg']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect((await bx(['port', '--all'])).code).toBe(0);
    const none = await bx(['port']);
    expect(none.code).toBe(125);
    expect(none.stderr).toMatch(/name a container/);
  });
});

describe('boxctl system df and prune', () => {
  const d = join(scratch.path, 'd');
  const dx = (args: readonly string[], opts: { inCgroup?: boolean } = {}) => ok(args, { ...opts, root: d });

  it('counts images, containers and volumes, then prune removes what nothing uses', async () => {
    await dx(['pull', '-q', IMAGE]);
    await dx(['pull', '-q', OTHER]);
    await dx(['untag', OTHER]);
    await dx(['volume', 'create', 'kept']);
    await dx(['run', '--name', 'writer', '-v', 'kept:/data', IMAGE, 'sh', '-c', 'head -c 100000 /dev/zero > /data/f; head -c 50000 /dev/zero > /f']);
    await dx(['create', '--name', 'idle', IMAGE, 'true']);
    await dx(['run', '-d', '--name', 'alive', IMAGE, 'sleep', '1000'], { inCgroup: true });

    const summary = JSON.parse(await dx(['system', 'df', '--format', 'json'])) as { Type: string; Total: number; Active: number; Size: number; Reclaimable: number }[];
    expect(summary.map((s) => s.Type)).toEqual(['Images', 'Containers', 'Local Volumes']);
    expect(summary[0]).toMatchObject({ Total: 2, Active: 1 });
    expect(summary[0]!.Reclaimable).toBeGreaterThan(0);
    expect(summary[1]).toMatchObject({ Total: 3, Active: 1 });
    expect(summary[1]!.Size).toBeGreaterThanOrEqual(50000);
    expect(summary[1]!.Reclaimable).toBeGreaterThanOrEqual(50000);
    expect(summary[2]).toMatchObject({ Total: 1, Active: 0 });
    expect(summary[2]!.Size).toBeGreaterThanOrEqual(100000);
    const table = rows(await dx(['system', 'df']));
    expect(table[0]).toEqual(['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE']);
    expect(table[2]!.slice(0, 3)).toEqual(['Containers', '3', '1']);
    const verbose = await dx(['system', 'df', '-v']);
    expect(verbose).toMatch(/Containers space usage:/);
    expect(verbose).toMatch(/\bkept +0 +100kB\n/);

    const refused = await bx(['system', 'prune'], { root: d });
    expect(refused.code).toBe(125);

    const ids = Object.fromEntries(
      (await dx(['ps', '-a', '--no-trunc', '--format', '{{.Names}} {{.ID}}'])).trim().split('\n').map((l) => l.split(' ') as [string, string]),
    );
    const out = await dx(['system', 'prune', '-f']);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('Deleted Containers');
    expect(new Set(lines.slice(1, 3))).toEqual(new Set([ids.writer, ids.idle]));
    expect(lines[3]).toBe('Deleted Images');
    expect(lines[4]).toMatch(/^[0-9a-f]{64}$/);
    expect(lines[5]).toMatch(/^Total reclaimed space: [\d.]+[kM]B$/);
    expect(lines).toHaveLength(6);
    expect(await dx(['ps', '-a', '--format', '{{.Names}}'])).toBe('alive\n');
    expect(await dx(['images', '--format', '{{.Repository}}'])).toBe(`${IMAGE}\n`);
    expect(await dx(['volume', 'ls', '-q'])).toBe('kept\n');

    const volumes = await dx(['system', 'prune', '-f', '--volumes']);
    expect(volumes).toBe('Deleted Volumes\nkept\nTotal reclaimed space: 100kB\n');
    expect(await dx(['images', '-q'])).not.toBe('');

    await dx(['rm', '-f', 'alive']);
    const everything = await dx(['system', 'prune', '-a', '-f']);
    expect(everything).toMatch(/^Deleted Images\n[0-9a-f]{64}\nTotal reclaimed space: /);
    expect(await dx(['images', '-q'])).toBe('');
  }, 120_000);

  it('answers to system info as to info', async () => {
    const r = await bx(['system', 'info', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toBeTypeOf('object');
  });
});
