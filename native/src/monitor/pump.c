#define _GNU_SOURCE
#include "pump.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "attach.h"
#include "logfile.h"

/* Input that nobody can take is read and dropped, so clients never stall. */
#define DISCARD_ROOM 4096

static void
close_fd (int *fd)
{
  if (*fd >= 0)
    close (*fd);
  *fd = -1;
}

static int
nonblocking (int fd, struct bx_error *err)
{
  int flags = fcntl (fd, F_GETFL);

  if (flags < 0 || fcntl (fd, F_SETFL, flags | O_NONBLOCK) < 0)
    return bx_fail_errno (err, "make fd %d nonblocking", fd);
  return 0;
}

static int
dev_null (int child[3], struct bx_error *err)
{
  int i;

  for (i = 0; i < 3; i++)
    if (child[i] < 0 && (child[i] = open ("/dev/null", O_RDWR | O_CLOEXEC)) < 0)
      return bx_fail_errno (err, "open /dev/null");
  return 0;
}

int
mon_pump_open (struct mon_pump *p, bool terminal, bool stdin_open, int child[3], struct bx_error *err)
{
  int fds[2];

  p->out = p->err = p->in = p->master = -1;
  p->stdin_open = stdin_open;
  p->in_close_pending = false;
  p->in_len = 0;
  child[0] = child[1] = child[2] = -1;
  if (terminal)
    return dev_null (child, err);
  if (pipe2 (fds, O_CLOEXEC) < 0)
    return bx_fail_errno (err, "pipe for stdout");
  p->out = fds[0];
  child[1] = fds[1];
  if (pipe2 (fds, O_CLOEXEC) < 0)
    return bx_fail_errno (err, "pipe for stderr");
  p->err = fds[0];
  child[2] = fds[1];
  if (stdin_open)
    {
      if (pipe2 (fds, O_CLOEXEC) < 0)
        return bx_fail_errno (err, "pipe for stdin");
      child[0] = fds[0];
      p->in = fds[1];
      if (nonblocking (p->in, err) < 0)
        return -1;
    }
  if (nonblocking (p->out, err) < 0 || nonblocking (p->err, err) < 0)
    return -1;
  return dev_null (child, err);
}

int
mon_pump_set_master (struct mon_pump *p, int master, struct bx_error *err)
{
  p->out = p->master = master;
  if (nonblocking (master, err) < 0)
    return -1;
  if (p->stdin_open && (p->in = fcntl (master, F_DUPFD_CLOEXEC, 3)) < 0)
    return bx_fail_errno (err, "dup the pty master");
  return 0;
}

ssize_t
mon_pump_read (struct mon_pump *p, int fd, struct mon_log *log, struct mon_attach *a)
{
  static char buf[8192];
  bool is_err = fd == p->err;
  ssize_t n;

  do
    n = read (fd, buf, sizeof (buf));
  while (n < 0 && errno == EINTR);
  if (n < 0 && errno == EAGAIN)
    return -1;
  /* A pty master reads EIO once the last slave is closed. */
  if (n <= 0)
    {
      if (fd == p->master)
        p->master = -1;
      if (fd == p->out)
        close_fd (&p->out);
      else
        close_fd (&p->err);
      return 0;
    }
  mon_log_chunk (log, is_err ? "stderr" : "stdout", buf, (size_t) n);
  mon_attach_broadcast (a, is_err ? MON_FRAME_STDERR : MON_FRAME_STDOUT, buf, (size_t) n);
  return n;
}

void
mon_pump_drain (struct mon_pump *p, struct mon_log *log, struct mon_attach *a)
{
  int i;

  /* Bounded: a process outside the pid namespace could hold the pipe and write on. */
  for (i = 0; i < 256 && p->out >= 0 && mon_pump_read (p, p->out, log, a) > 0; i++)
    ;
  for (i = 0; i < 256 && p->err >= 0 && mon_pump_read (p, p->err, log, a) > 0; i++)
    ;
}

size_t
mon_pump_input_room (const struct mon_pump *p)
{
  if (p->in < 0 || p->in_close_pending)
    return DISCARD_ROOM;
  return sizeof (p->in_buf) - p->in_len;
}

void
mon_pump_input (struct mon_pump *p, const char *buf, size_t n)
{
  if (p->in < 0 || p->in_close_pending)
    return;
  memcpy (p->in_buf + p->in_len, buf, n);
  p->in_len += n;
  mon_pump_flush_input (p);
}

void
mon_pump_input_close (struct mon_pump *p)
{
  /* A terminal has no end of input of its own; the process reads ^D for that. */
  if (p->in < 0 || p->master >= 0)
    return;
  p->in_close_pending = true;
  mon_pump_flush_input (p);
}

void
mon_pump_resize (struct mon_pump *p, unsigned rows, unsigned cols)
{
  struct winsize ws = { .ws_row = (unsigned short) rows, .ws_col = (unsigned short) cols };

  if (p->master >= 0)
    ioctl (p->master, TIOCSWINSZ, &ws);
}

void
mon_pump_flush_input (struct mon_pump *p)
{
  ssize_t n;

  while (p->in >= 0 && p->in_len > 0)
    {
      n = write (p->in, p->in_buf, p->in_len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && errno == EAGAIN)
        return;
      if (n <= 0)
        {
          /* EPIPE: the process closed its stdin; what was left is lost. */
          p->in_len = 0;
          close_fd (&p->in);
          return;
        }
      memmove (p->in_buf, p->in_buf + n, p->in_len - (size_t) n);
      p->in_len -= (size_t) n;
    }
  if (p->in_close_pending && p->in_len == 0)
    close_fd (&p->in);
}

void
mon_pump_close (struct mon_pump *p)
{
  if (p->out == p->master)
    p->master = -1;
  close_fd (&p->out);
  close_fd (&p->err);
  close_fd (&p->in);
  close_fd (&p->master);
  p->in_len = 0;
}
