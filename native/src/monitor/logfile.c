#define _GNU_SOURCE
#include "logfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "jsonfile.h"

static int
open_current (struct mon_log *log, struct bx_error *err)
{
  struct stat st;

  log->fd = open (log->path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (log->fd < 0)
    return bx_fail_errno (err, "open the log %s", log->path);
  if (fstat (log->fd, &st) < 0)
    return bx_fail_errno (err, "stat the log %s", log->path);
  log->size = st.st_size;
  return 0;
}

int
mon_log_open (struct mon_log *log, const char *path, long long max_size, int max_files, struct bx_error *err)
{
  log->path = path;
  log->max_size = max_size;
  log->max_files = max_files;
  if (strlen (path) + 12 >= PATH_MAX)
    return bx_fail (err, ENAMETOOLONG, "the log path %s", path);
  return open_current (log, err);
}

static void
numbered (char *out, size_t len, const char *path, int n)
{
  snprintf (out, len, "%s.%d", path, n);
}

/* ctr.log.(N-1) goes, each .k becomes .k+1, ctr.log becomes .1. */
static void
rotate (struct mon_log *log)
{
  char from[PATH_MAX], to[PATH_MAX];
  struct bx_error err;
  int k;

  close (log->fd);
  log->fd = -1;
  if (log->max_files <= 1)
    unlink (log->path);
  else
    {
      numbered (to, sizeof (to), log->path, log->max_files - 1);
      unlink (to);
      for (k = log->max_files - 2; k >= 1; k--)
        {
          numbered (from, sizeof (from), log->path, k);
          numbered (to, sizeof (to), log->path, k + 1);
          rename (from, to);
        }
      numbered (to, sizeof (to), log->path, 1);
      rename (log->path, to);
    }
  if (open_current (log, &err) < 0 && log->fd >= 0)
    {
      close (log->fd);
      log->fd = -1;
    }
}

static void
record (struct mon_log *log, const char *head, size_t head_len, const char *line, size_t n)
{
  struct iovec iov[3] = {
    { .iov_base = (void *) head, .iov_len = head_len },
    { .iov_base = (void *) line, .iov_len = n },
    { .iov_base = (void *) "\n", .iov_len = 1 },
  };
  long long total = (long long) (head_len + n + 1);
  ssize_t w;

  if (log->max_size > 0 && log->size > 0 && log->size + total > log->max_size)
    rotate (log);
  if (log->fd < 0)
    return;
  do
    w = writev (log->fd, iov, 3);
  while (w < 0 && errno == EINTR);
  if (w > 0)
    log->size += w;
}

void
mon_log_chunk (struct mon_log *log, const char *stream, const char *buf, size_t n)
{
  char ts[MON_TIME_LEN], head[MON_TIME_LEN + 16];
  struct timespec now;
  const char *nl;
  int len;

  clock_gettime (CLOCK_REALTIME, &now);
  mon_format_time (ts, &now);
  while (n > 0)
    {
      nl = memchr (buf, '\n', n);
      len = snprintf (head, sizeof (head), "%s %s %c ", ts, stream, nl != NULL ? 'F' : 'P');
      if (nl == NULL)
        {
          record (log, head, (size_t) len, buf, n);
          return;
        }
      record (log, head, (size_t) len, buf, (size_t) (nl - buf));
      n -= (size_t) (nl - buf) + 1;
      buf = nl + 1;
    }
}

void
mon_log_close (struct mon_log *log)
{
  if (log->fd >= 0)
    close (log->fd);
  log->fd = -1;
}
