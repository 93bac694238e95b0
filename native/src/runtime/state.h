#ifndef BOXCTL_RUNTIME_STATE_H
#define BOXCTL_RUNTIME_STATE_H

/* The state directory of one created container: exec.fifo, where its init waits
 * for `start`, and init.pid ("PID STARTTIME"), which lets `start` notice an init
 * that died instead of waiting on the fifo forever.  Both go when it starts. */

#include <limits.h>
#include <sys/types.h>

#include "../error.h"

struct bx_state
{
  char dir[PATH_MAX];
  char fifo[PATH_MAX];
  char pidfile[PATH_MAX];
};

/* Resolve the paths under `dir` (made 0700 if missing). */
int bx_state_open (const char *dir, struct bx_state *st, struct bx_error *err);

int bx_state_make_fifo (const struct bx_state *st, struct bx_error *err);
int bx_state_write_pid (const struct bx_state *st, pid_t pid, struct bx_error *err);
void bx_state_remove (const struct bx_state *st);

/* `start`: let the init run past exec.fifo. */
int bx_state_start (const struct bx_state *st, struct bx_error *err);

#endif
