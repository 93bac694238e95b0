#ifndef BOXCTL_MONITOR_NOTIFY_H
#define BOXCTL_MONITOR_NOTIFY_H

#include <stdbool.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/un.h>

#include "../error.h"
#include "monitor.h"

/* systemd's notification protocol (sd_notify(3)) for Type=notify units, as
 * docs/containers.md ("systemd notification") describes it. */
struct mon_notify
{
  /* NOTIFY_SOCKET as the monitor found it; host_len 0: there was none. */
  struct sockaddr_un host;
  socklen_t host_len;
  char name[sizeof (((struct sockaddr_un *) 0)->sun_path) + 1];
  int relay_fd;   /* --sdnotify container: RUNDIR/notify/notify.sock, else -1 */
  int forward_fd; /* unbound socket the relay sends through, else -1 */
  bool announced; /* MAINPID (and READY=1) go once per monitor, not per restart */
};

/* Reads NOTIFY_SOCKET and takes it out of the environment, so that no child (the
 * runtime, the network helper, the exit command) sees it; with --sdnotify
 * container, makes the socket that the bundle bind-mounts at /run/notify. */
int mon_notify_init (struct mon_notify *n, const struct mon_options *o, struct bx_error *err);

/* The process runs: MAINPID=<our pid>, and READY=1 with --sdnotify conmon, the first
 * time only.  A failure means systemd will never hear of this container. */
int mon_notify_started (struct mon_notify *n, const struct mon_options *o, struct bx_error *err);

/* Passes on what the container sent (relay_fd is readable), MAINPID= lines dropped. */
void mon_notify_relay (struct mon_notify *n);

/* The relay socket goes with the monitor. */
void mon_notify_close (struct mon_notify *n, const struct mon_options *o);

/* The datagram `in` (len bytes) without its MAINPID= lines, into out (len + 1
 * bytes); returns the length left, 0 when nothing is left to send. */
size_t mon_notify_filter (const char *in, size_t len, char *out);

#endif
