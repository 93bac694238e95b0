#define _GNU_SOURCE
#include "runtime.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "../passfd.h"
#include "sockpath.h"
#include "spawn.h"

int
mon_rundir_path (const struct mon_options *o, const char *name, char *out, size_t len, struct bx_error *err)
{
  if ((size_t) snprintf (out, len, "%s/%s", o->rundir, name) >= len)
    return bx_fail (err, ENAMETOOLONG, "%s/%s", o->rundir, name);
  return 0;
}

void
mon_error_report (char report[MON_REPORT_LEN], const struct bx_error *err)
{
  int fds[2];
  ssize_t n;

  /* bx_dprint_error formats the line of the output contract; catch it in a pipe. */
  report[0] = '\0';
  if (pipe2 (fds, O_CLOEXEC) < 0)
    return;
  bx_dprint_error (fds[1], err);
  close (fds[1]);
  n = read (fds[0], report, MON_REPORT_LEN - 1);
  close (fds[0]);
  report[n > 0 ? n : 0] = '\0';
}

/* Reads the report line, reaps the runtime; 0 when it says ok. */
static int
collect (pid_t runtime, int rfd, const char *verb, char report[MON_REPORT_LEN])
{
  struct bx_error err;
  size_t len = 0;
  ssize_t n;
  int status;

  while (len < MON_REPORT_LEN - 1 && memchr (report, '\n', len) == NULL)
    {
      n = read (rfd, report + len, MON_REPORT_LEN - 1 - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      len += (size_t) n;
    }
  report[len] = '\0';
  close (rfd);
  status = mon_wait (runtime, NULL);
  if (strncmp (report, "{\"ok\":true", 10) == 0)
    return 0;
  if (len == 0)
    {
      bx_fail (&err, 0, "%s: runtime %s exited with status %d without a report", "boxctl-monitor", verb, status);
      mon_error_report (report, &err);
    }
  return -1;
}

static int
console_listen (const struct mon_options *o, struct bx_error *err)
{
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  char path[PATH_MAX];
  int fd;

  if (mon_socket_path (o, "console.sock", false, path, sizeof (path), err) < 0)
    return -1;
  strcpy (addr.sun_path, path);
  fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return bx_fail_errno (err, "socket for %s", path);
  if ((unlink (path) < 0 && errno != ENOENT) || bind (fd, (struct sockaddr *) &addr, sizeof (addr)) < 0
      || listen (fd, 1) < 0)
    {
      bx_fail_errno (err, "listen on %s", path);
      close (fd);
      return -1;
    }
  return fd;
}

/* The runtime connected during create, and the init sent the master before it
 * reported: both are queued by now, but a broken runtime must not hang us. */
static int
receive_master (int listen_fd, struct bx_error *err)
{
  struct pollfd pfd = { .fd = listen_fd, .events = POLLIN };
  int conn, master, ret;

  if (poll (&pfd, 1, 5000) <= 0)
    return bx_fail (err, ETIMEDOUT, "the runtime did not connect to the console socket");
  conn = accept4 (listen_fd, NULL, NULL, SOCK_CLOEXEC);
  if (conn < 0)
    return bx_fail_errno (err, "accept on the console socket");
  pfd.fd = conn;
  if (poll (&pfd, 1, 5000) <= 0)
    ret = bx_fail (err, ETIMEDOUT, "the runtime sent no pty master");
  else
    ret = bx_recv_fd (conn, MSG_DONTWAIT, &master, err);
  close (conn);
  if (ret == 0 && master < 0)
    ret = bx_fail (err, EBADMSG, "the console socket sent no pty master");
  return ret < 0 ? ret : master;
}

static void
close_all (int *fds, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++)
    if (fds[i] >= 0)
      close (fds[i]);
}

static int
spawn_create (const struct mon_options *o, const int child[3], const char *console, int wfd, pid_t *runtime,
              struct bx_error *err)
{
  char state[PATH_MAX];
  char *argv[12];
  size_t i = 0;

  if (mon_rundir_path (o, "runtime", state, sizeof (state), err) < 0)
    return -1;
  argv[i++] = (char *) o->runtime;
  argv[i++] = "create";
  argv[i++] = "--bundle";
  argv[i++] = (char *) o->bundle;
  argv[i++] = "--state-dir";
  argv[i++] = state;
  if (console != NULL)
    {
      argv[i++] = "--console-socket";
      argv[i++] = (char *) console;
    }
  argv[i++] = "--report-fd";
  argv[i++] = "3";
  argv[i++] = (char *) o->id;
  argv[i] = NULL;
  *runtime = mon_spawn (argv, child, wfd, false, err);
  return *runtime < 0 ? -1 : 0;
}

static int
create (const struct mon_options *o, struct mon_pump *p, int child[3], int *console_fd, pid_t *pid,
        char report[MON_REPORT_LEN], struct bx_error *err)
{
  char console[PATH_MAX];
  int rep[2] = { -1, -1 };
  const char *key;
  pid_t runtime;
  int master;

  if (mon_pump_open (p, o->terminal, o->stdin_open, child, err) < 0)
    return -1;
  if (o->terminal
      && (mon_socket_path (o, "console.sock", true, console, sizeof (console), err) < 0
          || (*console_fd = console_listen (o, err)) < 0))
    return -1;
  if (pipe2 (rep, O_CLOEXEC) < 0)
    return bx_fail_errno (err, "pipe for the runtime's report");
  if (spawn_create (o, child, o->terminal ? console : NULL, rep[1], &runtime, err) < 0)
    {
      close_all (rep, 2);
      return -1;
    }
  close (rep[1]);
  close_all (child, 3);
  child[0] = child[1] = child[2] = -1;
  if (collect (runtime, rep[0], "create", report) < 0)
    return 1;
  key = strstr (report, "\"pid\":");
  *pid = key != NULL ? (pid_t) strtol (key + 6, NULL, 10) : 0;
  if (*pid <= 0)
    return bx_fail (err, EBADMSG, "the runtime reported no pid: %s", report);
  if (o->terminal)
    {
      master = receive_master (*console_fd, err);
      if (master < 0 || mon_pump_set_master (p, master, err) < 0)
        return -1;
    }
  return 0;
}

int
mon_runtime_create (const struct mon_options *o, struct mon_pump *p, pid_t *pid, char report[MON_REPORT_LEN])
{
  char console[PATH_MAX];
  int child[3] = { -1, -1, -1 }, console_fd = -1, ret;
  struct bx_error err;

  *pid = -1;
  memset (&err, 0, sizeof (err));
  ret = create (o, p, child, &console_fd, pid, report, &err);
  close_all (child, 3);
  if (console_fd >= 0)
    {
      close (console_fd);
      if (mon_rundir_path (o, "console.sock", console, sizeof (console), &err) == 0)
        unlink (console);
    }
  if (ret < 0)
    {
      mon_error_report (report, &err);
      /* Created but unusable (no terminal): it must not linger. */
      if (*pid > 0 && kill (*pid, SIGKILL) == 0)
        mon_wait (*pid, NULL);
    }
  if (ret != 0)
    {
      mon_pump_close (p);
      return -1;
    }
  return 0;
}

int
mon_runtime_start (const struct mon_options *o, char report[MON_REPORT_LEN])
{
  static const int null_stdio[3] = { -1, -1, -1 };
  char state[PATH_MAX];
  char *argv[] = { (char *) o->runtime, "start", "--state-dir", state, "--report-fd", "3", NULL };
  struct bx_error err;
  int rep[2];
  pid_t runtime;

  if (mon_rundir_path (o, "runtime", state, sizeof (state), &err) < 0)
    {
      mon_error_report (report, &err);
      return -1;
    }
  if (pipe2 (rep, O_CLOEXEC) < 0)
    {
      bx_fail_errno (&err, "pipe for the runtime's report");
      mon_error_report (report, &err);
      return -1;
    }
  runtime = mon_spawn (argv, null_stdio, rep[1], false, &err);
  close (rep[1]);
  if (runtime < 0)
    {
      close (rep[0]);
      mon_error_report (report, &err);
      return -1;
    }
  return collect (runtime, rep[0], "start", report);
}
