/* The process attributes of the spec that are not capabilities or seccomp. */
#define _GNU_SOURCE
#include "process.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/keyctl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "inroot.h"

/* keyutils.h's name; the kernel headers only know the value. */
#define KEY_OTH_SEARCH 0x00000008

static const struct
{
  const char *name;
  int resource;
} rlimit_names[] = {
  { "RLIMIT_AS", RLIMIT_AS },
  { "RLIMIT_CORE", RLIMIT_CORE },
  { "RLIMIT_CPU", RLIMIT_CPU },
  { "RLIMIT_DATA", RLIMIT_DATA },
  { "RLIMIT_FSIZE", RLIMIT_FSIZE },
  { "RLIMIT_LOCKS", RLIMIT_LOCKS },
  { "RLIMIT_MEMLOCK", RLIMIT_MEMLOCK },
  { "RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE },
  { "RLIMIT_NICE", RLIMIT_NICE },
  { "RLIMIT_NOFILE", RLIMIT_NOFILE },
  { "RLIMIT_NPROC", RLIMIT_NPROC },
  { "RLIMIT_RSS", RLIMIT_RSS },
  { "RLIMIT_RTPRIO", RLIMIT_RTPRIO },
  { "RLIMIT_RTTIME", RLIMIT_RTTIME },
  { "RLIMIT_SIGPENDING", RLIMIT_SIGPENDING },
  { "RLIMIT_STACK", RLIMIT_STACK },
};

int
bx_rlimit_from_name (const char *name)
{
  size_t i;

  for (i = 0; i < sizeof (rlimit_names) / sizeof (rlimit_names[0]); i++)
    if (strcmp (rlimit_names[i].name, name) == 0)
      return rlimit_names[i].resource;
  return -1;
}

int
bx_process_rlimits (const struct bx_spec *spec, struct bx_error *err)
{
  int i;

  for (i = 0; i < spec->n_rlimits; i++)
    {
      const struct bx_rlimit *r = &spec->rlimits[i];
      struct rlimit cur;

      if (setrlimit (r->resource, &r->value) == 0)
        continue;
      if (errno == EPERM && getrlimit (r->resource, &cur) == 0 && r->value.rlim_max > cur.rlim_max)
        return bx_fail (err, EPERM, "set %s (process.rlimits): cannot raise the hard limit from %llu to %llu",
                        r->name, (unsigned long long) cur.rlim_max, (unsigned long long) r->value.rlim_max);
      return bx_fail_errno (err, "set %s (process.rlimits) to soft %llu, hard %llu", r->name,
                            (unsigned long long) r->value.rlim_cur, (unsigned long long) r->value.rlim_max);
    }
  return 0;
}

int
bx_process_oom_score_adj (const struct bx_spec *spec, struct bx_error *err)
{
  char buf[16];
  ssize_t len;
  int fd;

  if (!spec->has_oom_score_adj)
    return 0;
  fd = open ("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
  if (fd < 0)
    return bx_fail_errno (err, "open /proc/self/oom_score_adj");
  len = snprintf (buf, sizeof (buf), "%d", spec->oom_score_adj);
  if (write (fd, buf, (size_t) len) != len)
    {
      int saved = errno;
      close (fd);
      return bx_fail (err, saved, "set process.oomScoreAdj to %d", spec->oom_score_adj);
    }
  close (fd);
  return 0;
}

static int
setgroups_allowed (bool *allowed, struct bx_error *err)
{
  char buf[16] = "";
  int fd = open ("/proc/self/setgroups", O_RDONLY | O_CLOEXEC);
  ssize_t n;

  if (fd < 0)
    return bx_fail_errno (err, "open /proc/self/setgroups");
  n = read (fd, buf, sizeof (buf) - 1);
  close (fd);
  if (n < 0)
    return bx_fail_errno (err, "read /proc/self/setgroups");
  *allowed = strncmp (buf, "deny", 4) != 0;
  return 0;
}

int
bx_process_set_user (const struct bx_spec *spec, struct bx_error *err)
{
  if (spec->has_additional_gids)
    {
      bool allowed = true;
      int ret = setgroups_allowed (&allowed, err);

      if (ret < 0)
        return ret;
      if (!allowed && spec->n_additional_gids > 0)
        return bx_fail (err, EPERM,
                        "process.user.additionalGids: setgroups is denied in this user namespace "
                        "(a single-id mapping; map subordinate gids with newgidmap)");
      if (allowed && setgroups ((size_t) spec->n_additional_gids, spec->additional_gids) < 0)
        return bx_fail_errno (err, "setgroups (process.user.additionalGids)");
    }
  if (setresgid (spec->gid, spec->gid, spec->gid) < 0)
    return bx_fail_errno (err, "setgid to %u (process.user.gid; is it mapped?)", (unsigned) spec->gid);
  if (setresuid (spec->uid, spec->uid, spec->uid) < 0)
    return bx_fail_errno (err, "setuid to %u (process.user.uid; is it mapped?)", (unsigned) spec->uid);
  return 0;
}

/* An image without /etc/passwd, or without the user in it, is common: that is
 * no error, HOME is then "/". */
static void
passwd_home (uid_t uid, char *home, size_t len)
{
  struct bx_error ignored;
  char line[1024];
  FILE *f;
  int rootfd = open ("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
  int fd = rootfd < 0 ? -1 : bx_inroot_open (rootfd, "/etc/passwd", O_RDONLY, &ignored);

  if (rootfd >= 0)
    close (rootfd);
  if (fd < 0 || (f = fdopen (fd, "r")) == NULL)
    {
      if (fd >= 0)
        close (fd);
      return;
    }
  /* name:password:uid:gid:gecos:home:shell */
  while (fgets (line, sizeof (line), f) != NULL)
    {
      char *field[7], *p = line;
      int i;

      for (i = 0; i < 7 && p != NULL; i++)
        field[i] = strsep (&p, ":");
      if (i == 7 && field[2][0] != '\0' && strtoul (field[2], NULL, 10) == uid)
        {
          snprintf (home, len, "%s", field[5]);
          break;
        }
    }
  fclose (f);
}

int
bx_process_home (struct bx_spec *spec, struct bx_error *err)
{
  char home[512] = "/";
  char *entry;
  int i;

  for (i = 0; i < spec->n_env; i++)
    if (strncmp (spec->env[i], "HOME=", 5) == 0)
      return 0;
  passwd_home (spec->uid, home, sizeof (home));
  if (home[0] == '\0')
    snprintf (home, sizeof (home), "/");
  if (asprintf (&entry, "HOME=%s", home) < 0)
    return bx_fail (err, ENOMEM, "set HOME");
  /* spec.c leaves the slot before the terminating NULL free for this. */
  spec->env[spec->n_env++] = entry;
  spec->env[spec->n_env] = NULL;
  return 0;
}

/* Go's findExecutable: a file with some execute bit, not a directory. */
static int
executable (const char *path)
{
  struct stat st;

  if (stat (path, &st) < 0)
    return -errno;
  if (S_ISDIR (st.st_mode))
    return -EISDIR;
  if ((st.st_mode & 0111) == 0)
    return -EACCES;
  return 0;
}

int
bx_process_find_exec (const struct bx_spec *spec, char *path, size_t len, struct bx_error *err)
{
  const char *name = spec->args[0];
  const char *search = NULL;
  const char *p;
  int i, ret;

  if (strchr (name, '/') != NULL)
    {
      ret = executable (name);
      if (ret < 0)
        return bx_fail (err, -ret, "exec: \"%s\"", name);
      snprintf (path, len, "%s", name);
      return 0;
    }
  for (i = 0; i < spec->n_env; i++)
    if (strncmp (spec->env[i], "PATH=", 5) == 0)
      search = spec->env[i] + 5;
  for (p = search; p != NULL; p = strchr (p, ':') != NULL ? strchr (p, ':') + 1 : NULL)
    {
      size_t dirlen = strcspn (p, ":");

      if ((size_t) snprintf (path, len, "%.*s/%s", (int) dirlen, dirlen > 0 ? p : ".", name) >= len)
        continue;
      if (executable (path) == 0)
        return 0;
    }
  return bx_fail (err, ENOENT, "exec: \"%s\": executable file not found in $PATH", name);
}

int
bx_process_session_keyring (const char *id, struct bx_error *err)
{
  char name[300], desc[512];
  unsigned int perm;
  const char *p;
  long key;
  int i;

  snprintf (name, sizeof (name), "_ses.%s", id);
  key = syscall (SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, name, 0, 0, 0);
  if (key < 0)
    {
      /* Keyrings are best-effort isolation; a kernel without them is fine. */
      if (errno == ENOSYS)
        return 0;
      return bx_fail_errno (err, "join the session keyring %s", name);
    }
  /* "type;uid;gid;perm;description": let the possessor search it, as runc does
   * in a user namespace ("other" search permission). */
  if (syscall (SYS_keyctl, KEYCTL_DESCRIBE, key, desc, sizeof (desc), 0) < 0)
    return bx_fail_errno (err, "describe the session keyring");
  desc[sizeof (desc) - 1] = '\0';
  for (i = 0, p = desc; i < 3 && p != NULL; i++)
    p = strchr (p, ';') != NULL ? strchr (p, ';') + 1 : NULL;
  if (p == NULL || sscanf (p, "%x", &perm) != 1)
    return bx_fail (err, EINVAL, "unexpected session keyring description '%s'", desc);
  if (syscall (SYS_keyctl, KEYCTL_SETPERM, key, perm | KEY_OTH_SEARCH, 0, 0) < 0)
    return bx_fail_errno (err, "set the permissions of the session keyring");
  return 0;
}
