// Podman's defaults for a rootless container, as data. Sources: containers/common
// pkg/config/default.go (capabilities, masked and read-only paths, PATH, umask, shm
// size), runtime-tools generate.New (the base mounts Podman starts from) and Podman's
// pkg/specgen/generate/oci_linux.go (the rootless changes to them).
import type { Mount } from './oci.js';

export const OCI_VERSION = '1.1.0';

/** containers.conf default_capabilities. */
export const DEFAULT_CAPABILITIES: readonly string[] = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_FOWNER',
  'CAP_FSETID',
  'CAP_KILL',
  'CAP_NET_BIND_SERVICE',
  'CAP_SETFCAP',
  'CAP_SETGID',
  'CAP_SETPCAP',
  'CAP_SETUID',
  'CAP_SYS_CHROOT',
];

/**
 * containers/common's list, and /sys/dev/block from Podman 4's, which Podman 5 no
 * longer masks; hiding the host's block devices costs a container nothing. Podman 5
 * also masks every cpu's thermal_throttle directory under /sys/devices/system/cpu:
 * that is a glob over the host, not a constant, so it is not here.
 */
export const MASKED_PATHS: readonly string[] = [
  '/proc/acpi',
  '/proc/kcore',
  '/proc/keys',
  '/proc/latency_stats',
  '/proc/sched_debug',
  '/proc/scsi',
  '/proc/timer_list',
  '/proc/timer_stats',
  '/sys/devices/virtual/powercap',
  '/sys/firmware',
  '/sys/fs/selinux',
  '/proc/interrupts',
  '/sys/dev/block',
];

/** Masked too when /sys is the host's own (no private network namespace). */
export const HOST_SYS_MASKED_PATH = '/sys/kernel';

export const READONLY_PATHS: readonly string[] = [
  '/proc/asound',
  '/proc/bus',
  '/proc/fs',
  '/proc/irq',
  '/proc/sys',
  '/proc/sysrq-trigger',
];

export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
export const DEFAULT_TERM = 'TERM=xterm';
export const DEFAULT_UMASK = 0o022;
export const HOSTNAME_LENGTH = 12;

/** define.RLimitDefaultValue: the NOFILE and NPROC ceiling, lowered to the host's limits. */
export const RLIMIT_CEILING = 1048576;

/** The gid that owns ptys (tty); devpts cannot be told gid=5 when it is unmapped. */
export const TTY_GID = 5;

export interface MountFacts {
  /** sysfs can be mounted only with a network namespace of our own. */
  ownSysfs: boolean;
  ttyGidMapped: boolean;
  hostPid: boolean;
  hostIpc: boolean;
}

const NO_SUID_EXEC_DEV = ['nosuid', 'noexec', 'nodev'];
const HOST_SYS_OPTIONS = ['rprivate', ...NO_SUID_EXEC_DEV, 'ro', 'rbind'];

/**
 * The default mounts, in runtime-tools' order. A user namespace cannot mount proc,
 * mqueue or sysfs for namespaces it does not own, so the host's are bound instead.
 */
export function defaultMounts(facts: MountFacts): Mount[] {
  const devptsOptions = ['nosuid', 'noexec', 'newinstance', 'ptmxmode=0666', 'mode=0620'];
  const mounts: Mount[] = [
    facts.hostPid
      ? { destination: '/proc', type: 'bind', source: '/proc', options: ['rbind', ...NO_SUID_EXEC_DEV] }
      : { destination: '/proc', type: 'proc', source: 'proc', options: [...NO_SUID_EXEC_DEV] },
    { destination: '/dev', type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'strictatime', 'mode=755', 'size=65536k'] },
    facts.ttyGidMapped
      ? { destination: '/dev/pts', type: 'devpts', source: 'devpts', options: [...devptsOptions, `gid=${TTY_GID}`] }
      : { destination: '/dev/pts', type: 'devpts', source: 'devpts', options: ['rprivate', ...devptsOptions] },
    { destination: '/dev/shm', type: 'tmpfs', source: 'shm', options: [...NO_SUID_EXEC_DEV, 'mode=1777', 'size=65536k'] },
    facts.hostIpc
      ? { destination: '/dev/mqueue', type: 'bind', source: '/dev/mqueue', options: ['bind', ...NO_SUID_EXEC_DEV] }
      : { destination: '/dev/mqueue', type: 'mqueue', source: 'mqueue', options: [...NO_SUID_EXEC_DEV] },
  ];
  if (facts.ownSysfs) {
    mounts.push(
      { destination: '/sys', type: 'sysfs', source: 'sysfs', options: [...NO_SUID_EXEC_DEV, 'ro'] },
      {
        destination: '/sys/fs/cgroup',
        type: 'cgroup',
        source: 'cgroup',
        options: ['rprivate', ...NO_SUID_EXEC_DEV, 'relatime', 'ro'],
      },
    );
  } else {
    mounts.push(
      { destination: '/sys', type: 'bind', source: '/sys', options: [...HOST_SYS_OPTIONS] },
      { destination: '/sys/fs/cgroup', type: 'bind', source: '/sys/fs/cgroup', options: [...HOST_SYS_OPTIONS] },
    );
  }
  return mounts;
}
