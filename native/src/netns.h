#ifndef BOXCTL_NETNS_H
#define BOXCTL_NETNS_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

/* For the network namespace file `path`: 0 with `out` a /proc/PID/ns/user path
 * of the user namespace that owns it (a container must join both), or `out`
 * empty where the owner is our own user namespace and we can join it as we are;
 * -1 with err saying why it cannot be joined. */
int bx_netns_owner (const char *path, char *out, size_t len, struct bx_error *err);

#endif
