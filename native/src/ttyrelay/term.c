#define _GNU_SOURCE
#include "ttyrelay.h"

#include <errno.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

int
tr_term_raw (struct tr_term *t, struct bx_error *err)
{
  struct termios raw;

  t->raw = false;
  if (!isatty (STDIN_FILENO))
    return 0;
  if (tcgetattr (STDIN_FILENO, &t->saved) < 0)
    return bx_fail_errno (err, "read the terminal's settings");
  /* As docker and podman: ^C, ^Z and ^\ become bytes for the container's
   * terminal, whose own line discipline turns them into signals there. */
  raw = t->saved;
  cfmakeraw (&raw);
  if (tcsetattr (STDIN_FILENO, TCSANOW, &raw) < 0)
    return bx_fail_errno (err, "put the terminal in raw mode");
  t->raw = true;
  return 0;
}

void
tr_term_restore (struct tr_term *t)
{
  if (!t->raw)
    return;
  t->raw = false;
  /* TCSADRAIN: the container's last output reaches the screen in raw mode. */
  while (tcsetattr (STDIN_FILENO, TCSADRAIN, &t->saved) < 0 && errno == EINTR)
    ;
}

void
tr_term_copy_size (int master)
{
  struct winsize ws;

  if (ioctl (STDIN_FILENO, TIOCGWINSZ, &ws) < 0 && ioctl (STDOUT_FILENO, TIOCGWINSZ, &ws) < 0)
    return;
  if (ws.ws_row != 0 && ws.ws_col != 0)
    ioctl (master, TIOCSWINSZ, &ws);
}

int
tr_write_all (int fd, const char *buf, size_t len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, buf, len);

      if (n < 0 && errno == EAGAIN)
        {
          /* Our stdout may share a nonblocking file description with the CLI. */
          struct pollfd p = { .fd = fd, .events = POLLOUT };

          poll (&p, 1, -1);
          continue;
        }
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      buf += n;
      len -= (size_t) n;
    }
  return 0;
}
