/* One entry of the spec's `mounts`, the way runc 1.1 mounts it (mountToRootfs,
 * mountPropagate, remount), with every target opened inside the root first. */
#define _GNU_SOURCE
#include "mounts.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/magic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "inroot.h"

static const struct
{
  const char *name;
  bool clear;
  unsigned long flag;
} flag_options[] = {
  { "acl", false, MS_POSIXACL },
  { "async", true, MS_SYNCHRONOUS },
  { "atime", true, MS_NOATIME },
  { "bind", false, MS_BIND },
  { "defaults", false, 0 },
  { "dev", true, MS_NODEV },
  { "diratime", true, MS_NODIRATIME },
  { "dirsync", false, MS_DIRSYNC },
  { "exec", true, MS_NOEXEC },
  { "iversion", false, MS_I_VERSION },
  { "lazytime", false, MS_LAZYTIME },
  { "loud", true, MS_SILENT },
  { "mand", false, MS_MANDLOCK },
  { "noacl", true, MS_POSIXACL },
  { "noatime", false, MS_NOATIME },
  { "nodev", false, MS_NODEV },
  { "nodiratime", false, MS_NODIRATIME },
  { "noexec", false, MS_NOEXEC },
  { "noiversion", true, MS_I_VERSION },
  { "nolazytime", true, MS_LAZYTIME },
  { "nomand", true, MS_MANDLOCK },
  { "norelatime", true, MS_RELATIME },
  { "nostrictatime", true, MS_STRICTATIME },
  { "nosuid", false, MS_NOSUID },
  { "rbind", false, MS_BIND | MS_REC },
  { "relatime", false, MS_RELATIME },
  { "remount", false, MS_REMOUNT },
  { "ro", false, MS_RDONLY },
  { "rw", true, MS_RDONLY },
  { "silent", false, MS_SILENT },
  { "strictatime", false, MS_STRICTATIME },
  { "suid", true, MS_NOSUID },
  { "sync", false, MS_SYNCHRONOUS },
};

static const struct
{
  const char *name;
  unsigned long flag;
} propagation_options[] = {
  { "private", MS_PRIVATE },
  { "rprivate", MS_PRIVATE | MS_REC },
  { "shared", MS_SHARED },
  { "rshared", MS_SHARED | MS_REC },
  { "slave", MS_SLAVE },
  { "rslave", MS_SLAVE | MS_REC },
  { "unbindable", MS_UNBINDABLE },
  { "runbindable", MS_UNBINDABLE | MS_REC },
};

/* OCI 1.1's recursive options, applied with mount_setattr(AT_RECURSIVE). */
static const struct
{
  const char *name;
  uint64_t set, clr;
} recursive_options[] = {
  { "rro", MOUNT_ATTR_RDONLY, 0 },
  { "rrw", 0, MOUNT_ATTR_RDONLY },
  { "rnosuid", MOUNT_ATTR_NOSUID, 0 },
  { "rsuid", 0, MOUNT_ATTR_NOSUID },
  { "rnodev", MOUNT_ATTR_NODEV, 0 },
  { "rdev", 0, MOUNT_ATTR_NODEV },
  { "rnoexec", MOUNT_ATTR_NOEXEC, 0 },
  { "rexec", 0, MOUNT_ATTR_NOEXEC },
  { "rnodiratime", MOUNT_ATTR_NODIRATIME, 0 },
  { "rdiratime", 0, MOUNT_ATTR_NODIRATIME },
  { "rrelatime", MOUNT_ATTR_RELATIME, MOUNT_ATTR__ATIME },
  { "rnoatime", MOUNT_ATTR_NOATIME, MOUNT_ATTR__ATIME },
  { "rstrictatime", MOUNT_ATTR_STRICTATIME, MOUNT_ATTR__ATIME },
};

#define N_OF(a) (sizeof (a) / sizeof ((a)[0]))

static int
parse_one_option (struct bx_mount *m, const char *opt, const char *field, size_t *datalen, struct bx_error *err)
{
  size_t i, len;

  for (i = 0; i < N_OF (flag_options); i++)
    if (strcmp (opt, flag_options[i].name) == 0)
      {
        if (flag_options[i].clear)
          m->flags &= ~flag_options[i].flag;
        else
          m->flags |= flag_options[i].flag;
        return 0;
      }
  for (i = 0; i < N_OF (propagation_options); i++)
    if (strcmp (opt, propagation_options[i].name) == 0)
      {
        if (m->n_propagation == (int) N_OF (m->propagation))
          return bx_fail (err, EINVAL, "config.json: %s: too many propagation options", field);
        m->propagation[m->n_propagation++] = propagation_options[i].flag;
        return 0;
      }
  for (i = 0; i < N_OF (recursive_options); i++)
    if (strcmp (opt, recursive_options[i].name) == 0)
      {
        m->attr_set = (m->attr_set & ~recursive_options[i].clr) | recursive_options[i].set;
        m->attr_clr |= recursive_options[i].clr;
        return 0;
      }
  if (strcmp (opt, "tmpcopyup") == 0 || strcmp (opt, "idmap") == 0 || strcmp (opt, "ridmap") == 0)
    return bx_fail (err, ENOTSUP, "config.json: %s: option '%s' is not supported by boxctl-runtime", field, opt);

  /* Anything else is for the filesystem (size=, mode=, newinstance, ...). */
  len = strlen (opt);
  m->data = realloc (m->data, *datalen + len + 2);
  if (m->data == NULL)
    return bx_fail (err, ENOMEM, "config.json: %s", field);
  if (*datalen > 0)
    m->data[(*datalen)++] = ',';
  memcpy (m->data + *datalen, opt, len + 1);
  *datalen += len;
  return 0;
}

int
bx_mount_parse_options (struct bx_mount *m, const char *const *opts, int n, const char *field, struct bx_error *err)
{
  size_t datalen = 0;
  int i, ret;

  for (i = 0; i < n; i++)
    {
      ret = parse_one_option (m, opts[i], field, &datalen, err);
      if (ret < 0)
        return ret;
    }
  return 0;
}

/* runc's checkProcMount: procfs files can rewrite kernel settings, so nothing
 * but a proc mount may go on /proc and nothing at all below it, except the
 * files lxcfs emulates. */
static int
check_proc_destination (int fd, const char *rootfs, const struct bx_mount *m, struct bx_error *err)
{
  static const char *const lxcfs_files[] = {
    "/cpuinfo", "/diskstats", "/meminfo", "/stat", "/swaps", "/uptime", "/loadavg", "/slabinfo",
    "/net/dev", "/sys/kernel/ns_last_pid",
  };
  char target[PATH_MAX], proc[PATH_MAX];
  ssize_t n = readlink (bx_fdpath (fd).s, target, sizeof (target) - 1);
  size_t plen, i;

  if (n < 0)
    return bx_fail_errno (err, "readlink the mount target %s", m->destination);
  target[n] = '\0';
  snprintf (proc, sizeof (proc), "%s/proc", strcmp (rootfs, "/") == 0 ? "" : rootfs);
  plen = strlen (proc);
  if (strncmp (target, proc, plen) != 0 || (target[plen] != '\0' && target[plen] != '/'))
    return 0;
  if (target[plen] == '\0')
    {
      struct statfs sfs;

      if (strcmp (m->type, "proc") == 0)
        return 0;
      if ((m->flags & MS_BIND) && statfs (m->source, &sfs) == 0 && sfs.f_type == PROC_SUPER_MAGIC)
        return 0;
      return bx_fail (err, EINVAL, "%s cannot be mounted on /proc: it is not of type proc", m->source);
    }
  for (i = 0; i < N_OF (lxcfs_files); i++)
    if (strcmp (target + plen, lxcfs_files[i]) == 0)
      return 0;
  return bx_fail (err, EINVAL, "mount destination %s is inside /proc", m->destination);
}

/* A bind remount replaces the mount's flags wholesale, so the ones it already has
 * (nosuid, nodev, noexec, atime) are carried over: dropping them would loosen
 * the mount, and where the kernel has locked them the remount fails with EPERM. */
int
bx_remount_bind (int fd, unsigned long flags, const char *what, struct bx_error *err)
{
  const unsigned long atime = MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_STRICTATIME;
  unsigned long f = (flags & ~MS_REC) | MS_BIND | MS_REMOUNT;
  struct bx_fdpath path = bx_fdpath (fd);
  struct statfs sfs;

  if (fstatfs (fd, &sfs) < 0)
    return bx_fail_errno (err, "statfs %s", what);
  /* ST_* and MS_* share their values for these bits. */
  f |= (unsigned long) sfs.f_flags & (MS_NOSUID | MS_NODEV | MS_NOEXEC);
  if ((flags & atime) == 0)
    f |= (unsigned long) sfs.f_flags & (MS_NOATIME | MS_NODIRATIME | MS_RELATIME);
  if (mount (NULL, path.s, NULL, f, NULL) == 0)
    return 0;
  /* A read-only flag locked by a less privileged namespace cannot be dropped. */
  if (errno != EPERM || (sfs.f_flags & MS_RDONLY) == 0 || mount (NULL, path.s, NULL, f | MS_RDONLY, NULL) < 0)
    return bx_fail_errno (err, "remount %s", what);
  return 0;
}

/* What follows the mount itself needs the new mount, so the target is opened
 * again: the fd the mount went onto still names what lies beneath it. */
static int
after_mount (const struct bx_mount *m, int rootfd, bool remount, const struct stat *underlying, struct bx_error *err)
{
  int fd = bx_inroot_open (rootfd, m->destination, O_PATH, err);
  int i, ret = 0;

  if (fd < 0)
    return fd;
  for (i = 0; ret == 0 && i < m->n_propagation; i++)
    if (mount (NULL, bx_fdpath (fd).s, NULL, m->propagation[i], NULL) < 0)
      ret = bx_fail_errno (err, "change the propagation of %s", m->destination);
  /* runc gives a tmpfs the mode of the directory it covers. */
  if (ret == 0 && underlying != NULL && chmod (bx_fdpath (fd).s, underlying->st_mode & 07777) < 0)
    ret = bx_fail_errno (err, "chmod %s", m->destination);
  if (ret == 0 && remount)
    ret = bx_remount_bind (fd, m->flags, m->destination, err);
  if (ret == 0 && (m->attr_set | m->attr_clr) != 0)
    {
      struct mount_attr attr = { .attr_set = m->attr_set, .attr_clr = m->attr_clr };

      if (mount_setattr (fd, "", AT_EMPTY_PATH | AT_RECURSIVE, &attr, sizeof (attr)) < 0)
        ret = bx_fail_errno (err, "set the recursive options of %s", m->destination);
    }
  close (fd);
  return ret;
}

static int
mount_bind (const struct bx_mount *m, int rootfd, const char *rootfs, struct bx_error *err)
{
  struct stat st;
  int fd, ret;

  if (stat (m->source, &st) < 0)
    return bx_fail_errno (err, "bind mount source %s (for %s)", m->source, m->destination);
  fd = bx_inroot_mkpath (rootfd, m->destination, S_ISDIR (st.st_mode), err);
  if (fd < 0)
    return fd;
  ret = check_proc_destination (fd, rootfs, m, err);
  if (ret == 0 && mount (m->source, bx_fdpath (fd).s, NULL, MS_BIND | (m->flags & MS_REC), NULL) < 0)
    ret = bx_fail_errno (err, "bind mount %s on %s", m->source, m->destination);
  close (fd);
  if (ret < 0)
    return ret;
  return after_mount (m, rootfd, (m->flags & ~(MS_REC | MS_REMOUNT | MS_BIND)) != 0, NULL, err);
}

static int
mount_filesystem (const struct bx_mount *m, int rootfd, const char *rootfs, struct bx_error *err)
{
  bool tmpfs = strcmp (m->type, "tmpfs") == 0;
  unsigned long flags = m->flags;
  struct stat underlying;
  bool existed = false;
  int fd, ret;

  if (tmpfs)
    {
      struct bx_error ignored;
      fd = bx_inroot_open (rootfd, m->destination, O_PATH, &ignored);
      if (fd >= 0)
        {
          existed = fstat (fd, &underlying) == 0;
          close (fd);
        }
    }
  /* A read-only tmpfs or /dev still has files to receive (devices, the modes
   * above); bx_rootfs_finalize makes it read-only with a bind remount, which
   * leaves the superblock rw, as runc 1.1 does. */
  if (tmpfs || bx_path_is (m->destination, "/dev"))
    flags &= ~MS_RDONLY;
  fd = bx_inroot_mkpath (rootfd, m->destination, true, err);
  if (fd < 0)
    return fd;
  ret = check_proc_destination (fd, rootfs, m, err);
  if (ret == 0 && mount (m->source, bx_fdpath (fd).s, m->type, flags, m->data) < 0)
    {
      if (errno == EPERM && strcmp (m->type, "sysfs") == 0)
        {
          /* A fresh sysfs needs a network namespace owned by our user namespace;
           * without one, show the host's /sys, read-only as asked. */
          struct bx_mount bind = *m;

          close (fd);
          bind.type = "bind";
          bind.source = "/sys";
          bind.flags |= MS_BIND | MS_REC;
          return mount_bind (&bind, rootfd, rootfs, err);
        }
      ret = bx_fail_errno (err, "mount %s (%s) on %s", m->source, m->type, m->destination);
    }
  close (fd);
  if (ret < 0)
    return ret;
  return after_mount (m, rootfd, false, tmpfs && existed ? &underlying : NULL, err);
}

int
bx_mount_one (const struct bx_mount *m, int rootfd, const char *rootfs, struct bx_error *err)
{
  if (strcmp (m->type, "cgroup") == 0)
    return bx_mount_cgroup (m, rootfd, rootfs, err);
  if (m->flags & MS_BIND)
    return mount_bind (m, rootfd, rootfs, err);
  return mount_filesystem (m, rootfd, rootfs, err);
}
