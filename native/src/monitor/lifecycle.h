#ifndef BOXCTL_MONITOR_LIFECYCLE_H
#define BOXCTL_MONITOR_LIFECYCLE_H

#include <stdbool.h>
#include <sys/types.h>
#include <time.h>

#include "../error.h"
#include "attach.h"
#include "health.h"
#include "logfile.h"
#include "monitor.h"
#include "network.h"
#include "notify.h"
#include "pump.h"

/* Everything one monitor holds for its container. */
struct monitor
{
  struct mon_options o;
  struct mon_log log;
  struct mon_attach attach;
  struct mon_pump pump;
  struct mon_health health;
  struct mon_net net;
  struct mon_notify notify;
  bool has_health;
  int signal_fd, restart_fd, stop_fd;

  /* The current run. */
  pid_t pid;
  struct timespec started_at, started_mono;
  int restart_count;
  long long backoff_ms;
  bool force_restart; /* healthcheck action `restart` */
  bool no_restart;    /* healthcheck action `stop` */
};

/* Steps 2 to 4 of docs/containers.md, "The monitor": create, the sync protocol,
 * start.  Does not return when the CLI went away or the container failed to start. */
void mon_first_start (struct monitor *m);

/* The init exited with wstatus: step 6.  Does not return when the monitor is done. */
void mon_exited (struct monitor *m, int wstatus);

void mon_restart_timer (struct monitor *m);
void mon_stop_timer (struct monitor *m);
void mon_health_act (struct monitor *m, enum mon_health_action action);

#endif
