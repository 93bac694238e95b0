#define _GNU_SOURCE
#include "ttyrelay.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

#define BUFSIZE 65536
/* After the runtime has exited: how long the pty may stay quiet before its last
 * output is taken to be read (a background process can keep it open forever). */
#define DRAIN_QUIET_MS 100

int
tr_signal (int sigfd, pid_t child, int master, int *wstatus)
{
  struct signalfd_siginfo si;
  ssize_t n = read (sigfd, &si, sizeof (si));
  pid_t r;

  if (n != (ssize_t) sizeof (si))
    return 0;
  switch (si.ssi_signo)
    {
    case SIGCHLD:
      do
        r = waitpid (child, wstatus, WNOHANG);
      while (r < 0 && errno == EINTR);
      return r == child ? 1 : 0;
    case SIGWINCH:
      if (master >= 0)
        tr_term_copy_size (master);
      return 0;
    default:
      /* The runtime passes it on to the process. */
      kill (child, (int) si.ssi_signo);
      return 0;
    }
}

bool
tr_drain (int fd, int out)
{
  char buf[4096];

  for (;;)
    {
      ssize_t n = read (fd, buf, sizeof (buf));

      if (n > 0)
        {
          tr_write_all (out, buf, (size_t) n);
          continue;
        }
      if (n < 0 && errno == EINTR)
        continue;
      return n < 0 && errno == EAGAIN;
    }
}

/* What the process wrote before it exited may still be on its way through the
 * pty (the kernel moves it to the master side from a work queue). */
static void
drain_master (int master, bool *output_ok)
{
  char buf[BUFSIZE];
  struct pollfd p = { .fd = master, .events = POLLIN };

  while (poll (&p, 1, DRAIN_QUIET_MS) > 0)
    {
      ssize_t n = read (master, buf, sizeof (buf));

      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n <= 0)
        return;
      if (*output_ok && tr_write_all (STDOUT_FILENO, buf, (size_t) n) < 0)
        *output_ok = false;
    }
}

int
tr_relay_run (struct tr_relay *r, int *wstatus, struct bx_error *err)
{
  static char in[BUFSIZE], out[BUFSIZE];
  size_t in_len = 0;
  bool stdin_open = true, master_open = true, output_ok = true;

  for (;;)
    {
      struct pollfd p[4];
      int n = 0, i_in = -1, i_master = -1, i_sig, i_err = -1;
      ssize_t k;

      /* Input is read only while there is room for it: a process that does not
       * read stalls the keyboard, not the relay. */
      if (stdin_open && in_len < sizeof (in))
        {
          p[n] = (struct pollfd) { .fd = STDIN_FILENO, .events = POLLIN };
          i_in = n++;
        }
      if (master_open)
        {
          p[n] = (struct pollfd) { .fd = r->master, .events = (short) (POLLIN | (in_len > 0 ? POLLOUT : 0)) };
          i_master = n++;
        }
      p[n] = (struct pollfd) { .fd = r->sigfd, .events = POLLIN };
      i_sig = n++;
      if (r->errfd >= 0)
        {
          p[n] = (struct pollfd) { .fd = r->errfd, .events = POLLIN };
          i_err = n++;
        }
      if (poll (p, (nfds_t) n, -1) < 0)
        {
          if (errno == EINTR)
            continue;
          return bx_fail_errno (err, "poll");
        }

      if (i_in >= 0 && p[i_in].revents != 0)
        {
          k = read (STDIN_FILENO, in + in_len, sizeof (in) - in_len);
          if (k > 0)
            in_len += (size_t) k;
          else if (k == 0 || (errno != EAGAIN && errno != EINTR))
            /* A pty has no end of input: the process reads ^D for that. */
            stdin_open = false;
        }
      if (i_master >= 0 && (p[i_master].revents & POLLOUT) != 0 && in_len > 0)
        {
          k = write (r->master, in, in_len);
          if (k > 0)
            {
              memmove (in, in + k, in_len - (size_t) k);
              in_len -= (size_t) k;
            }
          else if (k < 0 && errno != EAGAIN && errno != EINTR)
            in_len = 0;
        }
      if (i_master >= 0 && (p[i_master].revents & (POLLIN | POLLHUP | POLLERR)) != 0)
        {
          k = read (r->master, out, sizeof (out));
          if (k > 0)
            {
              /* The terminal gone (EIO): keep reading, so that the process never
               * blocks on its output. */
              if (output_ok && tr_write_all (STDOUT_FILENO, out, (size_t) k) < 0)
                output_ok = false;
            }
          else if (k == 0 || (errno != EAGAIN && errno != EINTR))
            /* EIO: nothing holds the pty's other side any more. */
            master_open = false;
        }
      if (i_err >= 0 && p[i_err].revents != 0 && !tr_drain (r->errfd, STDERR_FILENO))
        {
          close (r->errfd);
          r->errfd = -1;
        }
      if ((p[i_sig].revents & POLLIN) != 0 && tr_signal (r->sigfd, r->child, r->master, wstatus) != 0)
        break;
    }
  if (master_open)
    drain_master (r->master, &output_ok);
  return 0;
}
