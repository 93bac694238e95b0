#define _GNU_SOURCE
#include "passfd.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int
bx_recv_fd (int conn, int flags, int *fd, struct bx_error *err)
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
    n = recvmsg (conn, &msg, MSG_CMSG_CLOEXEC | flags);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    return bx_fail_errno (err, "receive the pty master on the console socket");
  for (cmsg = CMSG_FIRSTHDR (&msg); cmsg != NULL; cmsg = CMSG_NXTHDR (&msg, cmsg))
    if (cmsg->cmsg_level == SOL_SOCKET && cmsg->cmsg_type == SCM_RIGHTS && cmsg->cmsg_len == CMSG_LEN (sizeof (int)))
      memcpy (fd, CMSG_DATA (cmsg), sizeof (int));
  if ((msg.msg_flags & MSG_CTRUNC) != 0)
    {
      if (*fd >= 0)
        close (*fd);
      *fd = -1;
      return bx_fail (err, EBADMSG, "the console socket sent more than one fd");
    }
  if (*fd < 0 && n > 0)
    return bx_fail (err, EBADMSG, "the console socket sent no pty master");
  return 0;
}
