// The shape of `boxctl info --format json`: the facts, grouped as a user reads them,
// and the verdicts. This is a public contract for scripts; add fields, never rename.
import { defaultIdMap, type IdMapEntry } from '../host/idmap.js';
import type { IdRange } from '../host/subid.js';
import { evaluate, overlayDriver, type Check, type OverlayDriver } from './checks.js';
import type { HostFacts, IdHelperFacts } from './facts.js';

export interface InfoReport {
  host: { kernel: string; arch: string; distribution: string };
  user: {
    name: string;
    uid: number;
    gid: number;
    subuid: IdRange[];
    subgid: IdRange[];
    /** 'single-id' when the user has no subordinate range: ownership is squashed. */
    idMode: 'subordinate' | 'single-id';
    uidMap: IdMapEntry[];
    gidMap: IdMapEntry[];
  };
  idmapHelpers: { newuidmap: IdHelperFacts; newgidmap: IdHelperFacts };
  userns: { allowed: boolean; mappingApplied: boolean; uidMap?: string; gidMap?: string; error?: string };
  overlay: { driver: OverlayDriver; kernelError?: string; fuseError?: string };
  cgroup: HostFacts['cgroup'];
  network: HostFacts['network'];
  store: HostFacts['store'];
  runtimeDir: HostFacts['runtimeDir'];
  checks: Check[];
  /** The worst status among the checks. */
  status: Check['status'];
}

export function buildReport(f: HostFacts): InfoReport {
  const checks = evaluate(f);
  const subordinate = f.subuid.length > 0 && f.subgid.length > 0;
  const mapped = f.idmap ?? f.userns;
  const overlay: InfoReport['overlay'] = { driver: overlayDriver(f) };
  if ('ok' in f.overlay) overlay.kernelError = f.overlay.error;
  else {
    if (f.overlay.kernel.error) overlay.kernelError = f.overlay.kernel.error;
    if (f.overlay.fuse.error) overlay.fuseError = f.overlay.fuse.error;
  }
  const userns: InfoReport['userns'] = { allowed: f.userns.ok, mappingApplied: mapped.ok };
  if (mapped.ok) {
    userns.uidMap = mapped.uidMap;
    userns.gidMap = mapped.gidMap;
  } else userns.error = mapped.error;
  return {
    host: { kernel: f.kernel, arch: f.arch, distribution: f.distribution },
    user: {
      ...f.user,
      subuid: f.subuid,
      subgid: f.subgid,
      idMode: subordinate ? 'subordinate' : 'single-id',
      uidMap: defaultIdMap(f.user.uid, subordinate ? f.subuid : []),
      gidMap: defaultIdMap(f.user.gid, subordinate ? f.subgid : []),
    },
    idmapHelpers: { newuidmap: f.newuidmap, newgidmap: f.newgidmap },
    userns,
    overlay,
    cgroup: f.cgroup,
    network: f.network,
    store: f.store,
    runtimeDir: f.runtimeDir,
    checks,
    status: checks.some((c) => c.status === 'error') ? 'error' : checks.some((c) => c.status === 'warn') ? 'warn' : 'ok',
  };
}
