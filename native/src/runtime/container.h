#ifndef BOXCTL_RUNTIME_CONTAINER_H
#define BOXCTL_RUNTIME_CONTAINER_H

#include <limits.h>
#include <stdbool.h>
#include <sys/types.h>

#include "../error.h"
#include "spec.h"

/* What the verbs hand to the children: the spec plus the facts of this run. */
struct bx_container
{
  struct bx_spec *spec;
  const char *id;
  char rootfs[PATH_MAX]; /* absolute, symlinks resolved */
  const char *fifo; /* create: STATE/exec.fifo, where init waits for `start`; run: NULL */
  int console_socket; /* connected --console-socket, or -1 */
  int sync_fd; /* the children's end of the handshake */
  char *cgroup; /* the directory of linux.cgroupsPath, made by bx_launch; NULL: none */
};

struct bx_launched
{
  pid_t init; /* host pid of the container's init, a child of ours */
  int sync_fd; /* our end of the handshake */
};

/* launch.c: start the children and drive the handshake (handshake.h) until init
 * is READY.  On failure nothing is left running. */
int bx_launch (struct bx_container *c, struct bx_launched *out, struct bx_error *err);

/* run: after READY, wait until init has executed the process (EOF), or failed
 * on the way (ERROR). */
int bx_launch_wait_exec (struct bx_launched *l, struct bx_error *err);

/* Kill and reap an init that must not go on. */
void bx_launch_abort (struct bx_launched *l);

/* init.c: the first child, which becomes the init through a second one. */
__attribute__ ((noreturn)) void bx_stage1 (struct bx_container *c);

/* init.c, shared with exec.c: the change to process.user with its capabilities
 * (runc's finalizeNamespace), the signal state a process starts with, and closing
 * every fd but stdio and `keep` (-1: none) before execve. */
int bx_become_user (const struct bx_spec *s, int cwd_fd, int last_cap, struct bx_error *err);
int bx_reset_signals (struct bx_error *err);
int bx_close_fds (int keep, struct bx_error *err);

#endif
