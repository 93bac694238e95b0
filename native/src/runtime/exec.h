#ifndef BOXCTL_RUNTIME_EXEC_H
#define BOXCTL_RUNTIME_EXEC_H

#include <sys/types.h>

#include "../error.h"

/* `exec`: run a process in a running container, as runc exec does. */
struct bx_exec_options
{
  const char *bundle; /* its config.json says which namespaces, cgroup, seccomp */
  pid_t pid; /* host pid of the container's init */
  const char *process; /* an OCI process object (JSON) */
  const char *console_socket; /* required with process.terminal, else refused */
  const char *pid_file; /* or NULL */
};

/* Exit statuses of an exec that never ran the process: a setup failure, as
 * Podman's; a program that cannot be executed or is not there, as shells'. */
#define BX_EXIT_RUNTIME 125
#define BX_EXIT_CANNOT_EXEC 126
#define BX_EXIT_NOT_FOUND 127

/* Join the init's namespaces and cgroup, set the process up and execute it.
 * Returns its host pid (a child of ours) once execve has succeeded.  On failure
 * nothing is left running and `*status` is one of the exit statuses above. */
pid_t bx_exec_start (const struct bx_exec_options *o, int *status, struct bx_error *err);

#endif
