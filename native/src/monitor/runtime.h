#ifndef BOXCTL_MONITOR_RUNTIME_H
#define BOXCTL_MONITOR_RUNTIME_H

#include <stddef.h>
#include <sys/types.h>

#include "../error.h"
#include "monitor.h"
#include "pump.h"

/* The runtime's report line ({"ok":true,...} or {"ok":false,...}, newline included). */
#define MON_REPORT_LEN 1200

/* `RUNTIME create` with fresh stdio for the process (set up in *p) and, with
 * --terminal, the pty master taken from the console socket.  0 and the init's pid
 * in *pid, or -1 with the failing report in report[]. */
int mon_runtime_create (const struct mon_options *o, struct mon_pump *p, pid_t *pid, char report[MON_REPORT_LEN]);

/* `RUNTIME start`: 0, or -1 with the failing report in report[]. */
int mon_runtime_start (const struct mon_options *o, char report[MON_REPORT_LEN]);

/* err as the report line of the output contract. */
void mon_error_report (char report[MON_REPORT_LEN], const struct bx_error *err);

/* RUNDIR/NAME into out. */
int mon_rundir_path (const struct mon_options *o, const char *name, char *out, size_t len, struct bx_error *err);

#endif
