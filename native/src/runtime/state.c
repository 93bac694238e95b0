#define _GNU_SOURCE
#include "state.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../fsutil.h"

int
bx_state_open (const char *dir, struct bx_state *st, struct bx_error *err)
{
  int ret = bx_mkdir (dir, 0700, err);

  if (ret < 0)
    return ret;
  if (realpath (dir, st->dir) == NULL)
    return bx_fail_errno (err, "resolve the state directory %s", dir);
  if ((size_t) snprintf (st->fifo, sizeof (st->fifo), "%s/exec.fifo", st->dir) >= sizeof (st->fifo)
      || (size_t) snprintf (st->pidfile, sizeof (st->pidfile), "%s/init.pid", st->dir) >= sizeof (st->pidfile))
    return bx_fail (err, ENAMETOOLONG, "state directory %s", st->dir);
  return 0;
}

int
bx_state_make_fifo (const struct bx_state *st, struct bx_error *err)
{
  /* Writable by all, as runc makes it: the init opens it after becoming the
   * process's user, which may be any id of the container.  The 0700 state
   * directory keeps other host users from reaching it. */
  if (mkfifo (st->fifo, 0622) < 0)
    {
      if (errno == EEXIST)
        return bx_fail (err, EEXIST, "%s exists: a container was created in this state directory already", st->fifo);
      return bx_fail_errno (err, "mkfifo %s", st->fifo);
    }
  if (chmod (st->fifo, 0622) < 0)
    return bx_fail_errno (err, "chmod %s", st->fifo);
  return 0;
}

/* Field 22 of /proc/PID/stat: with the pid, it names one process for good. */
static int
start_time (pid_t pid, unsigned long long *out)
{
  return bx_proc_stat_field ((int) pid, 22, out);
}

int
bx_state_write_pid (const struct bx_state *st, pid_t pid, struct bx_error *err)
{
  char tmp[PATH_MAX + 8], text[64];
  unsigned long long started;
  int ret;

  if (start_time (pid, &started) < 0)
    return bx_fail (err, ESRCH, "read the start time of the container's init %d", (int) pid);
  snprintf (tmp, sizeof (tmp), "%s.tmp", st->pidfile);
  snprintf (text, sizeof (text), "%d %llu\n", (int) pid, started);
  ret = bx_write_text (tmp, text, err);
  if (ret < 0)
    return ret;
  if (rename (tmp, st->pidfile) < 0)
    return bx_fail_errno (err, "rename %s", tmp);
  return 0;
}

void
bx_state_remove (const struct bx_state *st)
{
  unlink (st->fifo);
  unlink (st->pidfile);
}

/* A pidfd of the init if init.pid still names a live process, else -1: the
 * start time tells a recycled pid apart. */
static int
open_init (const struct bx_state *st)
{
  unsigned long long want, have;
  char text[64];
  int pid, pidfd;
  FILE *f = fopen (st->pidfile, "re");

  if (f == NULL)
    return -1;
  if (fgets (text, sizeof (text), f) == NULL || sscanf (text, "%d %llu", &pid, &want) != 2)
    {
      fclose (f);
      return -1;
    }
  fclose (f);
  pidfd = (int) syscall (SYS_pidfd_open, pid, 0);
  if (pidfd >= 0 && (start_time (pid, &have) < 0 || have != want))
    {
      close (pidfd);
      return -1;
    }
  return pidfd;
}

static int
wait_for_byte (int fifo, int pidfd, struct bx_error *err)
{
  struct pollfd fds[2] = { { .fd = fifo, .events = POLLIN }, { .fd = pidfd, .events = POLLIN } };
  char byte;

  for (;;)
    {
      ssize_t n;

      if (poll (fds, 2, -1) < 0)
        {
          if (errno == EINTR)
            continue;
          return bx_fail_errno (err, "wait on exec.fifo");
        }
      if (fds[0].revents & (POLLIN | POLLHUP))
        {
          n = read (fifo, &byte, 1);
          if (n == 1)
            return 0;
          if (n < 0 && errno == EAGAIN)
            continue;
          return bx_fail (err, n < 0 ? errno : EPIPE, "the container's init exited before start");
        }
      if (fds[1].revents & POLLIN)
        return bx_fail (err, ESRCH, "the container's init exited before start");
    }
}

int
bx_state_start (const struct bx_state *st, struct bx_error *err)
{
  struct stat sb;
  int fifo, pidfd, ret;

  /* Non-blocking: the open must not wait for a writer that may be dead. */
  fifo = open (st->fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fifo < 0)
    {
      if (errno == ENOENT)
        return bx_fail (err, ENOENT, "container already started or not created (no %s)", st->fifo);
      return bx_fail_errno (err, "open %s", st->fifo);
    }
  if (fstat (fifo, &sb) < 0 || !S_ISFIFO (sb.st_mode))
    {
      close (fifo);
      return bx_fail (err, EINVAL, "%s is not a fifo", st->fifo);
    }
  pidfd = open_init (st);
  if (pidfd < 0)
    {
      close (fifo);
      return bx_fail (err, ESRCH, "the container's init is not running (%s)", st->pidfile);
    }
  ret = wait_for_byte (fifo, pidfd, err);
  close (pidfd);
  close (fifo);
  if (ret < 0)
    return ret;
  bx_state_remove (st);
  return 0;
}
