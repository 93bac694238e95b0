// Capability names and Podman's rule for --cap-add/--cap-drop (containers/common
// pkg/capabilities MergeCapabilities): names are case-insensitive with or without
// CAP_, ALL stands for every capability, a name both added and dropped is an error,
// and the result is sorted.
import { UserError } from '../../errors.js';

/** Every capability Linux defines, in kernel number order (capability.h, up to 6.x). */
export const ALL_CAPABILITIES: readonly string[] = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_DAC_READ_SEARCH',
  'CAP_FOWNER',
  'CAP_FSETID',
  'CAP_KILL',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETPCAP',
  'CAP_LINUX_IMMUTABLE',
  'CAP_NET_BIND_SERVICE',
  'CAP_NET_BROADCAST',
  'CAP_NET_ADMIN',
  'CAP_NET_RAW',
  'CAP_IPC_LOCK',
  'CAP_IPC_OWNER',
  'CAP_SYS_MODULE',
  'CAP_SYS_RAWIO',
  'CAP_SYS_CHROOT',
  'CAP_SYS_PTRACE',
  'CAP_SYS_PACCT',
  'CAP_SYS_ADMIN',
  'CAP_SYS_BOOT',
  'CAP_SYS_NICE',
  'CAP_SYS_RESOURCE',
  'CAP_SYS_TIME',
  'CAP_SYS_TTY_CONFIG',
  'CAP_MKNOD',
  'CAP_LEASE',
  'CAP_AUDIT_WRITE',
  'CAP_AUDIT_CONTROL',
  'CAP_SETFCAP',
  'CAP_MAC_OVERRIDE',
  'CAP_MAC_ADMIN',
  'CAP_SYSLOG',
  'CAP_WAKE_ALARM',
  'CAP_BLOCK_SUSPEND',
  'CAP_AUDIT_READ',
  'CAP_PERFMON',
  'CAP_BPF',
  'CAP_CHECKPOINT_RESTORE',
];

const KNOWN = new Set(ALL_CAPABILITIES);
const ALL = 'ALL';

function normalize(names: readonly string[]): string[] {
  return names.map((raw) => {
    const upper = raw.trim().toUpperCase();
    if (upper === ALL) return ALL;
    const name = upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
    if (!KNOWN.has(name)) {
      throw new UserError(`unknown capability '${raw}': use a name from capabilities(7), such as NET_ADMIN, or ALL`);
    }
    return name;
  });
}

function sorted(names: Iterable<string>): string[] {
  return [...new Set(names)].sort();
}

/** The bounding set: `base` with `add` added and `drop` dropped. */
export function resolveCapabilities(base: readonly string[], add: readonly string[], drop: readonly string[]): string[] {
  const adds = normalize(add);
  const drops = normalize(drop);
  if (drops.includes(ALL)) {
    if (adds.includes(ALL)) throw new UserError('cannot add and drop ALL capabilities at once: keep one of them');
    return sorted(adds);
  }
  if (adds.includes(ALL)) return sorted(ALL_CAPABILITIES.filter((c) => !drops.includes(c)));
  const both = adds.find((c) => drops.includes(c));
  if (both) throw new UserError(`capability ${both} is both added and dropped: keep one of them`);
  return sorted([...base.filter((c) => !drops.includes(c)), ...adds]);
}

/**
 * The sets of a process that is not root, Podman's rule: only what was added by name,
 * so the default set stays a ceiling (bounding) and is not handed to every user.
 */
export function addedCapabilities(add: readonly string[], bounding: readonly string[]): string[] {
  const adds = normalize(add);
  return bounding.filter((c) => adds.includes(ALL) || adds.includes(c));
}
