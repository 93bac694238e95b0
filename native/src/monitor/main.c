/* boxctl-monitor: one per running container, as Podman's conmon.  It holds the
 * container's stdio or pty, writes the log, serves attach, runs the healthcheck,
 * records each exit and restarts by policy, with no CLI alive.
 *
 * Single-threaded: one poll() loop over a signalfd (SIGCHLD), timerfds and
 * nonblocking fds, so that nothing the container or a client does can block it. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../fsutil.h"
#include "jsonfile.h"
#include "lifecycle.h"
#include "runtime.h"
#include "sockpath.h"

enum source
{
  SRC_SIGNAL,
  SRC_RESTART,
  SRC_STOP,
  SRC_LISTEN,
  SRC_NOTIFY,
  SRC_HEALTH_TIMER,
  SRC_HEALTH_OUT,
  SRC_OUT,
  SRC_ERR,
  SRC_IN,
  SRC_CLIENT,
};

/* include/linux/sched.h */
#define PF_EXITING 0x00000004

#define MAX_POLL (SRC_CLIENT + MON_MAX_CLIENTS)

static struct monitor mon;

static int
setup_signals (struct monitor *m, struct bx_error *err)
{
  sigset_t set;

  if (signal (SIGPIPE, SIG_IGN) == SIG_ERR)
    return bx_fail_errno (err, "ignore SIGPIPE");
  sigemptyset (&set);
  sigaddset (&set, SIGCHLD);
  if (sigprocmask (SIG_BLOCK, &set, NULL) < 0)
    return bx_fail_errno (err, "block SIGCHLD");
  m->signal_fd = signalfd (-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
  if (m->signal_fd < 0)
    return bx_fail_errno (err, "signalfd");
  /* The init is reparented to us once the runtime's create exits. */
  if (prctl (PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) < 0)
    return bx_fail_errno (err, "become a child subreaper");
  return 0;
}

static int
setup (struct monitor *m, struct bx_error *err)
{
  char path[PATH_MAX];

  m->pid = -1;
  mon_network_init (&m->net);
  m->backoff_ms = 100;
  m->attach.listen_fd = -1;
  m->pump.out = m->pump.err = m->pump.in = m->pump.master = -1;
  m->notify.relay_fd = m->notify.forward_fd = -1;
  if (m->o.sync_fd >= 0 && fcntl (m->o.sync_fd, F_SETFD, FD_CLOEXEC) < 0)
    return bx_fail_errno (err, "--sync-fd %d", m->o.sync_fd);
  if (setup_signals (m, err) < 0)
    return -1;
  m->restart_fd = timerfd_create (CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
  m->stop_fd = timerfd_create (CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
  if (m->restart_fd < 0 || m->stop_fd < 0)
    return bx_fail_errno (err, "timerfd");
  if (bx_mkdir (m->o.rundir, 0700, err) < 0 || mon_notify_init (&m->notify, &m->o, err) < 0)
    return -1;
  if (mon_log_open (&m->log, m->o.log_path, m->o.log_max_size, m->o.log_max_files, err) < 0)
    return -1;
  if (mon_socket_path (&m->o, "attach.sock", false, path, sizeof (path), err) < 0
      || mon_attach_listen (&m->attach, path, err) < 0)
    return -1;
  m->has_health = m->o.health_process != NULL;
  if (m->has_health && mon_health_init (&m->health, &m->o, err) < 0)
    return -1;
  return 0;
}

/* The init is on its way out: the kernel is killing what runs in its pid
 * namespace, a healthcheck included.  PF_EXITING is set before that starts. */
static bool
init_exiting (struct monitor *m)
{
  siginfo_t si;

  memset (&si, 0, sizeof (si));
  if (m->pid <= 0)
    return true;
  if (waitid (P_PID, (id_t) m->pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 && si.si_pid == m->pid)
    return true;
  return (mon_proc_stat_field (m->pid, MON_STAT_FLAGS) & PF_EXITING) != 0;
}

static void
reap (struct monitor *m)
{
  struct signalfd_siginfo si;
  int status;
  pid_t pid;

  while (read (m->signal_fd, &si, sizeof (si)) > 0)
    ;
  while ((pid = waitpid (-1, &status, WNOHANG)) > 0)
    {
      if (pid == m->pid)
        mon_exited (m, status);
      else if (m->has_health && pid == m->health.pid)
        mon_health_act (m, mon_health_reaped (&m->health, status, init_exiting (m)));
      else if (pid == m->net.pid)
        m->net.pid = -1; /* died before the container, or killed after it: nothing left to kill */
      /* Anything else is an orphan we inherited as the subreaper. */
    }
}

static size_t
add (struct pollfd *fds, enum source *src, size_t n, int fd, short events, enum source s)
{
  if (fd < 0 || events == 0)
    return n;
  fds[n] = (struct pollfd) { .fd = fd, .events = events };
  src[n] = s;
  return n + 1;
}

static size_t
gather (struct monitor *m, struct pollfd *fds, enum source *src)
{
  size_t n = 0, i;

  /* New clients first: they must get the output read in the same round. */
  n = add (fds, src, n, m->attach.listen_fd, POLLIN, SRC_LISTEN);
  n = add (fds, src, n, m->signal_fd, POLLIN, SRC_SIGNAL);
  n = add (fds, src, n, m->restart_fd, POLLIN, SRC_RESTART);
  n = add (fds, src, n, m->stop_fd, POLLIN, SRC_STOP);
  n = add (fds, src, n, m->notify.relay_fd, POLLIN, SRC_NOTIFY);
  if (m->has_health)
    {
      n = add (fds, src, n, m->health.timer_fd, POLLIN, SRC_HEALTH_TIMER);
      n = add (fds, src, n, m->health.out_fd, POLLIN, SRC_HEALTH_OUT);
    }
  n = add (fds, src, n, m->pump.out, POLLIN, SRC_OUT);
  n = add (fds, src, n, m->pump.err, POLLIN, SRC_ERR);
  n = add (fds, src, n, m->pump.in, m->pump.in_len > 0 ? POLLOUT : 0, SRC_IN);
  for (i = 0; i < m->attach.n; i++)
    n = add (fds, src, n, m->attach.clients[i].fd, mon_attach_events (&m->attach.clients[i], &m->pump), SRC_CLIENT);
  return n;
}

static void
dispatch_client (struct monitor *m, const struct pollfd *p)
{
  struct mon_client *c = mon_attach_find (&m->attach, p->fd);

  if (c != NULL && (p->revents & POLLOUT))
    mon_attach_writable (&m->attach, c);
  c = mon_attach_find (&m->attach, p->fd);
  if (c != NULL && (p->revents & (POLLIN | POLLHUP | POLLERR)))
    mon_attach_readable (&m->attach, c, &m->pump);
}

static void
dispatch (struct monitor *m, const struct pollfd *p, enum source s)
{
  /* An earlier handler of this round may have closed the fd. */
  switch (s)
    {
    case SRC_SIGNAL:
      reap (m);
      break;
    case SRC_RESTART:
      mon_restart_timer (m);
      break;
    case SRC_STOP:
      mon_stop_timer (m);
      break;
    case SRC_LISTEN:
      mon_attach_accept (&m->attach);
      break;
    case SRC_NOTIFY:
      mon_notify_relay (&m->notify);
      break;
    case SRC_HEALTH_TIMER:
      mon_health_timer (&m->health);
      break;
    case SRC_HEALTH_OUT:
      if (p->fd == m->health.out_fd)
        mon_health_output (&m->health);
      break;
    case SRC_OUT:
    case SRC_ERR:
      if (p->fd == m->pump.out || p->fd == m->pump.err)
        mon_pump_read (&m->pump, p->fd, &m->log, &m->attach);
      break;
    case SRC_IN:
      if (p->fd == m->pump.in)
        mon_pump_flush_input (&m->pump);
      break;
    case SRC_CLIENT:
      dispatch_client (m, p);
      break;
    }
}

static void __attribute__ ((noreturn))
loop (struct monitor *m)
{
  struct pollfd fds[MAX_POLL];
  enum source src[MAX_POLL];
  size_t n, i;

  for (;;)
    {
      n = gather (m, fds, src);
      if (poll (fds, n, -1) < 0 && errno != EINTR)
        abort ();
      for (i = 0; i < n; i++)
        if (fds[i].revents != 0)
          dispatch (m, &fds[i], src[i]);
    }
}

int
main (int argc, char **argv)
{
  struct bx_error err;

  memset (&err, 0, sizeof (err));
  if (mon_parse_args (argc, argv, &mon.o, &err) < 0 || setup (&mon, &err) < 0)
    {
      bx_dprint_error (mon.o.sync_fd >= 0 ? mon.o.sync_fd : STDOUT_FILENO, &err);
      return 1;
    }
  mon_first_start (&mon);
  loop (&mon);
}
