/* The children: stage 1 (namespaces) and the container's init (everything up to
 * execve), in the order of handshake.h and of runc 1.1's nsexec and
 * standard_init_linux.go.  Errors go to the parent as one ERROR message; the
 * child then exits, so fds left open on those paths do not matter. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "caps.h"
#include "cgroup2.h"
#include "container.h"
#include "handshake.h"
#include "inroot.h"
#include "mounts.h"
#include "namespaces.h"
#include "process.h"
#include "seccomp.h"
#include "terminal.h"

/* Exit statuses of a process that could not be executed, as shells use them. */
#define EXIT_CANNOT_EXEC 126
#define EXIT_NOT_FOUND 127

__attribute__ ((noreturn)) static void
die (struct bx_container *c, const struct bx_error *e, int status)
{
  struct bx_error ignored;

  /* After READY of `create` nobody listens on the handshake any more: the
   * container's stderr is the only place left for the message. */
  if (c->sync_fd < 0 || bx_msg_send (c->sync_fd, BX_MSG_ERROR, 0, e, &ignored) < 0)
    {
      if (e->errnum != 0)
        dprintf (STDERR_FILENO, "boxctl-runtime: %s: %s\n", e->msg, strerror (e->errnum));
      else
        dprintf (STDERR_FILENO, "boxctl-runtime: %s\n", e->msg);
    }
  _exit (status);
}

static int
request_id_maps (struct bx_container *c, struct bx_error *err)
{
  struct bx_msg msg;
  int ret = bx_msg_send (c->sync_fd, BX_MSG_MAP_REQUEST, 0, NULL, err);

  if (ret < 0)
    return ret;
  ret = bx_msg_recv (c->sync_fd, &msg, err);
  if (ret < 0)
    return ret;
  if (ret == 0 || msg.type != BX_MSG_MAPPED)
    return bx_fail (err, EPROTO, "handshake: the runtime did not map the user namespace");
  return 0;
}

static int
stage1_setup (struct bx_container *c, struct bx_error *err)
{
  const struct bx_spec *s = c->spec;
  int ret;

  /* First, while still the runtime's plain fork: the init is then born in the
   * cgroup, and the cgroup namespace it makes is rooted there. */
  if (c->cgroup != NULL && (ret = bx_cgroup_enter (c->cgroup, 0, err)) < 0)
    return ret;
  if ((ret = bx_process_oom_score_adj (s, err)) < 0 || (ret = bx_ns_join (s, err)) < 0)
    return ret;
  if (s->new_ns_flags & CLONE_NEWUSER)
    {
      if ((ret = bx_ns_unshare (CLONE_NEWUSER, err)) < 0 || (ret = request_id_maps (c, err)) < 0)
        return ret;
    }
  if (s->user_ns)
    {
      if (setresgid (0, 0, 0) < 0)
        return bx_fail_errno (err, "become gid 0 in the user namespace (is 0 in linux.gidMappings?)");
      if (setresuid (0, 0, 0) < 0)
        return bx_fail_errno (err, "become uid 0 in the user namespace (is 0 in linux.uidMappings?)");
    }
  /* The cgroup namespace comes last, in the init, as in runc: its root is the
   * cgroup the process is in when it is made. */
  if ((ret = bx_ns_unshare (s->new_ns_flags & ~(CLONE_NEWUSER | CLONE_NEWCGROUP), err)) < 0)
    return ret;
  if ((s->new_ns_flags & CLONE_NEWTIME) && (ret = bx_ns_set_time_offsets (s, err)) < 0)
    return ret;
  /* Only now: newuidmap and the writes to /proc/self above need /proc/PID to
   * be ours, which a non-dumpable process's is not.  The init inherits it: from
   * here on nothing in the container can ptrace us or open our /proc files. */
  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) < 0)
    return bx_fail_errno (err, "prctl(PR_SET_DUMPABLE)");
  return 0;
}

static int
mount_rootfs (struct bx_container *c, int *fifo_fd, struct bx_error *err)
{
  const struct bx_spec *s = c->spec;
  int rootfd, i, ret;

  rootfd = bx_rootfs_prepare (s, c->rootfs, err);
  if (rootfd < 0)
    return rootfd;
  for (i = 0; i < s->n_mounts; i++)
    if ((ret = bx_mount_one (&s->mounts[i], rootfd, c->rootfs, err)) < 0)
      return ret;
  if ((ret = bx_dev_setup (s, rootfd, err)) < 0)
    return ret;
  close (rootfd);
  /* exec.fifo is a host path: open it now, O_PATH so that opening it does not
   * block, and reopen it for writing through /proc/self/fd when `start` comes. */
  if (c->fifo != NULL && (*fifo_fd = open (c->fifo, O_PATH | O_CLOEXEC)) < 0)
    return bx_fail_errno (err, "open %s", c->fifo);
  if ((ret = bx_pivot_root (c->rootfs, err)) < 0)
    return ret;
  return bx_rootfs_after_pivot (s, err);
}

/* process.cwd, resolved inside the new root (a /proc/self/fd/N there cannot lead
 * back to the host: CVE-2024-21626) and created if missing, as runc does. */
static int
open_cwd (const struct bx_spec *s, struct bx_error *err)
{
  int rootfd = open ("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
  int fd;

  if (rootfd < 0)
    return bx_fail_errno (err, "open /");
  fd = bx_inroot_mkpath (rootfd, s->cwd, true, err);
  close (rootfd);
  return fd;
}

static int
set_names (const struct bx_spec *s, struct bx_error *err)
{
  if (s->hostname != NULL && sethostname (s->hostname, strlen (s->hostname)) < 0)
    return bx_fail_errno (err, "set the hostname '%s'", s->hostname);
  if (s->domainname != NULL && setdomainname (s->domainname, strlen (s->domainname)) < 0)
    return bx_fail_errno (err, "set the domainname '%s'", s->domainname);
  return 0;
}

/* runc's finalizeNamespace: the bounding set needs CAP_SETPCAP, so it goes before
 * the change of user; PR_SET_KEEPCAPS keeps the permitted set across it; the
 * cwd is tried as root first and again as the user (a directory only the user
 * may enter). */
int
bx_become_user (const struct bx_spec *s, int cwd_fd, int last_cap, struct bx_error *err)
{
  bool in_cwd = fchdir (cwd_fd) == 0;
  int ret;

  if (!in_cwd && errno != EACCES && errno != EPERM)
    return bx_fail_errno (err, "chdir to process.cwd %s", s->cwd);
  if ((ret = bx_caps_apply_bounding (s->caps, last_cap, err)) < 0)
    return ret;
  if (prctl (PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0)
    return bx_fail_errno (err, "prctl(PR_SET_KEEPCAPS)");
  if ((ret = bx_process_set_user (s, err)) < 0)
    return ret;
  if (!in_cwd && fchdir (cwd_fd) < 0)
    return bx_fail_errno (err, "chdir to process.cwd %s", s->cwd);
  if (prctl (PR_SET_KEEPCAPS, 0, 0, 0, 0) < 0)
    return bx_fail_errno (err, "prctl(PR_SET_KEEPCAPS)");
  return bx_caps_apply (s->caps, last_cap, err);
}

/* The container starts with default signal handling and nothing blocked,
 * whatever the runtime inherited or blocked for `run`. */
int
bx_reset_signals (struct bx_error *err)
{
  sigset_t none;
  int sig;

  for (sig = 1; sig < NSIG; sig++)
    if (sig != SIGKILL && sig != SIGSTOP && signal (sig, SIG_DFL) == SIG_ERR && errno != EINVAL)
      return bx_fail_errno (err, "reset the handler of signal %d", sig);
  sigemptyset (&none);
  if (sigprocmask (SIG_SETMASK, &none, NULL) < 0)
    return bx_fail_errno (err, "unblock signals");
  return 0;
}

static int
init_setup (struct bx_container *c, char *exe, size_t len, int *fifo_fd, struct bx_error *err)
{
  struct bx_spec *s = c->spec;
  int last_cap, cwd_fd, ret;

  if (setsid () < 0)
    return bx_fail_errno (err, "setsid");
  if ((s->new_ns_flags & CLONE_NEWCGROUP) && (ret = bx_ns_unshare (CLONE_NEWCGROUP, err)) < 0)
    return ret;
  /* Directories made for mount targets get 0755 whatever the caller's umask;
   * process.user.umask applies from bx_rootfs_finalize on. */
  umask (022);
  if ((ret = bx_cap_last (&last_cap, err)) < 0)
    return ret;
  if ((s->new_ns_flags & CLONE_NEWNET) && (ret = bx_ns_loopback_up (err)) < 0)
    return ret;
  if ((ret = bx_process_session_keyring (c->id, err)) < 0)
    return ret;
  if ((ret = mount_rootfs (c, fifo_fd, err)) < 0)
    return ret;
  if ((cwd_fd = open_cwd (s, err)) < 0)
    return cwd_fd;
  if (s->terminal && (ret = bx_terminal_setup (s, c->console_socket, err)) < 0)
    return ret;
  if ((ret = bx_rootfs_finalize (s, err)) < 0)
    return ret;
  umask (s->has_umask ? s->umask : 022);
  if ((ret = set_names (s, err)) < 0 || (ret = bx_ns_sysctl (s, err)) < 0)
    return ret;
  if ((ret = bx_paths_readonly (s, err)) < 0 || (ret = bx_paths_masked (s, err)) < 0)
    return ret;
  if ((ret = bx_process_rlimits (s, err)) < 0)
    return ret;
  if (s->no_new_privileges && prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
    return bx_fail_errno (err, "prctl(PR_SET_NO_NEW_PRIVS)");
  /* Without no_new_privs, loading a filter needs CAP_SYS_ADMIN, which the
   * change of user may drop: load it now.  Otherwise as late as possible. */
  if (s->seccomp != NULL && !s->no_new_privileges && (ret = bx_seccomp_load (s->seccomp, err)) < 0)
    return ret;
  if ((ret = bx_become_user (s, cwd_fd, last_cap, err)) < 0)
    return ret;
  close (cwd_fd);
  if ((ret = bx_process_home (s, err)) < 0 || (ret = bx_process_find_exec (s, exe, len, err)) < 0)
    return ret;
  return bx_reset_signals (err);
}

static int
set_dumpable (int on, struct bx_error *err)
{
  if (prctl (PR_SET_DUMPABLE, on, 0, 0, 0) < 0)
    return bx_fail_errno (err, "prctl(PR_SET_DUMPABLE, %d)", on);
  return 0;
}

/* Block until `start` opens exec.fifo for reading, then tell it we run. */
static int
wait_for_start (int fifo_fd, struct bx_error *err)
{
  int fd;

  do
    fd = open (bx_fdpath (fifo_fd).s, O_WRONLY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    return bx_fail_errno (err, "open exec.fifo");
  if (write (fd, "0", 1) != 1)
    {
      bx_fail_errno (err, "write exec.fifo");
      close (fd);
      return -1;
    }
  close (fd);
  close (fifo_fd);
  return 0;
}

/* Nothing of the runtime's may reach the container: close every fd but stdio
 * and the close-on-exec handshake socket, which execve closes or, should it
 * fail, carries the error. */
int
bx_close_fds (int keep, struct bx_error *err)
{
  if (keep < 0)
    {
      if (close_range (3, ~0U, 0) < 0)
        return bx_fail_errno (err, "close_range");
      return 0;
    }
  if ((keep > 3 && close_range (3, (unsigned int) keep - 1, 0) < 0)
      || close_range ((unsigned int) keep + 1, ~0U, 0) < 0)
    return bx_fail_errno (err, "close_range");
  return 0;
}

__attribute__ ((noreturn)) static void
init_main (struct bx_container *c)
{
  struct bx_error err;
  char exe[PATH_MAX];
  int fifo_fd = -1;

  memset (&err, 0, sizeof (err));
  if (init_setup (c, exe, sizeof (exe), &fifo_fd, &err) < 0)
    die (c, &err, 1);
  /* While it waits, the init is alone in its namespaces, and whoever `create`
   * reports to (a network helper, another container) must be able to join them
   * through /proc/PID/ns, which a non-dumpable process hides: joinable before
   * READY.  Its exe stays the sealed memfd copy meanwhile. */
  if (c->fifo != NULL && set_dumpable (1, &err) < 0)
    die (c, &err, 1);
  if (bx_msg_send (c->sync_fd, BX_MSG_READY, 0, NULL, &err) < 0)
    die (c, &err, 1);
  if (c->fifo != NULL)
    {
      close (c->sync_fd);
      c->sync_fd = -1;
      if (wait_for_start (fifo_fd, &err) < 0 || set_dumpable (0, &err) < 0)
        die (c, &err, 1);
    }
  if (bx_close_fds (c->sync_fd, &err) < 0)
    die (c, &err, 1);
  if (c->spec->seccomp != NULL && c->spec->no_new_privileges && bx_seccomp_load (c->spec->seccomp, &err) < 0)
    die (c, &err, 1);
  execve (exe, c->spec->args, c->spec->env);
  bx_fail_errno (&err, "exec %s", exe);
  die (c, &err, err.errnum == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_EXEC);
}

void
bx_stage1 (struct bx_container *c)
{
  struct bx_error err;
  pid_t init;

  memset (&err, 0, sizeof (err));
  if (stage1_setup (c, &err) < 0)
    die (c, &err, 1);
  /* The init is the parent's child, not ours (CLONE_PARENT), so that `run` can
   * wait for it; and the first process in the new pid and time namespaces. */
  init = (pid_t) syscall (SYS_clone, CLONE_PARENT | SIGCHLD, 0, NULL, NULL, 0);
  if (init < 0)
    {
      bx_fail_errno (&err, "clone the container's init");
      die (c, &err, 1);
    }
  if (init == 0)
    init_main (c);
  if (bx_msg_send (c->sync_fd, BX_MSG_INIT_PID, init, NULL, &err) < 0)
    die (c, &err, 1);
  _exit (0);
}
