#ifndef BOXCTL_RUNTIME_CAPS_H
#define BOXCTL_RUNTIME_CAPS_H

#include <stdint.h>

#include "../error.h"
#include "spec.h"

/* The capability number of "CAP_CHOWN" ... "CAP_CHECKPOINT_RESTORE", or -1. */
int bx_cap_from_name (const char *name);

/* Read /proc/sys/kernel/cap_last_cap: capabilities of the spec above it do not
 * exist here and are skipped, as runc does, so one spec fits older kernels. */
int bx_cap_last (int *last, struct bx_error *err);

/* Drop from the bounding set everything the spec leaves out.  Needs
 * CAP_SETPCAP, so it runs before the process changes its user. */
int bx_caps_apply_bounding (const uint64_t caps[BX_CAPSETS], int last, struct bx_error *err);

/* Set the effective, permitted and inheritable sets (capset) and raise the ambient
 * ones, after the change of user. */
int bx_caps_apply (const uint64_t caps[BX_CAPSETS], int last, struct bx_error *err);

#endif
