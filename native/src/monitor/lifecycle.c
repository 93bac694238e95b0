#define _GNU_SOURCE
#include "lifecycle.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../fsutil.h"
#include "jsonfile.h"
#include "runtime.h"
#include "spawn.h"

#define BACKOFF_FIRST_MS 100
#define BACKOFF_MAX_MS 5000
/* A run this long was not a crash loop: the next restart waits the least again. */
#define BACKOFF_RESET_MS 10000

static void
arm (int fd, long long ms)
{
  struct itimerspec it = { .it_value = { .tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000 } };

  timerfd_settime (fd, 0, &it, NULL);
}

static void
send_sync (struct monitor *m, const char *line)
{
  size_t len = strlen (line);

  if (m->o.sync_fd >= 0 && write (m->o.sync_fd, line, len) != (ssize_t) len)
    {
      /* The CLI is gone; the container goes on without it. */
      close (m->o.sync_fd);
      m->o.sync_fd = -1;
    }
}

/* A failure goes to the CLI on the sync fd; without one, to stdout as the output
 * contract says. */
static void
send_failure (struct monitor *m, const char *report)
{
  size_t len = strlen (report);

  if (m->o.sync_fd >= 0)
    send_sync (m, report);
  else if (write (STDOUT_FILENO, report, len) != (ssize_t) len)
    return;
}

static void
close_sync (struct monitor *m)
{
  if (m->o.sync_fd >= 0)
    close (m->o.sync_fd);
  m->o.sync_fd = -1;
}

static void
remove_in_rundir (struct monitor *m, const char *name)
{
  char path[PATH_MAX];
  struct bx_error err;

  if (mon_rundir_path (&m->o, name, path, sizeof (path), &err) == 0)
    {
      if (strcmp (name, "runtime") == 0)
        bx_remove_tree (path, &err);
      else
        unlink (path);
    }
}

/* What the monitor made in RUNDIR goes, the container's records stay. */
static void
remove_own (struct monitor *m)
{
  mon_network_stop (&m->net);
  mon_notify_close (&m->notify, &m->o);
  mon_attach_close (&m->attach);
  remove_in_rundir (m, "attach.sock");
  remove_in_rundir (m, "console.sock");
  remove_in_rundir (m, "monitor.json");
  remove_in_rundir (m, "runtime");
}

static void
kill_init (struct monitor *m)
{
  if (m->pid > 0 && kill (m->pid, SIGKILL) == 0)
    mon_wait (m->pid, NULL);
  m->pid = -1;
}

static void __attribute__ ((noreturn))
give_up (struct monitor *m, int status)
{
  kill_init (m);
  mon_pump_close (&m->pump);
  remove_own (m);
  close_sync (m);
  exit (status);
}

static void
write_monitor_json (struct monitor *m)
{
  char path[PATH_MAX];
  struct bx_error err;
  struct mon_jw w;

  if (mon_rundir_path (&m->o, "monitor.json", path, sizeof (path), &err) < 0 || mon_jw_open (&w, path, &err) < 0)
    return;
  mon_jw_printf (&w, "{\"monitorPid\":%d,\"monitorStartTime\":%llu,\"pid\":%d,\"pidStartTime\":%llu,\"startedAt\":",
                 (int) getpid (), mon_proc_stat_field (getpid (), MON_STAT_START_TIME), (int) m->pid, mon_proc_stat_field (m->pid, MON_STAT_START_TIME));
  mon_jw_time (&w, &m->started_at);
  mon_jw_printf (&w, ",\"restartCount\":%d}\n", m->restart_count);
  mon_jw_commit (&w, path, &err);
}

static void
write_exit_json (struct monitor *m, int code, int sig, const struct timespec *finished)
{
  struct bx_error err;
  struct mon_jw w;

  if (mon_jw_open (&w, m->o.exit_file, &err) < 0)
    return;
  mon_jw_printf (&w, "{\"exitCode\":%d,\"signal\":", code);
  if (sig > 0)
    mon_jw_printf (&w, "%d", sig);
  else
    mon_jw_raw (&w, "null");
  mon_jw_raw (&w, ",\"startedAt\":");
  mon_jw_time (&w, &m->started_at);
  mon_jw_raw (&w, ",\"finishedAt\":");
  mon_jw_time (&w, finished);
  /* Without a memory controller there is no oom_kill count to read. */
  mon_jw_printf (&w, ",\"restartCount\":%d,\"oomKilled\":false}\n", m->restart_count);
  mon_jw_commit (&w, m->o.exit_file, &err);
}

/* The process runs: the files that say so, and the healthcheck. */
static void
running (struct monitor *m)
{
  m->force_restart = m->no_restart = false;
  write_monitor_json (m);
  if (m->has_health)
    mon_health_begin (&m->health, m->pid);
}

static void
started_now (struct monitor *m)
{
  clock_gettime (CLOCK_REALTIME, &m->started_at);
  clock_gettime (CLOCK_MONOTONIC, &m->started_mono);
}

void
mon_first_start (struct monitor *m)
{
  char report[MON_REPORT_LEN], line[64], byte = 0;
  struct bx_error err;
  ssize_t n;

  /* The network helper comes up while the runtime creates the container, or
   * while the CLI attaches (network.h); it must be ready by `start`. */
  if (mon_network_prepare (&m->o, &m->net, report) < 0 || mon_runtime_create (&m->o, &m->pump, &m->pid, report) < 0
      || mon_network_spawn (&m->o, &m->net, m->pid, report) < 0)
    {
      send_failure (m, report);
      give_up (m, 1);
    }
  if (m->o.sync_fd >= 0)
    {
      snprintf (line, sizeof (line), "{\"ok\":true,\"pid\":%d}\n", (int) m->pid);
      send_sync (m, line);
      do
        n = m->o.sync_fd >= 0 ? read (m->o.sync_fd, &byte, 1) : 0;
      while (n < 0 && errno == EINTR);
      /* End of file: the CLI died before it wanted the process started. */
      if (n != 1 || byte != 's')
        give_up (m, 0);
    }
  if (mon_network_ready (&m->o, &m->net, report) < 0 || mon_runtime_start (&m->o, report) < 0)
    {
      send_failure (m, report);
      give_up (m, 1);
    }
  /* Before the CLI hears of the start and exits: systemd must learn the new main
   * pid while the process it started (`boxctl run -d`) still lives. */
  if (mon_notify_started (&m->notify, &m->o, &err) < 0)
    {
      mon_error_report (report, &err);
      send_failure (m, report);
      give_up (m, 1);
    }
  started_now (m);
  running (m);
  send_sync (m, "{\"ok\":true,\"started\":true}\n");
  close_sync (m);
}

static bool
stopped_marker (struct monitor *m)
{
  char path[PATH_MAX];
  struct bx_error err;

  return mon_rundir_path (&m->o, "stopped", path, sizeof (path), &err) == 0 && access (path, F_OK) == 0;
}

static bool
wants_restart (struct monitor *m, int code)
{
  if (m->no_restart || stopped_marker (m))
    return false;
  if (m->force_restart)
    return true;
  switch (m->o.restart)
    {
    case MON_RESTART_ALWAYS:
    case MON_RESTART_UNLESS_STOPPED:
      return true;
    case MON_RESTART_ON_FAILURE:
      return code != 0 && (m->o.restart_max == 0 || m->restart_count < m->o.restart_max);
    default:
      return false;
    }
}

static void __attribute__ ((noreturn))
finish (struct monitor *m)
{
  static const int null_stdio[3] = { -1, -1, -1 };
  struct bx_error err;
  pid_t pid;

  remove_own (m);
  mon_attach_finish (&m->attach, 1000);
  mon_log_close (&m->log);
  if (m->o.exit_command_len > 0)
    {
      pid = mon_spawn (m->o.exit_command, null_stdio, -1, false, &err);
      if (pid > 0)
        mon_wait (pid, NULL);
    }
  exit (0);
}

static long long
ms_since (const struct timespec *t)
{
  struct timespec now;

  clock_gettime (CLOCK_MONOTONIC, &now);
  return (long long) (now.tv_sec - t->tv_sec) * 1000 + (now.tv_nsec - t->tv_nsec) / 1000000;
}

void
mon_exited (struct monitor *m, int wstatus)
{
  int sig = WIFSIGNALED (wstatus) ? WTERMSIG (wstatus) : 0;
  int code = sig > 0 ? 128 + sig : WEXITSTATUS (wstatus);
  struct timespec finished;

  clock_gettime (CLOCK_REALTIME, &finished);
  m->pid = -1;
  /* The namespace is gone with the init: its ports go now, not at the restart. */
  mon_network_release (&m->o, &m->net);
  /* A client that connected before the exit gets the last output and the code. */
  mon_attach_accept (&m->attach);
  mon_pump_drain (&m->pump, &m->log, &m->attach);
  write_exit_json (m, code, sig, &finished);
  mon_attach_exit (&m->attach, code);
  mon_pump_close (&m->pump);
  if (m->has_health)
    mon_health_end (&m->health);
  arm (m->stop_fd, 0);
  if (!wants_restart (m, code))
    finish (m);
  if (ms_since (&m->started_mono) >= BACKOFF_RESET_MS)
    m->backoff_ms = BACKOFF_FIRST_MS;
  arm (m->restart_fd, m->backoff_ms);
  m->backoff_ms = m->backoff_ms * 2 > BACKOFF_MAX_MS ? BACKOFF_MAX_MS : m->backoff_ms * 2;
}

void
mon_restart_timer (struct monitor *m)
{
  char report[MON_REPORT_LEN];
  uint64_t expirations;

  if (read (m->restart_fd, &expirations, sizeof (expirations)) < 0)
    return;
  /* `stop` may have come during the backoff. */
  if (stopped_marker (m) || mon_network_prepare (&m->o, &m->net, report) < 0
      || mon_runtime_create (&m->o, &m->pump, &m->pid, report) < 0)
    finish (m);
  if (mon_network_start (&m->o, &m->net, m->pid, report) < 0 || mon_runtime_start (&m->o, report) < 0)
    {
      kill_init (m);
      mon_pump_close (&m->pump);
      finish (m);
    }
  m->restart_count++;
  started_now (m);
  running (m);
}

void
mon_stop_timer (struct monitor *m)
{
  uint64_t expirations;

  if (read (m->stop_fd, &expirations, sizeof (expirations)) >= 0 && m->pid > 0)
    kill (m->pid, SIGKILL);
}

void
mon_health_act (struct monitor *m, enum mon_health_action action)
{
  if (m->pid <= 0 || action == MON_HEALTH_NONE)
    return;
  if (action == MON_HEALTH_RESTART)
    m->force_restart = true;
  if (action == MON_HEALTH_STOP)
    {
      m->no_restart = true;
      kill (m->pid, m->o.stop_signal);
      arm (m->stop_fd, (long long) m->o.stop_timeout_s * 1000);
      if (m->o.stop_timeout_s > 0)
        return;
    }
  kill (m->pid, SIGKILL);
}
