#ifndef BOXCTL_MONITOR_HEALTH_H
#define BOXCTL_MONITOR_HEALTH_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "../error.h"
#include "monitor.h"

#define MON_HEALTH_OUTPUT 4096
#define MON_HEALTH_LOG 5

struct mon_health_run
{
  struct timespec start, end;
  int exit_code; /* -1: killed at the timeout */
  size_t out_len;
  char out[MON_HEALTH_OUTPUT];
};

/* The healthcheck: `RUNTIME exec` every interval, health.json after each run. */
struct mon_health
{
  const struct mon_options *o;
  int timer_fd;  /* the interval, or the timeout of the running check */
  int out_fd;    /* its stdout and stderr, -1 when none runs */
  pid_t pid;     /* the running check, or -1 */
  pid_t target;  /* the container's init */
  bool timed_out;
  bool discard; /* the running check outlived its container */
  struct timespec began; /* CLOCK_MONOTONIC at the container's start: the start period */
  const char *status;
  int failing_streak;
  size_t log_len;
  struct mon_health_run cur, log[MON_HEALTH_LOG];
};

int mon_health_init (struct mon_health *h, const struct mon_options *o, struct bx_error *err);
/* The container runs as target: status starting, first check after one interval. */
void mon_health_begin (struct mon_health *h, pid_t target);
/* The container has exited: no more checks. */
void mon_health_end (struct mon_health *h);
void mon_health_timer (struct mon_health *h);
void mon_health_output (struct mon_health *h);
/* The check exited with status: records it, and returns the action to take now
 * that the container turned unhealthy (MON_HEALTH_NONE otherwise).  A check that
 * ended with its container (container_exiting) is not recorded. */
enum mon_health_action mon_health_reaped (struct mon_health *h, int status, bool container_exiting);

#endif
