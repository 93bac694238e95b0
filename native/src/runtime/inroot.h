#ifndef BOXCTL_RUNTIME_INROOT_H
#define BOXCTL_RUNTIME_INROOT_H

/* Paths inside the container's root, resolved by the kernel.  openat2(2) with
 * RESOLVE_IN_ROOT treats `rootfd` as "/" for absolute symlinks and "..", and
 * RESOLVE_NO_MAGICLINKS refuses /proc/self/fd/N-style links, so a symlink in the
 * image can never lead a mount or a write outside the rootfs.  The fd that comes
 * back is then used as "/proc/self/fd/N" (the CVE-2021-30465 defence: the path
 * cannot be swapped between the check and the mount). */

#include <stdbool.h>

#include "../error.h"

/* Open `path` (inside the root) with `flags` (O_CLOEXEC is added).  On failure
 * err->errnum says why: ENOENT is often not an error for the caller. */
int bx_inroot_open (int rootfd, const char *path, int flags, struct bx_error *err);

/* An O_PATH fd of `path`, created first if missing: missing parents as 0755
 * directories, the last component as a directory or an empty file.  A dangling
 * symlink on the way is followed inside the root, so what gets created is what
 * the kernel will find later (the semantics of runc's securejoin). */
int bx_inroot_mkpath (int rootfd, const char *path, bool dir, struct bx_error *err);

/* Whether `path` names `want` ("/dev") lexically: "dev", "//dev/", "/dev/.". */
bool bx_path_is (const char *path, const char *want);

/* "/proc/self/fd/N": where mount(2) and open(2) reach an fd. */
struct bx_fdpath
{
  char s[32];
};
struct bx_fdpath bx_fdpath (int fd);

#endif
