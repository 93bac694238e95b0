#ifndef BOXCTL_RUNTIME_SIGNALS_H
#define BOXCTL_RUNTIME_SIGNALS_H

#include <signal.h>
#include <sys/types.h>

#include "../error.h"

/* Block SIGCHLD and the signals a foreground runtime passes on (SIGINT SIGTERM
 * SIGHUP SIGQUIT SIGUSR1 SIGUSR2 SIGWINCH), before the fork, so that none is lost
 * while the process starts; it unblocks them for itself before execve.  `set`
 * gets them all, for bx_signals_forward_and_wait. */
int bx_signals_block (sigset_t *set, struct bx_error *err);

/* Forward those signals to `pid`, a child, until it exits; its status becomes
 * the return value, 128+N for a signal N, as a shell reports it. */
int bx_signals_forward_and_wait (pid_t pid, const sigset_t *set);

#endif
