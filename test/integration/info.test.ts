import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';

import type { InfoReport } from '../../src/engine/info/report.js';
import { boxctl, host, nosubUser, testUser, userTempDir } from './harness.js';

function subidLine(file: string, user: string): { start: number; count: number } {
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${user}:`));
  if (!line) throw new Error(`${user} has no line in ${file}`);
  const [, start, count] = line.split(':');
  return { start: Number(start), count: Number(count) };
}

function check(report: InfoReport, id: string) {
  const c = report.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id} in ${JSON.stringify(report.checks)}`);
  return c;
}

async function infoJson(args: string[], opts: Parameters<typeof boxctl>[1]): Promise<InfoReport> {
  const r = await boxctl(['info', '--format', 'json', ...args], opts);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as InfoReport;
}

describe('boxctl info as the test user, in its delegated cgroup', () => {
  const home = `/home/${host.user}`;
  afterAll(() => rmSync(`${home}/.local/share/boxctl`, { recursive: true, force: true }));

  it('reports every item with the values of this host', async () => {
    const report = await infoJson([], { ...testUser, inCgroup: true });
    const subuid = subidLine('/etc/subuid', host.user);
    const subgid = subidLine('/etc/subgid', host.user);

    expect(report.host.kernel).toBe(readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim());
    expect(report.host.distribution).toMatch(/Debian|Ubuntu/);
    expect(report.user).toMatchObject({ name: host.user, uid: host.uid, subuid: [subuid], subgid: [subgid], idMode: 'subordinate' });

    // The full mapping was applied through newuidmap and read back from inside.
    expect(report.userns).toEqual({
      allowed: true,
      mappingApplied: true,
      uidMap: `0:${host.uid}:1,1:${subuid.start}:${subuid.count}`,
      gidMap: `0:${host.uid}:1,1:${subgid.start}:${subgid.count}`,
    });
    expect(report.idmapHelpers.newuidmap).toMatchObject({ path: '/usr/bin/newuidmap', setuidRoot: true });
    expect(report.idmapHelpers.newgidmap).toMatchObject({ path: '/usr/bin/newgidmap', setuidRoot: true });

    expect(report.overlay).toEqual({ driver: 'native' });

    expect(report.cgroup).toMatchObject({ mount: host.cgroup2Mount, dir: host.cgroup, writable: true });
    expect(report.cgroup.controllers).toEqual(
      readFileSync(`${host.cgroup}/cgroup.controllers`, 'utf8').trim().split(/\s+/).filter(Boolean),
    );

    expect(report.network.pasta?.path).toBe('/usr/bin/pasta');
    expect(report.network.slirp4netns?.version).toMatch(/^\d+\.\d+/);
    expect(report.network.tunUsable).toBe(true);

    expect(report.store).toMatchObject({
      root: `${home}/.local/share/boxctl`,
      runroot: `/run/user/${host.uid}/boxctl`,
      config: `${home}/.config/boxctl`,
    });
    expect(report.store.rootFs).not.toBe('unknown');
    expect(report.runtimeDir).toEqual({ value: `/run/user/${host.uid}`, state: 'ok', ownerUid: host.uid });

    for (const id of ['subids', 'newuidmap', 'newgidmap', 'userns', 'overlay', 'network', 'storage', 'runtimedir']) {
      expect(check(report, id).status, id).toBe('ok');
    }
    // Delegated; on a hybrid host the resource controllers stay with cgroup v1.
    expect(check(report, 'cgroup').detail).toContain('delegated');
    // The overlay probe cleaned up after itself, even the mode-000 work dir.
    expect(readdirEmpty(`${home}/.local/share/boxctl/tmp`)).toBe(true);
    const st = statSync(`${home}/.local/share/boxctl`);
    expect([st.uid, st.mode & 0o777]).toEqual([host.uid, 0o700]);
  });

  it('prints one plain line per check, with no escape codes off a terminal', async () => {
    const r = await boxctl(['info'], { ...testUser, inCgroup: true });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\x1b/);
    expect(r.stdout).toMatch(/^ok {4}user namespaces +allowed; mapping uids 0:\d+:1,1:\d+:\d+/m);
    expect(r.stdout).toMatch(/^ok {4}overlay +native/m);
    expect(r.stdout.trim().split('\n').filter((l) => /^(ok|warn|FAIL) /.test(l))).toHaveLength(10);
  });
});

function readdirEmpty(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

describe('boxctl info as a user with no subordinate ids and no delegated cgroup', () => {
  const store = userTempDir(nosubUser.uid);
  afterAll(() => store.remove());

  it('reports single-id mode and the missing delegation, each with its fix', async () => {
    const report = await infoJson(['--root', `${store.path}/root`, '--runroot', `${store.path}/run`], nosubUser);
    expect(report.user).toMatchObject({ subuid: [], subgid: [], idMode: 'single-id' });
    expect(report.user.uidMap).toEqual([{ containerId: 0, hostId: nosubUser.uid, size: 1 }]);
    expect(report.userns).toMatchObject({ allowed: true, uidMap: `0:${nosubUser.uid}:1` });

    const subids = check(report, 'subids');
    expect(subids.status).toBe('warn');
    expect(subids.detail).toMatch(/single-id mode/);
    expect(subids.fixes).toEqual([
      { command: expect.stringMatching(new RegExp(`^sudo usermod --add-subuids \\d+-\\d+ --add-subgids \\d+-\\d+ ${host.nosubUser}$`)), root: true },
    ]);

    const cg = check(report, 'cgroup');
    expect(report.cgroup.writable).toBe(false);
    expect(cg.status).toBe('warn');
    expect(cg.detail).toMatch(new RegExp(`not delegated to ${host.nosubUser}`));
    expect(cg.fixes.map((f) => f.root)).toEqual([false, true]);

    // newuidmap is not needed without subordinate ids, so it is no error.
    expect(check(report, 'newuidmap').status).toBe('ok');
    expect(report.overlay.driver).toBe('native');
  });

  it('suggests a usermod range that overlaps nobody', async () => {
    const report = await infoJson(['--root', `${store.path}/root`, '--runroot', `${store.path}/run`], nosubUser);
    const [, from] = /--add-subuids (\d+)-/.exec(check(report, 'subids').fixes[0]!.command)!;
    const ranges = readFileSync('/etc/subuid', 'utf8').split('\n').filter(Boolean).map((l) => l.split(':').map(Number));
    for (const [, start, count] of ranges) expect(Number(from) >= start! + count! || Number(from) + 65536 <= start!).toBe(true);
  });
});

describe('boxctl info and XDG_RUNTIME_DIR', () => {
  it('ignores a runtime dir left over from su and falls back to a private dir in /tmp', async () => {
    const fallback = `/tmp/boxctl-${testUser.uid}`;
    rmSync(fallback, { recursive: true, force: true });
    // What `su` leaves behind: root's own runtime dir (logind is absent here).
    const madeRootRun = !existsSync('/run/user/0');
    if (madeRootRun) mkdirSync('/run/user/0', { mode: 0o700, recursive: true });
    const store = userTempDir(testUser.uid);
    try {
      const report = await infoJson(['--root', store.path], { ...testUser, env: { XDG_RUNTIME_DIR: '/run/user/0' } });
      const c = check(report, 'runtimedir');
      expect(c.status).toBe('error');
      expect(c.detail).toBe('/run/user/0 belongs to uid 0, not boxtest (left over from su or sudo); boxctl ignores it'.replace('boxtest', host.user));
      expect(c.fixes[0]).toEqual({ command: 'unset XDG_RUNTIME_DIR', root: false });
      expect(report.store.runroot).toBe(fallback);
      const st = statSync(fallback);
      expect([st.uid, st.mode & 0o777]).toEqual([testUser.uid, 0o700]);
    } finally {
      store.remove();
      rmSync(fallback, { recursive: true, force: true });
      if (madeRootRun) rmSync('/run/user/0', { recursive: true, force: true });
    }
  });

  it('warns when XDG_RUNTIME_DIR is unset', async () => {
    const store = userTempDir(testUser.uid);
    try {
      const report = await infoJson(['--root', store.path, '--runroot', `${store.path}/run`], {
        ...testUser,
        env: { XDG_RUNTIME_DIR: undefined },
      });
      expect(check(report, 'runtimedir')).toMatchObject({ status: 'warn', detail: expect.stringMatching(/^not set/) });
    } finally {
      store.remove();
    }
  });

  it('refuses a fallback runtime dir that another user planted in /tmp', async () => {
    const planted = `/tmp/boxctl-${nosubUser.uid}`;
    rmSync(planted, { recursive: true, force: true });
    mkdirSync(planted, { mode: 0o777 });
    const store = userTempDir(nosubUser.uid);
    try {
      const report = await infoJson(['--root', store.path], { ...nosubUser, env: { XDG_RUNTIME_DIR: undefined } });
      const c = check(report, 'storage');
      expect(c.status).toBe('error');
      expect(c.detail).toContain(`${planted} belongs to uid 0, not to you`);
      expect(statSync(planted).uid).toBe(0);
    } finally {
      store.remove();
      rmSync(planted, { recursive: true, force: true });
    }
  });
});
