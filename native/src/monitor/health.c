#define _GNU_SOURCE
#include "health.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jsonfile.h"
#include "spawn.h"

static void
arm (struct mon_health *h, long long ms)
{
  struct itimerspec it = { .it_value = { .tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000 } };

  timerfd_settime (h->timer_fd, 0, &it, NULL);
}

int
mon_health_init (struct mon_health *h, const struct mon_options *o, struct bx_error *err)
{
  memset (h, 0, sizeof (*h));
  h->o = o;
  h->pid = -1;
  h->out_fd = -1;
  h->status = "starting";
  h->timer_fd = timerfd_create (CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
  if (h->timer_fd < 0)
    return bx_fail_errno (err, "timerfd for the healthcheck");
  return 0;
}

static void
write_file (const struct mon_health *h)
{
  struct bx_error err;
  struct mon_jw w;
  size_t i;

  if (mon_jw_open (&w, h->o->health_file, &err) < 0)
    return;
  mon_jw_printf (&w, "{\"status\":\"%s\",\"failingStreak\":%d,\"log\":[", h->status, h->failing_streak);
  for (i = 0; i < h->log_len; i++)
    {
      mon_jw_raw (&w, i == 0 ? "{\"start\":" : ",{\"start\":");
      mon_jw_time (&w, &h->log[i].start);
      mon_jw_raw (&w, ",\"end\":");
      mon_jw_time (&w, &h->log[i].end);
      mon_jw_printf (&w, ",\"exitCode\":%d,\"output\":", h->log[i].exit_code);
      mon_jw_string (&w, h->log[i].out, h->log[i].out_len);
      mon_jw_raw (&w, "}");
    }
  mon_jw_raw (&w, "]}\n");
  mon_jw_commit (&w, h->o->health_file, &err);
}

void
mon_health_begin (struct mon_health *h, pid_t target)
{
  h->target = target;
  h->status = "starting";
  h->failing_streak = 0;
  clock_gettime (CLOCK_MONOTONIC, &h->began);
  arm (h, h->o->health_interval_ms);
  write_file (h);
}

static void
kill_check (struct mon_health *h)
{
  if (h->pid > 0)
    kill (-h->pid, SIGKILL);
}

void
mon_health_end (struct mon_health *h)
{
  arm (h, 0);
  /* A check cut short by the container's end says nothing about its health. */
  if (h->pid > 0)
    h->discard = true;
  kill_check (h);
  h->target = -1;
}

static void
run_check (struct mon_health *h)
{
  char pid[16];
  char *argv[] = { (char *) h->o->runtime, "exec", "--bundle", (char *) h->o->bundle, "--pid", pid,
                   "--process", (char *) h->o->health_process, NULL };
  struct bx_error err;
  int fds[2], stdio[3];

  snprintf (pid, sizeof (pid), "%d", (int) h->target);
  clock_gettime (CLOCK_REALTIME, &h->cur.start);
  h->cur.out_len = 0;
  h->timed_out = false;
  h->discard = false;
  if (pipe2 (fds, O_CLOEXEC | O_NONBLOCK) < 0)
    {
      arm (h, h->o->health_interval_ms);
      return;
    }
  stdio[0] = -1;
  stdio[1] = stdio[2] = fds[1];
  h->pid = mon_spawn (argv, stdio, -1, true, &err);
  close (fds[1]);
  if (h->pid < 0)
    {
      close (fds[0]);
      arm (h, h->o->health_interval_ms);
      return;
    }
  h->out_fd = fds[0];
  arm (h, h->o->health_timeout_ms);
}

void
mon_health_timer (struct mon_health *h)
{
  uint64_t expirations;

  if (read (h->timer_fd, &expirations, sizeof (expirations)) < 0)
    return;
  if (h->pid > 0)
    {
      h->timed_out = true;
      kill_check (h);
    }
  else if (h->target > 0)
    run_check (h);
}

void
mon_health_output (struct mon_health *h)
{
  char buf[4096];
  size_t keep;
  ssize_t n;

  for (;;)
    {
      n = read (h->out_fd, buf, sizeof (buf));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && errno == EAGAIN)
        return;
      if (n <= 0)
        {
          close (h->out_fd);
          h->out_fd = -1;
          return;
        }
      keep = sizeof (h->cur.out) - h->cur.out_len;
      if (keep > (size_t) n)
        keep = (size_t) n;
      memcpy (h->cur.out + h->cur.out_len, buf, keep);
      h->cur.out_len += keep;
    }
}

static bool
in_start_period (const struct mon_health *h)
{
  struct timespec now;
  long long ms;

  clock_gettime (CLOCK_MONOTONIC, &now);
  ms = (long long) (now.tv_sec - h->began.tv_sec) * 1000 + (now.tv_nsec - h->began.tv_nsec) / 1000000;
  return ms < h->o->health_start_period_ms;
}

static void
record (struct mon_health *h)
{
  if (h->log_len == MON_HEALTH_LOG)
    {
      memmove (&h->log[0], &h->log[1], sizeof (h->log[0]) * (MON_HEALTH_LOG - 1));
      h->log_len--;
    }
  h->log[h->log_len++] = h->cur;
}

enum mon_health_action
mon_health_reaped (struct mon_health *h, int status, bool container_exiting)
{
  enum mon_health_action action = MON_HEALTH_NONE;

  if (h->out_fd >= 0)
    {
      mon_health_output (h);
      if (h->out_fd >= 0)
        close (h->out_fd);
      h->out_fd = -1;
    }
  h->pid = -1;
  if (h->discard || container_exiting)
    return MON_HEALTH_NONE;
  clock_gettime (CLOCK_REALTIME, &h->cur.end);
  h->cur.exit_code = h->timed_out ? -1 : WIFSIGNALED (status) ? 128 + WTERMSIG (status) : WEXITSTATUS (status);
  record (h);
  if (h->cur.exit_code == 0)
    {
      h->status = "healthy";
      h->failing_streak = 0;
    }
  /* Failures while the container starts up do not count (Docker's rule). */
  else if (!in_start_period (h) && ++h->failing_streak >= h->o->health_retries)
    {
      if (h->failing_streak == h->o->health_retries)
        action = h->o->health_on_failure;
      h->status = "unhealthy";
    }
  if (h->target > 0)
    arm (h, h->o->health_interval_ms);
  write_file (h);
  return action;
}
