/* `exec`: a process in a running container, as runc exec does (nsexec's setns
 * path and setns_init_linux.go).
 *
 *   runtime (P)                 stage 1 (C1)                  process (C2)
 *   open /proc/PID/ns/X, the
 *   cgroup's cgroup.procs;
 *   oomScoreAdj; turn
 *   non-dumpable; fork --------> move into the cgroup;
 *                               setns user, then the
 *                               others; become root
 *                               clone(CLONE_PARENT) --------> (in the pid namespace;
 *   <-------- INIT_PID {pid} --                               a child of P)
 *                               exit                          setsid, keyring, cwd,
 *                                                             pty, rlimits, seccomp,
 *                                                             user and capabilities,
 *   wait for EOF (exec done) <----------------------------------- close fds, execve
 *
 * Either child may send ERROR instead and exit; C2 exits 127 when the program is
 * not there, 126 when it cannot be executed, which P passes on.  Nothing of the
 * container's init is needed but its pid: the mount namespace has its root, so
 * no rootfs is mounted or resolved here. */
#define _GNU_SOURCE
#include "exec.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/keyctl.h>

#include "caps.h"
#include "cgroup2.h"
#include "container.h"
#include "handshake.h"
#include "inroot.h"
#include "namespaces.h"
#include "process.h"
#include "seccomp.h"
#include "terminal.h"

#define MAX_NS 8

struct exec_ctx
{
  struct bx_spec spec;
  int ns_fd[MAX_NS]; /* in linux.namespaces order, -1 for ones we already share */
  int ns_flag[MAX_NS];
  int n_ns;
  char cgroup[PATH_MAX]; /* the cgroup directory, "" without linux.cgroupsPath */
  int cgroup_procs;
  int console_socket;
  int sync_fd;
};

/* The names under /proc/PID/ns/, which differ from the spec's for two. */
static const struct
{
  int flag;
  const char *name;
} proc_ns[] = {
  { CLONE_NEWUSER, "user" }, { CLONE_NEWNS, "mnt" },       { CLONE_NEWPID, "pid" },   { CLONE_NEWNET, "net" },
  { CLONE_NEWIPC, "ipc" },   { CLONE_NEWUTS, "uts" },      { CLONE_NEWCGROUP, "cgroup" }, { CLONE_NEWTIME, "time" },
};

static const char *
proc_ns_name (int flag)
{
  size_t i;

  for (i = 0; i < sizeof (proc_ns) / sizeof (proc_ns[0]); i++)
    if (proc_ns[i].flag == flag)
      return proc_ns[i].name;
  return NULL;
}

__attribute__ ((noreturn)) static void
die (struct exec_ctx *x, const struct bx_error *e, int status)
{
  struct bx_error ignored;

  if (bx_msg_send (x->sync_fd, BX_MSG_ERROR, 0, e, &ignored) < 0)
    {
      if (e->errnum != 0)
        dprintf (STDERR_FILENO, "boxctl-runtime exec: %s: %s\n", e->msg, strerror (e->errnum));
      else
        dprintf (STDERR_FILENO, "boxctl-runtime exec: %s\n", e->msg);
    }
  _exit (status);
}

/* ---- the runtime's side: what the children need, opened in our namespaces ---- */

/* Only the namespaces the container owns: one it shares with us (the spec
 * leaves it out, or joined ours by path) is not joined, and setns into our own
 * user namespace would be refused anyway. */
static int
open_namespaces (struct exec_ctx *x, pid_t pid, struct bx_error *err)
{
  char dir[64];
  int procfd, i;

  snprintf (dir, sizeof (dir), "/proc/%d", (int) pid);
  /* One directory fd: every namespace comes from the same process, even if the
   * pid were reused meanwhile. */
  procfd = open (dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (procfd < 0)
    return bx_fail_errno (err, "the container's init (pid %d) is not running: open %s", (int) pid, dir);
  for (i = 0; i < x->spec.n_namespaces; i++)
    {
      const char *name = proc_ns_name (x->spec.namespaces[i].flag);
      char path[32], self[48];
      struct stat theirs, ours;
      int fd;

      snprintf (path, sizeof (path), "ns/%s", name);
      fd = openat (procfd, path, O_RDONLY | O_CLOEXEC);
      if (fd < 0 || fstat (fd, &theirs) < 0)
        {
          bx_fail_errno (err, "open %s/%s of the container's init", dir, path);
          close (procfd);
          return -1;
        }
      snprintf (self, sizeof (self), "/proc/self/ns/%s", name);
      if (stat (self, &ours) == 0 && ours.st_dev == theirs.st_dev && ours.st_ino == theirs.st_ino)
        {
          close (fd);
          continue;
        }
      x->ns_fd[x->n_ns] = fd;
      x->ns_flag[x->n_ns++] = x->spec.namespaces[i].flag;
    }
  close (procfd);
  return 0;
}

/* The container's cgroup must exist: exec never makes one. */
static int
open_cgroup (struct exec_ctx *x, struct bx_error *err)
{
  const char *path = x->spec.cgroups_path;
  char procs[PATH_MAX + 16];
  int ret;

  if (path == NULL)
    return 0;
  if ((ret = bx_cgroup_dir (path, x->cgroup, sizeof (x->cgroup), err)) < 0)
    return ret;
  snprintf (procs, sizeof (procs), "%s/cgroup.procs", x->cgroup);
  /* Opened here, written by stage 1: the kernel checks a write to
   * cgroup.procs against the opener's credentials and cgroup namespace. */
  x->cgroup_procs = open (procs, O_WRONLY | O_CLOEXEC);
  if (x->cgroup_procs < 0)
    return bx_fail_errno (err, "open %s (linux.cgroupsPath)", procs);
  return 0;
}

static int
prepare (const struct bx_exec_options *o, struct exec_ctx *x, struct bx_error *err)
{
  char config[PATH_MAX];
  int ret;

  if ((size_t) snprintf (config, sizeof (config), "%s/config.json", o->bundle) >= sizeof (config))
    return bx_fail (err, ENAMETOOLONG, "--bundle %s", o->bundle);
  if ((ret = bx_spec_load (config, &x->spec, err)) < 0 || (ret = bx_spec_load_process (o->process, &x->spec, err)) < 0)
    return ret;
  if (x->spec.terminal && o->console_socket == NULL)
    return bx_fail (err, EINVAL, "process.terminal is true: --console-socket is required");
  if (!x->spec.terminal && o->console_socket != NULL)
    return bx_fail (err, EINVAL, "--console-socket given but process.terminal is false");
  if (o->console_socket != NULL && (x->console_socket = bx_console_connect (o->console_socket, err)) < 0)
    return -1;
  if ((ret = open_cgroup (x, err)) < 0)
    return ret;
  return open_namespaces (x, o->pid, err);
}

/* ---- stage 1 ---- */

static int
join_namespaces (struct exec_ctx *x, struct bx_error *err)
{
  int pass, i;

  /* The user namespace first: it gives the capabilities the others need. */
  for (pass = 0; pass < 2; pass++)
    for (i = 0; i < x->n_ns; i++)
      if ((x->ns_flag[i] == CLONE_NEWUSER) == (pass == 0))
        {
          if (setns (x->ns_fd[i], x->ns_flag[i]) < 0)
            return bx_fail_errno (err, "join the %s namespace of the container", proc_ns_name (x->ns_flag[i]));
          close (x->ns_fd[i]);
          x->ns_fd[i] = -1;
        }
  return 0;
}

static int
stage1_setup (struct exec_ctx *x, struct bx_error *err)
{
  int ret;

  /* "0" is the writer itself; the process inherits the cgroup. */
  if (x->cgroup_procs >= 0)
    {
      if (write (x->cgroup_procs, "0", 1) != 1)
        return bx_fail_errno (err, "join the container's cgroup %s", x->cgroup);
      close (x->cgroup_procs);
    }
  if ((ret = join_namespaces (x, err)) < 0)
    return ret;
  if (x->spec.user_ns)
    {
      if (setresgid (0, 0, 0) < 0)
        return bx_fail_errno (err, "become gid 0 in the container's user namespace");
      if (setresuid (0, 0, 0) < 0)
        return bx_fail_errno (err, "become uid 0 in the container's user namespace");
    }
  return 0;
}

/* ---- the process ---- */

/* A fresh anonymous session keyring: the caller's keys stay out of reach. */
static int
new_session_keyring (struct bx_error *err)
{
  if (syscall (SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, NULL, 0, 0, 0) < 0 && errno != ENOSYS)
    return bx_fail_errno (err, "join a new session keyring");
  return 0;
}

/* process.cwd inside the container's root (ours since setns: the root of its
 * mount namespace), never through a magic link; unlike the init, exec does not
 * create it, as runc exec does not. */
static int
open_cwd (const struct bx_spec *s, struct bx_error *err)
{
  int rootfd = open ("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
  int fd;

  if (rootfd < 0)
    return bx_fail_errno (err, "open / of the container");
  fd = bx_inroot_open (rootfd, s->cwd, O_PATH | O_DIRECTORY, err);
  close (rootfd);
  return fd;
}

static int
process_setup (struct exec_ctx *x, char *exe, size_t len, int *status, struct bx_error *err)
{
  struct bx_spec *s = &x->spec;
  int last_cap, cwd_fd, ret;

  if (setsid () < 0)
    return bx_fail_errno (err, "setsid");
  if ((ret = new_session_keyring (err)) < 0 || (ret = bx_cap_last (&last_cap, err)) < 0)
    return ret;
  umask (s->has_umask ? s->umask : 022);
  if ((cwd_fd = open_cwd (s, err)) < 0)
    return cwd_fd;
  if (s->terminal && (ret = bx_terminal_setup_exec (s, x->console_socket, err)) < 0)
    return ret;
  if ((ret = bx_process_rlimits (s, err)) < 0)
    return ret;
  if (s->no_new_privileges && prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
    return bx_fail_errno (err, "prctl(PR_SET_NO_NEW_PRIVS)");
  /* As in the init: without no_new_privs, loading needs CAP_SYS_ADMIN, which the
   * change of user may drop. */
  if (s->seccomp != NULL && !s->no_new_privileges && (ret = bx_seccomp_load (s->seccomp, err)) < 0)
    return ret;
  if ((ret = bx_become_user (s, cwd_fd, last_cap, err)) < 0)
    return ret;
  close (cwd_fd);
  if ((ret = bx_process_home (s, err)) < 0)
    return ret;
  if ((ret = bx_process_find_exec (s, exe, len, err)) < 0)
    {
      *status = err->errnum == ENOENT ? BX_EXIT_NOT_FOUND : BX_EXIT_CANNOT_EXEC;
      return ret;
    }
  return bx_reset_signals (err);
}

__attribute__ ((noreturn)) static void
process_main (struct exec_ctx *x)
{
  struct bx_error err;
  char exe[PATH_MAX];
  int status = 1;

  memset (&err, 0, sizeof (err));
  if (process_setup (x, exe, sizeof (exe), &status, &err) < 0)
    die (x, &err, status);
  if (bx_close_fds (x->sync_fd, &err) < 0)
    die (x, &err, 1);
  if (x->spec.seccomp != NULL && x->spec.no_new_privileges && bx_seccomp_load (x->spec.seccomp, &err) < 0)
    die (x, &err, 1);
  execve (exe, x->spec.args, x->spec.env);
  bx_fail_errno (&err, "exec %s", exe);
  die (x, &err, err.errnum == ENOENT ? BX_EXIT_NOT_FOUND : BX_EXIT_CANNOT_EXEC);
}

__attribute__ ((noreturn)) static void
stage1 (struct exec_ctx *x)
{
  struct bx_error err;
  pid_t pid;

  memset (&err, 0, sizeof (err));
  if (stage1_setup (x, &err) < 0)
    die (x, &err, 1);
  /* Our parent's child, so that it can wait for it; the first of ours in the
   * pid namespace joined above. */
  pid = (pid_t) syscall (SYS_clone, CLONE_PARENT | SIGCHLD, 0, NULL, NULL, 0);
  if (pid < 0)
    {
      bx_fail_errno (&err, "clone the process");
      die (x, &err, 1);
    }
  if (pid == 0)
    process_main (x);
  if (bx_msg_send (x->sync_fd, BX_MSG_INIT_PID, pid, NULL, &err) < 0)
    die (x, &err, 1);
  _exit (0);
}

/* ---- the runtime again: the handshake and its outcome ---- */

static void
close_children_fds (struct exec_ctx *x)
{
  int i;

  for (i = 0; i < x->n_ns; i++)
    if (x->ns_fd[i] >= 0)
      close (x->ns_fd[i]);
  x->n_ns = 0;
  if (x->cgroup_procs >= 0)
    close (x->cgroup_procs);
  x->cgroup_procs = -1;
  if (x->console_socket >= 0)
    close (x->console_socket);
  x->console_socket = -1;
}

static int
reap (pid_t pid, int *status)
{
  pid_t r;

  do
    r = waitpid (pid, status, 0);
  while (r < 0 && errno == EINTR);
  return r == pid ? 0 : -1;
}

/* Every message until EOF, which comes when stage 1 has exited and the process
 * has executed (its end is close-on-exec) or exited. */
static int
drive (int sync_fd, pid_t *pid, struct bx_error *err)
{
  struct bx_error first = { 0 };
  struct bx_msg msg;
  int n;

  while ((n = bx_msg_recv (sync_fd, &msg, err)) > 0)
    {
      if (msg.type == BX_MSG_INIT_PID)
        *pid = msg.pid;
      else if (first.msg[0] != '\0')
        continue;
      else if (msg.type == BX_MSG_ERROR)
        first = msg.err;
      else
        bx_fail (&first, EPROTO, "handshake: unexpected message %d", msg.type);
    }
  if (first.msg[0] != '\0')
    {
      *err = first;
      return -1;
    }
  return n;
}

static int
write_pid_file (const char *path, pid_t pid, struct bx_error *err)
{
  char tmp[PATH_MAX], line[16];
  int fd, len = snprintf (line, sizeof (line), "%d", (int) pid);

  if ((size_t) snprintf (tmp, sizeof (tmp), "%s.tmp", path) >= sizeof (tmp))
    return bx_fail (err, ENAMETOOLONG, "--pid-file %s", path);
  fd = open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    return bx_fail_errno (err, "create %s", tmp);
  if (write (fd, line, (size_t) len) != len || close (fd) < 0)
    {
      bx_fail_errno (err, "write %s", tmp);
      unlink (tmp);
      return -1;
    }
  if (rename (tmp, path) < 0)
    {
      bx_fail_errno (err, "rename %s to %s", tmp, path);
      unlink (tmp);
      return -1;
    }
  return 0;
}

/* Nothing may go on after a failure.  A process that failed on its own has
 * exited (a zombie keeps its status through SIGKILL) and says 126 or 127 by it,
 * when `from_process` asks for that. */
static void
fail_status (pid_t pid, bool from_process, int *status)
{
  int st;

  *status = BX_EXIT_RUNTIME;
  if (pid <= 0)
    return;
  kill (pid, SIGKILL);
  if (reap (pid, &st) == 0 && from_process && WIFEXITED (st)
      && (WEXITSTATUS (st) == BX_EXIT_CANNOT_EXEC || WEXITSTATUS (st) == BX_EXIT_NOT_FOUND))
    *status = WEXITSTATUS (st);
}

static pid_t
launch (const struct bx_exec_options *o, struct exec_ctx *x, int *status, struct bx_error *err)
{
  pid_t c1, pid = -1;
  int sv[2], st, ret;

  /* While /proc/self is still ours to write: non-dumpable, it is root's. */
  if ((ret = bx_process_oom_score_adj (&x->spec, err)) < 0)
    return ret;
  /* Anything in the container runs as our uid on the host and could otherwise
   * ptrace us, with the namespace fds and the host behind us. */
  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) < 0)
    return bx_fail_errno (err, "prctl(PR_SET_DUMPABLE)");
  if (socketpair (AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
    return bx_fail_errno (err, "socketpair for the handshake");
  c1 = fork ();
  if (c1 < 0)
    {
      close (sv[0]);
      close (sv[1]);
      return bx_fail_errno (err, "fork");
    }
  if (c1 == 0)
    {
      close (sv[0]);
      x->sync_fd = sv[1];
      stage1 (x);
    }
  close (sv[1]);
  /* A console receiver waiting for the connection to close must not wait for us. */
  close_children_fds (x);
  ret = drive (sv[0], &pid, err);
  close (sv[0]);
  if (reap (c1, &st) < 0)
    {
      bx_fail_errno (err, "wait for the exec setup process");
      fail_status (pid, false, status);
      return -1;
    }
  if (ret == 0 && pid <= 0)
    {
      if (WIFSIGNALED (st))
        bx_fail (err, 0, "the exec setup process was killed by signal %d (%s)", WTERMSIG (st), strsignal (WTERMSIG (st)));
      else
        bx_fail (err, 0, "the exec setup process exited with status %d without a message", WEXITSTATUS (st));
      ret = -1;
    }
  if (ret < 0)
    {
      fail_status (pid, true, status);
      return -1;
    }
  if (o->pid_file != NULL && write_pid_file (o->pid_file, pid, err) < 0)
    {
      fail_status (pid, false, status);
      return -1;
    }
  return pid;
}

pid_t
bx_exec_start (const struct bx_exec_options *o, int *status, struct bx_error *err)
{
  struct exec_ctx *x = calloc (1, sizeof (*x));

  *status = BX_EXIT_RUNTIME;
  if (x == NULL)
    return bx_fail (err, ENOMEM, "exec");
  x->cgroup_procs = -1;
  x->console_socket = -1;
  x->sync_fd = -1;
  if (prepare (o, x, err) < 0)
    {
      close_children_fds (x);
      return -1;
    }
  return launch (o, x, status, err);
}
