#ifndef BOXCTL_PASSFD_H
#define BOXCTL_PASSFD_H

#include "error.h"

/* Receives the one fd (the pty master, runc's console-socket protocol) sent over
 * the connected unix socket conn with SCM_RIGHTS; flags go to recvmsg.  0 and the
 * fd in *fd, close-on-exec; 0 and -1 in *fd when the peer closed without sending;
 * -1 when a message came without an fd, or with more than one. */
int bx_recv_fd (int conn, int flags, int *fd, struct bx_error *err);

#endif
