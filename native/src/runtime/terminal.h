#ifndef BOXCTL_RUNTIME_TERMINAL_H
#define BOXCTL_RUNTIME_TERMINAL_H

#include "../error.h"
#include "spec.h"

/* process.terminal, after pivot_root and before the root turns read-only (runc's
 * place for it): a pty from the container's own devpts, its master sent over the
 * connected --console-socket exactly as runc sends it (SCM_RIGHTS, the payload
 * being the name "/dev/ptmx"), so recvtty-style receivers work; the slave bound
 * on /dev/console and made the controlling terminal and stdio. */
int bx_terminal_setup (const struct bx_spec *spec, int console_socket, struct bx_error *err);

/* The same for `exec`, in a running container: a new pty, its master sent over
 * the socket, the slave made the controlling terminal and stdio; /dev/console
 * stays the init's (runc exec does the same). */
int bx_terminal_setup_exec (const struct bx_spec *spec, int console_socket, struct bx_error *err);

/* Connects to --console-socket PATH (create, run and exec): the fd, or -1. */
int bx_console_connect (const char *path, struct bx_error *err);

#endif
