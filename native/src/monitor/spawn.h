#ifndef BOXCTL_MONITOR_SPAWN_H
#define BOXCTL_MONITOR_SPAWN_H

#include <stdbool.h>
#include <sys/types.h>

#include "../error.h"

/* fork and exec argv (looked up in PATH) with stdio[] as fds 0-2 (-1: /dev/null)
 * and fd3 as fd 3 when >= 0, nothing else open, signals as a fresh process has
 * them; new_group puts it in a process group of its own, to kill it whole. */
pid_t mon_spawn (char *const argv[], const int stdio[3], int fd3, bool new_group, struct bx_error *err);

/* waitpid for one child; the exit status, or 128+N for signal N. */
int mon_wait (pid_t pid, int *wstatus);

#endif
