#ifndef BOXCTL_USERNS_H
#define BOXCTL_USERNS_H

#include "error.h"
#include "idmap.h"

/* Move the calling (single-threaded) process into a new user namespace with the
 * given maps, plus the namespaces in `extra_flags` (CLONE_NEWNS, ...), and become
 * root there.
 *
 * Handshake: a helper child is forked *before* unshare so it stays in the parent
 * user namespace, where newuidmap must run.  The parent unshares, writes one byte
 * on `go`; the child writes the maps of the parent's pid and answers on `done`
 * with {errnum, msg} (a struct bx_error), all-zero on success. */
int bx_enter_userns (const struct bx_idmap *uids, const struct bx_idmap *gids, int extra_flags, struct bx_error *err);

#endif
