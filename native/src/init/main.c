/* boxctl-init: a minimal pid 1 for `--init`, as catatonit and tini are.
 *
 *   boxctl-init [--] CMD [ARG...]
 *
 * Forks CMD, forwards every signal it can catch to it (to the child's pid, as
 * catatonit does), reaps every zombie the container's orphans leave behind, and
 * exits with CMD's status, 128+N if a signal N killed it.  Its own failures go
 * to stderr as one "boxctl-init: ..." line, with status 125 (exec failures of
 * CMD: 126, or 127 when it is not found, as shells do).
 *
 * A pid 1 gets no default action for signals sent from inside its namespace, so
 * every signal is blocked and taken with sigwaitinfo(2): blocked signals are
 * queued, never dropped. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define EXIT_INIT 125
#define EXIT_CANNOT_EXEC 126
#define EXIT_NOT_FOUND 127

__attribute__ ((noreturn)) static void
fail (const char *what)
{
  dprintf (STDERR_FILENO, "boxctl-init: %s: %s\n", what, strerror (errno));
  exit (EXIT_INIT);
}

/* Signals a fault raises in this process itself must stay deliverable. */
static void
forwardable (sigset_t *set)
{
  static const int synchronous[] = { SIGFPE, SIGILL, SIGSEGV, SIGBUS, SIGABRT, SIGTRAP, SIGSYS };
  size_t i;

  sigfillset (set);
  for (i = 0; i < sizeof (synchronous) / sizeof (synchronous[0]); i++)
    sigdelset (set, synchronous[i]);
}

__attribute__ ((noreturn)) static void
run_child (char **argv, const sigset_t *original)
{
  if (sigprocmask (SIG_SETMASK, original, NULL) < 0)
    fail ("restore the signal mask");
  execvp (argv[0], argv);
  dprintf (STDERR_FILENO, "boxctl-init: exec %s: %s\n", argv[0], strerror (errno));
  _exit (errno == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_EXEC);
}

/* Reap whatever has exited; true once `child` has, with its status. */
static int
reap (pid_t child, int *status)
{
  int found = 0;

  for (;;)
    {
      int st;
      pid_t r = waitpid (-1, &st, WNOHANG);

      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        return found; /* nothing more now, or ECHILD: no children left */
      if (r == child)
        {
          *status = st;
          found = 1;
        }
    }
}

int
main (int argc, char **argv)
{
  sigset_t set, original;
  int status = 0;
  pid_t child;

  if (argc > 1 && strcmp (argv[1], "--") == 0)
    argv++, argc--;
  if (argc < 2)
    {
      dprintf (STDERR_FILENO, "usage: boxctl-init [--] CMD [ARG...]\n");
      return EXIT_INIT;
    }
  /* Not pid 1 (a shared pid namespace): orphans must still come to us. */
  if (getpid () != 1 && prctl (PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) < 0)
    fail ("prctl(PR_SET_CHILD_SUBREAPER)");
  forwardable (&set);
  if (sigprocmask (SIG_BLOCK, &set, &original) < 0)
    fail ("block signals");
  child = fork ();
  if (child < 0)
    fail ("fork");
  if (child == 0)
    run_child (argv + 1, &original);

  for (;;)
    {
      siginfo_t si;
      int sig = sigwaitinfo (&set, &si);

      if (sig < 0)
        {
          if (errno != EINTR)
            fail ("sigwaitinfo");
          continue;
        }
      if (sig != SIGCHLD)
        {
          /* ESRCH: the child is gone and its SIGCHLD is on the way. */
          if (kill (child, sig) < 0 && errno != ESRCH)
            fail ("forward a signal");
          continue;
        }
      if (reap (child, &status))
        break;
    }
  return WIFSIGNALED (status) ? 128 + WTERMSIG (status) : WEXITSTATUS (status);
}
