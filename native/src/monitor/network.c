/* The container's network helper, as Podman runs it rootless: pasta or slirp4netns
 * joins the init's user and network namespaces right after `create` and
 * connects them to the host; the monitor ends it when the init is gone.
 *
 * It starts before it is needed and is waited for only before `start`.  With
 * --net-uid-map and --net-gid-map (Podman's order: the network namespace first,
 * then the container in it) a holder child makes the container's user and
 * network namespaces with that mapping, RUNDIR/userns and RUNDIR/netns lead to
 * them (the bundle joins those paths), and the helper comes up there while the
 * runtime creates the container; the holder goes once `create` has joined.
 * Without them the helper starts on the init's namespaces after `create`, and
 * comes up while the CLI attaches.  Readiness: pasta writes its pid file once its
 * ports are bound and the namespace configured, so --pid names a FIFO that we
 * read; slirp4netns writes to --ready-fd, after which its API socket takes the
 * port forwards.
 *
 * Ending it: a helper's exit is slow (it unregisters its tap device: RCU grace
 * periods, 50 ms and more on a busy host), and its host ports are free only
 * once it is gone.  So the monitor waits for it before it reports an exit only
 * where it publishes ports (no --net-no-ports); otherwise it reports at once
 * and the reaper collects the helper. */
#define _GNU_SOURCE
#include "network.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "../idmap.h"
#include "sockpath.h"
#include "spawn.h"

#define READY_TIMEOUT_MS 10000
#define HELPER_ERR_LEN 400
#define MAX_HELPER_ARGV (MON_MAX_NET_ARGS + 24)

/* Only async-signal-safe calls: the helper dies with us (pdeathsig) and gets
 * `extra` (-1: none) as fd 3 and `extra2` as fd 4, stderr on err_fd. */
static void __attribute__ ((noreturn))
child (char *const argv[], int err_fd, int extra, int extra2, pid_t parent)
{
  int src[5] = { -1, -1, err_fd, extra, extra2 }, high[5], i, n = extra2 >= 0 ? 5 : extra >= 0 ? 4 : 3;
  sigset_t none;

  if (prctl (PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0 || getppid () != parent)
    _exit (127);
  sigemptyset (&none);
  sigprocmask (SIG_SETMASK, &none, NULL);
  signal (SIGPIPE, SIG_DFL);
  for (i = 0; i < n; i++)
    {
      if (src[i] < 0)
        src[i] = open ("/dev/null", O_RDWR | O_CLOEXEC);
      high[i] = fcntl (src[i], F_DUPFD_CLOEXEC, 16);
      if (high[i] < 0)
        _exit (127);
    }
  for (i = 0; i < n; i++)
    if (dup2 (high[i], i) < 0)
      _exit (127);
  close_range ((unsigned) n, ~0U, 0);
  execv (argv[0], argv);
  _exit (127);
}

static pid_t
spawn_helper (char *const argv[], int err_fd, int extra, int extra2, struct bx_error *err)
{
  pid_t parent = getpid (), pid = fork ();

  if (pid < 0)
    return bx_fail_errno (err, "fork for %s", argv[0]);
  if (pid == 0)
    child (argv, err_fd, extra, extra2, parent);
  return pid;
}

/* The helper's first line of stderr that says something: both put the cause
 * first, then usage or "child failed" lines (pasta also complains there that it
 * has no syslog). */
static void
helper_message (int err_fd, char *out, size_t len)
{
  char buf[4096], *line, *save = NULL;
  ssize_t n;
  size_t got = 0;

  out[0] = '\0';
  while (got < sizeof (buf) - 1 && (n = pread (err_fd, buf + got, sizeof (buf) - 1 - got, (off_t) got)) > 0)
    got += (size_t) n;
  buf[got] = '\0';
  for (line = strtok_r (buf, "\n", &save); line != NULL && out[0] == '\0'; line = strtok_r (NULL, "\n", &save))
    if (strncmp (line, "Failed to send", 14) != 0 && strncmp (line, "WARNING", 7) != 0)
      snprintf (out, len, "%s", line);
}

static long long
now_ms (void)
{
  struct timespec t;

  clock_gettime (CLOCK_MONOTONIC, &t);
  return (long long) t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Waits for ready_fd to have data, or for the helper to exit (its stderr in err_fd
 * then says why). */
static int
await_ready (const char *helper, pid_t pid, int ready_fd, int err_fd, struct bx_error *err)
{
  int pidfd = (int) syscall (SYS_pidfd_open, pid, 0);
  struct pollfd p[2] = { { .fd = ready_fd, .events = POLLIN }, { .fd = pidfd, .events = POLLIN } };
  long long deadline = now_ms () + READY_TIMEOUT_MS;
  char msg[HELPER_ERR_LEN], byte;
  int r;

  for (;;)
    {
      r = poll (p, 2, (int) (deadline - now_ms () > 0 ? deadline - now_ms () : 0));
      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        r = bx_fail_errno (err, "poll for %s", helper);
      else if (r == 0)
        r = bx_fail (err, ETIMEDOUT, "the network helper %s was not ready after %d s", helper, READY_TIMEOUT_MS / 1000);
      else if ((p[0].revents & POLLIN) && read (ready_fd, &byte, 1) == 1)
        r = 0;
      else if (p[1].revents & POLLIN)
        {
          helper_message (err_fd, msg, sizeof (msg));
          /* Its message is the cause: no errno of ours to add. */
          r = bx_fail (err, 0, "the network helper %s failed: %s", helper, msg[0] ? msg : "it exited");
        }
      else
        {
          /* The ready pipe ended without a byte: the helper is on its way out. */
          p[0].fd = -1;
          continue;
        }
      if (pidfd >= 0)
        close (pidfd);
      return r;
    }
}

static int
push (char **argv, size_t *i, char *arg)
{
  if (*i >= MAX_HELPER_ARGV)
    return -1;
  argv[(*i)++] = arg;
  return 0;
}

/* One add_hostfwd through the API socket: "PROTO:HOSTIP:HOSTPORT:CTRPORT". */
static int
slirp_forward (const struct mon_options *o, const char *spec, struct bx_error *err)
{
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  char proto[8], ip[64], req[512], reply[1024], path[PATH_MAX], *desc;
  unsigned host_port, ctr_port;
  size_t got = 0;
  ssize_t n;
  int fd;

  if (sscanf (spec, "%7[a-z]:%63[0-9.]:%u:%u", proto, ip, &host_port, &ctr_port) != 4)
    return bx_fail (err, EINVAL, "--net-forward %s: expected PROTO:IP:HOSTPORT:CTRPORT", spec);
  if (mon_socket_path (o, "slirp.sock", false, path, sizeof (path), err) < 0)
    return -1;
  /* mon_socket_path made it fit. */
  memcpy (addr.sun_path, path, strlen (path) + 1);
  fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0 || connect (fd, (struct sockaddr *) &addr, sizeof (addr)) < 0)
    {
      bx_fail_errno (err, "connect to slirp4netns' API socket");
      if (fd >= 0)
        close (fd);
      return -1;
    }
  snprintf (req, sizeof (req),
            "{\"execute\":\"add_hostfwd\",\"arguments\":{\"proto\":\"%s\",\"host_addr\":\"%s\",\"host_port\":%u,"
            "\"guest_port\":%u}}",
            proto, ip, host_port, ctr_port);
  if (write (fd, req, strlen (req)) != (ssize_t) strlen (req))
    {
      close (fd);
      return bx_fail_errno (err, "write to slirp4netns' API socket");
    }
  shutdown (fd, SHUT_WR);
  while (got < sizeof (reply) - 1 && (n = read (fd, reply + got, sizeof (reply) - 1 - got)) > 0)
    got += (size_t) n;
  close (fd);
  reply[got] = '\0';
  if (strstr (reply, "\"return\"") != NULL)
    return 0;
  desc = strstr (reply, "\"desc\"");
  return bx_fail (err, EADDRINUSE, "cannot publish %s port %u on %s (is it in use?): slirp4netns said %s", proto,
                  host_port, ip, desc != NULL ? desc + 7 : reply);
}

static void
close_fd (int *fd)
{
  if (*fd >= 0)
    close (*fd);
  *fd = -1;
}

static int
spawn_slirp (const struct mon_options *o, struct mon_net *n, pid_t init, struct bx_error *err)
{
  char *argv[MAX_HELPER_ARGV + 1], userns[64], netns[64], api[PATH_MAX];
  char ready_arg[] = "--ready-fd=3", exit_arg[] = "--exit-fd=4", api_flag[] = "--api-socket";
  int ready[2] = { -1, -1 }, quit[2] = { -1, -1 };
  size_t i = 0, k;

  snprintf (userns, sizeof (userns), "--userns-path=/proc/%d/ns/user", (int) init);
  snprintf (netns, sizeof (netns), "/proc/%d/ns/net", (int) init);
  if (mon_socket_path (o, "slirp.sock", true, api, sizeof (api), err) < 0)
    return -1;
  push (argv, &i, (char *) o->net_helper_path);
  for (k = 0; k < o->net_args_len; k++)
    if (push (argv, &i, o->net_args[k]) < 0)
      return bx_fail (err, E2BIG, "too many --net-arg");
  push (argv, &i, ready_arg);
  push (argv, &i, exit_arg);
  push (argv, &i, api_flag);
  push (argv, &i, api);
  push (argv, &i, userns);
  push (argv, &i, "--netns-type=path");
  push (argv, &i, netns);
  if (push (argv, &i, "tap0") < 0)
    return bx_fail (err, E2BIG, "too many --net-arg");
  argv[i] = NULL;
  if (pipe2 (ready, O_CLOEXEC) < 0 || pipe2 (quit, O_CLOEXEC) < 0)
    {
      bx_fail_errno (err, "pipe for slirp4netns");
      for (k = 0; k < 2; k++)
        {
          close_fd (&ready[k]);
          close_fd (&quit[k]);
        }
      return -1;
    }
  n->pid = spawn_helper (argv, n->log_fd, ready[1], quit[0], err);
  close_fd (&ready[1]);
  close_fd (&quit[0]);
  n->ready_fd = ready[0];
  n->exit_fd = quit[1];
  return n->pid < 0 ? -1 : 0;
}

static int
spawn_pasta (const struct mon_options *o, struct mon_net *n, pid_t init, struct bx_error *err)
{
  char *argv[MAX_HELPER_ARGV + 1], userns[64], netns[64];
  char foreground[] = "-f", quiet[] = "-q", pid_flag[] = "--pid", netns_flag[] = "--netns", userns_flag[] = "--userns";
  size_t i = 0, k;

  snprintf (userns, sizeof (userns), "/proc/%d/ns/user", (int) init);
  snprintf (netns, sizeof (netns), "/proc/%d/ns/net", (int) init);
  if (mon_rundir_path (o, "pasta.ready", n->fifo, sizeof (n->fifo), err) < 0)
    return -1;
  push (argv, &i, (char *) o->net_helper_path);
  push (argv, &i, foreground);
  push (argv, &i, quiet);
  for (k = 0; k < o->net_args_len; k++)
    if (push (argv, &i, o->net_args[k]) < 0)
      return bx_fail (err, E2BIG, "too many --net-arg");
  push (argv, &i, pid_flag);
  push (argv, &i, n->fifo);
  push (argv, &i, netns_flag);
  push (argv, &i, netns);
  push (argv, &i, userns_flag);
  if (push (argv, &i, userns) < 0)
    return bx_fail (err, E2BIG, "too many --net-arg");
  argv[i] = NULL;
  if ((unlink (n->fifo) < 0 && errno != ENOENT) || mkfifo (n->fifo, 0600) < 0)
    return bx_fail_errno (err, "mkfifo %s", n->fifo);
  /* Open before pasta does, or its open for writing would wait for a reader. */
  n->ready_fd = open (n->fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (n->ready_fd < 0)
    return bx_fail_errno (err, "open %s", n->fifo);
  n->pid = spawn_helper (argv, n->log_fd, -1, -1, err);
  return n->pid < 0 ? -1 : 0;
}

void
mon_network_init (struct mon_net *n)
{
  n->pid = n->holder = -1;
  n->exit_fd = n->ready_fd = n->log_fd = n->hold_fd = -1;
  n->fifo[0] = '\0';
}

/* The holder: unshares a user and a network namespace, says so (0 or the errno)
 * on fd 3, and keeps them until fd 4 ends.  Async-signal-safe calls only. */
static void __attribute__ ((noreturn))
holder_child (int said, int hold, pid_t parent)
{
  int e = 0;
  char byte;

  if (prctl (PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0 || getppid () != parent || dup2 (said, 3) < 0
      || dup2 (hold, 4) < 0)
    _exit (127);
  close_range (5, ~0U, 0);
  if (unshare (CLONE_NEWUSER | CLONE_NEWNET) < 0)
    e = errno;
  if (write (3, &e, sizeof (e)) != (ssize_t) sizeof (e) || e != 0)
    _exit (1);
  while (read (4, &byte, 1) < 0 && errno == EINTR)
    ;
  _exit (0);
}

static int
link_in_rundir (const struct mon_options *o, const char *name, pid_t pid, const char *ns, struct bx_error *err)
{
  char path[PATH_MAX], target[64];

  if (mon_rundir_path (o, name, path, sizeof (path), err) < 0)
    return -1;
  snprintf (target, sizeof (target), "/proc/%d/ns/%s", (int) pid, ns);
  if ((unlink (path) < 0 && errno != ENOENT) || symlink (target, path) < 0)
    return bx_fail_errno (err, "symlink %s to %s", path, target);
  return 0;
}

/* The container's user and network namespaces, mapped, in a holder child whose
 * /proc/PID/ns files RUNDIR/userns and RUNDIR/netns lead to. */
static int
start_holder (const struct mon_options *o, struct mon_net *n, struct bx_error *err)
{
  struct bx_idmap uids, gids;
  int said[2] = { -1, -1 }, hold[2] = { -1, -1 }, e = 0, ret = -1;
  pid_t parent = getpid ();

  if (bx_idmap_parse (o->net_uid_map, &uids, err) < 0 || bx_idmap_parse (o->net_gid_map, &gids, err) < 0)
    return -1;
  if (pipe2 (said, O_CLOEXEC) < 0 || pipe2 (hold, O_CLOEXEC) < 0)
    {
      bx_fail_errno (err, "pipe for the namespace holder");
      goto out;
    }
  n->holder = fork ();
  if (n->holder < 0)
    {
      bx_fail_errno (err, "fork the namespace holder");
      goto out;
    }
  if (n->holder == 0)
    holder_child (said[1], hold[0], parent);
  close_fd (&said[1]);
  close_fd (&hold[0]);
  n->hold_fd = hold[1];
  hold[1] = -1;
  if (read (said[0], &e, sizeof (e)) != (ssize_t) sizeof (e))
    bx_fail (err, ECHILD, "the namespace holder died before it unshared");
  else if (e != 0)
    bx_fail (err, e, "unshare the container's user and network namespaces");
  else if (bx_idmap_apply (n->holder, &uids, &gids, err) == 0 && link_in_rundir (o, "userns", n->holder, "user", err) == 0
           && link_in_rundir (o, "netns", n->holder, "net", err) == 0)
    ret = 0;
out:
  close_fd (&said[0]);
  close_fd (&said[1]);
  close_fd (&hold[0]);
  close_fd (&hold[1]);
  return ret;
}

/* `create` joined the holder's namespaces, or failed: the holder and its links go. */
static void
drop_holder (const struct mon_options *o, struct mon_net *n)
{
  char path[PATH_MAX];
  struct bx_error err;

  if (n->holder > 0 && kill (n->holder, SIGKILL) == 0)
    mon_wait (n->holder, NULL);
  n->holder = -1;
  close_fd (&n->hold_fd);
  if (o != NULL && mon_rundir_path (o, "userns", path, sizeof (path), &err) == 0)
    unlink (path);
  if (o != NULL && mon_rundir_path (o, "netns", path, sizeof (path), &err) == 0)
    unlink (path);
}

/* What only the start needs: the ready channel, the FIFO, our copy of the log. */
static void
close_start (struct mon_net *n)
{
  close_fd (&n->ready_fd);
  close_fd (&n->log_fd);
  if (n->fifo[0] != '\0')
    unlink (n->fifo);
  n->fifo[0] = '\0';
}

static int
failed (struct mon_net *n, const struct bx_error *err, char report[MON_REPORT_LEN])
{
  mon_network_stop (n);
  mon_error_report (report, err);
  return -1;
}

/* The helper on the namespaces of `pid`, its stderr in RUNDIR/network.log. */
static int
spawn_on (const struct mon_options *o, struct mon_net *n, pid_t pid, struct bx_error *err)
{
  char log[PATH_MAX];

  /* A file, not a pipe: the helper logs on after we stopped reading. */
  if (mon_rundir_path (o, "network.log", log, sizeof (log), err) < 0)
    return -1;
  n->log_fd = open (log, O_RDWR | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0600);
  if (n->log_fd < 0)
    return bx_fail_errno (err, "open %s", log);
  return strcmp (o->net_helper, "pasta") == 0 ? spawn_pasta (o, n, pid, err) : spawn_slirp (o, n, pid, err);
}

int
mon_network_prepare (const struct mon_options *o, struct mon_net *n, char report[MON_REPORT_LEN])
{
  struct bx_error err;

  /* The helper of the run before may still be on its way out, holding its ports. */
  mon_network_stop (n);
  if (o->net_helper == NULL || o->net_uid_map == NULL)
    return 0;
  memset (&err, 0, sizeof (err));
  if (start_holder (o, n, &err) < 0 || spawn_on (o, n, n->holder, &err) < 0)
    {
      drop_holder (o, n);
      return failed (n, &err, report);
    }
  return 0;
}

int
mon_network_spawn (const struct mon_options *o, struct mon_net *n, pid_t init, char report[MON_REPORT_LEN])
{
  struct bx_error err;

  if (n->holder > 0)
    {
      drop_holder (o, n);
      return 0;
    }
  mon_network_stop (n);
  if (o->net_helper == NULL)
    return 0;
  memset (&err, 0, sizeof (err));
  return spawn_on (o, n, init, &err) < 0 ? failed (n, &err, report) : 0;
}

int
mon_network_ready (const struct mon_options *o, struct mon_net *n, char report[MON_REPORT_LEN])
{
  struct bx_error err;
  size_t k;

  if (n->pid < 0 || n->ready_fd < 0)
    return 0;
  memset (&err, 0, sizeof (err));
  if (await_ready (o->net_helper, n->pid, n->ready_fd, n->log_fd, &err) < 0)
    return failed (n, &err, report);
  for (k = 0; k < o->net_forwards_len; k++)
    if (slirp_forward (o, o->net_forwards[k], &err) < 0)
      return failed (n, &err, report);
  close_start (n);
  return 0;
}

int
mon_network_start (const struct mon_options *o, struct mon_net *n, pid_t init, char report[MON_REPORT_LEN])
{
  if (mon_network_spawn (o, n, init, report) < 0)
    return -1;
  return mon_network_ready (o, n, report);
}

void
mon_network_release (const struct mon_options *o, struct mon_net *n)
{
  if (!o->net_no_ports)
    {
      mon_network_stop (n);
      return;
    }
  if (n->pid > 0)
    kill (n->pid, SIGKILL);
  close_fd (&n->exit_fd);
  close_start (n);
}

void
mon_network_stop (struct mon_net *n)
{
  /* A holder left here is one whose `create` failed; its links die with RUNDIR. */
  drop_holder (NULL, n);
  if (n->pid > 0 && kill (n->pid, SIGKILL) == 0)
    mon_wait (n->pid, NULL);
  n->pid = -1;
  close_fd (&n->exit_fd);
  close_start (n);
}
