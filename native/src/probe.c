/* boxctl-probe: the host checks behind `boxctl info` that need namespaces.
 *
 *   boxctl-probe userns [--uid-map C:H:N,...] [--gid-map C:H:N,...]
 *       enter a user namespace with the maps (default: own ids as root) and report
 *       the maps the kernel shows from inside.
 *   boxctl-probe overlay DIR
 *       inside a user+mount namespace, try the kernel overlay (userxattr) and then
 *       fuse-overlayfs on scratch dirs under DIR, which must be empty; DIR is
 *       removed afterwards from inside the namespace.
 *   boxctl-probe netns PATH
 *       the user namespace a container must join along with the network namespace
 *       PATH (netns.h): "userns" is a /proc/PID/ns/user path, or null for none.
 *
 * One JSON line on stdout, see native/README.md. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "error.h"
#include "fsutil.h"
#include "idmap.h"
#include "netns.h"
#include "userns.h"

static int
read_map (const char *path, char *out, size_t len, struct bx_error *err)
{
  unsigned long c, h, n;
  size_t o = 0;
  FILE *f = fopen (path, "re");

  if (f == NULL)
    return bx_fail_errno (err, "open %s", path);
  out[0] = '\0';
  while (fscanf (f, "%lu %lu %lu", &c, &h, &n) == 3 && o + 64 < len)
    o += (size_t) snprintf (out + o, len - o, "%s%lu:%lu:%lu", o == 0 ? "" : ",", c, h, n);
  fclose (f);
  return 0;
}

static int
cmd_userns (int argc, char **argv, struct bx_error *err)
{
  struct bx_idmap uids, gids;
  char umap[1024], gmap[1024];
  int i, ret;

  bx_idmap_own (&uids, geteuid ());
  bx_idmap_own (&gids, getegid ());
  for (i = 0; i + 1 < argc; i += 2)
    {
      if (strcmp (argv[i], "--uid-map") == 0)
        ret = bx_idmap_parse (argv[i + 1], &uids, err);
      else if (strcmp (argv[i], "--gid-map") == 0)
        ret = bx_idmap_parse (argv[i + 1], &gids, err);
      else
        ret = bx_fail (err, EINVAL, "unknown option %s", argv[i]);
      if (ret < 0)
        return ret;
    }
  if (i != argc)
    return bx_fail (err, EINVAL, "option %s needs a value", argv[i]);

  ret = bx_enter_userns (&uids, &gids, 0, err);
  if (ret < 0)
    return ret;
  ret = read_map ("/proc/self/uid_map", umap, sizeof (umap), err);
  if (ret < 0)
    return ret;
  ret = read_map ("/proc/self/gid_map", gmap, sizeof (gmap), err);
  if (ret < 0)
    return ret;
  printf ("{\"ok\":true,\"uidMap\":\"%s\",\"gidMap\":\"%s\"}\n", umap, gmap);
  return 0;
}

struct overlay_dirs
{
  char lower[4096], upper[4096], work[4096], merged[4096];
};

static int
join (char *out, const char *dir, const char *name, struct bx_error *err)
{
  if ((size_t) snprintf (out, 4096, "%s/%s", dir, name) >= 4096)
    return bx_fail (err, ENAMETOOLONG, "path too long under %s", dir);
  return 0;
}

static int
prepare_dirs (const char *base, struct overlay_dirs *d, struct bx_error *err)
{
  char file[4200];
  int ret;

  if ((ret = join (d->lower, base, "lower", err)) < 0 || (ret = join (d->upper, base, "upper", err)) < 0
      || (ret = join (d->work, base, "work", err)) < 0 || (ret = join (d->merged, base, "merged", err)) < 0)
    return ret;
  if ((ret = bx_mkdir (d->lower, 0755, err)) < 0 || (ret = bx_mkdir (d->upper, 0755, err)) < 0
      || (ret = bx_mkdir (d->work, 0755, err)) < 0 || (ret = bx_mkdir (d->merged, 0755, err)) < 0)
    return ret;
  snprintf (file, sizeof (file), "%s/lowerfile", d->lower);
  return bx_write_text (file, "lower\n", err);
}

/* A mount that succeeds is not enough: copy-up and whiteouts are what containers
 * need, so write a file and delete one that lives in the lower layer. */
static int
exercise_merged (const struct overlay_dirs *d, struct bx_error *err)
{
  char path[4200];
  int ret;

  snprintf (path, sizeof (path), "%s/newfile", d->merged);
  ret = bx_write_text (path, "upper\n", err);
  if (ret < 0)
    return ret;
  snprintf (path, sizeof (path), "%s/lowerfile", d->merged);
  if (unlink (path) < 0)
    return bx_fail_errno (err, "delete a lower file through the overlay (whiteout)");
  if (access (path, F_OK) == 0)
    return bx_fail (err, EEXIST, "a deleted lower file is still visible through the overlay");
  return 0;
}

static int
try_kernel_overlay (const struct overlay_dirs *d, struct bx_error *err)
{
  char opts[13000];
  int ret;

  snprintf (opts, sizeof (opts), "lowerdir=%s,upperdir=%s,workdir=%s,userxattr", d->lower, d->upper, d->work);
  if (mount ("overlay", d->merged, "overlay", 0, opts) < 0)
    return bx_fail_errno (err, "mount overlay (userxattr) on %s", d->merged);
  ret = exercise_merged (d, err);
  if (umount2 (d->merged, MNT_DETACH) < 0 && ret == 0)
    return bx_fail_errno (err, "unmount %s", d->merged);
  return ret;
}

static int
try_fuse_overlay (const struct overlay_dirs *d, struct bx_error *err)
{
  char opts[13000];
  int status, ret;
  pid_t child;

  snprintf (opts, sizeof (opts), "lowerdir=%s,upperdir=%s,workdir=%s", d->lower, d->upper, d->work);
  child = fork ();
  if (child < 0)
    return bx_fail_errno (err, "fork fuse-overlayfs");
  if (child == 0)
    {
      int null = open ("/dev/null", O_RDWR | O_CLOEXEC);
      if (null >= 0)
        {
          dup2 (null, STDOUT_FILENO);
          dup2 (null, STDERR_FILENO);
        }
      execlp ("fuse-overlayfs", "fuse-overlayfs", "-o", opts, d->merged, (char *) NULL);
      _exit (127);
    }
  if (waitpid (child, &status, 0) < 0)
    return bx_fail_errno (err, "wait for fuse-overlayfs");
  if (WIFEXITED (status) && WEXITSTATUS (status) == 127)
    return bx_fail (err, ENOENT, "fuse-overlayfs is not installed");
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return bx_fail (err, 0, "fuse-overlayfs could not mount (is /dev/fuse mode 666?)");
  ret = exercise_merged (d, err);
  if (umount2 (d->merged, MNT_DETACH) < 0 && ret == 0)
    return bx_fail_errno (err, "unmount %s", d->merged);
  return ret;
}

static void
print_result (const char *name, int ret, const struct bx_error *e)
{
  char esc[1100];
  char full[600];

  if (ret == 0)
    {
      printf ("\"%s\":{\"ok\":true}", name);
      return;
    }
  if (e->errnum != 0)
    snprintf (full, sizeof (full), "%s: %s", e->msg, strerror (e->errnum));
  else
    snprintf (full, sizeof (full), "%s", e->msg);
  bx_json_escape (esc, sizeof (esc), full);
  printf ("\"%s\":{\"ok\":false,\"errno\":%d,\"error\":\"%s\"}", name, e->errnum, esc);
}

static int
cmd_overlay (int argc, char **argv, struct bx_error *err)
{
  struct bx_idmap uids, gids;
  struct overlay_dirs d;
  struct bx_error kerr, ferr;
  const char *base;
  int kret, fret = 0, ret;

  if (argc != 1)
    return bx_fail (err, EINVAL, "usage: boxctl-probe overlay DIR");
  base = argv[0];
  bx_idmap_own (&uids, geteuid ());
  bx_idmap_own (&gids, getegid ());
  ret = bx_enter_userns (&uids, &gids, CLONE_NEWNS, err);
  if (ret < 0)
    return ret;
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
    return bx_fail_errno (err, "make mounts private");

  memset (&kerr, 0, sizeof (kerr));
  memset (&ferr, 0, sizeof (ferr));
  ret = prepare_dirs (base, &d, err);
  if (ret < 0)
    return ret;
  kret = try_kernel_overlay (&d, &kerr);
  /* Start fuse-overlayfs on fresh dirs: the kernel attempt left a whiteout in the
   * upper dir, or a half-made work dir when it failed. */
  if ((ret = bx_remove_tree (base, err)) < 0 || (ret = bx_mkdir (base, 0700, err)) < 0
      || (ret = prepare_dirs (base, &d, err)) < 0)
    return ret;
  fret = try_fuse_overlay (&d, &ferr);
  ret = bx_remove_tree (base, err);
  if (ret < 0)
    return ret;

  printf ("{\"ok\":true,");
  print_result ("kernel", kret, &kerr);
  printf (",");
  print_result ("fuse", fret, &ferr);
  printf ("}\n");
  return 0;
}

static int
cmd_netns (int argc, char **argv, struct bx_error *err)
{
  char userns[64];
  int ret;

  if (argc != 1)
    return bx_fail (err, EINVAL, "usage: boxctl-probe netns PATH");
  ret = bx_netns_owner (argv[0], userns, sizeof (userns), err);
  if (ret < 0)
    return ret;
  /* A /proc/PID/ns/user path: nothing to escape. */
  if (userns[0] != '\0')
    printf ("{\"ok\":true,\"userns\":\"%s\"}\n", userns);
  else
    printf ("{\"ok\":true,\"userns\":null}\n");
  return 0;
}

int
main (int argc, char **argv)
{
  struct bx_error err;
  int ret;

  memset (&err, 0, sizeof (err));
  if (argc < 2)
    ret = bx_fail (&err, EINVAL, "usage: boxctl-probe userns|overlay|netns ...");
  else if (strcmp (argv[1], "userns") == 0)
    ret = cmd_userns (argc - 2, argv + 2, &err);
  else if (strcmp (argv[1], "overlay") == 0)
    ret = cmd_overlay (argc - 2, argv + 2, &err);
  else if (strcmp (argv[1], "netns") == 0)
    ret = cmd_netns (argc - 2, argv + 2, &err);
  else
    ret = bx_fail (&err, EINVAL, "unknown probe '%s'", argv[1]);
  if (ret < 0)
    {
      bx_print_error (&err);
      return 1;
    }
  fflush (stdout);
  return 0;
}
