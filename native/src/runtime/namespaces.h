#ifndef BOXCTL_RUNTIME_NAMESPACES_H
#define BOXCTL_RUNTIME_NAMESPACES_H

#include "../error.h"
#include "spec.h"

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
/* linux.sysctl, after pivot_root: written into the container's /proc/sys,
 * where only the namespaced settings are writable anyway. */
int bx_ns_sysctl (const struct bx_spec *spec, struct bx_error *err);

#endif

/* CLONE_NEW* of an OCI namespace type ("user", "network", ...), or 0. */
int bx_ns_flag_from_name (const char *name);

/* Join every namespace that linux.namespaces gives a path for.  All paths are
 * opened first (joining a mount namespace changes what a path means), then the
 * user namespace is joined before the others, as runc's nsexec does: joining a
 * namespace needs CAP_SYS_ADMIN in the user namespace that owns it. */
int bx_ns_join (const struct bx_spec *spec, struct bx_error *err);

int bx_ns_unshare (int flags, struct bx_error *err);

/* linux.timeOffsets, written after unshare(CLONE_NEWTIME) and before the first
 * process enters the new time namespace: the kernel refuses it afterwards. */
int bx_ns_set_time_offsets (const struct bx_spec *spec, struct bx_error *err);

/* A new network namespace has only a loopback device, and it is down; runc brings
 * it up, and programs expect 127.0.0.1 to work. */
int bx_ns_loopback_up (struct bx_error *err);

/* linux.sysctl, after pivot_root: written into the container's /proc/sys,
 * where only the namespaced settings are writable anyway. */
int bx_ns_sysctl (const struct bx_spec *spec, struct bx_error *err);

#endif
