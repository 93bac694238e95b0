/* Capabilities: the name table and the five sets of process.capabilities.
 * Raw capset(2) rather than libcap: one syscall, one dependency less. */
#define _GNU_SOURCE
#include "caps.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *const cap_names[] = {
  [CAP_CHOWN] = "CAP_CHOWN",
  [CAP_DAC_OVERRIDE] = "CAP_DAC_OVERRIDE",
  [CAP_DAC_READ_SEARCH] = "CAP_DAC_READ_SEARCH",
  [CAP_FOWNER] = "CAP_FOWNER",
  [CAP_FSETID] = "CAP_FSETID",
  [CAP_KILL] = "CAP_KILL",
  [CAP_SETGID] = "CAP_SETGID",
  [CAP_SETUID] = "CAP_SETUID",
  [CAP_SETPCAP] = "CAP_SETPCAP",
  [CAP_LINUX_IMMUTABLE] = "CAP_LINUX_IMMUTABLE",
  [CAP_NET_BIND_SERVICE] = "CAP_NET_BIND_SERVICE",
  [CAP_NET_BROADCAST] = "CAP_NET_BROADCAST",
  [CAP_NET_ADMIN] = "CAP_NET_ADMIN",
  [CAP_NET_RAW] = "CAP_NET_RAW",
  [CAP_IPC_LOCK] = "CAP_IPC_LOCK",
  [CAP_IPC_OWNER] = "CAP_IPC_OWNER",
  [CAP_SYS_MODULE] = "CAP_SYS_MODULE",
  [CAP_SYS_RAWIO] = "CAP_SYS_RAWIO",
  [CAP_SYS_CHROOT] = "CAP_SYS_CHROOT",
  [CAP_SYS_PTRACE] = "CAP_SYS_PTRACE",
  [CAP_SYS_PACCT] = "CAP_SYS_PACCT",
  [CAP_SYS_ADMIN] = "CAP_SYS_ADMIN",
  [CAP_SYS_BOOT] = "CAP_SYS_BOOT",
  [CAP_SYS_NICE] = "CAP_SYS_NICE",
  [CAP_SYS_RESOURCE] = "CAP_SYS_RESOURCE",
  [CAP_SYS_TIME] = "CAP_SYS_TIME",
  [CAP_SYS_TTY_CONFIG] = "CAP_SYS_TTY_CONFIG",
  [CAP_MKNOD] = "CAP_MKNOD",
  [CAP_LEASE] = "CAP_LEASE",
  [CAP_AUDIT_WRITE] = "CAP_AUDIT_WRITE",
  [CAP_AUDIT_CONTROL] = "CAP_AUDIT_CONTROL",
  [CAP_SETFCAP] = "CAP_SETFCAP",
  [CAP_MAC_OVERRIDE] = "CAP_MAC_OVERRIDE",
  [CAP_MAC_ADMIN] = "CAP_MAC_ADMIN",
  [CAP_SYSLOG] = "CAP_SYSLOG",
  [CAP_WAKE_ALARM] = "CAP_WAKE_ALARM",
  [CAP_BLOCK_SUSPEND] = "CAP_BLOCK_SUSPEND",
  [CAP_AUDIT_READ] = "CAP_AUDIT_READ",
  [CAP_PERFMON] = "CAP_PERFMON",
  [CAP_BPF] = "CAP_BPF",
  [CAP_CHECKPOINT_RESTORE] = "CAP_CHECKPOINT_RESTORE",
};

#define N_CAPS ((int) (sizeof (cap_names) / sizeof (cap_names[0])))

/* A kernel newer than this table may have more: they still get dropped. */
static const char *
cap_name (int cap, char buf[24])
{
  if (cap < N_CAPS)
    return cap_names[cap];
  snprintf (buf, 24, "capability %d", cap);
  return buf;
}

int
bx_cap_from_name (const char *name)
{
  int i;

  for (i = 0; i < N_CAPS; i++)
    if (strcmp (cap_names[i], name) == 0)
      return i;
  return -1;
}

int
bx_cap_last (int *last, struct bx_error *err)
{
  char buf[24];
  ssize_t n;
  int fd = open ("/proc/sys/kernel/cap_last_cap", O_RDONLY | O_CLOEXEC);

  if (fd < 0)
    return bx_fail_errno (err, "open /proc/sys/kernel/cap_last_cap");
  n = read (fd, buf, sizeof (buf) - 1);
  if (n <= 0)
    {
      int saved = n < 0 ? errno : EIO;
      close (fd);
      return bx_fail (err, saved, "read /proc/sys/kernel/cap_last_cap");
    }
  close (fd);
  buf[n] = '\0';
  *last = atoi (buf);
  if (*last < 0 || *last > 63)
    return bx_fail (err, ERANGE, "unexpected /proc/sys/kernel/cap_last_cap %d", *last);
  return 0;
}

static bool
has_cap (uint64_t set, int cap)
{
  return (set >> cap) & 1;
}

int
bx_caps_apply_bounding (const uint64_t caps[BX_CAPSETS], int last, struct bx_error *err)
{
  char buf[24];
  int cap;

  for (cap = 0; cap <= last; cap++)
    {
      if (has_cap (caps[BX_CAP_BOUNDING], cap))
        continue;
      if (prctl (PR_CAPBSET_DROP, cap, 0, 0, 0) < 0)
        return bx_fail_errno (err, "drop %s from the bounding set", cap_name (cap, buf));
    }
  return 0;
}

int
bx_caps_apply (const uint64_t caps[BX_CAPSETS], int last, struct bx_error *err)
{
  struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3, .pid = 0 };
  struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];
  uint64_t known = last >= 63 ? ~0ULL : (1ULL << (last + 1)) - 1;
  uint64_t eff = caps[BX_CAP_EFFECTIVE] & known;
  uint64_t prm = caps[BX_CAP_PERMITTED] & known;
  uint64_t inh = caps[BX_CAP_INHERITABLE] & known;
  char buf[24];
  int i, cap;

  for (i = 0; i < _LINUX_CAPABILITY_U32S_3; i++)
    {
      data[i].effective = (uint32_t) (eff >> (32 * i));
      data[i].permitted = (uint32_t) (prm >> (32 * i));
      data[i].inheritable = (uint32_t) (inh >> (32 * i));
    }
  if (syscall (SYS_capset, &hdr, data) < 0)
    return bx_fail_errno (err, "capset (process.capabilities effective/permitted/inheritable)");

  if (prctl (PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0)
    return bx_fail_errno (err, "clear the ambient capabilities");
  for (cap = 0; cap <= last; cap++)
    {
      /* The kernel only lets a capability be ambient when it is both permitted and
       * inheritable; runc skips the others silently, and so do we (runc spec
       * --rootless lists ambient capabilities without inheritable ones). */
      if (!has_cap (caps[BX_CAP_AMBIENT], cap) || !has_cap (prm, cap) || !has_cap (inh, cap))
        continue;
      if (prctl (PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap, 0, 0) < 0)
        return bx_fail_errno (err, "raise the ambient capability %s", cap_name (cap, buf));
    }
  return 0;
}
