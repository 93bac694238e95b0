#define _GNU_SOURCE
#include "ttyrelay.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int
tr_console_listen (const char *path, struct bx_error *err)
{
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  int fd;

  if (strlen (path) >= sizeof (addr.sun_path))
    return bx_fail (err, ENAMETOOLONG, "--console-socket %s: longer than a socket address holds", path);
  strcpy (addr.sun_path, path);
  fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return bx_fail_errno (err, "socket for --console-socket");
  /* No unlink first: the caller's private directory is where a stale or foreign
   * socket would be, and either is a reason to stop. */
  if (bind (fd, (struct sockaddr *) &addr, sizeof (addr)) < 0 || listen (fd, 1) < 0)
    {
      bx_fail_errno (err, "listen on --console-socket %s", path);
      close (fd);
      return -1;
    }
  return fd;
}

int
tr_console_receive (int conn, int *fd, struct bx_error *err)
{
  union
  {
    char buf[CMSG_SPACE (sizeof (int))];
    struct cmsghdr align;
  } control;
  char name[64];
  struct iovec iov = { .iov_base = name, .iov_len = sizeof (name) };
  struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf, .msg_controllen = sizeof (control.buf) };
  struct cmsghdr *cmsg;
  ssize_t n;

  *fd = -1;

  do
    n = recvmsg (conn, &msg, MSG_CMSG_CLOEXEC);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    return bx_fail_errno (err, "receive the pty master on --console-socket");
  for (cmsg = CMSG_FIRSTHDR (&msg); cmsg != NULL; cmsg = CMSG_NXTHDR (&msg, cmsg))
    if (cmsg->cmsg_level == SOL_SOCKET && cmsg->cmsg_type == SCM_RIGHTS && cmsg->cmsg_len == CMSG_LEN (sizeof (int)))
      memcpy (fd, CMSG_DATA (cmsg), sizeof (int));
  if ((msg.msg_flags & MSG_CTRUNC) != 0)
    {
      if (*fd >= 0)
        close (*fd);
      *fd = -1;
      return bx_fail (err, EBADMSG, "--console-socket: more than one fd sent");
    }
  return 0;
}
