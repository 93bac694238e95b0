#ifndef BOXCTL_MONITOR_NETWORK_H
#define BOXCTL_MONITOR_NETWORK_H

#include <limits.h>
#include <sys/types.h>

#include "monitor.h"
#include "runtime.h"

/* The network helper of one run (pasta or slirp4netns), spawned before or right
 * after `create` (network.c says which), ready before `start`, killed when the
 * init is gone. */
struct mon_net
{
  pid_t pid;
  pid_t holder; /* holds the container's user and network namespaces until `create` */
  int hold_fd;  /* its end of the holder's pipe */
  int exit_fd;  /* slirp4netns --exit-fd: it quits when we do, whatever kills us */
  int ready_fd; /* until ready: pasta's pid FIFO or slirp4netns' --ready-fd */
  int log_fd;   /* until ready: RUNDIR/network.log, the helper's stderr */
  char fifo[PATH_MAX]; /* pasta's pid FIFO while it exists */
};

/* No helper, nothing open. */
void mon_network_init (struct mon_net *n);

/* Before `create`: waits for a helper of an earlier run to be gone; with
 * --net-uid-map/--net-gid-map makes the container's user and network namespaces
 * (RUNDIR/userns, RUNDIR/netns) and starts the helper there without waiting for
 * it.  0, or -1 with the failing report. */
int mon_network_prepare (const struct mon_options *o, struct mon_net *n, char report[MON_REPORT_LEN]);

/* After `create`: lets the holder go; or, without one, waits for a helper of an
 * earlier run to be gone and starts the one of --net-helper for the init `init`
 * without waiting for it.  0, or -1 with the failing report.  Nothing to do (0)
 * without --net-helper. */
int mon_network_spawn (const struct mon_options *o, struct mon_net *n, pid_t init, char report[MON_REPORT_LEN]);

/* Waits until the spawned helper is ready and every --net-forward is in place:
 * 0, or -1 with the failing report (the helper is then gone). */
int mon_network_ready (const struct mon_options *o, struct mon_net *n, char report[MON_REPORT_LEN]);

/* mon_network_spawn and mon_network_ready. */
int mon_network_start (const struct mon_options *o, struct mon_net *n, pid_t init, char report[MON_REPORT_LEN]);

/* The init is gone: kills the helper, and waits for it to be gone only where it
 * holds host ports (without --net-no-ports), so that an exit reported means they
 * are free.  Otherwise the reaper collects it (n->pid stays set until then). */
void mon_network_release (const struct mon_options *o, struct mon_net *n);

/* Kills and reaps the helper; nothing when none runs. */
void mon_network_stop (struct mon_net *n);

#endif
