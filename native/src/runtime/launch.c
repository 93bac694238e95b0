/* The parent's side of the handshake (handshake.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../idmap.h"
#include "cgroup2.h"
#include "container.h"
#include "handshake.h"

static int
reap (pid_t pid, int *status)
{
  pid_t r;

  do
    r = waitpid (pid, status, 0);
  while (r < 0 && errno == EINTR);
  return r == pid ? 0 : -1;
}

/* EOF before READY: a child died without sending ERROR (a crash, a signal).
 * The one reaped here is marked gone, so that nothing kills a recycled pid. */
static int
died_silently (pid_t *stage1, struct bx_launched *l, struct bx_error *err)
{
  const char *what = l->init > 0 ? "init" : "setup process";
  pid_t *who = l->init > 0 ? &l->init : stage1;
  int status;

  if (reap (*who, &status) < 0)
    return bx_fail_errno (err, "wait for the container's %s", what);
  *who = -1;
  if (WIFSIGNALED (status))
    return bx_fail (err, 0, "the container's %s was killed by signal %d (%s) during setup", what, WTERMSIG (status),
                    strsignal (WTERMSIG (status)));
  return bx_fail (err, 0, "the container's %s exited with status %d during setup without a message", what,
                  WEXITSTATUS (status));
}

/* Stop what was started.  Stage 1 first: once it is reaped, an INIT_PID it sent
 * is in the socket, so the init is known too. */
static void
abort_children (pid_t stage1, struct bx_launched *l)
{
  struct bx_msg msg;

  if (stage1 > 0)
    {
      kill (stage1, SIGKILL);
      reap (stage1, NULL);
    }
  while (recv (l->sync_fd, &msg, sizeof (msg), MSG_DONTWAIT) == (ssize_t) sizeof (msg))
    if (msg.type == BX_MSG_INIT_PID)
      l->init = msg.pid;
  bx_launch_abort (l);
}

void
bx_launch_abort (struct bx_launched *l)
{
  if (l->init > 0)
    {
      kill (l->init, SIGKILL);
      reap (l->init, NULL);
      l->init = -1;
    }
  if (l->sync_fd >= 0)
    {
      close (l->sync_fd);
      l->sync_fd = -1;
    }
}

static int
handle (struct bx_container *c, pid_t stage1, const struct bx_msg *msg, struct bx_launched *out, bool *ready,
        struct bx_error *err)
{
  int ret;

  switch (msg->type)
    {
    case BX_MSG_MAP_REQUEST:
      ret = bx_idmap_apply (stage1, &c->spec->uid_map, &c->spec->gid_map, err);
      if (ret < 0)
        return ret;
      return bx_msg_send (out->sync_fd, BX_MSG_MAPPED, 0, NULL, err);
    case BX_MSG_INIT_PID:
      out->init = msg->pid;
      return 0;
    case BX_MSG_READY:
      *ready = true;
      return 0;
    case BX_MSG_ERROR:
      *err = msg->err;
      return -1;
    default:
      return bx_fail (err, EPROTO, "handshake: unexpected message %d", msg->type);
    }
}

int
bx_launch (struct bx_container *c, struct bx_launched *out, struct bx_error *err)
{
  bool ready = false;
  pid_t stage1;
  int sv[2], ret = 0;

  out->init = -1;
  out->sync_fd = -1;
  /* Before anything runs, so that a limit that cannot be set starts nothing. */
  if (c->spec->cgroups_path != NULL && (ret = bx_cgroup_setup (c->spec, &c->cgroup, err)) < 0)
    return ret;
  if (socketpair (AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
    return bx_fail_errno (err, "socketpair for the handshake");
  stage1 = fork ();
  if (stage1 < 0)
    {
      close (sv[0]);
      close (sv[1]);
      return bx_fail_errno (err, "fork");
    }
  if (stage1 == 0)
    {
      close (sv[0]);
      c->sync_fd = sv[1];
      bx_stage1 (c);
    }
  close (sv[1]);
  out->sync_fd = sv[0];
  /* The init sends the pty over it; a receiver waiting for the connection to
   * close must not wait for us. */
  if (c->console_socket >= 0)
    {
      close (c->console_socket);
      c->console_socket = -1;
    }

  while (ret == 0 && !ready)
    {
      struct bx_msg msg;
      int n = bx_msg_recv (out->sync_fd, &msg, err);

      if (n < 0)
        ret = n;
      else if (n == 0)
        ret = died_silently (&stage1, out, err);
      else
        ret = handle (c, stage1, &msg, out, &ready, err);
    }
  if (ret < 0)
    {
      abort_children (stage1, out);
      if (c->cgroup != NULL)
        bx_cgroup_abandon (c->cgroup);
      return ret;
    }
  if (reap (stage1, NULL) < 0)
    {
      bx_fail_errno (err, "wait for the container's setup process");
      bx_launch_abort (out);
      return -1;
    }
  return 0;
}

int
bx_launch_wait_exec (struct bx_launched *l, struct bx_error *err)
{
  struct bx_msg msg;
  int n = bx_msg_recv (l->sync_fd, &msg, err);

  if (n < 0)
    return n;
  if (n > 0 && msg.type == BX_MSG_ERROR)
    {
      *err = msg.err;
      return -1;
    }
  if (n > 0)
    return bx_fail (err, EPROTO, "handshake: unexpected message %d", msg.type);
  close (l->sync_fd);
  l->sync_fd = -1;
  return 0;
}
