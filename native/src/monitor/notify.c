/* sd_notify for Type=notify units: the monitor's own MAINPID (and READY=1), and the
 * relay of the container's messages with --sdnotify container. */
#define _GNU_SOURCE
#include "notify.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../fsutil.h"
#include "runtime.h"
#include "sockpath.h"

/* systemd reads at most this much of one message (NOTIFY_BUFFER_MAX, PIPE_BUF). */
#define NOTIFY_MAX 4096
/* How long systemd may keep its queue full before we give up on our one message. */
#define SEND_TIMEOUT_MS 5000

static int
parse_address (struct mon_notify *n, const char *env, struct bx_error *err)
{
  size_t len = strlen (env);

  if (env[0] != '/' && env[0] != '@')
    return bx_fail (err, EAFNOSUPPORT, "NOTIFY_SOCKET=%s is neither an absolute path nor an abstract @name", env);
  /* A path needs room for its terminating NUL; an abstract name does not. */
  if (len > sizeof (n->host.sun_path) || (env[0] == '/' && len == sizeof (n->host.sun_path)))
    return bx_fail (err, ENAMETOOLONG, "NOTIFY_SOCKET=%s is longer than a unix socket address", env);
  memset (&n->host, 0, sizeof (n->host));
  n->host.sun_family = AF_UNIX;
  memcpy (n->host.sun_path, env, len);
  if (env[0] == '@')
    n->host.sun_path[0] = '\0';
  n->host_len = (socklen_t) (offsetof (struct sockaddr_un, sun_path) + len);
  snprintf (n->name, sizeof (n->name), "%s", env);
  return 0;
}

/* RUNDIR/notify/notify.sock, which the bundle bind-mounts at /run/notify.  The
 * container's users other than root are subordinate ids, "others" to our files:
 * the dir must be searchable (0755) and the socket writable (0666) by everyone.
 * RUNDIR above it stays 0700, so on the host nobody else gets that far. */
static int
relay_listen (struct mon_notify *n, const struct mon_options *o, struct bx_error *err)
{
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  char dir[PATH_MAX], path[PATH_MAX];

  if (mon_rundir_path (o, "notify", dir, sizeof (dir), err) < 0 || bx_mkdir (dir, 0755, err) < 0)
    return -1;
  /* mkdir's mode went through the umask. */
  if (chmod (dir, 0755) < 0)
    return bx_fail_errno (err, "chmod %s", dir);
  if (mon_socket_path (o, "notify/notify.sock", false, path, sizeof (path), err) < 0)
    return -1;
  strcpy (addr.sun_path, path);
  n->relay_fd = socket (AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (n->relay_fd < 0)
    return bx_fail_errno (err, "socket for %s/notify.sock", dir);
  if (unlink (path) < 0 && errno != ENOENT)
    return bx_fail_errno (err, "remove the stale %s/notify.sock", dir);
  if (bind (n->relay_fd, (struct sockaddr *) &addr, sizeof (addr)) < 0)
    return bx_fail_errno (err, "bind %s/notify.sock", dir);
  if (chmod (path, 0666) < 0)
    return bx_fail_errno (err, "chmod %s/notify.sock", dir);
  return 0;
}

int
mon_notify_init (struct mon_notify *n, const struct mon_options *o, struct bx_error *err)
{
  const char *env = getenv ("NOTIFY_SOCKET");

  n->relay_fd = n->forward_fd = -1;
  n->host_len = 0;
  n->announced = false;
  if (env != NULL && env[0] != '\0' && o->sdnotify != MON_SDNOTIFY_IGNORE && parse_address (n, env, err) < 0)
    return -1;
  if (unsetenv ("NOTIFY_SOCKET") < 0)
    return bx_fail_errno (err, "unset NOTIFY_SOCKET");
  if (o->sdnotify != MON_SDNOTIFY_CONTAINER)
    return 0;
  /* Made even when nobody listens on the host: the bundle mounts its dir. */
  if (relay_listen (n, o, err) < 0)
    return -1;
  if (n->host_len == 0)
    return 0;
  n->forward_fd = socket (AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (n->forward_fd < 0)
    return bx_fail_errno (err, "socket for NOTIFY_SOCKET=%s", n->name);
  return 0;
}

/* One message of our own, on a connected socket: poll() on a connected datagram
 * socket waits for room in the receiver's queue. */
static int
send_own (struct mon_notify *n, const char *msg, struct bx_error *err)
{
  struct pollfd pfd = { .events = POLLOUT };
  size_t len = strlen (msg);
  int ret = 0, ready;
  ssize_t sent;

  pfd.fd = socket (AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (pfd.fd < 0)
    return bx_fail_errno (err, "socket for NOTIFY_SOCKET=%s", n->name);
  if (connect (pfd.fd, (struct sockaddr *) &n->host, n->host_len) < 0)
    ret = bx_fail_errno (err, "connect to NOTIFY_SOCKET=%s (is systemd listening? --sdnotify=ignore leaves it alone)", n->name);
  while (ret == 0)
    {
      sent = send (pfd.fd, msg, len, MSG_DONTWAIT | MSG_NOSIGNAL);
      if (sent >= 0)
        break;
      if (errno == EINTR)
        continue;
      if (errno != EAGAIN)
        {
          ret = bx_fail_errno (err, "send to NOTIFY_SOCKET=%s", n->name);
          break;
        }
      ready = poll (&pfd, 1, SEND_TIMEOUT_MS);
      if (ready < 0 && errno != EINTR)
        ret = bx_fail_errno (err, "wait for room at NOTIFY_SOCKET=%s", n->name);
      else if (ready == 0)
        ret = bx_fail (err, ETIMEDOUT, "send to NOTIFY_SOCKET=%s: its queue stayed full", n->name);
    }
  close (pfd.fd);
  return ret;
}

int
mon_notify_started (struct mon_notify *n, const struct mon_options *o, struct bx_error *err)
{
  char msg[64];

  if (n->announced || n->host_len == 0)
    return 0;
  n->announced = true;
  /* systemd follows the monitor, which outlives `boxctl run -d`; READY=1 comes from
   * the container itself in container mode. */
  snprintf (msg, sizeof (msg), o->sdnotify == MON_SDNOTIFY_CONMON ? "MAINPID=%d\nREADY=1" : "MAINPID=%d", (int) getpid ());
  return send_own (n, msg, err);
}

static bool
line_end (char c)
{
  /* systemd splits a message at both (strv_split_newlines). */
  return c == '\n' || c == '\r';
}

size_t
mon_notify_filter (const char *in, size_t len, char *out)
{
  size_t i = 0, start, o = 0;

  while (i < len)
    {
      start = i;
      while (i < len && !line_end (in[i]))
        i++;
      /* The container may not say which process systemd should follow: the monitor did. */
      if (i > start && !(i - start >= 8 && memcmp (in + start, "MAINPID=", 8) == 0))
        {
          if (o > 0)
            out[o++] = '\n';
          memcpy (out + o, in + start, i - start);
          o += i - start;
        }
      i++;
    }
  out[o] = '\0';
  return o;
}

void
mon_notify_relay (struct mon_notify *n)
{
  char in[NOTIFY_MAX + 1], out[NOTIFY_MAX + 2];
  ssize_t got;
  size_t len;

  for (;;)
    {
      /* MSG_TRUNC: the datagram's whole length, to tell a message cut short. */
      got = recv (n->relay_fd, in, sizeof (in), MSG_DONTWAIT | MSG_TRUNC);
      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        return; /* EAGAIN: all read */
      /* What systemd itself would refuse: too long, or with a NUL inside. */
      if ((size_t) got > NOTIFY_MAX || memchr (in, '\0', (size_t) got) != NULL || n->forward_fd < 0)
        continue;
      len = mon_notify_filter (in, (size_t) got, out);
      /* A message systemd cannot take now is lost, as it would be had the container
       * sent it itself; the monitor does not wait on the container's behalf. */
      if (len > 0 && sendto (n->forward_fd, out, len, MSG_DONTWAIT | MSG_NOSIGNAL, (struct sockaddr *) &n->host, n->host_len) < 0)
        continue;
    }
}

void
mon_notify_close (struct mon_notify *n, const struct mon_options *o)
{
  char path[PATH_MAX];
  struct bx_error err;

  if (n->forward_fd >= 0)
    close (n->forward_fd);
  n->forward_fd = -1;
  if (n->relay_fd < 0)
    return;
  close (n->relay_fd);
  n->relay_fd = -1;
  /* Best effort: the next start clears RUNDIR anyway. */
  if (mon_rundir_path (o, "notify/notify.sock", path, sizeof (path), &err) == 0 && unlink (path) < 0 && errno != ENOENT)
    return;
  if (mon_rundir_path (o, "notify", path, sizeof (path), &err) == 0 && rmdir (path) < 0)
    return;
}
