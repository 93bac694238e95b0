#ifndef BOXCTL_RUNTIME_CGROUP2_H
#define BOXCTL_RUNTIME_CGROUP2_H

/* The container's own cgroup v2, linux.cgroupsPath below the cgroup2 mount
 * (found in /proc/self/mountinfo: hybrid hosts have it at
 * /sys/fs/cgroup/unified), with linux.resources written into it.  Not to be
 * confused with cgroupfs.c, which mounts cgroupfs inside the container.
 *
 * The runtime makes the cgroup and writes the limits before it forks anything;
 * stage 1 moves itself in before it touches a namespace, so the init is born
 * there and its cgroup namespace is rooted there.  The directory outlives the
 * container: removing it is the caller's business. */

#include <sys/types.h>

#include "../error.h"
#include "spec.h"

/* Create the cgroup (and missing parents), enable in the parents'
 * cgroup.subtree_control the controllers the resources need, write the limits.
 * *dir is the cgroup's absolute path, allocated. */
int bx_cgroup_setup (const struct bx_spec *s, char **dir, struct bx_error *err);

/* Move `pid` (0: the caller) into the cgroup at `dir`. */
int bx_cgroup_enter (const char *dir, pid_t pid, struct bx_error *err);

/* The directory of linux.cgroupsPath under the cgroup2 mount, made or not. */
int bx_cgroup_dir (const char *cgroups_path, char *out, size_t len, struct bx_error *err);

/* Removes the container's cgroup after a failed create (its processes are gone). */
void bx_cgroup_abandon (const char *dir);

#endif
