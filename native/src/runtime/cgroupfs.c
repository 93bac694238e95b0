/* The "cgroup" mount type.  runc 1.1 decides by the host: on a unified (cgroup2)
 * /sys/fs/cgroup it mounts cgroup2, falling back to a bind of the host's when the
 * kernel refuses (no cgroup namespace of our own); otherwise (v1 or hybrid) it
 * mounts a tmpfs and binds each v1 hierarchy at the process's own cgroup.  A
 * fresh v1 cgroupfs cannot be mounted from a user namespace at all, so binds are
 * the only v1 way here, with or without a cgroup namespace. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/magic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "inroot.h"
#include "mounts.h"
#include "mountinfo.h"

#define MAX_HIERARCHIES 32

struct own_cgroup
{
  char controllers[128]; /* "cpu,cpuacct", "name=systemd" */
  char path[PATH_MAX];
};

struct v1_state
{
  const struct bx_mount *m;
  int rootfd;
  const char *rootfs;
  struct own_cgroup own[MAX_HIERARCHIES];
  int n_own;
  char seen[MAX_HIERARCHIES][128];
  int n_seen;
  char merged[MAX_HIERARCHIES][128];
  int n_merged;
};

static void
copy_name (char dst[128], const char *src)
{
  size_t n = strnlen (src, 127);

  memcpy (dst, src, n);
  dst[n] = '\0';
}

static int
read_own_cgroups (struct v1_state *st, struct bx_error *err)
{
  FILE *f = fopen ("/proc/self/cgroup", "re");
  char line[PATH_MAX + 160];

  if (f == NULL)
    return bx_fail_errno (err, "open /proc/self/cgroup");
  while (st->n_own < MAX_HIERARCHIES && fgets (line, sizeof (line), f) != NULL)
    {
      char *ctl = strchr (line, ':'), *path;

      if (ctl == NULL || (path = strchr (ctl + 1, ':')) == NULL)
        continue;
      *path++ = '\0';
      path[strcspn (path, "\n")] = '\0';
      if (ctl[1] == '\0') /* the cgroup2 line "0::/..." */
        continue;
      copy_name (st->own[st->n_own].controllers, ctl + 1);
      snprintf (st->own[st->n_own].path, sizeof (st->own[0].path), "%s", path);
      st->n_own++;
    }
  fclose (f);
  return 0;
}

/* Whether every controller of `controllers` is among the super options. */
static bool
controllers_in (const char *controllers, const char *superopts)
{
  char copy[128], *save = NULL, *c;

  snprintf (copy, sizeof (copy), "%s", controllers);
  for (c = strtok_r (copy, ",", &save); c != NULL; c = strtok_r (NULL, ",", &save))
    {
      size_t len = strlen (c);
      const char *p = superopts;
      bool found = false;

      while (!found && (p = strstr (p, c)) != NULL)
        {
          found = (p == superopts || p[-1] == ',') && (p[len] == ',' || p[len] == '\0');
          p += len;
        }
      if (!found)
        return false;
    }
  return true;
}

static int
bind_hierarchy (const struct bx_mountinfo *mi, void *data, struct bx_error *err)
{
  struct v1_state *st = data;
  const char *base, *rel;
  char source[PATH_MAX], dest[PATH_MAX];
  struct bx_mount bind;
  int i, j;

  if (strcmp (mi->fstype, "cgroup") != 0)
    return 0;
  for (i = 0; i < st->n_own && !controllers_in (st->own[i].controllers, mi->superopts); i++)
    ;
  if (i == st->n_own)
    return 0;
  /* Only the first mount of a hierarchy, as runc's GetCgroupMounts(false). */
  for (j = 0; j < st->n_seen; j++)
    if (strcmp (st->seen[j], st->own[i].controllers) == 0)
      return 0;
  if (st->n_seen < MAX_HIERARCHIES)
    copy_name (st->seen[st->n_seen++], st->own[i].controllers);

  rel = st->own[i].path;
  if (strcmp (mi->root, "/") != 0 && strncmp (rel, mi->root, strlen (mi->root)) == 0)
    rel += strlen (mi->root);
  base = strrchr (mi->mountpoint, '/');
  base = base != NULL ? base + 1 : mi->mountpoint;
  snprintf (source, sizeof (source), "%s%s%s", mi->mountpoint, rel[0] == '/' || rel[0] == '\0' ? "" : "/",
            strcmp (rel, "/") == 0 ? "" : rel);
  snprintf (dest, sizeof (dest), "%s/%s", st->m->destination, base);

  bind = *st->m;
  bind.type = "bind";
  bind.source = source;
  bind.destination = dest;
  bind.flags |= MS_BIND | MS_REC;
  bind.data = NULL;
  if (strchr (base, ',') != NULL && st->n_merged < MAX_HIERARCHIES)
    copy_name (st->merged[st->n_merged++], base);
  return bx_mount_one (&bind, st->rootfd, st->rootfs, err);
}

/* "cpu,cpuacct" is also reachable as "cpu" and "cpuacct". */
static int
link_merged (struct v1_state *st, struct bx_error *err)
{
  int dirfd, i, ret = 0;

  if (st->n_merged == 0)
    return 0;
  dirfd = bx_inroot_open (st->rootfd, st->m->destination, O_PATH | O_DIRECTORY, err);
  if (dirfd < 0)
    return dirfd;
  for (i = 0; ret == 0 && i < st->n_merged; i++)
    {
      char copy[128], *save = NULL, *c;

      snprintf (copy, sizeof (copy), "%s", st->merged[i]);
      for (c = strtok_r (copy, ",", &save); ret == 0 && c != NULL; c = strtok_r (NULL, ",", &save))
        if (symlinkat (st->merged[i], dirfd, c) < 0 && errno != EEXIST)
          ret = bx_fail_errno (err, "symlink %s/%s", st->m->destination, c);
    }
  close (dirfd);
  return ret;
}

static int
mount_v1 (const struct bx_mount *m, int rootfd, const char *rootfs, struct bx_error *err)
{
  char mode[] = "mode=755";
  struct v1_state *st;
  struct bx_mount tmpfs = *m;
  int ret;

  tmpfs.type = "tmpfs";
  tmpfs.source = "tmpfs";
  tmpfs.flags = MS_NOEXEC | MS_NOSUID | MS_NODEV;
  tmpfs.data = mode;
  tmpfs.attr_set = tmpfs.attr_clr = 0;
  ret = bx_mount_one (&tmpfs, rootfd, rootfs, err);
  if (ret < 0)
    return ret;

  st = calloc (1, sizeof (*st));
  if (st == NULL)
    return bx_fail (err, ENOMEM, "mount %s", m->destination);
  st->m = m;
  st->rootfd = rootfd;
  st->rootfs = rootfs;
  ret = read_own_cgroups (st, err);
  if (ret == 0)
    ret = bx_mountinfo_each (bind_hierarchy, st, err);
  if (ret == 0)
    ret = link_merged (st, err);
  free (st);
  return ret;
}

static int
mount_v2 (const struct bx_mount *m, int rootfd, const char *rootfs, struct bx_error *err)
{
  struct bx_mount bind = *m;
  int fd = bx_inroot_mkpath (rootfd, m->destination, true, err);
  int ret;

  if (fd < 0)
    return fd;
  ret = mount (m->source, bx_fdpath (fd).s, "cgroup2", m->flags, m->data);
  close (fd);
  if (ret == 0)
    return 0;
  if (errno != EPERM && errno != EBUSY)
    return bx_fail_errno (err, "mount cgroup2 on %s", m->destination);
  bind.type = "bind";
  bind.source = "/sys/fs/cgroup";
  bind.flags |= MS_BIND;
  bind.data = NULL;
  return bx_mount_one (&bind, rootfd, rootfs, err);
}

int
bx_mount_cgroup (const struct bx_mount *m, int rootfd, const char *rootfs, struct bx_error *err)
{
  struct statfs sfs;

  if (statfs ("/sys/fs/cgroup", &sfs) < 0)
    return bx_fail_errno (err, "statfs /sys/fs/cgroup");
  if (sfs.f_type == CGROUP2_SUPER_MAGIC)
    return mount_v2 (m, rootfd, rootfs, err);
  return mount_v1 (m, rootfd, rootfs, err);
}
