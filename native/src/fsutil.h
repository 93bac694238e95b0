#ifndef BOXCTL_FSUTIL_H
#define BOXCTL_FSUTIL_H

#include "error.h"

/* Remove a tree without following symlinks.  Directories are made writable first:
 * overlay leaves its work dir at mode 000, which plain `rm -r` cannot enter. */
int bx_remove_tree (const char *path, struct bx_error *err);

/* mkdir that accepts an existing directory. */
int bx_mkdir (const char *path, int mode, struct bx_error *err);

int bx_write_text (const char *path, const char *text, struct bx_error *err);

#endif
