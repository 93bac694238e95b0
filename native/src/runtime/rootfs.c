/* The container's filesystem around the spec's mounts, in runc 1.1's order:
 * prepareRoot, (mounts), createDevices/setupPtmx/setupDevSymlinks, pivotRoot,
 * reOpenDevNull, finalizeRootfs, readonlyPath, maskPath. */
#define _GNU_SOURCE
#include "mounts.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "inroot.h"
#include "mountinfo.h"
#include "overlay.h"

struct parent_mount
{
  const char *rootfs;
  char mountpoint[PATH_MAX];
  bool shared;
};

static int
find_parent_mount (const struct bx_mountinfo *mi, void *data, struct bx_error *err)
{
  struct parent_mount *pm = data;
  size_t len = strlen (mi->mountpoint);

  (void) err;
  if (strcmp (mi->mountpoint, "/") != 0
      && (strncmp (pm->rootfs, mi->mountpoint, len) != 0 || (pm->rootfs[len] != '/' && pm->rootfs[len] != '\0')))
    return 0;
  /* Later lines are mounted on top of earlier ones: the last match wins. */
  if (len >= strlen (pm->mountpoint))
    {
      snprintf (pm->mountpoint, sizeof (pm->mountpoint), "%s", mi->mountpoint);
      pm->shared = strstr (mi->optional, "shared:") != NULL;
    }
  return 0;
}

/* pivot_root(2) refuses a new root whose parent mount is shared, and a shared
 * parent would propagate the rootfs bind back to the host. */
static int
make_parent_private (const char *rootfs, struct bx_error *err)
{
  struct parent_mount pm = { .rootfs = rootfs };
  int ret = bx_mountinfo_each (find_parent_mount, &pm, err);

  if (ret < 0)
    return ret;
  if (pm.shared && mount (NULL, pm.mountpoint, NULL, MS_PRIVATE, NULL) < 0)
    return bx_fail_errno (err, "make %s private", pm.mountpoint);
  return 0;
}

int
bx_rootfs_prepare (const struct bx_spec *spec, const char *rootfs, struct bx_error *err)
{
  unsigned long propagation = spec->rootfs_propagation != 0 ? spec->rootfs_propagation : MS_SLAVE | MS_REC;
  int ret, fd;

  if (mount (NULL, "/", NULL, propagation, NULL) < 0)
    return bx_fail_errno (err, "set the propagation of / (linux.rootfsPropagation)");
  ret = make_parent_private (rootfs, err);
  if (ret < 0)
    return ret;
  /* Under the propagation change, so that it cannot reach the host even
   * without a user namespace; the self-bind below then binds the overlay. */
  if (spec->rootfs_overlay != NULL && (ret = bx_overlay_mount (spec->rootfs_overlay, rootfs, err)) < 0)
    return ret;
  if (mount (rootfs, rootfs, NULL, MS_BIND | MS_REC, NULL) < 0)
    return bx_fail_errno (err, "bind mount the rootfs %s onto itself", rootfs);
  fd = open (rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return bx_fail_errno (err, "open the rootfs %s", rootfs);
  return fd;
}

static bool
dev_is_bind_mounted (const struct bx_spec *spec)
{
  int i;

  for (i = 0; i < spec->n_mounts; i++)
    if ((spec->mounts[i].flags & MS_BIND) && bx_path_is (spec->mounts[i].destination, "/dev"))
      return true;
  return false;
}

static int
bind_device (int rootfd, const char *path, struct bx_error *err)
{
  int fd = bx_inroot_mkpath (rootfd, path, false, err);
  int ret = 0;

  if (fd < 0)
    return fd;
  if (mount (path, bx_fdpath (fd).s, NULL, MS_BIND, NULL) < 0)
    ret = bx_fail_errno (err, "bind mount the device %s from the host", path);
  close (fd);
  return ret;
}

static bool
spec_has_device (const struct bx_spec *spec, const char *path)
{
  int i;

  for (i = 0; i < spec->n_devices; i++)
    if (strcmp (spec->devices[i], path) == 0)
      return true;
  return false;
}

static int
dev_links (int rootfd, struct bx_error *err)
{
  static const char *const links[][2] = {
    { "/proc/self/fd", "fd" },
    { "/proc/self/fd/0", "stdin" },
    { "/proc/self/fd/1", "stdout" },
    { "/proc/self/fd/2", "stderr" },
    { "/proc/kcore", "core" },
  };
  int devfd = bx_inroot_open (rootfd, "/dev", O_PATH | O_DIRECTORY, err);
  size_t i;
  int ret = 0;

  if (devfd < 0)
    return devfd;
  if (unlinkat (devfd, "ptmx", 0) < 0 && errno != ENOENT)
    ret = bx_fail_errno (err, "remove /dev/ptmx");
  else if (symlinkat ("pts/ptmx", devfd, "ptmx") < 0)
    ret = bx_fail_errno (err, "symlink /dev/ptmx");
  for (i = 0; ret == 0 && i < sizeof (links) / sizeof (links[0]); i++)
    {
      /* A kernel without CONFIG_PROC_KCORE gets no /dev/core, as with runc. */
      if (strcmp (links[i][0], "/proc/kcore") == 0 && access (links[i][0], F_OK) < 0)
        continue;
      if (symlinkat (links[i][0], devfd, links[i][1]) < 0 && errno != EEXIST)
        ret = bx_fail_errno (err, "symlink /dev/%s", links[i][1]);
    }
  close (devfd);
  return ret;
}

int
bx_dev_setup (const struct bx_spec *spec, int rootfd, struct bx_error *err)
{
  /* runc's order, which shows in /proc/self/mountinfo. */
  static const char *const standard[] = { "/dev/null", "/dev/random", "/dev/full",
                                          "/dev/tty",  "/dev/zero",   "/dev/urandom" };
  size_t i;
  int ret = 0;

  if (dev_is_bind_mounted (spec))
    return 0;
  for (i = 0; ret == 0 && i < sizeof (standard) / sizeof (standard[0]); i++)
    if (!spec_has_device (spec, standard[i]))
      ret = bind_device (rootfd, standard[i], err);
  for (i = 0; ret == 0 && i < (size_t) spec->n_devices; i++)
    ret = bind_device (rootfd, spec->devices[i], err);
  if (ret < 0)
    return ret;
  return dev_links (rootfd, err);
}

int
bx_pivot_root (const char *rootfs, struct bx_error *err)
{
  int oldroot, newroot, ret = 0;

  oldroot = open ("/", O_DIRECTORY | O_RDONLY | O_CLOEXEC);
  if (oldroot < 0)
    return bx_fail_errno (err, "open /");
  newroot = open (rootfs, O_DIRECTORY | O_RDONLY | O_CLOEXEC);
  if (newroot < 0)
    {
      close (oldroot);
      return bx_fail_errno (err, "open the rootfs %s", rootfs);
    }
  /* pivot_root(".", ".") stacks the old root on top of the new one, so no
   * directory for it is needed inside the image; unmounting "." then drops it.
   * rslave first, so that the unmount cannot propagate to the host. */
  if (fchdir (newroot) < 0)
    ret = bx_fail_errno (err, "chdir to the rootfs %s", rootfs);
  else if (syscall (SYS_pivot_root, ".", ".") < 0)
    ret = bx_fail_errno (err, "pivot_root into %s", rootfs);
  else if (fchdir (oldroot) < 0)
    ret = bx_fail_errno (err, "chdir to the old root");
  else if (mount (NULL, ".", NULL, MS_SLAVE | MS_REC, NULL) < 0)
    ret = bx_fail_errno (err, "make the old root rslave");
  else if (umount2 (".", MNT_DETACH) < 0)
    ret = bx_fail_errno (err, "detach the old root");
  else if (chdir ("/") < 0)
    ret = bx_fail_errno (err, "chdir to the new root");
  close (oldroot);
  close (newroot);
  return ret;
}

/* The container's /dev/null, checked to be the null device: a symlink or file
 * planted there must not become the source of a mask (CVE-2025-31133). */
static int
open_dev_null (int rootfd, int flags, struct bx_error *err)
{
  int fd = bx_inroot_open (rootfd, "/dev/null", flags, err);
  struct stat st;

  if (fd < 0)
    return fd;
  if (fstat (fd, &st) < 0)
    {
      bx_fail_errno (err, "stat /dev/null");
      close (fd);
      return -1;
    }
  if (!S_ISCHR (st.st_mode) || st.st_rdev != makedev (1, 3))
    {
      close (fd);
      return bx_fail (err, EINVAL, "/dev/null in the container is not the null device");
    }
  return fd;
}

static int
open_root (struct bx_error *err)
{
  int fd = open ("/", O_PATH | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return bx_fail_errno (err, "open /");
  return fd;
}

int
bx_rootfs_after_pivot (const struct bx_spec *spec, struct bx_error *err)
{
  int rootfd, null, fd, ret = 0;
  struct stat nst, st;

  if (!dev_is_bind_mounted (spec))
    {
      rootfd = open_root (err);
      if (rootfd < 0)
        return rootfd;
      null = open_dev_null (rootfd, O_RDWR, err);
      close (rootfd);
      if (null < 0)
        return null;
      /* stdio left on the host's /dev/null moves to the container's. */
      if (fstat (null, &nst) < 0)
        ret = bx_fail_errno (err, "stat /dev/null");
      for (fd = 0; ret == 0 && fd < 3; fd++)
        if (fstat (fd, &st) == 0 && S_ISCHR (st.st_mode) && st.st_rdev == nst.st_rdev && dup3 (null, fd, 0) < 0)
          ret = bx_fail_errno (err, "reopen fd %d on /dev/null", fd);
      close (null);
      if (ret < 0)
        return ret;
    }
  /* Only now, on the new "/": applied before pivot_root it would reach the host's
   * root if that were shared.  MS_PRIVATE was done by make_parent_private. */
  if (spec->rootfs_propagation != 0 && !(spec->rootfs_propagation & MS_PRIVATE)
      && mount (NULL, "/", NULL, spec->rootfs_propagation, NULL) < 0)
    return bx_fail_errno (err, "set the propagation of / (linux.rootfsPropagation)");
  return 0;
}

int
bx_rootfs_finalize (const struct bx_spec *spec, struct bx_error *err)
{
  int rootfd = open_root (err);
  int i, fd, ret = 0;

  if (rootfd < 0)
    return rootfd;
  for (i = 0; ret == 0 && i < spec->n_mounts; i++)
    {
      const struct bx_mount *m = &spec->mounts[i];

      if (!(m->flags & MS_RDONLY) || (strcmp (m->type, "tmpfs") != 0 && !bx_path_is (m->destination, "/dev")))
        continue;
      fd = bx_inroot_open (rootfd, m->destination, O_PATH, err);
      if (fd < 0)
        ret = fd;
      else
        {
          ret = bx_remount_bind (fd, m->flags | MS_RDONLY, m->destination, err);
          close (fd);
        }
    }
  if (ret == 0 && spec->root_readonly)
    ret = bx_remount_bind (rootfd, MS_RDONLY, "/ read-only (root.readonly)", err);
  close (rootfd);
  return ret;
}

int
bx_paths_readonly (const struct bx_spec *spec, struct bx_error *err)
{
  int rootfd = open_root (err);
  int i, fd, ret = 0;

  if (rootfd < 0)
    return rootfd;
  for (i = 0; ret == 0 && i < spec->n_readonly_paths; i++)
    {
      const char *path = spec->readonly_paths[i];

      fd = bx_inroot_open (rootfd, path, O_PATH, err);
      if (fd < 0)
        {
          ret = err->errnum == ENOENT ? 0 : fd;
          continue;
        }
      if (mount (bx_fdpath (fd).s, bx_fdpath (fd).s, NULL, MS_BIND | MS_REC, NULL) < 0)
        ret = bx_fail_errno (err, "bind mount %s (linux.readonlyPaths)", path);
      close (fd);
      if (ret < 0)
        break;
      fd = bx_inroot_open (rootfd, path, O_PATH, err);
      if (fd < 0)
        ret = fd;
      else
        {
          ret = bx_remount_bind (fd, MS_RDONLY, path, err);
          close (fd);
        }
    }
  close (rootfd);
  return ret;
}

int
bx_paths_masked (const struct bx_spec *spec, struct bx_error *err)
{
  int rootfd = open_root (err);
  int i, fd, null = -1, ret = 0;
  struct stat st;

  if (rootfd < 0)
    return rootfd;
  for (i = 0; ret == 0 && i < spec->n_masked_paths; i++)
    {
      const char *path = spec->masked_paths[i];

      fd = bx_inroot_open (rootfd, path, O_PATH, err);
      if (fd < 0)
        {
          ret = err->errnum == ENOENT ? 0 : fd;
          continue;
        }
      if (fstat (fd, &st) < 0)
        ret = bx_fail_errno (err, "stat %s (linux.maskedPaths)", path);
      else if (S_ISDIR (st.st_mode))
        {
          if (mount ("tmpfs", bx_fdpath (fd).s, "tmpfs", MS_RDONLY, NULL) < 0)
            ret = bx_fail_errno (err, "mask %s with a read-only tmpfs (linux.maskedPaths)", path);
        }
      else
        {
          if (null < 0)
            null = open_dev_null (rootfd, O_PATH, err);
          if (null < 0)
            ret = null;
          else if (mount (bx_fdpath (null).s, bx_fdpath (fd).s, NULL, MS_BIND, NULL) < 0)
            ret = bx_fail_errno (err, "mask %s with /dev/null (linux.maskedPaths)", path);
        }
      close (fd);
    }
  if (null >= 0)
    close (null);
  close (rootfd);
  return ret;
}
