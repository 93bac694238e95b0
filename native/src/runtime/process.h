#ifndef BOXCTL_RUNTIME_PROCESS_H
#define BOXCTL_RUNTIME_PROCESS_H

#include <stddef.h>

#include "../error.h"
#include "spec.h"

/* RLIMIT_* of "RLIMIT_NOFILE" and friends, or -1. */
int bx_rlimit_from_name (const char *name);

/* process.rlimits.  Lowering always works; raising a hard limit needs
 * CAP_SYS_RESOURCE in the host's user namespace, so that is an error naming the
 * limit. */
int bx_process_rlimits (const struct bx_spec *spec, struct bx_error *err);

/* process.oomScoreAdj.  Written before the user namespace exists: lowering the
 * value needs CAP_SYS_RESOURCE where /proc/self/oom_score_adj is checked. */
int bx_process_oom_score_adj (const struct bx_spec *spec, struct bx_error *err);

/* process.user: additionalGids (setgroups, where the user namespace allows it),
 * gid, uid.  Absent additionalGids leave the groups alone, as runc does rootless. */
int bx_process_set_user (const struct bx_spec *spec, struct bx_error *err);

/* HOME, when process.env lacks it, from the container's /etc/passwd, else "/"
 * (what runc does).  Runs after pivot_root. */
int bx_process_home (struct bx_spec *spec, struct bx_error *err);

/* process.args[0] as execve(2) will find it: through the PATH of process.env
 * when it has no slash, like Go's exec.LookPath in runc, so that a missing
 * command fails `create` instead of the later `start`. */
int bx_process_find_exec (const struct bx_spec *spec, char *path, size_t len, struct bx_error *err);

/* A fresh session keyring "_ses.ID", so that the container does not share the
 * caller's (runc does the same unless told otherwise). */
int bx_process_session_keyring (const char *id, struct bx_error *err);

#endif
