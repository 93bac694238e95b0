#ifndef BOXCTL_MONITOR_LOGFILE_H
#define BOXCTL_MONITOR_LOGFILE_H

#include <stddef.h>

#include "../error.h"

/* ctr.log in the CRI format of docs/containers.md, "Log format", rotated by size. */
struct mon_log
{
  int fd;
  const char *path;
  long long size, max_size; /* max_size 0: no rotation */
  int max_files;
};

int mon_log_open (struct mon_log *log, const char *path, long long max_size, int max_files, struct bx_error *err);

/* One chunk read from a stream: an F record per complete line, a P record for what
 * follows the last newline.  Failures are dropped: the container must not wait on
 * a full disk. */
void mon_log_chunk (struct mon_log *log, const char *stream, const char *buf, size_t n);

void mon_log_close (struct mon_log *log);

#endif
