#ifndef BOXCTL_RUNTIME_MOUNTS_H
#define BOXCTL_RUNTIME_MOUNTS_H

/* Mounts, split in two files: mounts.c does one entry of `mounts` (the option
 * table, bind/remount/propagation, the fallbacks a user namespace needs),
 * rootfs.c the container's filesystem around them (root, /dev, pivot_root,
 * masked and read-only paths).  cgroupfs.c does the "cgroup" type. */

#include "../error.h"
#include "spec.h"

/* Turn the `options` of a mount into flags, propagation, recursive attributes and
 * data, as runc's table does.  `field` names the entry in errors. */
int bx_mount_parse_options (struct bx_mount *m, const char *const *opts, int n, const char *field,
                            struct bx_error *err);

/* Mount one entry of `mounts` inside the root (`rootfd`, whose host path is
 * `rootfs`).  Runs before pivot_root. */
int bx_mount_one (const struct bx_mount *m, int rootfd, const char *rootfs, struct bx_error *err);

/* A read-only (or otherwise changed) bind mount only takes its flags on a
 * remount.  In a user namespace the kernel locks the flags a mount had when the
 * namespace was made (nosuid, nodev, noexec, ro, atime), and a remount that would
 * clear one fails with EPERM: then retry with the locked ones added, as crun does
 * with statfs(2).  `fd` is an O_PATH fd of the mount's root. */
int bx_remount_bind (int fd, unsigned long flags, const char *what, struct bx_error *err);

/* The "cgroup" type (cgroupfs.c): cgroup2 where the host is unified, else a tmpfs
 * with a bind of each v1 hierarchy, the way runc 1.1 does. */
int bx_mount_cgroup (const struct bx_mount *m, int rootfd, const char *rootfs, struct bx_error *err);

/* rootfs.c, in the order init.c calls them. */

/* Mount propagation of "/" (rootfsPropagation, default rslave) and a bind of the
 * rootfs onto itself, so that it is a mount pivot_root can take.  Returns an
 * O_PATH fd of the new root. */
int bx_rootfs_prepare (const struct bx_spec *spec, const char *rootfs, struct bx_error *err);

/* /dev: the standard device nodes, bound from the host (mknod(2) is refused in a
 * user namespace), /dev/ptmx and the /dev/fd, stdin, stdout, stderr symlinks. */
int bx_dev_setup (const struct bx_spec *spec, int rootfd, struct bx_error *err);

/* pivot_root into the rootfs and detach the old root. */
int bx_pivot_root (const char *rootfs, struct bx_error *err);

/* After pivot_root: stdio on the host's /dev/null moves to the container's, the
 * propagation of rootfsPropagation applies to the new "/". */
int bx_rootfs_after_pivot (const struct bx_spec *spec, struct bx_error *err);

/* Read-only tmpfs mounts and /dev, then the root itself (root.readonly). */
int bx_rootfs_finalize (const struct bx_spec *spec, struct bx_error *err);

/* linux.readonlyPaths and linux.maskedPaths; missing paths are skipped. */
int bx_paths_readonly (const struct bx_spec *spec, struct bx_error *err);
int bx_paths_masked (const struct bx_spec *spec, struct bx_error *err);

#endif
