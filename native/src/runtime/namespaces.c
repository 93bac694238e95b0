/* Namespaces: names, joining by path, creating, and the two that need a first
 * touch (time offsets, loopback). */
#define _GNU_SOURCE
#include "namespaces.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/magic.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "inroot.h"

static const struct
{
  const char *name;
  int flag;
} ns_names[] = {
  { "user", CLONE_NEWUSER }, { "mount", CLONE_NEWNS }, { "pid", CLONE_NEWPID },
  { "uts", CLONE_NEWUTS },   { "ipc", CLONE_NEWIPC },  { "network", CLONE_NEWNET },
  { "cgroup", CLONE_NEWCGROUP }, { "time", CLONE_NEWTIME },
};

int
bx_ns_flag_from_name (const char *name)
{
  size_t i;

  for (i = 0; i < sizeof (ns_names) / sizeof (ns_names[0]); i++)
    if (strcmp (ns_names[i].name, name) == 0)
      return ns_names[i].flag;
  return 0;
}

static const char *
ns_name (int flag)
{
  size_t i;

  for (i = 0; i < sizeof (ns_names) / sizeof (ns_names[0]); i++)
    if (ns_names[i].flag == flag)
      return ns_names[i].name;
  return "?";
}

static int
join_one (int fd, const struct bx_namespace *ns, struct bx_error *err)
{
  if (setns (fd, ns->flag) < 0)
    return bx_fail_errno (err, "join the %s namespace %s", ns_name (ns->flag), ns->path);
  return 0;
}

int
bx_ns_join (const struct bx_spec *spec, struct bx_error *err)
{
  int fds[8]; /* spec.c rejects a type given twice: at most eight entries */
  int opened, i, ret = 0;

  for (opened = 0; opened < spec->n_namespaces; opened++)
    {
      const struct bx_namespace *ns = &spec->namespaces[opened];

      fds[opened] = -1;
      if (ns->path == NULL)
        continue;
      fds[opened] = open (ns->path, O_RDONLY | O_CLOEXEC);
      if (fds[opened] < 0)
        {
          ret = bx_fail_errno (err, "open the %s namespace %s", ns_name (ns->flag), ns->path);
          break;
        }
    }
  for (i = 0; ret == 0 && i < opened; i++)
    if (fds[i] >= 0 && spec->namespaces[i].flag == CLONE_NEWUSER)
      ret = join_one (fds[i], &spec->namespaces[i], err);
  for (i = 0; ret == 0 && i < opened; i++)
    if (fds[i] >= 0 && spec->namespaces[i].flag != CLONE_NEWUSER)
      ret = join_one (fds[i], &spec->namespaces[i], err);
  for (i = 0; i < opened; i++)
    if (fds[i] >= 0)
      close (fds[i]);
  return ret;
}

int
bx_ns_unshare (int flags, struct bx_error *err)
{
  char names[128] = "";
  size_t i;

  if (flags == 0 || unshare (flags) == 0)
    return 0;
  for (i = 0; i < sizeof (ns_names) / sizeof (ns_names[0]); i++)
    if (flags & ns_names[i].flag)
      snprintf (names + strlen (names), sizeof (names) - strlen (names), "%s%s", names[0] ? " " : "",
                ns_names[i].name);
  return bx_fail_errno (err, "create the namespaces: %s", names);
}

int
bx_ns_set_time_offsets (const struct bx_spec *spec, struct bx_error *err)
{
  char buf[128] = "";
  ssize_t len;
  int fd;

  if (spec->monotonic.set)
    snprintf (buf, sizeof (buf), "monotonic %lld %u\n", (long long) spec->monotonic.secs, spec->monotonic.nanosecs);
  if (spec->boottime.set)
    snprintf (buf + strlen (buf), sizeof (buf) - strlen (buf), "boottime %lld %u\n", (long long) spec->boottime.secs,
              spec->boottime.nanosecs);
  if (buf[0] == '\0')
    return 0;
  fd = open ("/proc/self/timens_offsets", O_WRONLY | O_CLOEXEC);
  if (fd < 0)
    return bx_fail_errno (err, "open /proc/self/timens_offsets (linux.timeOffsets)");
  len = (ssize_t) strlen (buf);
  if (write (fd, buf, (size_t) len) != len)
    {
      int saved = errno;
      close (fd);
      return bx_fail (err, saved, "write linux.timeOffsets to /proc/self/timens_offsets");
    }
  close (fd);
  return 0;
}

int
bx_ns_loopback_up (struct bx_error *err)
{
  struct ifreq ifr;
  int fd = socket (AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

  if (fd < 0)
    return bx_fail_errno (err, "socket to configure the loopback device");
  memset (&ifr, 0, sizeof (ifr));
  strcpy (ifr.ifr_name, "lo");
  if (ioctl (fd, SIOCGIFFLAGS, &ifr) == 0)
    {
      ifr.ifr_flags |= IFF_UP;
      if (ioctl (fd, SIOCSIFFLAGS, &ifr) == 0)
        {
          close (fd);
          return 0;
        }
    }
  bx_fail_errno (err, "bring the loopback device up");
  close (fd);
  return -1;
}

static int
write_sysctl (int rootfd, const struct bx_sysctl *sc, struct bx_error *err)
{
  char path[PATH_MAX], *p;
  struct statfs sfs;
  ssize_t len = (ssize_t) strlen (sc->value);
  int fd, ret = 0;

  if ((size_t) snprintf (path, sizeof (path), "/proc/sys/%s", sc->key) >= sizeof (path))
    return bx_fail (err, ENAMETOOLONG, "linux.sysctl %s", sc->key);
  for (p = path + strlen ("/proc/sys/"); *p != '\0'; p++)
    if (*p == '.')
      *p = '/';
  fd = bx_inroot_open (rootfd, path, O_WRONLY, err);
  if (fd < 0)
    return fd;
  /* Anything but procfs there (a mount planted by the image) is not a sysctl. */
  if (fstatfs (fd, &sfs) < 0 || sfs.f_type != PROC_SUPER_MAGIC)
    ret = bx_fail (err, EINVAL, "linux.sysctl %s: %s is not on procfs", sc->key, path);
  else if (write (fd, sc->value, (size_t) len) != len)
    ret = bx_fail_errno (err, "set linux.sysctl %s to '%s'", sc->key, sc->value);
  close (fd);
  return ret;
}

int
bx_ns_sysctl (const struct bx_spec *spec, struct bx_error *err)
{
  int rootfd, i, ret = 0;

  if (spec->n_sysctl == 0)
    return 0;
  rootfd = open ("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (rootfd < 0)
    return bx_fail_errno (err, "open /");
  for (i = 0; ret == 0 && i < spec->n_sysctl; i++)
    ret = write_sysctl (rootfd, &spec->sysctl[i], err);
  close (rootfd);
  return ret;
}
