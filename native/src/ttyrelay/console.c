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
