// Turning host facts into the verdicts `boxctl info` prints: for each item a status,
// a one-line detail, and for anything missing or broken the exact fix and whether it
// needs root. Pure, so every branch is unit-tested without a kernel.
import { defaultIdMap, formatIdMap } from '../host/idmap.js';
import { fsTypeProblem } from '../host/fstype.js';
import { totalIds, type IdRange } from '../host/subid.js';
import type { HostFacts, IdHelperFacts } from './facts.js';

export type CheckStatus = 'ok' | 'warn' | 'error';

export interface Fix {
  command: string;
  root: boolean;
}

export interface Check {
  id: string;
  title: string;
  status: CheckStatus;
  detail: string;
  fixes: Fix[];
}

export type OverlayDriver = 'native' | 'fuse-overlayfs' | 'none';

export const WANTED_CONTROLLERS = ['cpu', 'memory', 'pids'] as const;

function check(id: string, title: string, status: CheckStatus, detail: string, fixes: Fix[] = []): Check {
  return { id, title, status, detail, fixes };
}

function describeRanges(ranges: readonly IdRange[]): string {
  return ranges.map((r) => `${r.start}-${r.start + r.count - 1}`).join(', ') + ` (${totalIds(ranges)} ids)`;
}

function checkKernel(f: HostFacts): Check {
  const [major = 0, minor = 0] = f.kernel.split('.').map((n) => parseInt(n, 10));
  const detail = `${f.kernel} on ${f.distribution}, ${f.arch}`;
  if (major < 5 || (major === 5 && minor < 11)) {
    return check('kernel', 'kernel', 'warn', `${detail}: older than 5.11, so no overlay in a user namespace`, [
      { command: 'upgrade to a kernel 5.11 or newer, or install fuse-overlayfs', root: true },
    ]);
  }
  return check('kernel', 'kernel', 'ok', detail);
}

function checkSubids(f: HostFacts): Check {
  const { name } = f.user;
  const range = `${f.freeRange.start}-${f.freeRange.start + f.freeRange.count - 1}`;
  const missing = [f.subuid.length === 0 ? 'uid' : '', f.subgid.length === 0 ? 'gid' : ''].filter(Boolean);
  if (missing.length > 0) {
    const flags = [
      f.subuid.length === 0 ? `--add-subuids ${range}` : '',
      f.subgid.length === 0 ? `--add-subgids ${range}` : '',
    ].filter(Boolean);
    return check(
      'subids',
      'subordinate ids',
      'warn',
      `no subordinate ${missing.join(' or ')} range for ${name} in /etc/sub${missing[0]}: boxctl runs in single-id mode, ` +
        'where only your own id exists in a container, files an image gives to other users become yours, and chown or setuid inside fail',
      [{ command: `sudo usermod ${flags.join(' ')} ${name}`, root: true }],
    );
  }
  return check('subids', 'subordinate ids', 'ok', `${name}: uids ${describeRanges(f.subuid)}; gids ${describeRanges(f.subgid)}`);
}

function checkIdHelper(f: HostFacts, which: 'newuidmap' | 'newgidmap', facts: IdHelperFacts): Check {
  const needed = f.subuid.length > 0 && f.subgid.length > 0;
  const notNeeded = needed ? 'error' : 'warn';
  if (!facts.path) {
    return check(which, which, notNeeded, `${which} not found${needed ? '' : ' (only needed with subordinate ids)'}`, [
      { command: 'sudo apt-get install -y uidmap', root: true },
    ]);
  }
  if (facts.setuidRoot) return check(which, which, 'ok', `${facts.path} (setuid root)`);
  if (facts.fileCaps) return check(which, which, 'ok', `${facts.path} (file capabilities)`);
  const cap = which === 'newuidmap' ? 'cap_setuid' : 'cap_setgid';
  return check(which, which, notNeeded, `${facts.path} is neither setuid root nor has ${cap}, so it cannot write id maps`, [
    { command: `sudo setcap ${cap}+ep ${facts.path}`, root: true },
  ]);
}

function usernsFixes(sysctls: Record<string, string>): Fix[] {
  const fixes: Fix[] = [];
  if (sysctls['kernel.unprivileged_userns_clone'] === '0') {
    fixes.push({ command: 'sudo sysctl -w kernel.unprivileged_userns_clone=1', root: true });
  }
  if (sysctls['user.max_user_namespaces'] === '0') {
    fixes.push({ command: 'sudo sysctl -w user.max_user_namespaces=28633', root: true });
  }
  if (sysctls['kernel.apparmor_restrict_unprivileged_userns'] === '1') {
    fixes.push({ command: 'sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0', root: true });
  }
  if (fixes.length === 0) {
    fixes.push({ command: 'check that the kernel has CONFIG_USER_NS and that no security module blocks user namespaces', root: true });
  }
  return fixes;
}

function checkUserns(f: HostFacts): Check {
  if (!f.userns.ok) {
    return check('userns', 'user namespaces', 'error', `not allowed for ${f.user.name}: ${f.userns.error}`, usernsFixes(f.usernsSysctls));
  }
  if (!f.idmap) {
    return check('userns', 'user namespaces', 'ok', `allowed; single-id mapping ${f.userns.uidMap}`);
  }
  if (!f.idmap.ok) {
    const wanted = formatIdMap(defaultIdMap(f.user.uid, f.subuid));
    return check(
      'userns',
      'user namespaces',
      'error',
      `allowed, but the mapping ${wanted} failed: ${f.idmap.error}`,
      [{ command: `check the ${f.user.name} lines of /etc/subuid and /etc/subgid and that newuidmap/newgidmap are setuid root`, root: true }],
    );
  }
  return check('userns', 'user namespaces', 'ok', `allowed; mapping uids ${f.idmap.uidMap}, gids ${f.idmap.gidMap}`);
}

export function overlayDriver(f: HostFacts): OverlayDriver {
  if ('ok' in f.overlay) return 'none';
  if (f.overlay.kernel.ok) return 'native';
  return f.overlay.fuse.ok ? 'fuse-overlayfs' : 'none';
}

function checkOverlay(f: HostFacts): Check {
  if ('ok' in f.overlay) {
    return check('overlay', 'overlay', 'error', `could not be probed: ${f.overlay.error}`, []);
  }
  const driver = overlayDriver(f);
  if (driver === 'native') return check('overlay', 'overlay', 'ok', 'native (kernel overlay inside a user namespace)');
  if (driver === 'fuse-overlayfs') {
    return check('overlay', 'overlay', 'ok', `fuse-overlayfs (the kernel overlay failed: ${f.overlay.kernel.error ?? 'unknown'})`);
  }
  return check(
    'overlay',
    'overlay',
    'warn',
    `none: containers get a full copy of their image (slower, more disk); kernel: ${f.overlay.kernel.error ?? 'failed'}; fuse-overlayfs: ${f.overlay.fuse.error ?? 'failed'}`,
    [
      { command: 'sudo apt-get install -y fuse-overlayfs', root: true },
      { command: 'sudo chmod 666 /dev/fuse', root: true },
    ],
  );
}

function checkCgroup(f: HostFacts): Check {
  const cg = f.cgroup;
  if (!cg.mount || cg.path === undefined || !cg.dir) {
    return check('cgroup', 'cgroup v2', 'warn', 'no cgroup v2 hierarchy: --memory, --cpus, --pids-limit, pause and stats are unavailable', [
      { command: 'boot with systemd.unified_cgroup_hierarchy=1 on the kernel command line', root: true },
    ]);
  }
  const where = `${cg.dir} (${cg.layout} layout)`;
  if (!cg.writable) {
    return check(
      'cgroup',
      'cgroup v2',
      'warn',
      `${where} is not delegated to ${f.user.name}: --memory, --cpus, --pids-limit, pause and stats are unavailable`,
      [
        { command: 'systemd-run --user --scope -p Delegate=yes boxctl ...', root: false },
        {
          command: `sudo mkdir ${cg.mount}/${f.user.name} && sudo chown -R ${f.user.name}: ${cg.mount}/${f.user.name} && echo $$ | sudo tee ${cg.mount}/${f.user.name}/cgroup.procs`,
          root: true,
        },
      ],
    );
  }
  const missing = WANTED_CONTROLLERS.filter((c) => !cg.controllers.includes(c));
  const offered = cg.controllers.length > 0 ? cg.controllers.join(' ') : 'none';
  if (missing.length > 0) {
    const flags = { cpu: '--cpus', memory: '--memory', pids: '--pids-limit' } as const;
    const inV1 = missing.filter((c) => cg.v1Controllers.includes(c));
    const parent = cg.dir === cg.mount ? cg.mount : cg.dir.slice(0, cg.dir.lastIndexOf('/'));
    const fix: Fix =
      inV1.length > 0
        ? { command: 'boot with systemd.unified_cgroup_hierarchy=1 on the kernel command line (cgroup v2 only)', root: true }
        : { command: `echo '${missing.map((c) => `+${c}`).join(' ')}' | sudo tee ${parent}/cgroup.subtree_control`, root: true };
    const why = inV1.length > 0 ? ` (${inV1.join(', ')} held by cgroup v1)` : '';
    return check(
      'cgroup',
      'cgroup v2',
      'warn',
      `${where}, delegated; controllers: ${offered}; missing ${missing.join(', ')}${why}, so ${missing
        .map((c) => flags[c])
        .join(', ')} will be refused`,
      [fix],
    );
  }
  return check('cgroup', 'cgroup v2', 'ok', `${where}, delegated; controllers: ${offered}`);
}

function checkNetwork(f: HostFacts): Check {
  const n = f.network;
  const found = [
    n.pasta ? `pasta (version ${n.pasta.version})` : '',
    n.slirp4netns ? `slirp4netns (version ${n.slirp4netns.version})` : '',
  ].filter(Boolean);
  if (found.length === 0) {
    return check('network', 'network', 'warn', 'neither pasta nor slirp4netns found: containers get only --network none or host', [
      { command: 'sudo apt-get install -y passt slirp4netns', root: true },
    ]);
  }
  if (!n.tunUsable) {
    return check('network', 'network', 'warn', `${found.join(', ')}; but /dev/net/tun is not usable by ${f.user.name}`, [
      { command: 'sudo chmod 666 /dev/net/tun', root: true },
    ]);
  }
  return check('network', 'network', 'ok', `${found.join(', ')}; /dev/net/tun usable`);
}

function checkStorage(f: HostFacts): Check {
  const s = f.store;
  const detail = `root ${s.root} (${s.rootFs}), runroot ${s.runroot} (${s.runrootFs})`;
  if (s.runrootProblem) {
    return check('storage', 'storage', 'error', `${detail}: ${s.runrootProblem}`, [
      { command: `remove ${s.runroot} or point --runroot (BOXCTL_RUNROOT) at a dir of your own`, root: false },
    ]);
  }
  const problem = fsTypeProblem(s.rootFs);
  if (problem) {
    return check('storage', 'storage', 'warn', `${detail}: ${problem}`, [
      { command: 'use --root (or BOXCTL_ROOT) on a local filesystem such as ext4, xfs or btrfs', root: false },
    ]);
  }
  return check('storage', 'storage', 'ok', detail);
}

function checkRuntimeDir(f: HostFacts): Check {
  const r = f.runtimeDir;
  const login = `log in as ${f.user.name} directly (ssh, a console, or 'machinectl shell ${f.user.name}@') so that systemd-logind creates /run/user/${f.user.uid}`;
  switch (r.state) {
    case 'ok':
      return check('runtimedir', 'XDG_RUNTIME_DIR', 'ok', `${r.value}`);
    case 'unset':
      return check('runtimedir', 'XDG_RUNTIME_DIR', 'warn', `not set; runtime files go to ${f.store.runroot}, which is not cleaned at logout`, [
        { command: login, root: false },
      ]);
    case 'foreign':
      return check(
        'runtimedir',
        'XDG_RUNTIME_DIR',
        'error',
        `${r.value} belongs to uid ${r.ownerUid ?? '?'}, not ${f.user.name} (left over from su or sudo); boxctl ignores it`,
        [
          { command: 'unset XDG_RUNTIME_DIR', root: false },
          { command: login, root: false },
        ],
      );
    case 'missing':
    case 'not-a-directory':
      return check('runtimedir', 'XDG_RUNTIME_DIR', 'error', `${r.value} is not an existing directory; boxctl ignores it`, [
        { command: 'unset XDG_RUNTIME_DIR', root: false },
        { command: login, root: false },
      ]);
    case 'open-mode':
      return check('runtimedir', 'XDG_RUNTIME_DIR', 'warn', `${r.value} is readable by other users`, [
        { command: `chmod 700 ${r.value}`, root: false },
      ]);
  }
}

export function evaluate(f: HostFacts): Check[] {
  return [
    checkKernel(f),
    checkSubids(f),
    checkIdHelper(f, 'newuidmap', f.newuidmap),
    checkIdHelper(f, 'newgidmap', f.newgidmap),
    checkUserns(f),
    checkOverlay(f),
    checkCgroup(f),
    checkNetwork(f),
    checkStorage(f),
    checkRuntimeDir(f),
  ];
}
