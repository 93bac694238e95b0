#ifndef BOXCTL_RUNTIME_HANDSHAKE_H
#define BOXCTL_RUNTIME_HANDSHAKE_H

/* The handshake between the runtime (the parent, in the caller's namespaces) and
 * its two children, over one SOCK_SEQPACKET socketpair (close-on-exec, so a
 * successful execve(2) of the container process closes the child's end):
 *
 *   parent                      stage 1                       init (stage 2)
 *   mkdir linux.cgroupsPath,
 *   write linux.resources
 *   fork ----------------------> move into that cgroup;
 *                               oomScoreAdj; join the
 *                               linux.namespaces[].path ones
 *                               (user first);
 *                               unshare(CLONE_NEWUSER)
 *   <------------ MAP_REQUEST -- (only when it creates a user namespace)
 *   newuidmap/newgidmap (or a direct write for a single own-id map)
 *   -- MAPPED ----------------->
 *                               become root; unshare the other namespaces
 *                               (not cgroup); write linux.timeOffsets;
 *                               turn non-dumpable
 *                               clone(CLONE_PARENT) --------> (pid 1 of a new pid
 *   <-------- INIT_PID {pid} --                               namespace; a child of
 *                               exit                          the parent, not of
 *                                                             stage 1)
 *                                                             setsid, unshare cgroup,
 *                                                             mounts, pivot_root, pty,
 *                                                             process attributes,
 *                                                             capabilities, user
 *   <----------------------------------------------- READY -- (create: then waits on
 *                                                             exec.fifo for `start`)
 *   create: report, exit                                      close fds, seccomp
 *   run: wait for EOF (exec done) <--------------- execve ---
 *
 * Either child may instead send ERROR {errno, message} and exit: that is the
 * one line the user sees.  EOF before READY means a child died without a word. */

#include <sys/types.h>

#include "../error.h"

enum bx_msg_type
{
  BX_MSG_MAP_REQUEST = 1,
  BX_MSG_MAPPED,
  BX_MSG_INIT_PID,
  BX_MSG_READY,
  BX_MSG_ERROR,
};

struct bx_msg
{
  int type;
  pid_t pid; /* INIT_PID */
  struct bx_error err; /* ERROR */
};

int bx_msg_send (int fd, int type, pid_t pid, const struct bx_error *e, struct bx_error *err);

/* 1: a message arrived; 0: EOF (every other end is closed); -1: error. */
int bx_msg_recv (int fd, struct bx_msg *msg, struct bx_error *err);

#endif
