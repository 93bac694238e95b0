#ifndef BOXCTL_TTYRELAY_H
#define BOXCTL_TTYRELAY_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <termios.h>

#include "../error.h"

/* console.c: the --console-socket end the runtime connects to. */

/* Listens (nonblocking) on PATH, which must not exist yet. */
int tr_console_listen (const char *path, struct bx_error *err);
/* Receives the one fd (SCM_RIGHTS) of a connection into *fd; -1 there when the
 * peer closed without sending one. */

/* term.c: the caller's terminal. */

struct tr_term
{
  bool raw;
  struct termios saved;
};

/* Raw mode on stdin when it is a terminal; nothing otherwise. */
int tr_term_raw (struct tr_term *t, struct bx_error *err);
void tr_term_restore (struct tr_term *t);
/* The caller's window size (stdin's, else stdout's) onto the pty master. */
void tr_term_copy_size (int master);
/* write(2) of everything, waiting out EAGAIN on a nonblocking fd. */
int tr_write_all (int fd, const char *buf, size_t len);

/* relay.c: the bytes and the signals. */

struct tr_relay
{
  int master;
  int sigfd;
  int errfd; /* the runtime's stderr; -1 once at its end */
  pid_t child;
};

/* One signal from the signalfd: SIGCHLD reaps the child (1 and *wstatus once
 * it has exited), SIGWINCH resizes the master (if >= 0), the others go to the
 * child. */
int tr_signal (int sigfd, pid_t child, int master, int *wstatus);
/* Copies what FD has to OUT; false once FD is at its end. */
bool tr_drain (int fd, int out);
/* Relays until the child has exited, then the output still on its way. */
int tr_relay_run (struct tr_relay *r, int *wstatus, struct bx_error *err);

#endif
