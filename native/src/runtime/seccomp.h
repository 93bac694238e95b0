#ifndef BOXCTL_RUNTIME_SECCOMP_H
#define BOXCTL_RUNTIME_SECCOMP_H

/* linux.seccomp through libseccomp.  (libseccomp's own header is <seccomp.h>;
 * only seccomp.c includes it, with angle brackets, so the names do not mix.) */

#include <stdbool.h>
#include <stdint.h>

#include "../error.h"
#include "spec.h"

/* The libseccomp action of "SCMP_ACT_ERRNO" and friends; `errno_ret` applies to
 * ERRNO and TRACE (EPERM when absent, as runc).  -1 for an unknown name. */
int bx_seccomp_action (const char *name, bool has_errno, uint32_t errno_ret, uint32_t *action);

/* The SCMP_CMP_* of "SCMP_CMP_EQ" and friends, or -1. */
int bx_seccomp_op (const char *name);

/* The libseccomp architecture of "SCMP_ARCH_X86_64" and friends; -1 if unknown. */
int bx_seccomp_arch (const char *name, uint32_t *arch);

/* Build and load the filter.  Syscall names this architecture does not know are
 * skipped, as runc does, so one profile fits all kernels. */
int bx_seccomp_load (const struct bx_seccomp *s, struct bx_error *err);

#endif
