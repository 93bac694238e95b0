#define _GNU_SOURCE
#include "fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int
open_dirs (const char *path, const struct stat *st, int type, struct FTW *ftw)
{
  (void) ftw;
  if (type == FTW_D || type == FTW_DNR)
    {
      if ((st->st_mode & 0700) != 0700 && chmod (path, 0700) < 0)
        return -1;
    }
  return 0;
}

static int
remove_entry (const char *path, const struct stat *st, int type, struct FTW *ftw)
{
  (void) st;
  (void) ftw;
  if (type == FTW_DP)
    return rmdir (path);
  return unlink (path);
}

int
bx_remove_tree (const char *path, struct bx_error *err)
{
  struct stat st;

  if (lstat (path, &st) < 0)
    {
      if (errno == ENOENT)
        return 0;
      return bx_fail_errno (err, "stat %s", path);
    }
  if (nftw (path, open_dirs, 32, FTW_PHYS) < 0)
    return bx_fail_errno (err, "make %s removable", path);
  if (nftw (path, remove_entry, 32, FTW_PHYS | FTW_DEPTH) < 0)
    return bx_fail_errno (err, "remove %s", path);
  return 0;
}

int
bx_mkdir (const char *path, int mode, struct bx_error *err)
{
  if (mkdir (path, (mode_t) mode) < 0 && errno != EEXIST)
    return bx_fail_errno (err, "mkdir %s", path);
  return 0;
}

int
bx_write_text (const char *path, const char *text, struct bx_error *err)
{
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  ssize_t len = (ssize_t) strlen (text);

  if (fd < 0)
    return bx_fail_errno (err, "create %s", path);
  if (write (fd, text, (size_t) len) != len)
    {
      int saved = errno;
      close (fd);
      return bx_fail (err, saved, "write %s", path);
    }
  if (close (fd) < 0)
    return bx_fail_errno (err, "close %s", path);
  return 0;
}

int
bx_proc_stat_field (int pid, int field, unsigned long long *out)
{
  char path[64], buf[1024], *p, *end;
  ssize_t n;
  int fd, i;

  snprintf (path, sizeof (path), "/proc/%d/stat", pid);
  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return -1;
  n = read (fd, buf, sizeof (buf) - 1);
  close (fd);
  if (n <= 0)
    return -1;
  buf[n] = '\0';
  /* The command name may hold spaces and parentheses: count from the last ')'. */
  p = strrchr (buf, ')');
  for (i = 2; p != NULL && i < field; i++)
    p = strchr (p + 1, ' ');
  if (p == NULL)
    return -1;
  *out = strtoull (p + 1, &end, 10);
  return end == p + 1 ? -1 : 0;
}
