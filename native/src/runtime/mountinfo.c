#define _GNU_SOURCE
#include "mountinfo.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
unescape (char *s)
{
  char *o = s;

  for (; *s != '\0'; s++)
    {
      if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' && s[3] >= '0' && s[3] <= '7')
        {
          *o++ = (char) ((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
          s += 3;
        }
      else
        *o++ = *s;
    }
  *o = '\0';
}

/* "id parent maj:min root mountpoint options [optional...] - fstype source superopts" */
static int
parse_line (char *line, struct bx_mountinfo *mi)
{
  char *field[6], *save = NULL, *tok, *sep;
  int i;

  line[strcspn (line, "\n")] = '\0';
  sep = strstr (line, " - ");
  if (sep == NULL)
    return -1;
  *sep = '\0';
  for (i = 0; i < 6; i++)
    {
      tok = strtok_r (i == 0 ? line : NULL, " ", &save);
      if (tok == NULL)
        return -1;
      field[i] = tok;
    }
  mi->root = field[3];
  mi->mountpoint = field[4];
  mi->optional = save != NULL ? save : "";
  save = NULL;
  mi->fstype = strtok_r (sep + 3, " ", &save);
  mi->source = strtok_r (NULL, " ", &save);
  mi->superopts = strtok_r (NULL, " ", &save);
  if (mi->fstype == NULL || mi->source == NULL || mi->superopts == NULL)
    return -1;
  unescape (field[3]);
  unescape (field[4]);
  return 0;
}

int
bx_mountinfo_each (int (*fn) (const struct bx_mountinfo *mi, void *data, struct bx_error *err), void *data,
                   struct bx_error *err)
{
  FILE *f = fopen ("/proc/self/mountinfo", "re");
  char *line = NULL;
  size_t cap = 0;
  int ret = 0;

  if (f == NULL)
    return bx_fail_errno (err, "open /proc/self/mountinfo");
  while (ret == 0 && getline (&line, &cap, f) > 0)
    {
      struct bx_mountinfo mi;

      if (parse_line (line, &mi) < 0)
        ret = bx_fail (err, EINVAL, "unexpected line in /proc/self/mountinfo");
      else
        ret = fn (&mi, data, err);
    }
  free (line);
  fclose (f);
  return ret < 0 ? ret : 0;
}
