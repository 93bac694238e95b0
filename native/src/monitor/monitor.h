#ifndef BOXCTL_MONITOR_H
#define BOXCTL_MONITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "../error.h"

#define MON_MAX_EXIT_ARGS 64
#define MON_MAX_NET_ARGS 256

enum mon_restart
{
  MON_RESTART_NO,
  MON_RESTART_ALWAYS,
  MON_RESTART_UNLESS_STOPPED,
  MON_RESTART_ON_FAILURE,
};

/* --sdnotify: what the monitor tells systemd over NOTIFY_SOCKET (notify.h). */
enum mon_sdnotify
{
  MON_SDNOTIFY_CONMON,
  MON_SDNOTIFY_CONTAINER,
  MON_SDNOTIFY_IGNORE,
};

enum mon_health_action
{
  MON_HEALTH_NONE,
  MON_HEALTH_KILL,
  MON_HEALTH_RESTART,
  MON_HEALTH_STOP,
};

/* The command line of docs/containers.md, "The monitor".  Strings point into argv. */
struct mon_options
{
  const char *id, *bundle, *runtime, *rundir, *exit_file, *log_path;
  long long log_max_size;
  int log_max_files;
  bool terminal, stdin_open;
  enum mon_restart restart;
  int restart_max; /* on-failure:N; 0 = no limit */
  const char *health_process, *health_file;
  long long health_interval_ms, health_timeout_ms, health_start_period_ms;
  int health_retries;
  enum mon_health_action health_on_failure;
  int stop_signal, stop_timeout_s;
  enum mon_sdnotify sdnotify;
  int sync_fd;
  char *exit_command[MON_MAX_EXIT_ARGS + 1];
  size_t exit_command_len;
  /* --net-helper pasta|slirp4netns at --net-helper-path, its own flags, and
   * slirp4netns' port forwards (PROTO:IP:HOSTPORT:CTRPORT, one port each);
   * --net-no-ports: the helper binds no host port; --net-uid-map/--net-gid-map
   * (C:H:N,...): the container's mapping, for namespaces made before `create`
   * (network.h). */
  const char *net_helper, *net_helper_path, *net_uid_map, *net_gid_map;
  bool net_no_ports;
  char *net_args[MON_MAX_NET_ARGS];
  size_t net_args_len;
  char **net_forwards;
  size_t net_forwards_len;
};

int mon_parse_args (int argc, char **argv, struct mon_options *o, struct bx_error *err);

/* One run of the container's process, from `create` to its exit. */
struct mon_run
{
  pid_t pid;
  struct timespec started_at;
  int restart_count;
  bool force_restart; /* healthcheck action `restart` */
  bool no_restart;    /* healthcheck action `stop` */
};

#endif
