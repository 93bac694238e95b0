// /proc/self/mountinfo (proc(5)): the only reliable way to find where cgroup2 is
// mounted, since hybrid hosts put it at /sys/fs/cgroup/unified and pure v2 hosts at
// /sys/fs/cgroup.

export interface MountInfo {
  id: number;
  parentId: number;
  root: string;
  mountPoint: string;
  options: string[];
  fsType: string;
  source: string;
  superOptions: string[];
}

/** Mount paths escape space, tab, newline and backslash as octal (\040). */
function unescape(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

export function parseMountinfo(text: string): MountInfo[] {
  const mounts: MountInfo[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const fields = line.split(' ');
    const sep = fields.indexOf('-', 6);
    if (sep < 0 || fields.length < sep + 3) continue;
    const id = Number(fields[0]);
    const parentId = Number(fields[1]);
    if (!Number.isInteger(id) || !Number.isInteger(parentId)) continue;
    mounts.push({
      id,
      parentId,
      root: unescape(fields[3]!),
      mountPoint: unescape(fields[4]!),
      options: fields[5]!.split(','),
      fsType: fields[sep + 1]!,
      source: unescape(fields[sep + 2]!),
      superOptions: (fields[sep + 3] ?? '').split(',').filter((o) => o !== ''),
    });
  }
  return mounts;
}

/** The last cgroup2 mount wins: a later mount on the same path hides earlier ones. */
export function findCgroup2Mount(mounts: readonly MountInfo[]): MountInfo | undefined {
  return mounts.filter((m) => m.fsType === 'cgroup2').at(-1);
}
