#ifndef BOXCTL_IDMAP_H
#define BOXCTL_IDMAP_H

#include <sys/types.h>

#include "error.h"

#define BX_IDMAP_MAX 32

struct bx_idmap_range
{
  unsigned long container;
  unsigned long host;
  unsigned long size;
};

struct bx_idmap
{
  int n;
  struct bx_idmap_range r[BX_IDMAP_MAX];
};

/* The single-id map: the caller's own id as root, nothing else. */
void bx_idmap_own (struct bx_idmap *m, unsigned long id);

/* Parse "C:H:N[,C:H:N...]", the form the TypeScript side passes on argv. */
int bx_idmap_parse (const char *spec, struct bx_idmap *out, struct bx_error *err);

/* Write the uid and gid maps of `pid`.  A single range of the caller's own id is
 * written directly (after "deny" to setgroups, as the kernel requires); anything else
 * goes through the setuid helpers newuidmap/newgidmap, which check /etc/subuid and
 * /etc/subgid for us.  The caller must be in the parent user namespace of `pid`. */
int bx_idmap_apply (pid_t pid, const struct bx_idmap *uids, const struct bx_idmap *gids, struct bx_error *err);

#endif
