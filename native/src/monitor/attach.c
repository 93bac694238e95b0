#define _GNU_SOURCE
#include "attach.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "pump.h"

int
mon_attach_listen (struct mon_attach *a, const char *path, struct bx_error *err)
{
  struct sockaddr_un addr = { .sun_family = AF_UNIX };

  a->n = 0;
  if (strlen (path) >= sizeof (addr.sun_path))
    return bx_fail (err, ENAMETOOLONG, "the attach socket path %s", path);
  /* path may be /proc/self/fd/N/attach.sock (sockpath.c): fine for bind and unlink. */
  strcpy (addr.sun_path, path);
  a->listen_fd = socket (AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (a->listen_fd < 0)
    return bx_fail_errno (err, "socket for %s", path);
  if (unlink (path) < 0 && errno != ENOENT)
    return bx_fail_errno (err, "remove the stale %s", path);
  if (bind (a->listen_fd, (struct sockaddr *) &addr, sizeof (addr)) < 0)
    return bx_fail_errno (err, "bind %s", path);
  if (listen (a->listen_fd, 16) < 0)
    return bx_fail_errno (err, "listen on %s", path);
  return 0;
}

void
mon_attach_accept (struct mon_attach *a)
{
  struct mon_client *c;
  int fd;

  while ((fd = accept4 (a->listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0)
    {
      if (a->n == MON_MAX_CLIENTS)
        {
          close (fd);
          continue;
        }
      c = &a->clients[a->n++];
      memset (c, 0, sizeof (*c));
      c->fd = fd;
    }
}

struct mon_client *
mon_attach_find (struct mon_attach *a, int fd)
{
  size_t i;

  for (i = 0; i < a->n; i++)
    if (a->clients[i].fd == fd)
      return &a->clients[i];
  return NULL;
}

static void
drop (struct mon_attach *a, struct mon_client *c)
{
  close (c->fd);
  free (c->out);
  *c = a->clients[--a->n];
}

short
mon_attach_events (const struct mon_client *c, const struct mon_pump *p)
{
  short ev = c->out_len > 0 ? POLLOUT : 0;

  if (!c->closing && mon_pump_input_room (p) > 0)
    ev |= POLLIN;
  return ev;
}

/* Takes one input frame's worth of bytes; false drops the client. */
static bool
frame_done (struct mon_client *c, struct mon_pump *p)
{
  unsigned long rows, cols;
  char *end;

  if (c->hdr[0] == MON_FRAME_CLOSE_STDIN)
    mon_pump_input_close (p);
  else if (c->hdr[0] == MON_FRAME_RESIZE)
    {
      c->ctl[c->ctl_len] = '\0';
      /* strtoul, not sscanf: scanf would double the size of this static binary. */
      rows = strtoul (c->ctl, &end, 10);
      if (end == c->ctl || *end != ' ')
        return false;
      cols = strtoul (end + 1, &end, 10);
      if (*end != '\0' || rows > 65535 || cols > 65535)
        return false;
      mon_pump_resize (p, (unsigned) rows, (unsigned) cols);
    }
  c->hdr_len = 0;
  c->ctl_len = 0;
  return true;
}

static bool
consume (struct mon_client *c, struct mon_pump *p, const char *buf, size_t n)
{
  size_t take;

  while (n > 0)
    {
      if (c->hdr_len < sizeof (c->hdr))
        {
          c->hdr[c->hdr_len++] = (unsigned char) *buf++;
          n--;
          if (c->hdr_len < sizeof (c->hdr))
            continue;
          if (c->hdr[0] < MON_FRAME_STDIN || c->hdr[0] > MON_FRAME_RESIZE)
            return false;
          c->left = (uint32_t) c->hdr[1] << 24 | (uint32_t) c->hdr[2] << 16 | (uint32_t) c->hdr[3] << 8 | c->hdr[4];
          if (c->hdr[0] == MON_FRAME_RESIZE && c->left >= sizeof (c->ctl))
            return false;
          if (c->left == 0 && !frame_done (c, p))
            return false;
          continue;
        }
      take = n < c->left ? n : c->left;
      if (c->hdr[0] == MON_FRAME_STDIN)
        mon_pump_input (p, buf, take);
      else if (c->hdr[0] == MON_FRAME_RESIZE)
        {
          memcpy (c->ctl + c->ctl_len, buf, take);
          c->ctl_len += take;
        }
      buf += take;
      n -= take;
      c->left -= (uint32_t) take;
      if (c->left == 0 && !frame_done (c, p))
        return false;
    }
  return true;
}

void
mon_attach_readable (struct mon_attach *a, struct mon_client *c, struct mon_pump *p)
{
  char buf[4096];
  size_t room = mon_pump_input_room (p);
  ssize_t n;

  /* Never more than the stdin buffer takes: the payload bytes in it are fewer. */
  if (room > sizeof (buf))
    room = sizeof (buf);
  if (room == 0)
    return;
  do
    n = read (c->fd, buf, room);
  while (n < 0 && errno == EINTR);
  if (n < 0 && errno == EAGAIN)
    return;
  if (n <= 0 || !consume (c, p, buf, (size_t) n))
    drop (a, c);
}

/* Writes what is queued; false when the client is gone (dropped). */
static bool
flush (struct mon_attach *a, struct mon_client *c)
{
  ssize_t n;

  while (c->out_len > 0)
    {
      n = send (c->fd, c->out, c->out_len, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && errno == EAGAIN)
        return true;
      if (n <= 0)
        {
          drop (a, c);
          return false;
        }
      memmove (c->out, c->out + n, c->out_len - (size_t) n);
      c->out_len -= (size_t) n;
    }
  if (c->closing)
    {
      drop (a, c);
      return false;
    }
  return true;
}

void
mon_attach_writable (struct mon_attach *a, struct mon_client *c)
{
  flush (a, c);
}

/* Queues one frame and tries to send it; false when the client was dropped. */
static bool
queue (struct mon_attach *a, struct mon_client *c, uint8_t type, const char *buf, size_t n)
{
  unsigned char hdr[5] = { type, (unsigned char) (n >> 24), (unsigned char) (n >> 16), (unsigned char) (n >> 8),
                           (unsigned char) n };

  if (c->out == NULL && (c->out = malloc (MON_CLIENT_BUF)) == NULL)
    {
      drop (a, c);
      return false;
    }
  if (c->out_len + sizeof (hdr) + n > MON_CLIENT_BUF)
    {
      drop (a, c);
      return false;
    }
  memcpy (c->out + c->out_len, hdr, sizeof (hdr));
  memcpy (c->out + c->out_len + sizeof (hdr), buf, n);
  c->out_len += sizeof (hdr) + n;
  return flush (a, c);
}

void
mon_attach_broadcast (struct mon_attach *a, uint8_t type, const char *buf, size_t n)
{
  size_t i = 0;

  /* A dropped client is replaced by the last one: look at index i again. */
  while (i < a->n)
    if (a->clients[i].closing || queue (a, &a->clients[i], type, buf, n))
      i++;
}

void
mon_attach_exit (struct mon_attach *a, int code)
{
  char text[16];
  int len = snprintf (text, sizeof (text), "%d", code);
  size_t i = 0;

  while (i < a->n)
    {
      struct mon_client *c = &a->clients[i];

      if (c->closing)
        {
          i++;
          continue;
        }
      c->closing = true;
      if (queue (a, c, MON_FRAME_EXIT, text, (size_t) len))
        i++;
    }
}

static long long
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (long long) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
mon_attach_finish (struct mon_attach *a, int timeout_ms)
{
  long long deadline = now_ms () + timeout_ms;
  struct pollfd fds[MON_MAX_CLIENTS];
  size_t i, n;

  for (i = 0; i < a->n; i++)
    a->clients[i].closing = true;
  while (a->n > 0 && now_ms () < deadline)
    {
      for (n = 0; n < a->n; n++)
        fds[n] = (struct pollfd) { .fd = a->clients[n].fd, .events = POLLOUT };
      if (poll (fds, n, (int) (deadline - now_ms ())) <= 0)
        break;
      for (i = 0; i < n; i++)
        {
          struct mon_client *c = mon_attach_find (a, fds[i].fd);

          if (c != NULL && fds[i].revents != 0)
            flush (a, c);
        }
    }
  while (a->n > 0)
    drop (a, &a->clients[0]);
}

void
mon_attach_close (struct mon_attach *a)
{
  if (a->listen_fd >= 0)
    close (a->listen_fd);
  a->listen_fd = -1;
}
