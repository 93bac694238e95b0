#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "monitor.h"

#define USAGE                                                                                                    \
  "usage: boxctl-monitor --id ID --bundle DIR --runtime PATH --rundir DIR --exit-file PATH --log-path PATH "    \
  "[--log-max-size BYTES] [--log-max-files N] [--terminal] [--stdin] [--restart POLICY] "                      \
  "[--health-process FILE --health-interval MS --health-timeout MS --health-retries N --health-start-period MS " \
  "--health-on-failure ACTION --health-file PATH] [--stop-signal N] [--stop-timeout SECONDS] [--sync-fd N] "   \
  "[--exit-command ARG]... [--sdnotify conmon|container|ignore] [--net-helper pasta|slirp4netns --net-helper-path PATH [--net-arg ARG]... "   \
  "[--net-forward PROTO:IP:HOSTPORT:CTRPORT]... [--net-no-ports] [--net-uid-map C:H:N,... --net-gid-map C:H:N,...]]"

static int
parse_number (const char *flag, const char *s, long long min, long long max, long long *out, struct bx_error *err)
{
  char *end;
  long long v;

  errno = 0;
  v = strtoll (s, &end, 10);
  if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
    return bx_fail (err, EINVAL, "%s: %s is not a number from %lld to %lld", flag, s, min, max);
  *out = v;
  return 0;
}

static int
parse_int (const char *flag, const char *s, int min, int *out, struct bx_error *err)
{
  long long v;

  if (parse_number (flag, s, min, INT_MAX, &v, err) < 0)
    return -1;
  *out = (int) v;
  return 0;
}

static int
parse_restart (const char *s, struct mon_options *o, struct bx_error *err)
{
  if (strcmp (s, "no") == 0)
    o->restart = MON_RESTART_NO;
  else if (strcmp (s, "always") == 0)
    o->restart = MON_RESTART_ALWAYS;
  else if (strcmp (s, "unless-stopped") == 0)
    o->restart = MON_RESTART_UNLESS_STOPPED;
  else if (strcmp (s, "on-failure") == 0)
    o->restart = MON_RESTART_ON_FAILURE;
  else if (strncmp (s, "on-failure:", 11) == 0)
    {
      o->restart = MON_RESTART_ON_FAILURE;
      return parse_int ("--restart on-failure", s + 11, 0, &o->restart_max, err);
    }
  else
    return bx_fail (err, EINVAL, "--restart: unknown policy %s", s);
  return 0;
}

static int
parse_action (const char *s, struct mon_options *o, struct bx_error *err)
{
  static const char *const names[] = { "none", "kill", "restart", "stop" };
  size_t i;

  for (i = 0; i < sizeof (names) / sizeof (names[0]); i++)
    if (strcmp (s, names[i]) == 0)
      {
        o->health_on_failure = (enum mon_health_action) i;
        return 0;
      }
  return bx_fail (err, EINVAL, "--health-on-failure: unknown action %s", s);
}

static int
parse_sdnotify (const char *s, struct mon_options *o, struct bx_error *err)
{
  static const char *const names[] = { "conmon", "container", "ignore" };
  size_t i;

  for (i = 0; i < sizeof (names) / sizeof (names[0]); i++)
    if (strcmp (s, names[i]) == 0)
      {
        o->sdnotify = (enum mon_sdnotify) i;
        return 0;
      }
  return bx_fail (err, EINVAL, "--sdnotify: unknown mode %s", s);
}

/* The flags that take a string, by where the string goes. */
static const char **
string_flag (struct mon_options *o, const char *flag)
{
  static const struct
  {
    const char *name;
    size_t offset;
  } flags[] = {
    { "--id", offsetof (struct mon_options, id) },
    { "--bundle", offsetof (struct mon_options, bundle) },
    { "--runtime", offsetof (struct mon_options, runtime) },
    { "--rundir", offsetof (struct mon_options, rundir) },
    { "--exit-file", offsetof (struct mon_options, exit_file) },
    { "--log-path", offsetof (struct mon_options, log_path) },
    { "--health-process", offsetof (struct mon_options, health_process) },
    { "--health-file", offsetof (struct mon_options, health_file) },
    { "--net-helper-path", offsetof (struct mon_options, net_helper_path) },
    { "--net-uid-map", offsetof (struct mon_options, net_uid_map) },
    { "--net-gid-map", offsetof (struct mon_options, net_gid_map) },
  };
  size_t i;

  for (i = 0; i < sizeof (flags) / sizeof (flags[0]); i++)
    if (strcmp (flag, flags[i].name) == 0)
      return (const char **) ((char *) o + flags[i].offset);
  return NULL;
}

static int
parse_valued (struct mon_options *o, const char *flag, char *v, struct bx_error *err)
{
  const char **s = string_flag (o, flag);
  long long n;

  if (s != NULL)
    *s = v;
  else if (strcmp (flag, "--log-max-size") == 0)
    return parse_number (flag, v, 0, LLONG_MAX, &o->log_max_size, err);
  else if (strcmp (flag, "--log-max-files") == 0)
    return parse_int (flag, v, 1, &o->log_max_files, err);
  else if (strcmp (flag, "--restart") == 0)
    return parse_restart (v, o, err);
  else if (strcmp (flag, "--health-interval") == 0)
    return parse_number (flag, v, 1, LLONG_MAX / 1000000, &o->health_interval_ms, err);
  else if (strcmp (flag, "--health-timeout") == 0)
    return parse_number (flag, v, 1, LLONG_MAX / 1000000, &o->health_timeout_ms, err);
  else if (strcmp (flag, "--health-start-period") == 0)
    return parse_number (flag, v, 0, LLONG_MAX / 1000000, &o->health_start_period_ms, err);
  else if (strcmp (flag, "--health-retries") == 0)
    return parse_int (flag, v, 1, &o->health_retries, err);
  else if (strcmp (flag, "--health-on-failure") == 0)
    return parse_action (v, o, err);
  else if (strcmp (flag, "--stop-signal") == 0)
    {
      if (parse_number (flag, v, 1, SIGRTMAX, &n, err) < 0)
        return -1;
      o->stop_signal = (int) n;
    }
  else if (strcmp (flag, "--stop-timeout") == 0)
    return parse_int (flag, v, 0, &o->stop_timeout_s, err);
  else if (strcmp (flag, "--sync-fd") == 0)
    return parse_int (flag, v, 0, &o->sync_fd, err);
  else if (strcmp (flag, "--exit-command") == 0)
    {
      if (o->exit_command_len == MON_MAX_EXIT_ARGS)
        return bx_fail (err, E2BIG, "--exit-command: more than %d arguments", MON_MAX_EXIT_ARGS);
      o->exit_command[o->exit_command_len++] = v;
    }
  else if (strcmp (flag, "--sdnotify") == 0)
    return parse_sdnotify (v, o, err);
  else if (strcmp (flag, "--net-helper") == 0)
    {
      if (strcmp (v, "pasta") != 0 && strcmp (v, "slirp4netns") != 0)
        return bx_fail (err, EINVAL, "--net-helper: unknown helper %s", v);
      o->net_helper = v;
    }
  else if (strcmp (flag, "--net-arg") == 0)
    {
      if (o->net_args_len == MON_MAX_NET_ARGS)
        return bx_fail (err, E2BIG, "--net-arg: more than %d arguments", MON_MAX_NET_ARGS);
      o->net_args[o->net_args_len++] = v;
    }
  else if (strcmp (flag, "--net-forward") == 0)
    {
      /* Ranges make many; argv outlives the options. */
      char **grown = realloc (o->net_forwards, (o->net_forwards_len + 1) * sizeof (char *));

      if (grown == NULL)
        return bx_fail_errno (err, "--net-forward");
      o->net_forwards = grown;
      o->net_forwards[o->net_forwards_len++] = v;
    }
  else
    return bx_fail (err, EINVAL, "unknown flag %s; " USAGE, flag);
  return 0;
}

static int
check_required (const struct mon_options *o, struct bx_error *err)
{
  if (o->id == NULL || o->bundle == NULL || o->runtime == NULL || o->rundir == NULL || o->exit_file == NULL
      || o->log_path == NULL)
    return bx_fail (err, EINVAL, USAGE);
  if (o->health_process != NULL && (o->health_file == NULL || o->health_interval_ms == 0))
    return bx_fail (err, EINVAL, "--health-process needs --health-file and --health-interval");
  if (o->net_helper != NULL && o->net_helper_path == NULL)
    return bx_fail (err, EINVAL, "--net-helper needs --net-helper-path");
  if ((o->net_uid_map == NULL) != (o->net_gid_map == NULL))
    return bx_fail (err, EINVAL, "--net-uid-map and --net-gid-map go together");
  return 0;
}

int
mon_parse_args (int argc, char **argv, struct mon_options *o, struct bx_error *err)
{
  int i;

  memset (o, 0, sizeof (*o));
  o->log_max_files = 1;
  o->restart = MON_RESTART_NO;
  o->health_timeout_ms = 30000;
  o->health_retries = 3;
  o->stop_signal = SIGTERM;
  o->stop_timeout_s = 10;
  o->sdnotify = MON_SDNOTIFY_CONMON;
  o->sync_fd = -1;
  for (i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--terminal") == 0)
        o->terminal = true;
      else if (strcmp (argv[i], "--stdin") == 0)
        o->stdin_open = true;
      else if (strcmp (argv[i], "--net-no-ports") == 0)
        o->net_no_ports = true;
      else if (i + 1 >= argc)
        return bx_fail (err, EINVAL, "%s needs a value; " USAGE, argv[i]);
      else if (parse_valued (o, argv[i], argv[i + 1], err) < 0)
        return -1;
      else
        i++;
    }
  return check_required (o, err);
}
