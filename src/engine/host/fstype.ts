// statfs(2) f_type magic numbers (linux/magic.h) for the filesystems a store may sit
// on, and which of them break an overlay upper dir or rootless ownership.

const NAMES = new Map<number, string>([
  [0xef53, 'ext4'],
  [0x58465342, 'xfs'],
  [0x9123683e, 'btrfs'],
  [0x01021994, 'tmpfs'],
  [0x858458f6, 'ramfs'],
  [0x2fc12fc1, 'zfs'],
  [0xf2f52010, 'f2fs'],
  [0x6969, 'nfs'],
  [0xff534d42, 'cifs'],
  [0xfe534d42, 'smb2'],
  [0x794c7630, 'overlay'],
  [0x65735546, 'fuse'],
  [0xf15f, 'ecryptfs'],
  [0x5346544e, 'ntfs'],
  [0x4d44, 'vfat'],
]);

/** Why a store on this filesystem will misbehave, or undefined when it is fine. */
const PROBLEMS: Record<string, string> = {
  nfs: 'NFS cannot hold overlay upper dirs or files owned by subordinate ids',
  cifs: 'CIFS/SMB cannot hold files owned by subordinate ids',
  smb2: 'CIFS/SMB cannot hold files owned by subordinate ids',
  overlay: 'an overlay filesystem cannot be the upper dir of another overlay',
  ecryptfs: 'eCryptfs does not support overlay upper dirs',
  ntfs: 'NTFS cannot hold Unix ownership and modes',
  vfat: 'FAT cannot hold Unix ownership and modes',
};

export function fsTypeName(magic: number): string {
  return NAMES.get(magic >>> 0) ?? `0x${(magic >>> 0).toString(16)}`;
}

export function fsTypeProblem(name: string): string | undefined {
  return PROBLEMS[name];
}
