/* A foreground runtime (run, exec without --detach) stands in for its process:
 * signals sent to it go on to the process, and the process's status is its own. */
#define _GNU_SOURCE
#include "signals.h"

#include <errno.h>
#include <sys/wait.h>

static const int forwarded[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH };

int
bx_signals_block (sigset_t *set, struct bx_error *err)
{
  size_t i;

  sigemptyset (set);
  sigaddset (set, SIGCHLD);
  for (i = 0; i < sizeof (forwarded) / sizeof (forwarded[0]); i++)
    sigaddset (set, forwarded[i]);
  if (sigprocmask (SIG_BLOCK, set, NULL) < 0)
    return bx_fail_errno (err, "block signals");
  return 0;
}

int
bx_signals_forward_and_wait (pid_t pid, const sigset_t *set)
{
  for (;;)
    {
      siginfo_t si;
      int sig = sigwaitinfo (set, &si), status;
      pid_t r;

      if (sig < 0)
        continue; /* EINTR: a signal outside the set, e.g. SIGSTOP/SIGCONT */
      if (sig != SIGCHLD)
        {
          kill (pid, sig);
          continue;
        }
      while ((r = waitpid (pid, &status, WNOHANG)) < 0 && errno == EINTR)
        ;
      if (r == pid)
        return WIFSIGNALED (status) ? 128 + WTERMSIG (status) : WEXITSTATUS (status);
    }
}
