#ifndef BOXCTL_RUNTIME_MOUNTINFO_H
#define BOXCTL_RUNTIME_MOUNTINFO_H

#include "../error.h"

/* One line of /proc/self/mountinfo, octal escapes (\040) decoded. */
struct bx_mountinfo
{
  const char *root, *mountpoint, *optional, *fstype, *source, *superopts;
};

/* Call `fn` for each mount of the calling process's mount namespace, in order.
 * `fn` returns < 0 to fail, > 0 to stop early, 0 to go on. */
int bx_mountinfo_each (int (*fn) (const struct bx_mountinfo *mi, void *data, struct bx_error *err), void *data,
                       struct bx_error *err);

#endif
