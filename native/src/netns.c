/* Which user namespace owns a network namespace file, for --network ns:PATH.
 *
 * Joining a network namespace takes CAP_SYS_ADMIN in the user namespace that owns
 * it.  A rootless container has that only inside the owner itself, so it must join
 * the owner as its user namespace; the runtime joins namespaces by path, and the
 * one path to a user namespace that anyone can open is /proc/PID/ns/user of a
 * process in it.  So: the owner (NS_GET_USERNS), a process of ours in it, and a
 * trial join in a child, so that a namespace we cannot join fails here in one
 * line rather than in the runtime. */
#define _GNU_SOURCE
#include "netns.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/nsfs.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static bool
same_file (const struct stat *a, const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* A process whose user namespace is `owner`, preferring one that is in `net` too
 * (the one that made it, most likely). */
static bool
find_process (const struct stat *owner, const struct stat *net, char *out, size_t len)
{
  char path[300];
  struct dirent *e;
  struct stat st;
  bool found = false;
  DIR *d = opendir ("/proc");

  if (d == NULL)
    return false;
  while ((e = readdir (d)) != NULL)
    {
      if (e->d_name[0] < '1' || e->d_name[0] > '9' || strspn (e->d_name, "0123456789") != strlen (e->d_name))
        continue;
      /* Processes of other users, and non-dumpable ones of ours, say EACCES. */
      snprintf (path, sizeof (path), "/proc/%s/ns/user", e->d_name);
      if (stat (path, &st) < 0 || !same_file (&st, owner))
        continue;
      if (!found)
        snprintf (out, len, "%s", path);
      found = true;
      snprintf (path, sizeof (path), "/proc/%s/ns/net", e->d_name);
      if (stat (path, &st) == 0 && same_file (&st, net))
        {
          snprintf (out, len, "/proc/%s/ns/user", e->d_name);
          break;
        }
    }
  closedir (d);
  return found;
}

/* 0, or the errno of setns(2) into `user` (-1: stay) and then `net`, in a child. */
static int
try_join (int user, int net)
{
  int status;
  pid_t pid = fork ();

  if (pid < 0)
    return errno;
  if (pid == 0)
    {
      if ((user >= 0 && setns (user, CLONE_NEWUSER) < 0) || setns (net, CLONE_NEWNET) < 0)
        _exit (errno > 0 && errno < 256 ? errno : EPERM);
      _exit (0);
    }
  if (waitpid (pid, &status, 0) < 0)
    return errno;
  return WIFEXITED (status) ? WEXITSTATUS (status) : EPERM;
}

int
bx_netns_owner (const char *path, char *out, size_t len, struct bx_error *err)
{
  struct stat net, owner, self;
  int nfd, ufd = -1, type, e, ret = -1;

  out[0] = '\0';
  nfd = open (path, O_RDONLY | O_CLOEXEC);
  if (nfd < 0)
    return bx_fail_errno (err, "open %s", path);
  type = ioctl (nfd, NS_GET_NSTYPE);
  if (type < 0)
    ret = bx_fail (err, 0, "%s is not a namespace: give /proc/PID/ns/net or a mount of one", path);
  else if (type != CLONE_NEWNET)
    ret = bx_fail (err, 0, "%s is a namespace, but not a network namespace", path);
  else if ((ufd = ioctl (nfd, NS_GET_USERNS)) < 0)
    ret = bx_fail_errno (err, "find the user namespace that owns %s", path);
  else if (fstat (nfd, &net) < 0 || fstat (ufd, &owner) < 0 || stat ("/proc/self/ns/user", &self) < 0)
    ret = bx_fail_errno (err, "stat the namespaces of %s", path);
  else if (same_file (&owner, &self))
    {
      /* Ours (root's, as a rule): joinable as it is, or not at all. */
      e = try_join (-1, nfd);
      ret = e == 0 ? 0
                   : bx_fail (err, 0, "cannot join %s: it belongs to the host's user namespace, which only root may join; "
                              "give one made in a user namespace of yours, such as /proc/PID/ns/net of 'unshare -Urn'", path);
    }
  else if (!find_process (&owner, &net, out, len))
    ret = bx_fail (err, 0, "no process of yours is in the user namespace that owns %s: the container joins it "
                   "through one, so keep one running there", path);
  else if ((e = try_join (ufd, nfd)) != 0)
    ret = bx_fail (err, e, "cannot join %s through %s", path, out);
  else
    ret = 0;
  if (ufd >= 0)
    close (ufd);
  close (nfd);
  return ret;
}
