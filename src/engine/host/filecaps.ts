// security.capability xattr (VFS_CAP_REVISION_2/3, linux/capability.h): a le32
// magic_etc, then {permitted, inheritable} le32 pairs for the low and high words.
// newuidmap needs CAP_SETUID (7) and newgidmap CAP_SETGID (6) when not setuid root.

export const CAP_SETGID = 6;
export const CAP_SETUID = 7;

export function fileCapsPermit(xattr: Buffer | null, cap: number): boolean {
  if (!xattr || xattr.length < 12) return false;
  const word = cap < 32 ? 0 : 1;
  const offset = 4 + word * 8;
  if (xattr.length < offset + 4) return false;
  return ((xattr.readUInt32LE(offset) >>> (cap % 32)) & 1) === 1;
}
