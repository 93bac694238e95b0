// Podman's default seccomp profile: containers/common pkg/seccomp/seccomp.json (the
// same rules as its default_linux.go), copied rule for rule and in order. Anything not
// named fails with ENOSYS, which tells libc to fall back to an older call; refusals on
// purpose fail with EPERM.
//
// It is not Docker's profile: Podman allows keyctl (the runtime gives each container
// its own session keyring), and mount, umount2, unshare, pivot_root, clone and clone3
// without conditions, leaving them to the kernel, which refuses them to a container
// without CAP_SYS_ADMIN in its user namespace and lets nested rootless containers work.
import type { LinuxSeccomp, LinuxSeccompArg, LinuxSyscall, SeccompAction, SeccompArch } from './oci.js';

interface Filter {
  caps?: readonly string[];
  /** libseccomp's names for architectures: amd64, x86, x32, arm, arm64, ppc64le, s390x... */
  arches?: readonly string[];
}

export interface ProfileRule {
  names: readonly string[];
  action: SeccompAction;
  errnoRet?: number;
  args?: readonly LinuxSeccompArg[];
  /** The rule applies only when every capability and one of the architectures is there. */
  includes?: Filter;
  /** The rule does not apply when any of the capabilities or the architecture is there. */
  excludes?: Filter;
}

export interface SeccompProfile {
  defaultAction: SeccompAction;
  defaultErrnoRet: number;
  archMap: readonly { architecture: SeccompArch; subArchitectures: readonly SeccompArch[] }[];
  syscalls: readonly ProfileRule[];
}

const EPERM = 1;
const EINVAL = 22;
const ENOSYS = 38;
const AF_NETLINK = 16;
const NETLINK_AUDIT = 9;

const ALLOWED: readonly string[] = [
  '_llseek', '_newselect', 'accept', 'accept4', 'access', 'adjtimex', 'alarm', 'bind', 'brk', 'capget', 'capset',
  'chdir', 'chmod', 'chown', 'chown32', 'clock_adjtime', 'clock_adjtime64', 'clock_getres', 'clock_getres_time64',
  'clock_gettime', 'clock_gettime64', 'clock_nanosleep', 'clock_nanosleep_time64', 'clone', 'clone3', 'close',
  'close_range', 'connect', 'copy_file_range', 'creat', 'dup', 'dup2', 'dup3', 'epoll_create', 'epoll_create1',
  'epoll_ctl', 'epoll_ctl_old', 'epoll_pwait', 'epoll_pwait2', 'epoll_wait', 'epoll_wait_old', 'eventfd', 'eventfd2',
  'execve', 'execveat', 'exit', 'exit_group', 'faccessat', 'faccessat2', 'fadvise64', 'fadvise64_64', 'fallocate',
  'fanotify_mark', 'fchdir', 'fchmod', 'fchmodat', 'fchown', 'fchown32', 'fchownat', 'fcntl', 'fcntl64', 'fdatasync',
  'fgetxattr', 'flistxattr', 'flock', 'fork', 'fremovexattr', 'fsconfig', 'fsetxattr', 'fsmount', 'fsopen', 'fspick',
  'fstat', 'fstat64', 'fstatat64', 'fstatfs', 'fstatfs64', 'fsync', 'ftruncate', 'ftruncate64', 'futex',
  'futex_time64', 'futimesat', 'get_robust_list', 'get_thread_area', 'getcpu', 'getcwd', 'getdents', 'getdents64',
  'getegid', 'getegid32', 'geteuid', 'geteuid32', 'getgid', 'getgid32', 'getgroups', 'getgroups32', 'getitimer',
  'getpeername', 'getpgid', 'getpgrp', 'getpid', 'getppid', 'getpriority', 'getrandom', 'getresgid', 'getresgid32',
  'getresuid', 'getresuid32', 'getrlimit', 'getrusage', 'getsid', 'getsockname', 'getsockopt', 'gettid',
  'gettimeofday', 'getuid', 'getuid32', 'getxattr', 'inotify_add_watch', 'inotify_init', 'inotify_init1',
  'inotify_rm_watch', 'io_cancel', 'io_destroy', 'io_getevents', 'io_setup', 'io_submit', 'ioctl', 'ioprio_get',
  'ioprio_set', 'ipc', 'keyctl', 'kill', 'lchown', 'lchown32', 'lgetxattr', 'link', 'linkat', 'listen', 'listxattr',
  'llistxattr', 'lremovexattr', 'lseek', 'lsetxattr', 'lstat', 'lstat64', 'madvise', 'memfd_create', 'mincore',
  'mkdir', 'mkdirat', 'mknod', 'mknodat', 'mlock', 'mlock2', 'mlockall', 'mmap', 'mmap2', 'mount', 'move_mount',
  'mprotect', 'mq_getsetattr', 'mq_notify', 'mq_open', 'mq_timedreceive', 'mq_timedreceive_time64', 'mq_timedsend',
  'mq_timedsend_time64', 'mq_unlink', 'mremap', 'msgctl', 'msgget', 'msgrcv', 'msgsnd', 'msync', 'munlock',
  'munlockall', 'munmap', 'name_to_handle_at', 'nanosleep', 'newfstatat', 'open', 'openat', 'openat2', 'open_tree',
  'pause', 'pidfd_getfd', 'pidfd_open', 'pidfd_send_signal', 'pipe', 'pipe2', 'pivot_root', 'pkey_alloc', 'pkey_free',
  'pkey_mprotect', 'poll', 'ppoll', 'ppoll_time64', 'prctl', 'pread64', 'preadv', 'preadv2', 'prlimit64', 'pselect6',
  'pselect6_time64', 'pwrite64', 'pwritev', 'pwritev2', 'read', 'readahead', 'readdir', 'readlink', 'readlinkat',
  'readv', 'reboot', 'recv', 'recvfrom', 'recvmmsg', 'recvmmsg_time64', 'recvmsg', 'remap_file_pages', 'removexattr',
  'rename', 'renameat', 'renameat2', 'restart_syscall', 'rmdir', 'rseq', 'rt_sigaction', 'rt_sigpending',
  'rt_sigprocmask', 'rt_sigqueueinfo', 'rt_sigreturn', 'rt_sigsuspend', 'rt_sigtimedwait', 'rt_sigtimedwait_time64',
  'rt_tgsigqueueinfo', 'sched_get_priority_max', 'sched_get_priority_min', 'sched_getaffinity', 'sched_getattr',
  'sched_getparam', 'sched_getscheduler', 'sched_rr_get_interval', 'sched_rr_get_interval_time64',
  'sched_setaffinity', 'sched_setattr', 'sched_setparam', 'sched_setscheduler', 'sched_yield', 'seccomp', 'select',
  'semctl', 'semget', 'semop', 'semtimedop', 'semtimedop_time64', 'send', 'sendfile', 'sendfile64', 'sendmmsg',
  'sendmsg', 'sendto', 'setns', 'set_robust_list', 'set_thread_area', 'set_tid_address', 'setfsgid', 'setfsgid32',
  'setfsuid', 'setfsuid32', 'setgid', 'setgid32', 'setgroups', 'setgroups32', 'setitimer', 'setpgid', 'setpriority',
  'setregid', 'setregid32', 'setresgid', 'setresgid32', 'setresuid', 'setresuid32', 'setreuid', 'setreuid32',
  'setrlimit', 'setsid', 'setsockopt', 'setuid', 'setuid32', 'setxattr', 'shmat', 'shmctl', 'shmdt', 'shmget',
  'shutdown', 'sigaltstack', 'signalfd', 'signalfd4', 'sigreturn', 'socketcall', 'socketpair', 'splice', 'stat',
  'stat64', 'statfs', 'statfs64', 'statx', 'symlink', 'symlinkat', 'sync', 'sync_file_range', 'syncfs', 'sysinfo',
  'syslog', 'tee', 'tgkill', 'time', 'timer_create', 'timer_delete', 'timer_getoverrun', 'timer_gettime',
  'timer_gettime64', 'timer_settime', 'timer_settime64', 'timerfd_create', 'timerfd_gettime', 'timerfd_gettime64',
  'timerfd_settime', 'timerfd_settime64', 'times', 'tkill', 'truncate', 'truncate64', 'ugetrlimit', 'umask', 'umount',
  'umount2', 'uname', 'unlink', 'unlinkat', 'unshare', 'utime', 'utimensat', 'utimensat_time64', 'utimes', 'vfork',
  'wait4', 'waitid', 'waitpid', 'write', 'writev',
];

const REFUSED: readonly string[] = [
  'bdflush', 'io_pgetevents', 'kexec_file_load', 'kexec_load', 'membarrier', 'migrate_pages', 'move_pages',
  'nfsservctl', 'nice', 'oldfstat', 'oldlstat', 'oldolduname', 'oldstat', 'olduname', 'pciconfig_iobase',
  'pciconfig_read', 'pciconfig_write', 'sgetmask', 'ssetmask', 'swapcontext', 'swapoff', 'swapon', 'sysfs', 'uselib',
  'userfaultfd', 'ustat', 'vm86', 'vm86old', 'vmsplice',
];

/** Calls allowed with a capability and refused (EPERM) without it. */
const GATED: readonly (readonly [cap: string, names: readonly string[]])[] = [
  ['CAP_DAC_READ_SEARCH', ['open_by_handle_at']],
  [
    'CAP_SYS_ADMIN',
    ['bpf', 'fanotify_init', 'lookup_dcookie', 'perf_event_open', 'quotactl', 'setdomainname', 'sethostname', 'setns'],
  ],
  ['CAP_SYS_CHROOT', ['chroot']],
  ['CAP_SYS_MODULE', ['delete_module', 'init_module', 'finit_module', 'query_module']],
  ['CAP_SYS_NICE', ['get_mempolicy', 'mbind', 'set_mempolicy']],
  ['CAP_SYS_PACCT', ['acct']],
  ['CAP_SYS_PTRACE', ['kcmp', 'process_madvise', 'process_vm_readv', 'process_vm_writev', 'ptrace']],
  ['CAP_SYS_RAWIO', ['iopl', 'ioperm']],
  ['CAP_SYS_TIME', ['settimeofday', 'stime', 'clock_settime', 'clock_settime64']],
  ['CAP_SYS_TTY_CONFIG', ['vhangup']],
];

/** Linux, with UNAME26, with ADDR_NO_RANDOMIZE, with both, and the query 0xffffffff. */
const PERSONALITIES: readonly number[] = [0x0, 0x8, 0x20000, 0x20008, 0xffffffff];

const NOT_AUDIT_WRITE: Filter = { caps: ['CAP_AUDIT_WRITE'] };

export const DEFAULT_PROFILE: SeccompProfile = {
  defaultAction: 'SCMP_ACT_ERRNO',
  defaultErrnoRet: ENOSYS,
  archMap: [
    { architecture: 'SCMP_ARCH_X86_64', subArchitectures: ['SCMP_ARCH_X86', 'SCMP_ARCH_X32'] },
    { architecture: 'SCMP_ARCH_AARCH64', subArchitectures: ['SCMP_ARCH_ARM'] },
    { architecture: 'SCMP_ARCH_MIPS64', subArchitectures: ['SCMP_ARCH_MIPS', 'SCMP_ARCH_MIPS64N32'] },
    { architecture: 'SCMP_ARCH_MIPS64N32', subArchitectures: ['SCMP_ARCH_MIPS', 'SCMP_ARCH_MIPS64'] },
    { architecture: 'SCMP_ARCH_MIPSEL64', subArchitectures: ['SCMP_ARCH_MIPSEL', 'SCMP_ARCH_MIPSEL64N32'] },
    { architecture: 'SCMP_ARCH_MIPSEL64N32', subArchitectures: ['SCMP_ARCH_MIPSEL', 'SCMP_ARCH_MIPSEL64'] },
    { architecture: 'SCMP_ARCH_S390X', subArchitectures: ['SCMP_ARCH_S390'] },
  ],
  syscalls: [
    { names: REFUSED, action: 'SCMP_ACT_ERRNO', errnoRet: EPERM },
    { names: ALLOWED, action: 'SCMP_ACT_ALLOW' },
    ...PERSONALITIES.map(
      (value): ProfileRule => ({
        names: ['personality'],
        action: 'SCMP_ACT_ALLOW',
        args: [{ index: 0, value, op: 'SCMP_CMP_EQ' }],
      }),
    ),
    { names: ['sync_file_range2'], action: 'SCMP_ACT_ALLOW', includes: { arches: ['ppc64le'] } },
    {
      names: ['arm_fadvise64_64', 'arm_sync_file_range', 'sync_file_range2', 'breakpoint', 'cacheflush', 'set_tls'],
      action: 'SCMP_ACT_ALLOW',
      includes: { arches: ['arm', 'arm64'] },
    },
    { names: ['arch_prctl'], action: 'SCMP_ACT_ALLOW', includes: { arches: ['amd64', 'x32'] } },
    { names: ['modify_ldt'], action: 'SCMP_ACT_ALLOW', includes: { arches: ['amd64', 'x32', 'x86'] } },
    {
      names: ['s390_pci_mmio_read', 's390_pci_mmio_write', 's390_runtime_instr'],
      action: 'SCMP_ACT_ALLOW',
      includes: { arches: ['s390', 's390x'] },
    },
    ...GATED.flatMap(([cap, names]): ProfileRule[] => [
      { names, action: 'SCMP_ACT_ALLOW', includes: { caps: [cap] } },
      { names, action: 'SCMP_ACT_ERRNO', errnoRet: EPERM, excludes: { caps: [cap] } },
    ]),
    // The audit socket fails with EINVAL, which tells sudo and login there is no audit.
    {
      names: ['socket'],
      action: 'SCMP_ACT_ERRNO',
      errnoRet: EINVAL,
      args: [
        { index: 0, value: AF_NETLINK, op: 'SCMP_CMP_EQ' },
        { index: 2, value: NETLINK_AUDIT, op: 'SCMP_CMP_EQ' },
      ],
      excludes: NOT_AUDIT_WRITE,
    },
    {
      names: ['socket'],
      action: 'SCMP_ACT_ALLOW',
      args: [{ index: 2, value: NETLINK_AUDIT, op: 'SCMP_CMP_NE' }],
      excludes: NOT_AUDIT_WRITE,
    },
    {
      names: ['socket'],
      action: 'SCMP_ACT_ALLOW',
      args: [{ index: 0, value: AF_NETLINK, op: 'SCMP_CMP_NE' }],
      excludes: NOT_AUDIT_WRITE,
    },
    // Upstream lists this rule twice; kept, so the output matches Podman's rule for rule.
    {
      names: ['socket'],
      action: 'SCMP_ACT_ALLOW',
      args: [{ index: 2, value: NETLINK_AUDIT, op: 'SCMP_CMP_NE' }],
      excludes: NOT_AUDIT_WRITE,
    },
    { names: ['socket'], action: 'SCMP_ACT_ALLOW', includes: NOT_AUDIT_WRITE },
  ],
};

// OCI (GOARCH) names that libseccomp spells differently; the rest are the same.
const LIBSECCOMP_ARCH: Record<string, string> = { '386': 'x86', mipsle: 'mipsel', mips64le: 'mipsel64' };

// Podman's nativeToSeccomp: the architectures whose entry in archMap applies.
const NATIVE_TO_SCMP: Record<string, SeccompArch> = {
  amd64: 'SCMP_ARCH_X86_64',
  arm64: 'SCMP_ARCH_AARCH64',
  mips64: 'SCMP_ARCH_MIPS64',
  mipsel64: 'SCMP_ARCH_MIPSEL64',
  s390x: 'SCMP_ARCH_S390X',
};

function applies(rule: ProfileRule, caps: ReadonlySet<string>, arch: string): boolean {
  const { includes = {}, excludes = {} } = rule;
  if (excludes.arches?.includes(arch)) return false;
  if (excludes.caps?.some((c) => caps.has(c))) return false;
  if (includes.arches && !includes.arches.includes(arch)) return false;
  if (includes.caps && !includes.caps.every((c) => caps.has(c))) return false;
  return true;
}

function flatten(rule: ProfileRule): LinuxSyscall {
  const out: LinuxSyscall = { names: [...rule.names], action: rule.action };
  if (rule.errnoRet !== undefined) out.errnoRet = rule.errnoRet;
  if (rule.args?.length) out.args = rule.args.map((a) => ({ ...a }));
  return out;
}

/**
 * A profile in the flat OCI form for a container with these (bounding) capabilities
 * on this OCI architecture: conditional rules resolved, as Podman resolves them when
 * it writes the spec, so the runtime needs no notion of includes and excludes.
 */
export function seccompFor(caps: readonly string[], arch: string): LinuxSeccomp {
  const native = LIBSECCOMP_ARCH[arch] ?? arch;
  const held = new Set(caps);
  const { defaultAction, defaultErrnoRet, archMap, syscalls } = DEFAULT_PROFILE;
  const out: LinuxSeccomp = { defaultAction, defaultErrnoRet };
  const entry = archMap.find((a) => a.architecture === NATIVE_TO_SCMP[native]);
  if (entry) out.architectures = [entry.architecture, ...entry.subArchitectures];
  out.syscalls = syscalls.filter((r) => applies(r, held, native)).map(flatten);
  return out;
}
