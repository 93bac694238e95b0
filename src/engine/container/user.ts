// `--user user[:group]` (or the image's User) to ids, as Podman resolves it against
// the image's /etc/passwd and /etc/group: names must exist there, numbers need not.
import { NotFoundError, UserError } from '../../errors.js';
import type { GroupEntry, PasswdEntry } from './image-files.js';

export interface ResolvedUser {
  uid: number;
  gid: number;
  additionalGids: number[];
}

function lookupGroup(group: string, groups: readonly GroupEntry[]): number {
  if (/^\d+$/.test(group)) return Number(group);
  const g = groups.find((e) => e.name === group);
  if (!g) throw new NotFoundError(`unable to find group ${group}: no matching entries in the image's /etc/group`);
  return g.gid;
}

export function resolveUser(spec: string, passwd: readonly PasswdEntry[], groups: readonly GroupEntry[]): ResolvedUser {
  const text = spec === '' ? '0' : spec;
  const [user, group, extra] = text.split(':');
  if (extra !== undefined || user === '' || group === '') throw new UserError(`invalid user '${spec}': use USER, UID, USER:GROUP or UID:GID`);
  let uid: number;
  let gid: number | undefined;
  let name: string | undefined;
  if (/^\d+$/.test(user!)) {
    uid = Number(user);
    const entry = passwd.find((e) => e.uid === uid);
    gid = entry?.gid ?? 0;
    name = entry?.name;
  } else {
    const entry = passwd.find((e) => e.name === user);
    if (!entry) throw new NotFoundError(`unable to find user ${user}: no matching entries in the image's /etc/passwd`);
    uid = entry.uid;
    gid = entry.gid;
    name = entry.name;
  }
  if (group !== undefined) gid = lookupGroup(group, groups);
  if (uid > 0xfffffffe || gid > 0xfffffffe) throw new UserError(`invalid user '${spec}': ids go up to 4294967294`);
  // Supplementary groups of a named user, only when no group was given (as Podman).
  const additionalGids =
    group === undefined && name !== undefined ? [...new Set(groups.filter((g) => g.members.includes(name!) && g.gid !== gid).map((g) => g.gid))] : [];
  return { uid, gid, additionalGids };
}
