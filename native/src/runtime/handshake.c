#define _GNU_SOURCE
#include "handshake.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>

int
bx_msg_send (int fd, int type, pid_t pid, const struct bx_error *e, struct bx_error *err)
{
  struct bx_msg msg;
  ssize_t n;

  memset (&msg, 0, sizeof (msg));
  msg.type = type;
  msg.pid = pid;
  if (e != NULL)
    msg.err = *e;
  do
    n = send (fd, &msg, sizeof (msg), MSG_NOSIGNAL);
  while (n < 0 && errno == EINTR);
  if (n != (ssize_t) sizeof (msg))
    return bx_fail (err, n < 0 ? errno : EIO, "handshake: send message %d", type);
  return 0;
}

int
bx_msg_recv (int fd, struct bx_msg *msg, struct bx_error *err)
{
  ssize_t n;

  do
    n = recv (fd, msg, sizeof (*msg), 0);
  while (n < 0 && errno == EINTR);
  if (n == 0)
    return 0;
  if (n != (ssize_t) sizeof (*msg))
    return bx_fail (err, n < 0 ? errno : EPROTO, "handshake: receive a message");
  msg->err.msg[sizeof (msg->err.msg) - 1] = '\0';
  return 1;
}
