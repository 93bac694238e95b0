#ifndef BOXCTL_ERROR_H
#define BOXCTL_ERROR_H

#include <stddef.h>

/* The error convention of native/README.md: a failing function fills this and
 * returns -1.  A fixed buffer keeps the error path allocation-free. */
struct bx_error
{
  int errnum;
  char msg[512];
};

__attribute__ ((format (printf, 3, 4))) int bx_fail (struct bx_error *err, int errnum, const char *fmt, ...);

/* bx_fail with errno captured at the call. */
#define bx_fail_errno(err, ...) bx_fail ((err), errno, __VA_ARGS__)

/* Write `s` to `buf` as a JSON string body (no quotes), truncating safely. */
void bx_json_escape (char *buf, size_t len, const char *s);

/* Print the single failure line of the output contract. */
void bx_print_error (const struct bx_error *err);

/* The same line, written to `fd` with one write(2) and no stdio, so that it also
 * works in a forked child and for an fd that is not stdout. */
void bx_dprint_error (int fd, const struct bx_error *err);

#endif
