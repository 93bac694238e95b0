/* The container's own cgroup v2 (cgroup2.h), as runc's fs2 manager sets it up
 * for the fields boxctl-runtime takes: mkdir, controllers enabled top-down in
 * cgroup.subtree_control, the limits in runc's order and conversions, and the
 * move through cgroup.procs. */
#define _GNU_SOURCE
#include "cgroup2.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mountinfo.h"

struct cgroup
{
  char mount[PATH_MAX]; /* the cgroup2 mount point */
  bool mounted;
  char rel[PATH_MAX]; /* linux.cgroupsPath, normalised: "/a/b" */
  size_t anchor; /* rel[0, anchor) is the delegated cgroup: the topmost one we may change */
  size_t created; /* rel[0, created) is the first directory this run made; 0: none */
};

/* A directory of the hierarchy by its first `len` bytes of rel. */
struct path
{
  char s[PATH_MAX + 32];
};

static struct path
dir_of (const struct cgroup *cg, size_t len, const char *file)
{
  struct path p;

  snprintf (p.s, sizeof (p.s), "%s%.*s%s%s", cg->mount, (int) len, cg->rel, file != NULL ? "/" : "",
            file != NULL ? file : "");
  return p;
}

/* How messages name a cgroup: by its path in the hierarchy, as systemd does. */
static struct path
name_of (const struct cgroup *cg, size_t len)
{
  struct path p;

  if (len == 0)
    snprintf (p.s, sizeof (p.s), "/");
  else
    snprintf (p.s, sizeof (p.s), "%.*s", (int) len, cg->rel);
  return p;
}

static int
find_cgroup2 (const struct bx_mountinfo *mi, void *data, struct bx_error *err)
{
  struct cgroup *cg = data;

  (void) err;
  if (strcmp (mi->fstype, "cgroup2") != 0)
    return 0;
  snprintf (cg->mount, sizeof (cg->mount), "%s", strcmp (mi->mountpoint, "/") == 0 ? "" : mi->mountpoint);
  cg->mounted = true;
  return 1;
}

static int
locate (const char *cgroups_path, struct cgroup *cg, struct bx_error *err)
{
  const char *p = cgroups_path;
  size_t o = 0;
  int ret;

  memset (cg, 0, sizeof (*cg));
  if ((ret = bx_mountinfo_each (find_cgroup2, cg, err)) < 0)
    return ret;
  if (!cg->mounted)
    return bx_fail (err, ENOENT, "linux.cgroupsPath is set, but no cgroup2 filesystem is mounted");
  /* One slash between components, none at the end. */
  while (*p != '\0')
    {
      size_t len;

      p += strspn (p, "/");
      len = strcspn (p, "/");
      if (len == 0)
        break;
      if (o + 1 + len >= sizeof (cg->rel) - 1 || strlen (cg->mount) + o + 1 + len >= PATH_MAX)
        return bx_fail (err, ENAMETOOLONG, "linux.cgroupsPath %s", cgroups_path);
      cg->rel[o++] = '/';
      memcpy (cg->rel + o, p, len);
      o += len;
      p += len;
    }
  cg->rel[o] = '\0';
  return 0;
}

/* mkdir -p, remembering what it made. */
static int
make_dirs (struct cgroup *cg, struct bx_error *err)
{
  size_t i;

  for (i = 1;; i++)
    {
      if (cg->rel[i] != '/' && cg->rel[i] != '\0')
        continue;
      if (mkdir (dir_of (cg, i, NULL).s, 0755) == 0)
        {
          if (cg->created == 0)
            cg->created = i;
        }
      else if (errno != EEXIST)
        return bx_fail_errno (err, "create the cgroup %s (linux.cgroupsPath)%s", name_of (cg, i).s,
                              errno == EACCES || errno == EPERM ? ": is its parent delegated to you?" : "");
      if (cg->rel[i] == '\0')
        return 0;
    }
}

/* A setup that failed leaves nothing behind: what this run made goes, deepest
 * first.  Best effort: the error being reported is the one that matters. */
static void
remove_made (const struct cgroup *cg)
{
  size_t len = strlen (cg->rel);

  if (cg->created == 0)
    return;
  for (;;)
    {
      if (rmdir (dir_of (cg, len, NULL).s) < 0 || len <= cg->created)
        return;
      while (cg->rel[--len] != '/')
        ;
    }
}

/* The delegated cgroup is the topmost on the path whose cgroup.subtree_control
 * we may write, as systemd hands out a subtree (Delegate=yes chowns it).
 * Without one, the container's parent, where enabling will fail and say so. */
static void
find_delegated (struct cgroup *cg)
{
  size_t len = 0, rel_len = strlen (cg->rel);

  while (len < rel_len)
    {
      const char *next = strchr (cg->rel + len + 1, '/');

      if (faccessat (AT_FDCWD, dir_of (cg, len, "cgroup.subtree_control").s, W_OK, AT_EACCESS) == 0)
        {
          cg->anchor = len;
          return;
        }
      if (next == NULL)
        break;
      len = (size_t) (next - cg->rel);
    }
  cg->anchor = (size_t) (strrchr (cg->rel, '/') - cg->rel);
}

/* A one-line cgroup file (cgroup.controllers, cgroup.subtree_control). */
static int
read_line (const char *path, char *buf, size_t size, struct bx_error *err)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  ssize_t n;

  if (fd < 0)
    return bx_fail_errno (err, "open %s", path);
  n = read (fd, buf, size - 1);
  if (n < 0)
    {
      bx_fail_errno (err, "read %s", path);
      close (fd);
      return -1;
    }
  close (fd);
  buf[n] = '\0';
  buf[strcspn (buf, "\n")] = '\0';
  return 0;
}

static bool
has_word (const char *list, const char *word)
{
  size_t len = strlen (word);
  const char *p = list;

  while ((p = strstr (p, word)) != NULL)
    {
      if ((p == list || p[-1] == ' ') && (p[len] == ' ' || p[len] == '\0'))
        return true;
      p += len;
    }
  return false;
}

static int
write_file (const char *path, const char *value)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);
  ssize_t n;
  int saved;

  if (fd < 0)
    return -1;
  n = write (fd, value, strlen (value));
  saved = errno;
  close (fd);
  errno = saved;
  return n == (ssize_t) strlen (value) ? 0 : -1;
}

static int
not_delegated (const struct cgroup *cg, const char *ctrl, const char *have, struct bx_error *err)
{
  char root_has[256];
  int ret = read_line (dir_of (cg, 0, "cgroup.controllers").s, root_has, sizeof (root_has), err);

  if (ret < 0)
    return ret;
  return bx_fail (err, 0, "cannot limit %s: the %s controller is not delegated to %s (cgroup.controllers there %s%s): %s",
                  ctrl, ctrl, name_of (cg, cg->anchor).s, have[0] != '\0' ? "has: " : "is empty", have,
                  has_word (root_has, ctrl)
                      ? "enable it in the parent's cgroup.subtree_control or run under a systemd scope with "
                        "Delegate=yes"
                      : "this host's cgroup2 hierarchy lacks it altogether (bound to cgroup v1 on a hybrid host?)");
}

static int
enable_in (const struct cgroup *cg, size_t len, const char *ctrl, struct bx_error *err)
{
  struct path file = dir_of (cg, len, "cgroup.subtree_control");
  struct path where = name_of (cg, len);
  char on[256], plus[32];
  int ret = read_line (file.s, on, sizeof (on), err);

  if (ret < 0 || has_word (on, ctrl))
    return ret;
  snprintf (plus, sizeof (plus), "+%s", ctrl);
  if (write_file (file.s, plus) == 0)
    return 0;
  if (errno == EBUSY)
    return bx_fail_errno (err,
                          "cannot limit %s: cannot enable the %s controller in %s/cgroup.subtree_control: %s holds "
                          "processes itself, and cgroup v2 enables controllers only below cgroups without "
                          "processes of their own (no internal processes): move them into a leaf cgroup "
                          "(e.g. %s/runner) or put linux.cgroupsPath elsewhere",
                          ctrl, ctrl, where.s, where.s, where.s);
  return bx_fail_errno (err, "cannot limit %s: cannot enable the %s controller in %s/cgroup.subtree_control%s", ctrl,
                        ctrl, where.s, errno == EACCES || errno == EPERM ? " (is it delegated to you?)" : "");
}

/* Available at the delegated cgroup, then switched on from there down to the
 * container's parent. */
static int
enable (const struct cgroup *cg, const char *ctrl, struct bx_error *err)
{
  size_t len = cg->anchor, rel_len = strlen (cg->rel);
  char have[256];
  int ret = read_line (dir_of (cg, cg->anchor, "cgroup.controllers").s, have, sizeof (have), err);

  if (ret < 0)
    return ret;
  if (!has_word (have, ctrl))
    return not_delegated (cg, ctrl, have, err);
  while (len < rel_len)
    {
      const char *next = strchr (cg->rel + len + 1, '/');

      if ((ret = enable_in (cg, len, ctrl, err)) < 0)
        return ret;
      len = next != NULL ? (size_t) (next - cg->rel) : rel_len;
    }
  return 0;
}

static bool
wants_memory (const struct bx_resources *r)
{
  return r->memory_limit != 0 || r->memory_swap != 0 || r->memory_reservation != 0;
}

static bool
wants_cpu (const struct bx_resources *r)
{
  return r->cpu_quota != 0 || r->cpu_period != 0 || r->cpu_shares != 0;
}

/* OCI's -1 is cgroup v2's "max". */
static void
limit_str (char *buf, size_t size, int64_t v)
{
  if (v < 0)
    snprintf (buf, size, "max");
  else
    snprintf (buf, size, "%" PRId64, v);
}

static int
set (const struct cgroup *cg, const char *file, const char *value, const char *field, bool may_lack,
     struct bx_error *err)
{
  struct path p = dir_of (cg, strlen (cg->rel), file);

  if (write_file (p.s, value) == 0 || (may_lack && errno == ENOENT))
    return 0;
  return bx_fail_errno (err, "write %s to %s/%s (linux.resources.%s)", value, name_of (cg, strlen (cg->rel)).s, file,
                        field);
}

/* runc's ConvertMemorySwapToCgroupV2Value: OCI's swap is memory+swap, v2's
 * memory.swap.max is swap alone.  Without swap accounting (no
 * memory.swap.max) "max" and "0" change nothing, so their absence is fine. */
static int
set_memory (const struct cgroup *cg, const struct bx_resources *r, struct bx_error *err)
{
  char v[32];
  int ret;

  if ((r->memory_limit == -1 && r->memory_swap == 0) || r->memory_swap == -1)
    ret = set (cg, "memory.swap.max", "max", "memory.swap", true, err);
  else if (r->memory_swap > 0)
    {
      snprintf (v, sizeof (v), "%" PRId64, r->memory_swap - r->memory_limit);
      ret = set (cg, "memory.swap.max", v, "memory.swap", r->memory_swap == r->memory_limit, err);
    }
  else
    ret = 0;
  if (ret < 0)
    return ret;
  if (r->memory_limit != 0)
    {
      limit_str (v, sizeof (v), r->memory_limit);
      if ((ret = set (cg, "memory.max", v, "memory.limit", false, err)) < 0)
        return ret;
    }
  if (r->memory_reservation != 0)
    {
      limit_str (v, sizeof (v), r->memory_reservation);
      return set (cg, "memory.low", v, "memory.reservation", false, err);
    }
  return 0;
}

static int
set_cpu (const struct cgroup *cg, const struct bx_resources *r, struct bx_error *err)
{
  char v[64];
  int ret;

  if (r->cpu_shares != 0)
    {
      /* runc's ConvertCPUSharesToCgroupV2Value: [2, 262144] onto [1, 10000]. */
      snprintf (v, sizeof (v), "%" PRIu64, 1 + ((r->cpu_shares - 2) * 9999) / 262142);
      if ((ret = set (cg, "cpu.weight", v, "cpu.shares", false, err)) < 0)
        return ret;
    }
  if (r->cpu_quota == 0 && r->cpu_period == 0)
    return 0;
  limit_str (v, sizeof (v), r->cpu_quota > 0 ? r->cpu_quota : -1);
  /* Without a period the kernel keeps the one it has (100ms by default). */
  if (r->cpu_period != 0)
    snprintf (v + strlen (v), sizeof (v) - strlen (v), " %" PRIu64, r->cpu_period);
  return set (cg, "cpu.max", v, "cpu.quota", false, err);
}

static int
set_limits (const struct cgroup *cg, const struct bx_resources *r, struct bx_error *err)
{
  char v[32];
  int ret;

  if ((wants_memory (r) && (ret = set_memory (cg, r, err)) < 0) || (wants_cpu (r) && (ret = set_cpu (cg, r, err)) < 0))
    return ret;
  if (!r->has_pids_limit)
    return 0;
  limit_str (v, sizeof (v), r->pids_limit > 0 ? r->pids_limit : -1);
  return set (cg, "pids.max", v, "pids.limit", false, err);
}

int
bx_cgroup_setup (const struct bx_spec *s, char **dir, struct bx_error *err)
{
  const struct bx_resources *r = &s->resources;
  struct cgroup cg;
  int ret;

  if ((ret = locate (s->cgroups_path, &cg, err)) < 0)
    return ret;
  if ((ret = make_dirs (&cg, err)) < 0)
    {
      remove_made (&cg);
      return ret;
    }
  find_delegated (&cg);
  if ((wants_memory (r) && (ret = enable (&cg, "memory", err)) < 0)
      || (r->has_pids_limit && (ret = enable (&cg, "pids", err)) < 0)
      || (wants_cpu (r) && (ret = enable (&cg, "cpu", err)) < 0) || (ret = set_limits (&cg, r, err)) < 0)
    {
      remove_made (&cg);
      return ret;
    }
  *dir = strdup (dir_of (&cg, strlen (cg.rel), NULL).s);
  if (*dir == NULL)
    return bx_fail (err, ENOMEM, "linux.cgroupsPath");
  return 0;
}

int
bx_cgroup_dir (const char *cgroups_path, char *out, size_t len, struct bx_error *err)
{
  struct cgroup cg;
  int ret;

  if ((ret = locate (cgroups_path, &cg, err)) < 0)
    return ret;
  if ((size_t) snprintf (out, len, "%s", dir_of (&cg, strlen (cg.rel), NULL).s) >= len)
    return bx_fail (err, ENAMETOOLONG, "linux.cgroupsPath %s", cgroups_path);
  return 0;
}

void
bx_cgroup_abandon (const char *dir)
{
  int i;

  /* The container's processes were just killed: the kernel may take a moment
   * to let go of the cgroup.  Best effort: a leftover is the caller's to remove. */
  for (i = 0; i < 50 && rmdir (dir) < 0 && errno == EBUSY; i++)
    usleep (10000);
}

int
bx_cgroup_enter (const char *dir, pid_t pid, struct bx_error *err)
{
  char path[PATH_MAX + 16], value[16];

  snprintf (path, sizeof (path), "%s/cgroup.procs", dir);
  snprintf (value, sizeof (value), "%d", (int) pid);
  if (write_file (path, value) == 0)
    return 0;
  if (errno == EACCES || errno == EPERM)
    return bx_fail_errno (err,
                          "move the container into the cgroup %s (the cgroup.procs of the closest cgroup above both "
                          "it and the runtime's own must be writable: run the runtime inside the cgroup delegated "
                          "to you)",
                          dir);
  if (errno == EBUSY)
    return bx_fail_errno (err,
                          "move the container into the cgroup %s (it has controllers enabled for children in "
                          "cgroup.subtree_control, so it cannot hold processes: give a leaf cgroup)",
                          dir);
  /* The kernel's "domain invalid": a parent that holds processes itself got
   * controllers for its children (no internal processes). */
  if (errno == EOPNOTSUPP)
    return bx_fail_errno (err,
                          "move the container into the cgroup %s (a cgroup above it holds processes itself and has "
                          "controllers enabled for its children, which cgroup v2 forbids (no internal processes): "
                          "put linux.cgroupsPath below a cgroup without processes of its own)",
                          dir);
  return bx_fail_errno (err, "move the container into the cgroup %s", dir);
}
