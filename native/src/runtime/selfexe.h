#ifndef BOXCTL_RUNTIME_SELFEXE_H
#define BOXCTL_RUNTIME_SELFEXE_H

#include "../error.h"

/* The CVE-2019-5736 defence.  A process in the container could open
 * /proc/PID/exe of the runtime while it sets the container up and write to the
 * host's binary through it.  So the runtime first copies itself into a memfd,
 * seals it against any change and re-executes from it: /proc/self/exe is then
 * that sealed copy.  Returns 0 when already running from such a copy (F_GET_SEALS
 * tells, which ends the loop); otherwise only returns on failure. */
int bx_selfexe_ensure_sealed (char **argv, struct bx_error *err);

#endif
