#ifndef BOXCTL_MONITOR_ATTACH_H
#define BOXCTL_MONITOR_ATTACH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../error.h"

struct mon_pump;

/* Frame types of docs/containers.md, "Attach protocol". */
enum
{
  MON_FRAME_STDOUT = 1,
  MON_FRAME_STDERR = 2,
  MON_FRAME_EXIT = 3,
  MON_FRAME_STDIN = 1,
  MON_FRAME_CLOSE_STDIN = 2,
  MON_FRAME_RESIZE = 3,
};

#define MON_MAX_CLIENTS 64
/* A client further behind than this is dropped rather than block the container. */
#define MON_CLIENT_BUF (256 * 1024)

struct mon_client
{
  int fd;
  bool closing; /* the exit frame is queued: close once it is written */
  unsigned char hdr[5];
  size_t hdr_len;
  uint32_t left; /* payload bytes of the current input frame still to come */
  char ctl[32];  /* a resize payload */
  size_t ctl_len;
  char *out;
  size_t out_len;
};

struct mon_attach
{
  int listen_fd;
  size_t n;
  struct mon_client clients[MON_MAX_CLIENTS];
};

int mon_attach_listen (struct mon_attach *a, const char *path, struct bx_error *err);
void mon_attach_accept (struct mon_attach *a);

/* The client on fd, or NULL once it is gone. */
struct mon_client *mon_attach_find (struct mon_attach *a, int fd);
/* The poll events a client waits for. */
short mon_attach_events (const struct mon_client *c, const struct mon_pump *p);
void mon_attach_readable (struct mon_attach *a, struct mon_client *c, struct mon_pump *p);
void mon_attach_writable (struct mon_attach *a, struct mon_client *c);

void mon_attach_broadcast (struct mon_attach *a, uint8_t type, const char *buf, size_t n);
/* Sends every client the exit frame and closes each once it has it. */
void mon_attach_exit (struct mon_attach *a, int code);
/* Gives the clients up to timeout_ms to take what is queued, then drops them. */
void mon_attach_finish (struct mon_attach *a, int timeout_ms);
/* Stops taking clients; the caller removes the socket file. */
void mon_attach_close (struct mon_attach *a);

#endif
