/* boxctl-runtime: starts the process of an OCI bundle, unprivileged and isolated,
 * as runc 1.1 does.  native/README.md has the contract; in short:
 *
 *   boxctl-runtime create --bundle DIR --state-dir DIR [--console-socket PATH] [--report-fd N] ID
 *   boxctl-runtime start  --state-dir DIR [--report-fd N]
 *   boxctl-runtime run    --bundle DIR --state-dir DIR [--console-socket PATH] [--report-fd N] ID
 *   boxctl-runtime exec   --bundle DIR --pid PID --process FILE [--console-socket PATH] [--detach]
 *                         [--pid-file PATH] [--report-fd N]
 *
 * One JSON line on fd N reports the outcome; without --report-fd only a failure
 * is reported, on stderr.  stdin, stdout and stderr belong to the container. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "container.h"
#include "exec.h"
#include "selfexe.h"
#include "signals.h"
#include "terminal.h"
#include "spec.h"
#include "state.h"

/* Exit status of `run` when the container never started (Podman's). */
#define EXIT_RUNTIME 125

struct options
{
  const char *verb, *bundle, *state_dir, *console_socket, *id;
  const char *pid, *process, *pid_file; /* exec */
  bool detach;
  int report_fd;
};

static void
report_ok (const struct options *o, pid_t pid)
{
  char line[64];
  int len;

  if (o->report_fd < 0)
    return;
  if (pid > 0)
    len = snprintf (line, sizeof (line), "{\"ok\":true,\"pid\":%d}\n", (int) pid);
  else
    len = snprintf (line, sizeof (line), "{\"ok\":true}\n");
  /* The caller reads the line; if it is gone, there is no one to tell. */
  if (write (o->report_fd, line, (size_t) len) != len)
    return;
}

static void
report_error (const struct options *o, const struct bx_error *err)
{
  bx_dprint_error (o->report_fd >= 0 ? o->report_fd : STDERR_FILENO, err);
}

static int
parse_args (int argc, char **argv, struct options *o, struct bx_error *err)
{
  int i;

  memset (o, 0, sizeof (*o));
  o->report_fd = -1;
  if (argc < 2)
    return bx_fail (err, EINVAL, "usage: boxctl-runtime create|start|run [options] [ID]");
  o->verb = argv[1];
  for (i = 2; i < argc; i++)
    {
      const char **value = NULL;
      char *end;

      if (strcmp (argv[i], "--bundle") == 0)
        value = &o->bundle;
      else if (strcmp (argv[i], "--state-dir") == 0)
        value = &o->state_dir;
      else if (strcmp (argv[i], "--console-socket") == 0)
        value = &o->console_socket;
      else if (strcmp (argv[i], "--pid") == 0)
        value = &o->pid;
      else if (strcmp (argv[i], "--process") == 0)
        value = &o->process;
      else if (strcmp (argv[i], "--pid-file") == 0)
        value = &o->pid_file;
      else if (strcmp (argv[i], "--detach") == 0)
        {
          o->detach = true;
          continue;
        }
      else if (strcmp (argv[i], "--report-fd") == 0)
        {
          if (i + 1 == argc)
            return bx_fail (err, EINVAL, "option --report-fd needs a value");
          errno = 0;
          o->report_fd = (int) strtol (argv[++i], &end, 10);
          if (errno != 0 || *end != '\0' || o->report_fd < 0 || fcntl (o->report_fd, F_GETFD) < 0)
            {
              o->report_fd = -1;
              return bx_fail (err, EBADF, "--report-fd %s is not an open file descriptor", argv[i]);
            }
          continue;
        }
      else if (argv[i][0] == '-')
        return bx_fail (err, EINVAL, "unknown option %s", argv[i]);
      else if (o->id == NULL)
        {
          o->id = argv[i];
          continue;
        }
      else
        return bx_fail (err, EINVAL, "unexpected argument %s", argv[i]);
      if (i + 1 == argc)
        return bx_fail (err, EINVAL, "option %s needs a value", argv[i]);
      *value = argv[++i];
    }
  if (strcmp (o->verb, "start") == 0)
    {
      if (o->state_dir == NULL || o->bundle != NULL || o->console_socket != NULL || o->id != NULL)
        return bx_fail (err, EINVAL, "usage: boxctl-runtime start --state-dir DIR [--report-fd N]");
      return 0;
    }
  if (strcmp (o->verb, "exec") == 0)
    {
      if (o->bundle == NULL || o->pid == NULL || o->process == NULL || o->state_dir != NULL || o->id != NULL)
        return bx_fail (err, EINVAL,
                        "usage: boxctl-runtime exec --bundle DIR --pid PID --process FILE [--console-socket PATH] "
                        "[--detach] [--pid-file PATH] [--report-fd N]");
      return 0;
    }
  if (o->pid != NULL || o->process != NULL || o->pid_file != NULL || o->detach)
    return bx_fail (err, EINVAL, "--pid, --process, --pid-file and --detach go with exec");
  if (strcmp (o->verb, "create") != 0 && strcmp (o->verb, "run") != 0)
    return bx_fail (err, EINVAL, "unknown command '%s' (create, start, run or exec)", o->verb);
  if (o->bundle == NULL || o->state_dir == NULL || o->id == NULL)
    return bx_fail (err, EINVAL,
                    "usage: boxctl-runtime %s --bundle DIR --state-dir DIR [--console-socket PATH] [--report-fd N] ID",
                    o->verb);
  if (o->id[0] == '\0' || strchr (o->id, '/') != NULL || strlen (o->id) > 255)
    return bx_fail (err, EINVAL, "invalid container id '%s'", o->id);
  return 0;
}

/* Everything create and run share up to the launch: the spec, relative to the
 * bundle (runc works in the bundle, so relative root.path and bind sources mean
 * the same), and the console. */
static int
prepare (const struct options *o, struct bx_spec *spec, struct bx_container *c, struct bx_error *err)
{
  int ret;

  memset (c, 0, sizeof (*c));
  c->spec = spec;
  c->id = o->id;
  c->console_socket = -1;
  c->sync_fd = -1;
  /* Relative to the caller's cwd, before the chdir into the bundle. */
  if (o->console_socket != NULL && (c->console_socket = bx_console_connect (o->console_socket, err)) < 0)
    return -1;
  if (chdir (o->bundle) < 0)
    return bx_fail_errno (err, "chdir to the bundle %s", o->bundle);
  if ((ret = bx_spec_load ("config.json", spec, err)) < 0)
    return ret;
  if (spec->terminal && c->console_socket < 0)
    return bx_fail (err, EINVAL, "process.terminal is true: --console-socket is required");
  if (!spec->terminal && c->console_socket >= 0)
    return bx_fail (err, EINVAL, "--console-socket given but process.terminal is false");
  if (realpath (spec->root_path, c->rootfs) == NULL)
    return bx_fail_errno (err, "root.path %s", spec->root_path);
  return 0;
}

static int
cmd_create (const struct options *o, struct bx_error *err)
{
  struct bx_container c;
  struct bx_launched l;
  struct bx_state st;
  struct bx_spec spec;

  /* The state directory first: it may be relative to the caller's cwd. */
  if (bx_state_open (o->state_dir, &st, err) < 0 || prepare (o, &spec, &c, err) < 0)
    return -1;
  if (bx_state_make_fifo (&st, err) < 0)
    return -1;
  c.fifo = st.fifo;
  if (bx_launch (&c, &l, err) < 0)
    {
      bx_state_remove (&st);
      return -1;
    }
  if (bx_state_write_pid (&st, l.init, err) < 0)
    {
      bx_launch_abort (&l);
      bx_state_remove (&st);
      return -1;
    }
  report_ok (o, l.init);
  return 0;
}

static int
cmd_start (const struct options *o, struct bx_error *err)
{
  struct bx_state st;

  if (bx_state_open (o->state_dir, &st, err) < 0 || bx_state_start (&st, err) < 0)
    return -1;
  report_ok (o, 0);
  return 0;
}

static int
cmd_run (const struct options *o, int *status, struct bx_error *err)
{
  struct bx_container c;
  struct bx_launched l;
  struct bx_state st;
  struct bx_spec spec;
  sigset_t set;

  if (bx_signals_block (&set, err) < 0)
    return -1;

  if (bx_state_open (o->state_dir, &st, err) < 0 || prepare (o, &spec, &c, err) < 0)
    return -1;
  if (bx_launch (&c, &l, err) < 0)
    return -1;
  if (bx_launch_wait_exec (&l, err) < 0)
    {
      bx_launch_abort (&l);
      return -1;
    }
  report_ok (o, l.init);
  *status = bx_signals_forward_and_wait (l.init, &set);
  return 0;
}

/* Without --detach, a foreground stand-in for the process, as `run` is. */
static int
cmd_exec (const struct options *o, int *status, struct bx_error *err)
{
  struct bx_exec_options e = { .bundle = o->bundle, .process = o->process, .console_socket = o->console_socket,
                               .pid_file = o->pid_file };
  char *end;
  sigset_t set;
  pid_t pid;

  *status = BX_EXIT_RUNTIME;
  errno = 0;
  e.pid = (pid_t) strtol (o->pid, &end, 10);
  if (errno != 0 || *end != '\0' || e.pid <= 0)
    return bx_fail (err, EINVAL, "--pid %s is not a process id", o->pid);
  if (bx_signals_block (&set, err) < 0 || (pid = bx_exec_start (&e, status, err)) < 0)
    return -1;
  report_ok (o, pid);
  *status = o->detach ? 0 : bx_signals_forward_and_wait (pid, &set);
  return 0;
}

int
main (int argc, char **argv)
{
  struct options o;
  struct bx_error err;
  int status = 0, ret;

  memset (&err, 0, sizeof (err));
  if (parse_args (argc, argv, &o, &err) < 0)
    {
      report_error (&o, &err);
      return o.verb != NULL && (strcmp (o.verb, "run") == 0 || strcmp (o.verb, "exec") == 0) ? EXIT_RUNTIME : 1;
    }
  if (strcmp (o.verb, "start") == 0)
    ret = cmd_start (&o, &err);
  else if (bx_selfexe_ensure_sealed (argv, &err) < 0)
    ret = -1;
  else
    {
      /* After the re-exec, which must keep the fd: the children have no use
       * for it, and a newuidmap they fork should not see it either. */
      if (o.report_fd >= 0 && fcntl (o.report_fd, F_SETFD, FD_CLOEXEC) < 0)
        ret = bx_fail_errno (&err, "mark --report-fd close-on-exec");
      else if (strcmp (o.verb, "create") == 0)
        ret = cmd_create (&o, &err);
      else if (strcmp (o.verb, "exec") == 0)
        ret = cmd_exec (&o, &status, &err);
      else
        ret = cmd_run (&o, &status, &err);
    }
  if (ret < 0)
    {
      report_error (&o, &err);
      if (strcmp (o.verb, "exec") == 0)
        return status;
      return strcmp (o.verb, "run") == 0 ? EXIT_RUNTIME : 1;
    }
  return status;
}
