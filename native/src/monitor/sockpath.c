#define _GNU_SOURCE
#include "sockpath.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/un.h>
#include <unistd.h>

#include "runtime.h"

/* RUNDIR held open for the life of the monitor: a socket path too long for
 * sun_path is reached through it instead (as conmon does). */
static int rundir_fd = -1;

static int
open_rundir (const struct mon_options *o, struct bx_error *err)
{
  if (rundir_fd >= 0)
    return 0;
  rundir_fd = open (o->rundir, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (rundir_fd < 0)
    return bx_fail_errno (err, "open %s", o->rundir);
  return 0;
}

int
mon_socket_path (const struct mon_options *o, const char *name, bool for_child, char *out, size_t len,
                 struct bx_error *err)
{
  struct sockaddr_un addr;
  int n;

  if (mon_rundir_path (o, name, out, len, err) < 0)
    return -1;
  if (strlen (out) < sizeof (addr.sun_path))
    return 0;
  if (open_rundir (o, err) < 0)
    return -1;
  /* A child resolves our descriptor through our pid; we through /proc/self. */
  if (for_child)
    n = snprintf (out, len, "/proc/%d/fd/%d/%s", (int) getpid (), rundir_fd, name);
  else
    n = snprintf (out, len, "/proc/self/fd/%d/%s", rundir_fd, name);
  if (n < 0 || (size_t) n >= len || (size_t) n >= sizeof (addr.sun_path))
    return bx_fail (err, ENAMETOOLONG, "the socket path %s/%s", o->rundir, name);
  return 0;
}
