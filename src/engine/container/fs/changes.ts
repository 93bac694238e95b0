// What `diff` reports: the container's upper dir against the image's layers, as
// containers/storage computes it for overlay and Podman prints it. A: not in the
// layers; C: in the layers and replaced, or a directory whose owner or mode changed or
// that gained or lost an entry (its mtime alone is no change: overlay's copy-up and
// the runtime's mount points touch it); D: a whiteout (a 0/0 character device) over a
// path of the layers. An opaque directory (user.overlay.opaque=y) hides all the layers
// had under it: Podman reports it as deleted, although it is there; here it is C and
// each entry it hides is D, which is what the container sees.
// Paths the runtime makes as mount points (Podman's list, with boxctl's init and the
// container's own mounts) are left out, as Podman does.
export type ChangeKind = 'A' | 'C' | 'D';

export interface Change {
  kind: ChangeKind;
  path: string;
}

export interface NodeInfo {
  type: 'dir' | 'file' | 'whiteout' | 'other';
  mode: number;
  uid: number;
  gid: number;
  /** Directories only: user.overlay.opaque=y. */
  opaque?: boolean;
}

/** One layer (or the upper dir), read without following links; paths are '/a/b'. */
export interface LayerReader {
  lstat(path: string): NodeInfo | undefined;
  list(path: string): string[];
}

export const MOUNT_POINTS = ['/dev', '/etc/hostname', '/etc/hosts', '/etc/resolv.conf', '/proc', '/run', '/run/.containerenv', '/run/boxctl-init', '/sys', '/etc/mtab'];

function child(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** The image's view of a path: the topmost layer that has it, honouring whiteouts and opaque dirs above. */
export function lowerLookup(layers: readonly LayerReader[], path: string): NodeInfo | undefined {
  const parts = path.split('/').filter(Boolean);
  for (const layer of layers) {
    // A whiteout or opaque dir on the way down in this layer hides every layer below.
    let hidden = false;
    for (let i = 1; i < parts.length; i++) {
      const info = layer.lstat(`/${parts.slice(0, i).join('/')}`);
      if (info?.type === 'whiteout' || (info && info.type !== 'dir')) return undefined;
      if (info?.opaque) hidden = true;
    }
    const info = layer.lstat(path);
    if (info?.type === 'whiteout') return undefined;
    if (info) return info;
    if (hidden) return undefined;
  }
  return undefined;
}

/** What the layers together list in a directory. */
export function lowerList(layers: readonly LayerReader[], path: string): string[] {
  const names = new Set<string>();
  for (const layer of layers) for (const n of layer.list(path)) names.add(n);
  return [...names].filter((n) => lowerLookup(layers, child(path, n)) !== undefined);
}

export function comparePaths(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** `layers` topmost first; `exclude` adds the container's own mount points to MOUNT_POINTS. */
export function computeChanges(upper: LayerReader, layers: readonly LayerReader[], exclude: readonly string[] = []): Change[] {
  const skip = new Set([...MOUNT_POINTS, ...exclude]);
  const found = new Map<string, ChangeKind>();
  const record = (path: string, kind: ChangeKind): void => {
    if (skip.has(path)) return;
    found.set(path, kind);
    if (kind !== 'C') {
      const parent = parentOf(path);
      if (parent !== '/' && !found.has(parent) && !skip.has(parent)) found.set(parent, 'C');
    }
  };
  const walk = (dir: string): void => {
    for (const name of upper.list(dir)) {
      const path = child(dir, name);
      const info = upper.lstat(path);
      if (!info) continue;
      const lower = lowerLookup(layers, path);
      if (info.type === 'whiteout') {
        if (lower) record(path, 'D');
        continue;
      }
      if (!lower) record(path, 'A');
      else if (info.type !== 'dir' || lower.type !== 'dir') record(path, 'C');
      else if (info.mode !== lower.mode || info.uid !== lower.uid || info.gid !== lower.gid) record(path, 'C');
      if (info.type !== 'dir') continue;
      if (info.opaque && lower?.type === 'dir') {
        const kept = new Set(upper.list(path));
        const hidden = lowerList(layers, path).filter((n) => !kept.has(n));
        if (hidden.length > 0 && !skip.has(path)) found.set(path, 'C');
        for (const n of hidden) record(child(path, n), 'D');
      }
      walk(path);
    }
  };
  walk('/');
  return [...found.entries()].map(([path, kind]) => ({ path, kind })).sort((a, b) => comparePaths(a.path, b.path));
}
