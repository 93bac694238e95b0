#ifndef BOXCTL_MONITOR_JSONFILE_H
#define BOXCTL_MONITOR_JSONFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "../error.h"

/* monitor.json, exit.json and health.json, written without a JSON library: to
 * PATH.tmp through a small buffer, then renamed over PATH. */
struct mon_jw
{
  int fd;
  size_t len;
  bool failed;
  char buf[2048];
};

int mon_jw_open (struct mon_jw *w, const char *path, struct bx_error *err);
void mon_jw_raw (struct mon_jw *w, const char *s);
__attribute__ ((format (printf, 2, 3))) void mon_jw_printf (struct mon_jw *w, const char *fmt, ...);
/* A quoted JSON string of n bytes; invalid UTF-8 becomes U+FFFD. */
void mon_jw_string (struct mon_jw *w, const char *s, size_t n);
void mon_jw_time (struct mon_jw *w, const struct timespec *ts);
int mon_jw_commit (struct mon_jw *w, const char *path, struct bx_error *err);

/* RFC 3339 in UTC with nanoseconds: 2026-11-28T21:00:00.123456789Z (31 bytes; the room quiets -Wformat-truncation). */
#define MON_TIME_LEN 96
void mon_format_time (char out[MON_TIME_LEN], const struct timespec *ts);

/* Field N of /proc/PID/stat (22: the start time, 9: the flags); 0 when it
 * cannot be read. */
unsigned long long mon_proc_stat_field (pid_t pid, int field);
#define MON_STAT_FLAGS 9
#define MON_STAT_START_TIME 22

#endif
