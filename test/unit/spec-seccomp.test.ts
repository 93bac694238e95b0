import { describe, expect, it } from 'vitest';

import { DEFAULT_CAPABILITIES } from '../../src/engine/spec/defaults.js';
import type { LinuxSeccomp, LinuxSyscall } from '../../src/engine/spec/oci.js';
import { seccompFor } from '../../src/engine/spec/seccomp-default.js';

const ENOSYS = 38;
const EPERM = 1;
const EINVAL = 22;

type Verdict = 'allow' | 'conditional' | { errno: number };

/**
 * What a call without argument conditions gets: the first unconditional rule naming it
 * (runc 1.1 with libseccomp 2.5 let setns through, whose allow comes before its
 * refusal), else "conditional" when only rules on arguments name it, else the default.
 */
function verdict(profile: LinuxSeccomp, name: string): Verdict {
  const rules = (profile.syscalls ?? []).filter((r) => r.names.includes(name));
  const plain = rules.find((r) => !r.args);
  if (plain) return plain.action === 'SCMP_ACT_ALLOW' ? 'allow' : { errno: plain.errnoRet ?? -1 };
  if (rules.length > 0) return 'conditional';
  return { errno: profile.defaultErrnoRet ?? -1 };
}

function rulesFor(profile: LinuxSeccomp, name: string): LinuxSyscall[] {
  return (profile.syscalls ?? []).filter((r) => r.names.includes(name));
}

const amd64 = seccompFor(DEFAULT_CAPABILITIES, 'amd64');
const withCaps = (...caps: string[]): LinuxSeccomp => seccompFor([...DEFAULT_CAPABILITIES, ...caps], 'amd64');

describe('default seccomp profile', () => {
  it("refuses what it does not name with ENOSYS, as containers/common's profile does", () => {
    expect(amd64.defaultAction).toBe('SCMP_ACT_ERRNO');
    expect(amd64.defaultErrnoRet).toBe(ENOSYS);
  });

  it('names the native architecture and its compat ones, or none where Podman names none', () => {
    expect(amd64.architectures).toEqual(['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86', 'SCMP_ARCH_X32']);
    expect(seccompFor(DEFAULT_CAPABILITIES, 'arm64').architectures).toEqual(['SCMP_ARCH_AARCH64', 'SCMP_ARCH_ARM']);
    expect(seccompFor(DEFAULT_CAPABILITIES, 's390x').architectures).toEqual(['SCMP_ARCH_S390X', 'SCMP_ARCH_S390']);
    expect(seccompFor(DEFAULT_CAPABILITIES, 'mips64le').architectures).toEqual([
      'SCMP_ARCH_MIPSEL64',
      'SCMP_ARCH_MIPSEL',
      'SCMP_ARCH_MIPSEL64N32',
    ]);
    expect(seccompFor(DEFAULT_CAPABILITIES, 'ppc64le')).not.toHaveProperty('architectures');
    expect(seccompFor(DEFAULT_CAPABILITIES, 'riscv64')).not.toHaveProperty('architectures');
  });

  it('allows the ordinary calls', () => {
    for (const name of ['read', 'write', 'exit_group', 'execve', 'openat', 'mmap', 'futex', 'clone', 'clone3', 'rseq']) {
      expect(verdict(amd64, name), name).toBe('allow');
    }
  });

  it('refuses obsolete and dangerous calls with EPERM whatever the capabilities', () => {
    const all = withCaps('CAP_SYS_ADMIN', 'CAP_SYS_BOOT', 'CAP_SYS_RESOURCE');
    for (const name of ['kexec_load', 'kexec_file_load', 'swapon', 'swapoff', 'userfaultfd', 'vmsplice', 'nfsservctl']) {
      expect(verdict(amd64, name), name).toEqual({ errno: EPERM });
      expect(verdict(all, name), name).toEqual({ errno: EPERM });
    }
  });

  it('leaves the keyring calls it does not name to ENOSYS, and allows keyctl as Podman does', () => {
    expect(verdict(amd64, 'add_key')).toEqual({ errno: ENOSYS });
    expect(verdict(amd64, 'request_key')).toEqual({ errno: ENOSYS });
    expect(verdict(amd64, 'keyctl')).toBe('allow');
    expect(verdict(amd64, 'io_uring_setup')).toEqual({ errno: ENOSYS });
  });

  it('leaves mount, unshare and pivot_root to the kernel, which wants CAP_SYS_ADMIN for them', () => {
    for (const name of ['mount', 'umount2', 'unshare', 'pivot_root', 'reboot']) {
      expect(verdict(amd64, name), name).toBe('allow');
      expect(rulesFor(amd64, name).every((r) => r.action === 'SCMP_ACT_ALLOW'), name).toBe(true);
    }
  });

  it('refuses ptrace and its kin without CAP_SYS_PTRACE and allows them with it', () => {
    for (const name of ['ptrace', 'process_vm_readv', 'process_vm_writev', 'kcmp', 'process_madvise']) {
      expect(verdict(amd64, name), name).toEqual({ errno: EPERM });
      expect(verdict(withCaps('CAP_SYS_PTRACE'), name), name).toBe('allow');
      expect(rulesFor(withCaps('CAP_SYS_PTRACE'), name).some((r) => r.action === 'SCMP_ACT_ERRNO'), name).toBe(false);
    }
  });

  it('refuses the CAP_SYS_ADMIN calls without it and allows them with it', () => {
    const admin = withCaps('CAP_SYS_ADMIN');
    for (const name of ['bpf', 'perf_event_open', 'fanotify_init', 'lookup_dcookie', 'quotactl', 'sethostname']) {
      expect(verdict(amd64, name), name).toEqual({ errno: EPERM });
      expect(verdict(admin, name), name).toBe('allow');
      expect(rulesFor(admin, name).some((r) => r.action === 'SCMP_ACT_ERRNO'), name).toBe(false);
    }
  });

  it("keeps both of upstream's setns rules without CAP_SYS_ADMIN; the first, an allow, is what libseccomp uses", () => {
    expect(rulesFor(amd64, 'setns').map((r) => [r.action, r.errnoRet])).toEqual([
      ['SCMP_ACT_ALLOW', undefined],
      ['SCMP_ACT_ERRNO', EPERM],
    ]);
    expect(rulesFor(withCaps('CAP_SYS_ADMIN'), 'setns').map((r) => r.action)).toEqual(['SCMP_ACT_ALLOW', 'SCMP_ACT_ALLOW']);
  });

  it('gates each capability-bound call on its own capability', () => {
    const gated: [string, string][] = [
      ['clock_settime', 'CAP_SYS_TIME'],
      ['settimeofday', 'CAP_SYS_TIME'],
      ['init_module', 'CAP_SYS_MODULE'],
      ['finit_module', 'CAP_SYS_MODULE'],
      ['open_by_handle_at', 'CAP_DAC_READ_SEARCH'],
      ['acct', 'CAP_SYS_PACCT'],
      ['iopl', 'CAP_SYS_RAWIO'],
      ['mbind', 'CAP_SYS_NICE'],
      ['vhangup', 'CAP_SYS_TTY_CONFIG'],
    ];
    for (const [name, cap] of gated) {
      expect(verdict(amd64, name), name).toEqual({ errno: EPERM });
      expect(verdict(withCaps(cap), name), name).toBe('allow');
    }
    expect(verdict(amd64, 'chroot')).toBe('allow');
    expect(verdict(seccompFor(['CAP_KILL'], 'amd64'), 'chroot')).toEqual({ errno: EPERM });
  });

  it('allows only the personalities Podman allows', () => {
    const rules = rulesFor(amd64, 'personality');
    expect(rules.every((r) => r.action === 'SCMP_ACT_ALLOW')).toBe(true);
    expect(rules.map((r) => r.args)).toEqual(
      [0x0, 0x8, 0x20000, 0x20008, 0xffffffff].map((value) => [{ index: 0, value, op: 'SCMP_CMP_EQ' }]),
    );
    expect(verdict(amd64, 'personality')).toBe('conditional');
  });

  it('answers an audit socket with EINVAL without CAP_AUDIT_WRITE, and allows every socket with it', () => {
    const rules = rulesFor(amd64, 'socket');
    expect(rules[0]).toEqual({
      names: ['socket'],
      action: 'SCMP_ACT_ERRNO',
      errnoRet: EINVAL,
      args: [
        { index: 0, value: 16, op: 'SCMP_CMP_EQ' },
        { index: 2, value: 9, op: 'SCMP_CMP_EQ' },
      ],
    });
    expect(rules.slice(1).map((r) => [r.action, r.args])).toEqual([
      ['SCMP_ACT_ALLOW', [{ index: 2, value: 9, op: 'SCMP_CMP_NE' }]],
      ['SCMP_ACT_ALLOW', [{ index: 0, value: 16, op: 'SCMP_CMP_NE' }]],
      ['SCMP_ACT_ALLOW', [{ index: 2, value: 9, op: 'SCMP_CMP_NE' }]],
    ]);
    expect(rulesFor(withCaps('CAP_AUDIT_WRITE'), 'socket')).toEqual([{ names: ['socket'], action: 'SCMP_ACT_ALLOW' }]);
  });

  it('allows the calls of its own architecture only', () => {
    const arm64 = seccompFor(DEFAULT_CAPABILITIES, 'arm64');
    expect(verdict(amd64, 'arch_prctl')).toBe('allow');
    expect(verdict(amd64, 'modify_ldt')).toBe('allow');
    expect(verdict(arm64, 'arch_prctl')).toEqual({ errno: ENOSYS });
    expect(verdict(arm64, 'cacheflush')).toBe('allow');
    expect(verdict(amd64, 'cacheflush')).toEqual({ errno: ENOSYS });
    expect(verdict(seccompFor(DEFAULT_CAPABILITIES, '386'), 'modify_ldt')).toBe('allow');
    expect(verdict(seccompFor(DEFAULT_CAPABILITIES, 's390x'), 's390_runtime_instr')).toBe('allow');
    expect(verdict(seccompFor(DEFAULT_CAPABILITIES, 'ppc64le'), 'sync_file_range2')).toBe('allow');
  });

  it('is in the flat OCI form: no conditions left, errno only on refusals, args only where there are some', () => {
    for (const rule of amd64.syscalls ?? []) {
      expect(Object.keys(rule).every((k) => ['names', 'action', 'errnoRet', 'args'].includes(k))).toBe(true);
      expect(rule.errnoRet !== undefined).toBe(rule.action === 'SCMP_ACT_ERRNO');
      if (rule.args) expect(rule.args.length).toBeGreaterThan(0);
    }
  });

  it('returns a fresh copy each time', () => {
    const first = seccompFor(DEFAULT_CAPABILITIES, 'amd64');
    first.syscalls![1]!.names.push('kexec_load');
    expect(seccompFor(DEFAULT_CAPABILITIES, 'amd64')).toEqual(amd64);
  });
});
