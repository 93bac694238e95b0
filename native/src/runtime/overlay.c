/* The overlay root filesystem (overlay.h).  Validation is strict because the
 * value ends up in mount(2)'s comma-separated option string, where a ',' or ':'
 * inside a path would silently mean another option or another layer. */
#define _GNU_SOURCE
#include "overlay.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#define FIELD "config.json: annotations." BX_OVERLAY_ANNOTATION

/* mount(2) copies one page of options. */
#define DATA_MAX 4095

enum
{
  LOWER,
  UPPER,
  WORK,
  N_KEYS
};

static const char *const keys[N_KEYS] = { "lowerdir", "upperdir", "workdir" };

/* overlayfs reads ',' and ':' as separators and '\' as their escape; control
 * characters would garble /proc/self/mountinfo. */
static bool
is_bad_char (char c)
{
  return c == ',' || c == ':' || c == '\\' || (unsigned char) c < 0x20 || c == 0x7f;
}

static int
check_path (const char *key, const char *path, size_t len, struct bx_error *err)
{
  size_t i;

  if (len == 0 || path[0] != '/')
    return bx_fail (err, EINVAL, FIELD ": %s: '%.*s' is not an absolute path", key, (int) len, path);
  for (i = 0; i < len; i++)
    if (is_bad_char (path[i]))
      return bx_fail (err, EINVAL,
                      FIELD ": %s: '%.*s' has a character overlayfs cannot take in a path "
                            "(',', ':', '\\' or a control character)",
                      key, (int) len, path);
  return 0;
}

/* lowerdir is a ':'-separated list: each entry is a path of its own. */
static int
check_value (int key, const char *value, size_t len, struct bx_error *err)
{
  size_t start = 0, i;
  int ret;

  if (key != LOWER)
    return check_path (keys[key], value, len, err);
  for (i = 0; i <= len; i++)
    if (i == len || value[i] == ':')
      {
        if ((ret = check_path (keys[key], value + start, i - start, err)) < 0)
          return ret;
        start = i + 1;
      }
  return 0;
}

static int
find_key (const char *opt, size_t len, struct bx_error *err)
{
  const char *eq = memchr (opt, '=', len);
  int k;

  if (len == 0)
    return bx_fail (err, EINVAL, FIELD ": has an empty option (a stray ',')");
  for (k = 0; eq != NULL && k < N_KEYS; k++)
    if ((size_t) (eq - opt) == strlen (keys[k]) && strncmp (opt, keys[k], (size_t) (eq - opt)) == 0)
      return k;
  return bx_fail (err, EINVAL, FIELD ": unknown option '%.*s': only lowerdir=, upperdir= and workdir= are allowed",
                  (int) len, opt);
}

int
bx_overlay_parse (const char *value, char **data, struct bx_error *err)
{
  bool seen[N_KEYS] = { false, false, false };
  const char *opt = value;
  int k, ret;

  for (;;)
    {
      size_t len = strcspn (opt, ",");

      if ((k = find_key (opt, len, err)) < 0)
        return k;
      if (seen[k])
        return bx_fail (err, EINVAL, FIELD ": %s is given twice", keys[k]);
      seen[k] = true;
      len -= strlen (keys[k]) + 1;
      if ((ret = check_value (k, opt + strlen (keys[k]) + 1, len, err)) < 0)
        return ret;
      opt += strlen (keys[k]) + 1 + len;
      if (*opt == '\0')
        break;
      opt++;
    }
  for (k = 0; k < N_KEYS; k++)
    if (!seen[k])
      return bx_fail (err, EINVAL, FIELD ": %s is missing (lowerdir=, upperdir= and workdir= are required)", keys[k]);
  if (strlen (value) + sizeof (",userxattr") > DATA_MAX + 1)
    return bx_fail (err, EINVAL, FIELD ": longer than the %d bytes mount(2) takes", DATA_MAX);
  if (asprintf (data, "%s,userxattr", value) < 0)
    return bx_fail (err, ENOMEM, FIELD);
  return 0;
}

int
bx_overlay_mount (const char *data, const char *target, struct bx_error *err)
{
  if (mount ("overlay", target, "overlay", 0, data) < 0)
    return bx_fail_errno (err, "mount the overlay root (annotation " BX_OVERLAY_ANNOTATION ") on %s", target);
  return 0;
}
