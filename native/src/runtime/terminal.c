#define _GNU_SOURCE
#include "terminal.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

#include "inroot.h"

static int
send_master (int sock, int master, struct bx_error *err)
{
  static const char name[] = "/dev/ptmx";
  union
  {
    char buf[CMSG_SPACE (sizeof (int))];
    struct cmsghdr align;
  } control;
  struct iovec iov = { .iov_base = (void *) name, .iov_len = sizeof (name) - 1 };
  struct msghdr msg = {
    .msg_iov = &iov,
    .msg_iovlen = 1,
    .msg_control = control.buf,
    .msg_controllen = sizeof (control.buf),
  };
  struct cmsghdr *cmsg = CMSG_FIRSTHDR (&msg);

  memset (control.buf, 0, sizeof (control.buf));
  cmsg->cmsg_level = SOL_SOCKET;
  cmsg->cmsg_type = SCM_RIGHTS;
  cmsg->cmsg_len = CMSG_LEN (sizeof (int));
  memcpy (CMSG_DATA (cmsg), &master, sizeof (int));
  if (sendmsg (sock, &msg, MSG_NOSIGNAL) < 0)
    return bx_fail_errno (err, "send the pty master over --console-socket");
  return 0;
}

/* runc binds the pty slave on /dev/console, which programs open to reach the
 * container's terminal. */
static int
bind_console (int slave, struct bx_error *err)
{
  int rootfd = open ("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
  int fd, ret = 0;

  if (rootfd < 0)
    return bx_fail_errno (err, "open /");
  fd = bx_inroot_mkpath (rootfd, "/dev/console", false, err);
  close (rootfd);
  if (fd < 0)
    return fd;
  if (mount (bx_fdpath (slave).s, bx_fdpath (fd).s, NULL, MS_BIND, NULL) < 0)
    ret = bx_fail_errno (err, "bind mount the pty on /dev/console");
  close (fd);
  return ret;
}

static int
setup (int master, const struct bx_spec *spec, int console_socket, bool console, struct bx_error *err)
{
  int unlock = 0, slave, fd, ret;

  if (ioctl (master, TIOCSPTLCK, &unlock) < 0)
    return bx_fail_errno (err, "unlock the pty");
  if (spec->console_height != 0 && spec->console_width != 0)
    {
      struct winsize ws = { .ws_row = spec->console_height, .ws_col = spec->console_width };

      if (ioctl (master, TIOCSWINSZ, &ws) < 0)
        return bx_fail_errno (err, "set the pty size (process.consoleSize)");
    }
  /* The peer by fd, not by a /dev/pts path that could be swapped. */
  slave = ioctl (master, TIOCGPTPEER, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (slave < 0)
    return bx_fail_errno (err, "open the pty slave");
  ret = console ? bind_console (slave, err) : 0;
  if (ret == 0)
    ret = send_master (console_socket, master, err);
  for (fd = 0; ret == 0 && fd < 3; fd++)
    if (dup3 (slave, fd, 0) < 0)
      ret = bx_fail_errno (err, "make the pty stdio");
  close (slave);
  /* init.c made us a session leader with setsid(). */
  if (ret == 0 && ioctl (0, TIOCSCTTY, 0) < 0)
    ret = bx_fail_errno (err, "make the pty the controlling terminal");
  return ret;
}

static int
terminal (const struct bx_spec *spec, int console_socket, bool console, struct bx_error *err)
{
  int master = open ("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
  int ret;

  if (master < 0)
    return bx_fail_errno (err, "open /dev/ptmx in the container");
  ret = setup (master, spec, console_socket, console, err);
  close (master);
  close (console_socket);
  return ret;
}

int
bx_terminal_setup (const struct bx_spec *spec, int console_socket, struct bx_error *err)
{
  return terminal (spec, console_socket, true, err);
}

int
bx_terminal_setup_exec (const struct bx_spec *spec, int console_socket, struct bx_error *err)
{
  return terminal (spec, console_socket, false, err);
}

int
bx_console_connect (const char *path, struct bx_error *err)
{
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  int fd;

  if (strlen (path) >= sizeof (addr.sun_path))
    return bx_fail (err, ENAMETOOLONG, "--console-socket %s", path);
  strcpy (addr.sun_path, path);
  fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return bx_fail_errno (err, "socket for --console-socket");
  if (connect (fd, (struct sockaddr *) &addr, sizeof (addr)) < 0)
    {
      bx_fail_errno (err, "connect to --console-socket %s", path);
      close (fd);
      return -1;
    }
  return fd;
}
