// What `boxctl info` reads off the host. Gathering (gather.ts) is all side effects;
// judging (checks.ts) is a pure function of these facts.
import type { CgroupLayout } from '../host/proccgroup.js';
import type { IdRange } from '../host/subid.js';
import type { RuntimeDirState } from '../host/runtimedir.js';

export interface ProbeFailure {
  ok: false;
  errno: number;
  error: string;
}

export interface IdHelperFacts {
  path?: string;
  setuidRoot: boolean;
  fileCaps: boolean;
}

export interface HostFacts {
  kernel: string;
  arch: string;
  distribution: string;
  user: { name: string; uid: number; gid: number };
  subuid: IdRange[];
  subgid: IdRange[];
  /** A free range to suggest when the user has none. */
  freeRange: IdRange;
  newuidmap: IdHelperFacts;
  newgidmap: IdHelperFacts;
  /** A user namespace with the user's own id only (no helper involved). */
  userns: { ok: true; uidMap: string; gidMap: string } | ProbeFailure;
  /** The full mapping through newuidmap/newgidmap; absent without subordinate ids. */
  idmap?: { ok: true; uidMap: string; gidMap: string } | ProbeFailure;
  usernsSysctls: Record<string, string>;
  overlay:
    | { kernel: { ok: boolean; error?: string }; fuse: { ok: boolean; error?: string } }
    | ProbeFailure;
  cgroup: {
    layout: CgroupLayout;
    mount?: string;
    path?: string;
    dir?: string;
    writable: boolean;
    controllers: string[];
    /** Controllers bound to v1 hierarchies (hybrid hosts): v2 cannot have them. */
    v1Controllers: string[];
  };
  network: {
    pasta?: { path: string; version: string };
    slirp4netns?: { path: string; version: string };
    tunUsable: boolean;
  };
  store: { root: string; runroot: string; config: string; rootFs: string; runrootFs: string; runrootProblem?: string };
  runtimeDir: { value?: string; state: RuntimeDirState; ownerUid?: number };
}
