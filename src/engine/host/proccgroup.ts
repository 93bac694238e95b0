// /proc/<pid>/cgroup: "hierarchy-id:controllers:path" per line. The v2 entry is
// "0::/path"; v1 entries name their controllers. Both at once is the hybrid layout.
import { posix } from 'node:path';

export type CgroupLayout = 'v2' | 'hybrid' | 'v1' | 'none';

export interface ProcCgroup {
  layout: CgroupLayout;
  /** The path in the v2 hierarchy, when there is one. */
  unifiedPath?: string;
  v1: { hierarchy: number; controllers: string[]; path: string }[];
}

export function parseProcCgroup(text: string): ProcCgroup {
  let unifiedPath: string | undefined;
  const v1: ProcCgroup['v1'] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d+):([^:]*):(.*)$/.exec(line.trim());
    if (!m) continue;
    const hierarchy = Number(m[1]);
    const path = m[3]!;
    if (hierarchy === 0 && m[2] === '') unifiedPath = path;
    else v1.push({ hierarchy, controllers: m[2]!.split(',').filter((c) => c !== ''), path });
  }
  const layout: CgroupLayout =
    unifiedPath !== undefined ? (v1.length > 0 ? 'hybrid' : 'v2') : v1.length > 0 ? 'v1' : 'none';
  return unifiedPath === undefined ? { layout, v1 } : { layout, unifiedPath, v1 };
}

/**
 * The directory of a cgroup path under a cgroup2 mount. A mount made inside a
 * cgroup namespace has its own root; paths are relative to it.
 */
export function cgroupDir(mountPoint: string, mountRoot: string, path: string): string {
  let rel = path;
  if (mountRoot !== '/' && (rel === mountRoot || rel.startsWith(`${mountRoot}/`))) rel = rel.slice(mountRoot.length);
  const dir = posix.join(mountPoint, rel);
  return dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir;
}
