/* boxctl-ttyrelay: the terminal of `boxctl exec -t`.
 *
 *   boxctl-ttyrelay --console-socket PATH [--] CMD [ARG...]
 *
 * Node cannot receive a file descriptor over a unix socket, so this stands
 * between the caller's terminal and `boxctl-runtime exec --console-socket PATH`
 * (CMD): it listens on PATH, runs CMD, receives the pty master the runtime sends
 * there, puts its own stdin in raw mode when that is a terminal (restored before
 * it exits, whichever way), copies bytes both ways and the window size on every
 * SIGWINCH, and exits with CMD's status (128+N for a signal N).  The caller's
 * terminal never reaches the container (it could inject input with TIOCSTI):
 * CMD gets /dev/null for stdin and stdout, and a pipe for stderr that is copied
 * to ours.  Other fds (the runtime's --report-fd) pass through to CMD.
 * CMD runs in a process group of its own; SIGINT, SIGTERM, SIGHUP and SIGQUIT
 * go to it through us, and it passes them on to the process.  The caller's death
 * is a SIGHUP (PR_SET_PDEATHSIG).  Its own failures: one "boxctl-ttyrelay: ..." line on stderr and
 * status 125; CMD that cannot be executed: 126, or 127 when it is not there. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../passfd.h"
#include "ttyrelay.h"

#define EXIT_RELAY 125
#define EXIT_CANNOT_EXEC 126
#define EXIT_NOT_FOUND 127

static int
fail (const struct bx_error *err)
{
  if (err->errnum != 0)
    dprintf (STDERR_FILENO, "boxctl-ttyrelay: %s: %s\n", err->msg, strerror (err->errnum));
  else
    dprintf (STDERR_FILENO, "boxctl-ttyrelay: %s\n", err->msg);
  return EXIT_RELAY;
}

static int
exit_code (int wstatus)
{
  if (WIFSIGNALED (wstatus))
    return 128 + WTERMSIG (wstatus);
  return WEXITSTATUS (wstatus);
}

/* So that nothing of ours lands on 0-2 and dup2 in the child cannot miss. */
static int
std_fds_open (struct bx_error *err)
{
  int fd;

  while ((fd = open ("/dev/null", O_RDWR)) >= 0 && fd <= STDERR_FILENO)
    ;
  if (fd < 0)
    return bx_fail_errno (err, "open /dev/null");
  close (fd);
  return 0;
}

static pid_t
spawn (char **cmd, int errfd, const sigset_t *mask, struct bx_error *err)
{
  pid_t pid = fork ();
  int null;

  if (pid < 0)
    return bx_fail_errno (err, "fork");
  if (pid > 0)
    return pid;
  null = open ("/dev/null", O_RDWR | O_CLOEXEC);
  if (null < 0 || dup2 (null, STDIN_FILENO) < 0 || dup2 (null, STDOUT_FILENO) < 0 || dup2 (errfd, STDERR_FILENO) < 0)
    _exit (EXIT_RELAY);
  /* Out of the terminal's foreground group: a ^C there (without raw mode) must
   * reach the process once, through us, not also straight from the terminal. */
  setpgid (0, 0);
  /* An ignored signal stays ignored across execve. */
  signal (SIGPIPE, SIG_DFL);
  signal (SIGTTOU, SIG_DFL);
  sigprocmask (SIG_SETMASK, mask, NULL);
  execvp (cmd[0], cmd);
  dprintf (STDERR_FILENO, "boxctl-ttyrelay: execute %s: %s\n", cmd[0], strerror (errno));
  _exit (errno == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_EXEC);
}

/* Whatever the caller gave us beyond stdio is CMD's, not ours to hold open. */
static void
close_inherited (int a, int b, int c)
{
  int keep[3] = { a, b, c }, i, j, t;
  unsigned int lo = 3;

  for (i = 0; i < 3; i++)
    for (j = i + 1; j < 3; j++)
      if (keep[j] < keep[i])
        {
          t = keep[i];
          keep[i] = keep[j];
          keep[j] = t;
        }
  for (i = 0; i < 3; i++)
    {
      if ((unsigned int) keep[i] > lo)
        close_range (lo, (unsigned int) keep[i] - 1, 0);
      if ((unsigned int) keep[i] >= lo)
        lo = (unsigned int) keep[i] + 1;
    }
  close_range (lo, ~0U, 0);
}

/* Until the runtime has sent the master (its fd), or has exited without
 * (0, *wstatus set; the master is never 0-2): it fails before it connects, or closes the connection
 * when the process could not be set up, and its report says why. */
static int
wait_master (int listen_fd, struct tr_relay *r, int *wstatus, struct bx_error *err)
{
  int conn = -1, master = -1;

  for (;;)
    {
      struct pollfd p[3] = {
        { .fd = r->sigfd, .events = POLLIN },
        { .fd = conn >= 0 ? conn : listen_fd, .events = POLLIN },
        { .fd = r->errfd, .events = POLLIN },
      };

      if (poll (p, 3, -1) < 0)
        {
          if (errno == EINTR)
            continue;
          master = bx_fail_errno (err, "poll");
          break;
        }
      if (p[2].revents != 0 && !tr_drain (r->errfd, STDERR_FILENO))
        {
          close (r->errfd);
          r->errfd = -1;
        }
      if ((p[0].revents & POLLIN) != 0 && tr_signal (r->sigfd, r->child, -1, wstatus) != 0)
        {
          master = 0;
          break;
        }
      if (p[1].revents == 0)
        continue;
      if (conn < 0)
        {
          conn = accept4 (listen_fd, NULL, NULL, SOCK_CLOEXEC);
          if (conn < 0 && errno != EAGAIN && errno != EINTR)
            {
              master = bx_fail_errno (err, "accept on --console-socket");
              break;
            }
          continue;
        }
      if (bx_recv_fd (conn, 0, &master, err) < 0)
        break;
      close (conn);
      conn = -1;
      if (master >= 0)
        break;
      /* Closed without a master: only the exit status is left to wait for. */
      listen_fd = -1;
    }
  if (conn >= 0)
    close (conn);
  return master;
}

static int
usage (void)
{
  dprintf (STDERR_FILENO, "usage: boxctl-ttyrelay --console-socket PATH [--] CMD [ARG...]\n");
  return EXIT_RELAY;
}

int
main (int argc, char **argv)
{
  struct bx_error err = { 0 };
  struct tr_relay r = { .master = -1, .sigfd = -1, .errfd = -1, .child = -1 };
  struct tr_term term = { .raw = false };
  sigset_t set, original;
  const char *path;
  int listen_fd, errpipe[2], wstatus = 0, first = 3;

  if (argc < 4 || strcmp (argv[1], "--console-socket") != 0)
    return usage ();
  path = argv[2];
  if (strcmp (argv[first], "--") == 0)
    first++;
  if (first >= argc)
    return usage ();
  if (std_fds_open (&err) < 0)
    return fail (&err);
  /* The CLI killed outright: a hangup, which ends the process and restores the
   * terminal, rather than a relay left behind in raw mode. */
  if (prctl (PR_SET_PDEATHSIG, SIGHUP) < 0)
    {
      bx_fail_errno (&err, "prctl(PR_SET_PDEATHSIG)");
      return fail (&err);
    }

  sigemptyset (&set);
  sigaddset (&set, SIGCHLD);
  sigaddset (&set, SIGWINCH);
  sigaddset (&set, SIGINT);
  sigaddset (&set, SIGTERM);
  sigaddset (&set, SIGHUP);
  sigaddset (&set, SIGQUIT);
  if (sigprocmask (SIG_BLOCK, &set, &original) < 0
      || (r.sigfd = signalfd (-1, &set, SFD_CLOEXEC | SFD_NONBLOCK)) < 0)
    {
      bx_fail_errno (&err, "signalfd");
      return fail (&err);
    }
  /* A terminal that went away must not kill us with the pty's state unknown. */
  signal (SIGPIPE, SIG_IGN);
  /* Once the CLI has died the shell has the terminal back and we are in the
   * background (in an orphaned group, too): only with SIGTTOU ignored does the
   * kernel let us restore its settings rather than stop us or fail with EIO. */
  signal (SIGTTOU, SIG_IGN);
  if ((listen_fd = tr_console_listen (path, &err)) < 0)
    return fail (&err);
  if (pipe2 (errpipe, O_CLOEXEC) < 0)
    {
      bx_fail_errno (&err, "pipe");
      unlink (path);
      return fail (&err);
    }
  r.child = spawn (argv + first, errpipe[1], &original, &err);
  close (errpipe[1]);
  if (r.child < 0)
    {
      unlink (path);
      return fail (&err);
    }
  r.errfd = errpipe[0];
  fcntl (r.errfd, F_SETFL, O_NONBLOCK);
  close_inherited (listen_fd, r.sigfd, r.errfd);

  r.master = wait_master (listen_fd, &r, &wstatus, &err);
  close (listen_fd);
  unlink (path);
  if (r.master < 0)
    goto failed;
  if (r.master > 0)
    {
      fcntl (r.master, F_SETFL, O_NONBLOCK);
      tr_term_copy_size (r.master);
      if (tr_term_raw (&term, &err) < 0 || tr_relay_run (&r, &wstatus, &err) < 0)
        goto failed;
      tr_term_restore (&term);
    }
  if (r.errfd >= 0)
    tr_drain (r.errfd, STDERR_FILENO);
  return exit_code (wstatus);

failed:
  tr_term_restore (&term);
  /* The process goes with the runtime's pty side: it gets SIGHUP when we exit. */
  kill (r.child, SIGKILL);
  waitpid (r.child, NULL, 0);
  return fail (&err);
}
