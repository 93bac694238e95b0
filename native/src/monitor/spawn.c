#define _GNU_SOURCE
#include "spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Only async-signal-safe calls from here to execvp. */
static void __attribute__ ((noreturn))
child (char *const argv[], const int stdio[3], int fd3, bool new_group)
{
  int src[4] = { stdio[0], stdio[1], stdio[2], fd3 }, high[4], i, n = fd3 >= 0 ? 4 : 3;
  struct bx_error err;
  sigset_t none;

  sigemptyset (&none);
  sigprocmask (SIG_SETMASK, &none, NULL);
  /* An ignored signal stays ignored across execve: give SIGPIPE back. */
  signal (SIGPIPE, SIG_DFL);
  if (new_group)
    setpgid (0, 0);
  /* Out of the way first, so that dup2 onto 0-3 overwrites none of the sources. */
  for (i = 0; i < n; i++)
    {
      if (src[i] < 0)
        src[i] = open ("/dev/null", O_RDWR | O_CLOEXEC);
      high[i] = fcntl (src[i], F_DUPFD_CLOEXEC, 16);
      if (high[i] < 0)
        _exit (127);
    }
  for (i = 0; i < n; i++)
    if (dup2 (high[i], i) < 0)
      _exit (127);
  close_range ((unsigned) n, ~0U, 0);
  execvp (argv[0], argv);
  if (fd3 >= 0)
    {
      bx_fail_errno (&err, "execute %s", argv[0]);
      bx_dprint_error (3, &err);
    }
  _exit (127);
}

pid_t
mon_spawn (char *const argv[], const int stdio[3], int fd3, bool new_group, struct bx_error *err)
{
  pid_t pid = fork ();

  if (pid < 0)
    return bx_fail_errno (err, "fork for %s", argv[0]);
  if (pid == 0)
    child (argv, stdio, fd3, new_group);
  /* Both sides, so that a kill of the group cannot come before the child's own
   * setpgid; EACCES once it has exec'd is fine, it did so itself. */
  if (new_group && setpgid (pid, pid) < 0 && errno != EACCES)
    {
      bx_fail_errno (err, "setpgid for %s", argv[0]);
      kill (pid, SIGKILL);
      mon_wait (pid, NULL);
      return -1;
    }
  return pid;
}

int
mon_wait (pid_t pid, int *wstatus)
{
  int st = 0;
  pid_t r;

  do
    r = waitpid (pid, &st, 0);
  while (r < 0 && errno == EINTR);
  if (wstatus != NULL)
    *wstatus = st;
  if (r < 0)
    return -1;
  return WIFSIGNALED (st) ? 128 + WTERMSIG (st) : WEXITSTATUS (st);
}
