#ifndef BOXCTL_MONITOR_PUMP_H
#define BOXCTL_MONITOR_PUMP_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "../error.h"

struct mon_log;
struct mon_attach;

#define MON_STDIN_BUF 65536

/* The container's stdio as the monitor holds it: the read ends of its stdout and
 * stderr pipes (or the pty master), and the write end of its stdin. */
struct mon_pump
{
  int out, err; /* -1 once closed; with a terminal, out is the master */
  int in;       /* -1: no stdin, or closed */
  int master;   /* the pty master for resizes, or -1 */
  bool stdin_open, in_close_pending;
  size_t in_len;
  char in_buf[MON_STDIN_BUF];
};

/* Makes the pipes of one run; child[] gets the container's side of stdin, stdout
 * and stderr (or /dev/null for each with a terminal), for the caller to close
 * after the fork. */
int mon_pump_open (struct mon_pump *p, bool terminal, bool stdin_open, int child[3], struct bx_error *err);

/* The pty master that the runtime sent over the console socket. */
int mon_pump_set_master (struct mon_pump *p, int master, struct bx_error *err);

/* Reads what fd (p->out or p->err) has: to the log and to the attached clients.
 * Returns the bytes read, 0 at end of file (fd is then closed), -1 for none yet. */
ssize_t mon_pump_read (struct mon_pump *p, int fd, struct mon_log *log, struct mon_attach *a);

/* Everything already written, once the process has exited. */
void mon_pump_drain (struct mon_pump *p, struct mon_log *log, struct mon_attach *a);

/* Input from clients: how much fits now, the bytes, end of input, a resize. */
size_t mon_pump_input_room (const struct mon_pump *p);
void mon_pump_input (struct mon_pump *p, const char *buf, size_t n);
void mon_pump_input_close (struct mon_pump *p);
void mon_pump_resize (struct mon_pump *p, unsigned rows, unsigned cols);

/* Writes buffered input to the process; called when p->in is writable. */
void mon_pump_flush_input (struct mon_pump *p);

void mon_pump_close (struct mon_pump *p);

#endif
