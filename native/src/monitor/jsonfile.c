#define _GNU_SOURCE
#include "jsonfile.h"

#include "../fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
mon_jw_open (struct mon_jw *w, const char *path, struct bx_error *err)
{
  char tmp[4096 + 8];

  if ((size_t) snprintf (tmp, sizeof (tmp), "%s.tmp", path) >= sizeof (tmp))
    return bx_fail (err, ENAMETOOLONG, "%s", path);
  w->len = 0;
  w->failed = false;
  w->fd = open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (w->fd < 0)
    return bx_fail_errno (err, "open %s", tmp);
  return 0;
}

static void
flush (struct mon_jw *w)
{
  size_t off = 0;
  ssize_t n;

  while (off < w->len && !w->failed)
    {
      n = write (w->fd, w->buf + off, w->len - off);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        w->failed = true;
      else
        off += (size_t) n;
    }
  w->len = 0;
}

static void
put (struct mon_jw *w, const char *s, size_t n)
{
  size_t chunk;

  while (n > 0)
    {
      if (w->len == sizeof (w->buf))
        flush (w);
      chunk = sizeof (w->buf) - w->len;
      if (chunk > n)
        chunk = n;
      memcpy (w->buf + w->len, s, chunk);
      w->len += chunk;
      s += chunk;
      n -= chunk;
    }
}

void
mon_jw_raw (struct mon_jw *w, const char *s)
{
  put (w, s, strlen (s));
}

void
mon_jw_printf (struct mon_jw *w, const char *fmt, ...)
{
  char line[512];
  va_list ap;
  int n;

  va_start (ap, fmt);
  n = vsnprintf (line, sizeof (line), fmt, ap);
  va_end (ap);
  if (n < 0 || (size_t) n >= sizeof (line))
    w->failed = true;
  else
    put (w, line, (size_t) n);
}

/* Length of the valid UTF-8 sequence at s, or 0. */
static size_t
utf8_seq (const unsigned char *s, size_t n)
{
  size_t len, i;
  unsigned char lo = 0x80, hi = 0xbf;

  if (s[0] < 0x80)
    return 1;
  if (s[0] >= 0xc2 && s[0] <= 0xdf)
    len = 2;
  else if (s[0] >= 0xe0 && s[0] <= 0xef)
    {
      len = 3;
      lo = s[0] == 0xe0 ? 0xa0 : 0x80;
      hi = s[0] == 0xed ? 0x9f : 0xbf;
    }
  else if (s[0] >= 0xf0 && s[0] <= 0xf4)
    {
      len = 4;
      lo = s[0] == 0xf0 ? 0x90 : 0x80;
      hi = s[0] == 0xf4 ? 0x8f : 0xbf;
    }
  else
    return 0;
  if (n < len || s[1] < lo || s[1] > hi)
    return 0;
  for (i = 2; i < len; i++)
    if ((s[i] & 0xc0) != 0x80)
      return 0;
  return len;
}

void
mon_jw_string (struct mon_jw *w, const char *str, size_t n)
{
  const unsigned char *s = (const unsigned char *) str;
  char esc[8];
  size_t i = 0, len;

  put (w, "\"", 1);
  while (i < n)
    {
      len = utf8_seq (s + i, n - i);
      if (len == 0)
        {
          put (w, "\\ufffd", 6);
          i++;
          continue;
        }
      if (s[i] == '"' || s[i] == '\\')
        {
          esc[0] = '\\';
          esc[1] = (char) s[i];
          put (w, esc, 2);
        }
      else if (s[i] < 0x20)
        {
          snprintf (esc, sizeof (esc), "\\u%04x", s[i]);
          put (w, esc, 6);
        }
      else
        put (w, (const char *) s + i, len);
      i += len;
    }
  put (w, "\"", 1);
}

void
mon_jw_time (struct mon_jw *w, const struct timespec *ts)
{
  char t[MON_TIME_LEN];

  mon_format_time (t, ts);
  put (w, "\"", 1);
  put (w, t, strlen (t));
  put (w, "\"", 1);
}

int
mon_jw_commit (struct mon_jw *w, const char *path, struct bx_error *err)
{
  char tmp[4096 + 8];

  snprintf (tmp, sizeof (tmp), "%s.tmp", path);
  flush (w);
  if (close (w->fd) < 0)
    w->failed = true;
  if (w->failed)
    {
      unlink (tmp);
      return bx_fail (err, EIO, "write %s", tmp);
    }
  if (rename (tmp, path) < 0)
    {
      bx_fail_errno (err, "rename %s to %s", tmp, path);
      unlink (tmp);
      return -1;
    }
  return 0;
}

/* UTC by arithmetic (Howard Hinnant's days_from_civil inverse): gmtime_r would
 * link glibc's time zone code, and with it scanf, into this static binary. */
void
mon_format_time (char out[MON_TIME_LEN], const struct timespec *ts)
{
  long long days = ts->tv_sec / 86400, secs = ts->tv_sec % 86400;
  long long z = days + 719468, era = z / 146097, doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  long long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2);

  snprintf (out, MON_TIME_LEN, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%09ldZ", y, m, d, secs / 3600,
            secs / 60 % 60, secs % 60, ts->tv_nsec);
}

unsigned long long
mon_proc_stat_field (pid_t pid, int field)
{
  unsigned long long v;

  return bx_proc_stat_field ((int) pid, field, &v) < 0 ? 0 : v;
}
