#define _GNU_SOURCE
#include "idmap.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

void
bx_idmap_own (struct bx_idmap *m, unsigned long id)
{
  m->n = 1;
  m->r[0].container = 0;
  m->r[0].host = id;
  m->r[0].size = 1;
}

int
bx_idmap_parse (const char *spec, struct bx_idmap *out, struct bx_error *err)
{
  const char *p = spec;

  out->n = 0;
  while (*p != '\0')
    {
      struct bx_idmap_range *r;
      char *end;

      if (out->n == BX_IDMAP_MAX)
        return bx_fail (err, E2BIG, "id map '%s' has more than %d ranges", spec, BX_IDMAP_MAX);
      r = &out->r[out->n];
      errno = 0;
      r->container = strtoul (p, &end, 10);
      if (errno != 0 || *end != ':')
        return bx_fail (err, EINVAL, "invalid id map '%s': expected CONTAINER:HOST:SIZE", spec);
      r->host = strtoul (end + 1, &end, 10);
      if (errno != 0 || *end != ':')
        return bx_fail (err, EINVAL, "invalid id map '%s': expected CONTAINER:HOST:SIZE", spec);
      r->size = strtoul (end + 1, &end, 10);
      if (errno != 0 || (*end != ',' && *end != '\0') || r->size == 0)
        return bx_fail (err, EINVAL, "invalid id map '%s': expected CONTAINER:HOST:SIZE", spec);
      out->n++;
      p = *end == ',' ? end + 1 : end;
    }
  if (out->n == 0)
    return bx_fail (err, EINVAL, "empty id map");
  return 0;
}

static int
is_own_single (const struct bx_idmap *m, unsigned long own)
{
  return m->n == 1 && m->r[0].size == 1 && m->r[0].host == own;
}

static int
write_file (const char *path, const char *data, struct bx_error *err)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);
  ssize_t len = (ssize_t) strlen (data);

  if (fd < 0)
    return bx_fail_errno (err, "open %s", path);
  if (write (fd, data, (size_t) len) != len)
    {
      int saved = errno;
      close (fd);
      return bx_fail (err, saved, "write %s", path);
    }
  if (close (fd) < 0)
    return bx_fail_errno (err, "close %s", path);
  return 0;
}

static int
write_map_file (pid_t pid, const char *which, const struct bx_idmap *m, struct bx_error *err)
{
  char path[64];
  char buf[BX_IDMAP_MAX * 64];
  size_t o = 0;
  int i;

  for (i = 0; i < m->n; i++)
    o += (size_t) snprintf (buf + o, sizeof (buf) - o, "%lu %lu %lu\n", m->r[i].container, m->r[i].host,
                            m->r[i].size);
  snprintf (path, sizeof (path), "/proc/%d/%s", (int) pid, which);
  return write_file (path, buf, err);
}

/* Run newuidmap/newgidmap; its stderr becomes our error message, since it says
 * precisely which range /etc/subuid refused. */
static int
run_map_helper (const char *helper, pid_t pid, const struct bx_idmap *m, struct bx_error *err)
{
  char args[BX_IDMAP_MAX * 3 + 3][24];
  char *argv[BX_IDMAP_MAX * 3 + 4];
  char out[400];
  int pipefd[2];
  int status, i, a = 0;
  ssize_t n, total = 0;
  pid_t child;

  snprintf (args[a], sizeof (args[a]), "%s", helper);
  argv[a] = args[a];
  a++;
  snprintf (args[a], sizeof (args[a]), "%d", (int) pid);
  argv[a] = args[a];
  a++;
  for (i = 0; i < m->n; i++)
    {
      snprintf (args[a], sizeof (args[a]), "%lu", m->r[i].container);
      argv[a] = args[a];
      a++;
      snprintf (args[a], sizeof (args[a]), "%lu", m->r[i].host);
      argv[a] = args[a];
      a++;
      snprintf (args[a], sizeof (args[a]), "%lu", m->r[i].size);
      argv[a] = args[a];
      a++;
    }
  argv[a] = NULL;

  if (pipe2 (pipefd, O_CLOEXEC) < 0)
    return bx_fail_errno (err, "pipe");
  child = fork ();
  if (child < 0)
    {
      close (pipefd[0]);
      close (pipefd[1]);
      return bx_fail_errno (err, "fork for %s", helper);
    }
  if (child == 0)
    {
      dup2 (pipefd[1], STDERR_FILENO);
      dup2 (pipefd[1], STDOUT_FILENO);
      execvp (helper, argv);
      dprintf (STDERR_FILENO, "%s not found: install the uidmap package", helper);
      _exit (127);
    }
  close (pipefd[1]);
  while (total < (ssize_t) sizeof (out) - 1 && (n = read (pipefd[0], out + total, sizeof (out) - 1 - (size_t) total)) > 0)
    total += n;
  close (pipefd[0]);
  out[total] = '\0';
  while (total > 0 && (out[total - 1] == '\n' || out[total - 1] == ' '))
    out[--total] = '\0';
  if (waitpid (child, &status, 0) < 0)
    return bx_fail_errno (err, "wait for %s", helper);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return bx_fail (err, 0, "%s failed: %s", helper, total > 0 ? out : "no message");
  return 0;
}

int
bx_idmap_apply (pid_t pid, const struct bx_idmap *uids, const struct bx_idmap *gids, struct bx_error *err)
{
  char path[64];
  int ret;

  if (geteuid () == 0 || (is_own_single (uids, geteuid ()) && is_own_single (gids, getegid ())))
    {
      if (geteuid () != 0)
        {
          snprintf (path, sizeof (path), "/proc/%d/setgroups", (int) pid);
          ret = write_file (path, "deny", err);
          if (ret < 0)
            return ret;
        }
      ret = write_map_file (pid, "uid_map", uids, err);
      if (ret < 0)
        return ret;
      return write_map_file (pid, "gid_map", gids, err);
    }
  ret = run_map_helper ("newuidmap", pid, uids, err);
  if (ret < 0)
    return ret;
  return run_map_helper ("newgidmap", pid, gids, err);
}
