import { describe, expect, it } from 'vitest';

import { evaluate, overlayDriver, type Check } from '../../src/engine/info/checks.js';
import type { HostFacts } from '../../src/engine/info/facts.js';
import { buildReport } from '../../src/engine/info/report.js';
import { renderInfo } from '../../src/cli/render/info.js';

function healthy(): HostFacts {
  return {
    kernel: '6.18.44',
    arch: 'amd64',
    distribution: 'Debian GNU/Linux 12 (bookworm)',
    user: { name: 'boxtest', uid: 1001, gid: 1001 },
    subuid: [{ start: 100000, count: 65536 }],
    subgid: [{ start: 100000, count: 65536 }],
    freeRange: { start: 165536, count: 65536 },
    newuidmap: { path: '/usr/bin/newuidmap', setuidRoot: true, fileCaps: false },
    newgidmap: { path: '/usr/bin/newgidmap', setuidRoot: true, fileCaps: false },
    userns: { ok: true, uidMap: '0:1001:1', gidMap: '0:1001:1' },
    idmap: { ok: true, uidMap: '0:1001:1,1:100000:65536', gidMap: '0:1001:1,1:100000:65536' },
    usernsSysctls: {},
    overlay: { kernel: { ok: true }, fuse: { ok: true } },
    cgroup: {
      layout: 'v2',
      mount: '/sys/fs/cgroup',
      path: '/user.slice/u',
      dir: '/sys/fs/cgroup/user.slice/u',
      writable: true,
      controllers: ['cpu', 'memory', 'pids'],
      v1Controllers: [],
    },
    network: { pasta: { path: '/usr/bin/pasta', version: 'unknown' }, tunUsable: true },
    store: { root: '/home/b/.local/share/boxctl', runroot: '/run/user/1001/boxctl', config: '/home/b/.config/boxctl', rootFs: 'ext4', runrootFs: 'tmpfs' },
    runtimeDir: { value: '/run/user/1001', state: 'ok', ownerUid: 1001 },
  };
}

function byId(checks: Check[], id: string): Check {
  const c = checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
}

describe('info verdicts', () => {
  it('passes a healthy host with no fixes', () => {
    const checks = evaluate(healthy());
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['kernel', 'ok'],
      ['subids', 'ok'],
      ['newuidmap', 'ok'],
      ['newgidmap', 'ok'],
      ['userns', 'ok'],
      ['overlay', 'ok'],
      ['cgroup', 'ok'],
      ['network', 'ok'],
      ['storage', 'ok'],
      ['runtimedir', 'ok'],
    ]);
    expect(checks.every((c) => c.fixes.length === 0)).toBe(true);
    expect(byId(checks, 'userns').detail).toContain('0:1001:1,1:100000:65536');
  });

  it('explains single-id mode and gives the usermod fix', () => {
    const f = { ...healthy(), subuid: [], subgid: [] };
    delete f.idmap;
    const c = byId(evaluate(f), 'subids');
    expect(c.status).toBe('warn');
    expect(c.detail).toMatch(/single-id mode/);
    expect(c.fixes).toEqual([{ command: 'sudo usermod --add-subuids 165536-231071 --add-subgids 165536-231071 boxtest', root: true }]);
    expect(buildReport(f).user.idMode).toBe('single-id');
    expect(buildReport(f).user.uidMap).toEqual([{ containerId: 0, hostId: 1001, size: 1 }]);
  });

  it('asks only for the missing half when one file has a range', () => {
    const c = byId(evaluate({ ...healthy(), subgid: [] }), 'subids');
    expect(c.fixes[0]!.command).toBe('sudo usermod --add-subgids 165536-231071 boxtest');
  });

  it('wants uidmap installed, or the setuid bit or capability restored', () => {
    const missing = byId(evaluate({ ...healthy(), newuidmap: { setuidRoot: false, fileCaps: false } }), 'newuidmap');
    expect(missing.status).toBe('error');
    expect(missing.fixes[0]!.command).toBe('sudo apt-get install -y uidmap');
    const plain = { path: '/usr/bin/newgidmap', setuidRoot: false, fileCaps: false };
    const c = byId(evaluate({ ...healthy(), newgidmap: plain }), 'newgidmap');
    expect(c.fixes[0]!.command).toBe('sudo setcap cap_setgid+ep /usr/bin/newgidmap');
    const caps = byId(evaluate({ ...healthy(), newgidmap: { ...plain, fileCaps: true } }), 'newgidmap');
    expect(caps.status).toBe('ok');
  });

  it('names the sysctl that blocks user namespaces', () => {
    const f: HostFacts = {
      ...healthy(),
      userns: { ok: false, errno: 1, error: 'unshare a user namespace: Operation not permitted' },
      usernsSysctls: { 'kernel.apparmor_restrict_unprivileged_userns': '1', 'kernel.unprivileged_userns_clone': '0' },
    };
    const c = byId(evaluate(f), 'userns');
    expect(c.status).toBe('error');
    expect(c.fixes.map((x) => x.command)).toEqual([
      'sudo sysctl -w kernel.unprivileged_userns_clone=1',
      'sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0',
    ]);
  });

  it('reports a mapping that newuidmap refused', () => {
    const f: HostFacts = { ...healthy(), idmap: { ok: false, errno: 0, error: 'newuidmap failed: write to uid_map failed' } };
    const c = byId(evaluate(f), 'userns');
    expect(c.status).toBe('error');
    expect(c.detail).toContain('0:1001:1,1:100000:65536 failed: newuidmap failed');
  });

  it('picks the overlay driver and explains the copy fallback', () => {
    expect(overlayDriver(healthy())).toBe('native');
    const fuse: HostFacts = { ...healthy(), overlay: { kernel: { ok: false, error: 'EPERM' }, fuse: { ok: true } } };
    expect(overlayDriver(fuse)).toBe('fuse-overlayfs');
    expect(byId(evaluate(fuse), 'overlay').status).toBe('ok');
    const none: HostFacts = { ...healthy(), overlay: { kernel: { ok: false, error: 'EPERM' }, fuse: { ok: false, error: 'no fuse' } } };
    const c = byId(evaluate(none), 'overlay');
    expect(overlayDriver(none)).toBe('none');
    expect(c.status).toBe('warn');
    expect(c.fixes.map((x) => x.command)).toEqual(['sudo apt-get install -y fuse-overlayfs', 'sudo chmod 666 /dev/fuse']);
  });

  it('tells how to delegate a cgroup that is not writable', () => {
    const f: HostFacts = { ...healthy(), cgroup: { ...healthy().cgroup, writable: false } };
    const c = byId(evaluate(f), 'cgroup');
    expect(c.status).toBe('warn');
    expect(c.detail).toMatch(/not delegated to boxtest/);
    expect(c.fixes[0]).toEqual({ command: 'systemd-run --user --scope -p Delegate=yes boxctl ...', root: false });
    expect(c.fixes[1]!.root).toBe(true);
  });

  it('names missing controllers and where to enable them', () => {
    const f: HostFacts = { ...healthy(), cgroup: { ...healthy().cgroup, controllers: ['cpu'] } };
    const c = byId(evaluate(f), 'cgroup');
    expect(c.detail).toMatch(/missing memory, pids, so --memory, --pids-limit will be refused/);
    expect(c.fixes[0]!.command).toBe("echo '+memory +pids' | sudo tee /sys/fs/cgroup/user.slice/cgroup.subtree_control");
  });

  it('blames cgroup v1 for controllers a hybrid host keeps there', () => {
    const f: HostFacts = {
      ...healthy(),
      cgroup: { ...healthy().cgroup, layout: 'hybrid', controllers: ['hugetlb'], v1Controllers: ['cpu', 'memory', 'pids'] },
    };
    const c = byId(evaluate(f), 'cgroup');
    expect(c.detail).toMatch(/held by cgroup v1/);
    expect(c.fixes[0]!.command).toMatch(/systemd.unified_cgroup_hierarchy=1/);
  });

  it('warns without cgroup v2 at all', () => {
    const f: HostFacts = { ...healthy(), cgroup: { layout: 'v1', writable: false, controllers: [], v1Controllers: ['memory'] } };
    expect(byId(evaluate(f), 'cgroup').detail).toMatch(/no cgroup v2 hierarchy/);
  });

  it('needs a network helper and a usable /dev/net/tun', () => {
    expect(byId(evaluate({ ...healthy(), network: { tunUsable: true } }), 'network').fixes[0]!.command).toBe(
      'sudo apt-get install -y passt slirp4netns',
    );
    const tun = byId(evaluate({ ...healthy(), network: { ...healthy().network, tunUsable: false } }), 'network');
    expect(tun.fixes[0]!.command).toBe('sudo chmod 666 /dev/net/tun');
  });

  it('warns about a store on NFS and refuses a planted runroot', () => {
    const nfs = byId(evaluate({ ...healthy(), store: { ...healthy().store, rootFs: 'nfs' } }), 'storage');
    expect(nfs.status).toBe('warn');
    expect(nfs.detail).toMatch(/NFS/);
    const planted = { ...healthy().store, runroot: '/tmp/boxctl-1001', runrootProblem: '/tmp/boxctl-1001 belongs to uid 0, not to you' };
    const c = byId(evaluate({ ...healthy(), store: planted }), 'storage');
    expect(c.status).toBe('error');
    expect(c.detail).toContain('belongs to uid 0');
  });

  it('catches an XDG_RUNTIME_DIR left over from su', () => {
    const f: HostFacts = { ...healthy(), runtimeDir: { value: '/run/user/0', state: 'foreign', ownerUid: 0 } };
    const c = byId(evaluate(f), 'runtimedir');
    expect(c.status).toBe('error');
    expect(c.detail).toMatch(/belongs to uid 0/);
    expect(c.fixes[0]).toEqual({ command: 'unset XDG_RUNTIME_DIR', root: false });
    expect(byId(evaluate({ ...healthy(), runtimeDir: { state: 'unset' } }), 'runtimedir').status).toBe('warn');
  });

  it('warns on kernels without overlay in user namespaces', () => {
    expect(byId(evaluate({ ...healthy(), kernel: '5.10.0-23-amd64' }), 'kernel').status).toBe('warn');
  });
});

describe('info report and rendering', () => {
  it('sums up the worst status', () => {
    expect(buildReport(healthy()).status).toBe('ok');
    expect(buildReport({ ...healthy(), runtimeDir: { state: 'unset' } }).status).toBe('warn');
    expect(buildReport({ ...healthy(), newuidmap: { setuidRoot: false, fileCaps: false } }).status).toBe('error');
  });

  it('renders plain text without escape codes, fixes under their check', () => {
    const text = renderInfo(buildReport({ ...healthy(), subuid: [], subgid: [] }), false);
    expect(text).not.toMatch(/\x1b/);
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('warn  subordinate ids'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^\s+fix \(needs root\): sudo usermod/);
    expect(text).toMatch(/1 check needs attention/);
  });

  it('colours the status only when asked', () => {
    expect(renderInfo(buildReport(healthy()), true)).toContain('\x1b[32mok');
    expect(renderInfo(buildReport(healthy()), false)).toMatch(/every check passed/);
  });
});
