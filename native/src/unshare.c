/* boxctl-unshare: run a command as root in a new user namespace, like `podman unshare`.
 *
 *   boxctl-unshare [--uid-map C:H:N,...] [--gid-map C:H:N,...] [--mount] [--] CMD [ARG...]
 *
 * Without maps, the caller's own uid and gid become root and nothing else is mapped.
 * --mount adds a mount namespace whose mounts are made private, so what CMD mounts
 * never propagates back to the host.  CMD replaces this process (execvp), so its stdio,
 * signals and exit status are CMD's own.
 *
 * This helper does not speak the JSON-line contract of native/README.md: its stdout
 * belongs to CMD.  A failure before exec is one line on stderr, "boxctl-unshare: ...",
 * and exit status 125; a CMD that cannot be found exits 127, one that cannot be
 * executed 126, as Podman does. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "error.h"
#include "idmap.h"
#include "userns.h"

#define EXIT_SETUP 125
#define EXIT_CANNOT_INVOKE 126
#define EXIT_NOT_FOUND 127

static int
die (const struct bx_error *err)
{
  if (err->errnum != 0)
    fprintf (stderr, "boxctl-unshare: %s: %s\n", err->msg, strerror (err->errnum));
  else
    fprintf (stderr, "boxctl-unshare: %s\n", err->msg);
  return EXIT_SETUP;
}

/* Parses the options into the maps and returns the index of CMD in argv. */
static int
parse_args (int argc, char **argv, struct bx_idmap *uids, struct bx_idmap *gids, int *flags, struct bx_error *err)
{
  int i;

  for (i = 1; i < argc; i++)
    {
      const char *a = argv[i];
      int ret;

      if (strcmp (a, "--") == 0)
        {
          i++;
          break;
        }
      if (strncmp (a, "--", 2) != 0)
        break;
      if (strcmp (a, "--mount") == 0)
        {
          *flags |= CLONE_NEWNS;
          continue;
        }
      if (strcmp (a, "--uid-map") != 0 && strcmp (a, "--gid-map") != 0)
        return bx_fail (err, 0, "unknown option %s", a);
      if (i + 1 == argc)
        return bx_fail (err, 0, "option %s needs a value", a);
      ret = bx_idmap_parse (argv[++i], a[2] == 'u' ? uids : gids, err);
      if (ret < 0)
        return ret;
    }
  if (i == argc)
    return bx_fail (err, 0, "no command given: boxctl-unshare [--uid-map M] [--gid-map M] [--mount] -- CMD [ARG...]");
  return i;
}

int
main (int argc, char **argv)
{
  struct bx_idmap uids, gids;
  struct bx_error err;
  int flags = 0, cmd;

  bx_idmap_own (&uids, geteuid ());
  bx_idmap_own (&gids, getegid ());
  cmd = parse_args (argc, argv, &uids, &gids, &flags, &err);
  if (cmd < 0)
    return die (&err);
  if (bx_enter_userns (&uids, &gids, flags, &err) < 0)
    return die (&err);
  /* A new mount namespace starts as a copy of the host's, sharing its propagation:
   * without this, mounts made inside could show up on the host's shared mounts. */
  if ((flags & CLONE_NEWNS) != 0 && mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
    {
      bx_fail_errno (&err, "make the new mount namespace private");
      return die (&err);
    }
  execvp (argv[cmd], argv + cmd);
  fprintf (stderr, "boxctl-unshare: %s: %s\n", argv[cmd], strerror (errno));
  return errno == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_INVOKE;
}
