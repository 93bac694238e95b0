#define _GNU_SOURCE
#include "userns.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void
map_helper_child (pid_t target, int go_fd, int done_fd, const struct bx_idmap *uids, const struct bx_idmap *gids)
{
  struct bx_error cerr;
  char c;

  memset (&cerr, 0, sizeof (cerr));
  if (read (go_fd, &c, 1) != 1)
    bx_fail (&cerr, EPIPE, "user namespace handshake: parent went away");
  else
    bx_idmap_apply (target, uids, gids, &cerr);
  if (write (done_fd, &cerr, sizeof (cerr)) != (ssize_t) sizeof (cerr))
    _exit (1);
  _exit (0);
}

static int
become_root (struct bx_error *err)
{
  if (setresgid (0, 0, 0) < 0)
    return bx_fail_errno (err, "setresgid to root in the user namespace");
  if (setresuid (0, 0, 0) < 0)
    return bx_fail_errno (err, "setresuid to root in the user namespace");
  return 0;
}

int
bx_enter_userns (const struct bx_idmap *uids, const struct bx_idmap *gids, int extra_flags, struct bx_error *err)
{
  struct bx_error cerr;
  int go[2], done[2];
  pid_t self = getpid ();
  pid_t child;
  int status, unshare_errno = 0;
  ssize_t n;
  char c = 'g';

  if (pipe2 (go, O_CLOEXEC) < 0)
    return bx_fail_errno (err, "pipe");
  if (pipe2 (done, O_CLOEXEC) < 0)
    {
      close (go[0]);
      close (go[1]);
      return bx_fail_errno (err, "pipe");
    }
  child = fork ();
  if (child < 0)
    {
      close (go[0]);
      close (go[1]);
      close (done[0]);
      close (done[1]);
      return bx_fail_errno (err, "fork the id-map helper");
    }
  if (child == 0)
    {
      close (go[1]);
      close (done[0]);
      map_helper_child (self, go[0], done[1], uids, gids);
    }
  close (go[0]);
  close (done[1]);

  if (unshare (CLONE_NEWUSER | extra_flags) < 0)
    unshare_errno = errno;
  else if (write (go[1], &c, 1) != 1)
    unshare_errno = errno;
  close (go[1]);

  memset (&cerr, 0, sizeof (cerr));
  n = read (done[0], &cerr, sizeof (cerr));
  close (done[0]);
  if (waitpid (child, &status, 0) < 0)
    return bx_fail_errno (err, "wait for the id-map helper");
  if (unshare_errno != 0)
    return bx_fail (err, unshare_errno, "unshare a user namespace");
  if (n != (ssize_t) sizeof (cerr))
    return bx_fail (err, EPIPE, "id-map helper died without answering");
  if (cerr.errnum != 0 || cerr.msg[0] != '\0')
    {
      *err = cerr;
      return -1;
    }
  return become_root (err);
}
