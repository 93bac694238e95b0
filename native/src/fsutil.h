#ifndef BOXCTL_FSUTIL_H
#define BOXCTL_FSUTIL_H

#include "error.h"

/* Remove a tree without following symlinks.  Directories are made writable first:
 * overlay leaves its work dir at mode 000, which plain `rm -r` cannot enter. */
int bx_remove_tree (const char *path, struct bx_error *err);

/* mkdir that accepts an existing directory. */
int bx_mkdir (const char *path, int mode, struct bx_error *err);

int bx_write_text (const char *path, const char *text, struct bx_error *err);

/* Field N (1-based, as proc(5) counts) of /proc/PID/stat into *out: 0, or -1 when
 * the process is gone or the field is not a number.  Field 22, the start time,
 * tells a process from a later one that reused its pid. */
int bx_proc_stat_field (int pid, int field, unsigned long long *out);

#endif
