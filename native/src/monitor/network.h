#ifndef BOXCTL_MONITOR_NETWORK_H
#define BOXCTL_MONITOR_NETWORK_H

#include <sys/types.h>

#include "monitor.h"
#include "runtime.h"

/* The network helper of one run (pasta or slirp4netns), started after `create`
 * with the init's namespaces and before `start`, killed when the init is gone. */
struct mon_net
{
  pid_t pid;
  int exit_fd; /* slirp4netns --exit-fd: it quits when we do, whatever kills us */
};

/* Starts the helper of --net-helper for the init `init` and waits until it is
 * ready and every --net-forward is in place: 0, or -1 with the failing report.
 * Nothing to do (0) without --net-helper. */
int mon_network_start (const struct mon_options *o, struct mon_net *n, pid_t init, char report[MON_REPORT_LEN]);

/* Kills and reaps the helper; nothing when none runs. */
void mon_network_stop (struct mon_net *n);

#endif
