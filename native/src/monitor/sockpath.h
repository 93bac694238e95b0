#ifndef BOXCTL_MONITOR_SOCKPATH_H
#define BOXCTL_MONITOR_SOCKPATH_H

#include <stdbool.h>
#include <stddef.h>

#include "../error.h"
#include "monitor.h"

/* A path for RUNDIR/NAME that fits a unix socket address: the path itself, or one
 * through a descriptor of RUNDIR when the runroot is deep.  for_child: a path that
 * our child process (the runtime) can use. */
int mon_socket_path (const struct mon_options *o, const char *name, bool for_child, char *out, size_t len,
                     struct bx_error *err);

#endif
