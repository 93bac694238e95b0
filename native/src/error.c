#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int
bx_fail (struct bx_error *err, int errnum, const char *fmt, ...)
{
  va_list ap;

  err->errnum = errnum;
  va_start (ap, fmt);
  vsnprintf (err->msg, sizeof (err->msg), fmt, ap);
  va_end (ap);
  return -1;
}

void
bx_json_escape (char *buf, size_t len, const char *s)
{
  size_t o = 0;

  for (; *s != '\0' && o + 7 < len; s++)
    {
      unsigned char c = (unsigned char) *s;
      if (c == '"' || c == '\\')
        {
          buf[o++] = '\\';
          buf[o++] = (char) c;
        }
      else if (c < 0x20)
        o += (size_t) snprintf (buf + o, len - o, "\\u%04x", c);
      else
        buf[o++] = (char) c;
    }
  buf[o] = '\0';
}

static void
format_error (char *line, size_t len, const struct bx_error *err)
{
  char esc[1100];
  char full[600];

  if (err->errnum != 0)
    snprintf (full, sizeof (full), "%s: %s", err->msg, strerror (err->errnum));
  else
    snprintf (full, sizeof (full), "%s", err->msg);
  bx_json_escape (esc, sizeof (esc), full);
  snprintf (line, len, "{\"ok\":false,\"errno\":%d,\"error\":\"%s\"}\n", err->errnum, esc);
}

void
bx_print_error (const struct bx_error *err)
{
  char line[1200];

  format_error (line, sizeof (line), err);
  fputs (line, stdout);
  fflush (stdout);
}

void
bx_dprint_error (int fd, const struct bx_error *err)
{
  char line[1200];
  size_t len;

  format_error (line, sizeof (line), err);
  len = strlen (line);
  /* Nothing is left to report a failed report to. */
  if (write (fd, line, len) != (ssize_t) len)
    return;
}
