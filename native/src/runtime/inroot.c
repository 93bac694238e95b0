#define _GNU_SOURCE
#include "inroot.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Enough for any sane path: each round creates one component or follows one
 * symlink; the symlink count is limited separately like the kernel's 40. */
#define MAX_ROUNDS 256
#define MAX_SYMLINKS 40

/* Lexically, without the filesystem: "dev", "//dev/" and "/dev/." all name /dev
 * for the special cases of runc, which compares CleanPath(destination). */
bool
bx_path_is (const char *dest, const char *want)
{
  char clean[PATH_MAX];
  const char *p = dest;
  size_t o = 0;

  for (;;)
    {
      const char *end;
      size_t len;

      while (*p == '/')
        p++;
      if (*p == '\0')
        break;
      end = strchrnul (p, '/');
      len = (size_t) (end - p);
      if (!(len == 1 && *p == '.'))
        {
          if (o + len + 2 > sizeof (clean))
            return false;
          clean[o++] = '/';
          memcpy (clean + o, p, len);
          o += len;
        }
      p = end;
    }
  clean[o] = '\0';
  return strcmp (o > 0 ? clean : "/", want) == 0;
}

struct bx_fdpath
bx_fdpath (int fd)
{
  struct bx_fdpath p;

  snprintf (p.s, sizeof (p.s), "/proc/self/fd/%d", fd);
  return p;
}

static int
openat2_in_root (int rootfd, const char *path, int flags)
{
  struct open_how how = {
    .flags = (unsigned long long) (flags | O_CLOEXEC),
    .mode = 0,
    .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
  };
  int fd;

  do
    fd = (int) syscall (SYS_openat2, rootfd, path, &how, sizeof (how));
  while (fd < 0 && errno == EAGAIN); /* a rename raced the lookup: retry */
  return fd;
}

int
bx_inroot_open (int rootfd, const char *path, int flags, struct bx_error *err)
{
  int fd = openat2_in_root (rootfd, path, flags);

  if (fd < 0)
    return bx_fail_errno (err, "open %s in the container", path);
  return fd;
}

/* Create `name` in the directory `prefix` (inside the root).  Returns 1 when it
 * exists as a (dangling) symlink, whose target goes to `link`. */
static int
create_component (int rootfd, const char *prefix, const char *name, bool dir, char *link, size_t linklen,
                  struct bx_error *err)
{
  int parent = openat2_in_root (rootfd, prefix[0] ? prefix : "/", O_PATH | O_DIRECTORY);
  ssize_t n;
  int ret = 0;

  if (parent < 0)
    return bx_fail_errno (err, "open %s in the container", prefix[0] ? prefix : "/");
  if (dir)
    ret = mkdirat (parent, name, 0755);
  else
    {
      int fd = openat (parent, name, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0644);
      if (fd >= 0)
        close (fd);
      ret = fd < 0 ? -1 : 0;
    }
  if (ret == 0 || errno != EEXIST)
    {
      if (ret < 0)
        bx_fail_errno (err, "create %s/%s in the container", prefix, name);
      close (parent);
      return ret;
    }
  n = readlinkat (parent, name, link, linklen - 1);
  close (parent);
  if (n < 0)
    /* Not a symlink: someone else created it meanwhile.  Resolve again. */
    return 0;
  link[n] = '\0';
  return 1;
}

int
bx_inroot_mkpath (int rootfd, const char *path, bool dir, struct bx_error *err)
{
  char cur[PATH_MAX], prefix[PATH_MAX], link[PATH_MAX], next[PATH_MAX];
  int round, symlinks = 0;

  if (snprintf (cur, sizeof (cur), "%s", path) >= (int) sizeof (cur))
    return bx_fail (err, ENAMETOOLONG, "path %s", path);
  for (round = 0; round < MAX_ROUNDS; round++)
    {
      char *save = NULL, *comp, *rest;
      char work[PATH_MAX];
      int fd = openat2_in_root (rootfd, cur, O_PATH);

      if (fd >= 0)
        return fd;
      if (errno != ENOENT)
        return bx_fail_errno (err, "resolve %s in the container", path);

      /* Walk down to the first component that is missing and create it. */
      memcpy (work, cur, sizeof (work));
      prefix[0] = '\0';
      for (comp = strtok_r (work, "/", &save); comp != NULL; comp = strtok_r (NULL, "/", &save))
        {
          size_t plen = strlen (prefix);
          int ret;

          if (snprintf (prefix + plen, sizeof (prefix) - plen, "/%s", comp) >= (int) (sizeof (prefix) - plen))
            return bx_fail (err, ENAMETOOLONG, "path %s", path);
          fd = openat2_in_root (rootfd, prefix, O_PATH);
          if (fd >= 0)
            {
              close (fd);
              continue;
            }
          if (errno != ENOENT)
            return bx_fail_errno (err, "resolve %s in the container", prefix);
          prefix[plen] = '\0';
          rest = save != NULL && *save != '\0' ? save : NULL;
          ret = create_component (rootfd, prefix, comp, dir || rest != NULL, link, sizeof (link), err);
          if (ret < 0)
            return ret;
          if (ret == 1)
            {
              /* A dangling symlink: continue from its target, inside the root. */
              if (++symlinks > MAX_SYMLINKS)
                return bx_fail (err, ELOOP, "resolve %s in the container", path);
              if (snprintf (next, sizeof (next), "%s%s%s%s%s", link[0] == '/' ? "" : prefix, link[0] == '/' ? "" : "/",
                            link, rest ? "/" : "", rest ? rest : "")
                  >= (int) sizeof (next))
                return bx_fail (err, ENAMETOOLONG, "path %s", path);
              memcpy (cur, next, sizeof (cur));
            }
          break;
        }
    }
  return bx_fail (err, ELOOP, "resolve %s in the container: too many steps", path);
}
