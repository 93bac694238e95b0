#ifndef BOXCTL_RUNTIME_SPEC_H
#define BOXCTL_RUNTIME_SPEC_H

/* The part of an OCI runtime spec (config.json, 1.0.x/1.1) that boxctl-runtime
 * implements, as plain C.  spec.c fills it from json-c and validates it; every other
 * file reads only this.  Strings point into the json-c document, which lives as
 * long as the process: the child stages are forks and see the same memory. */

#include <stdbool.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/types.h>

#include "../error.h"
#include "../idmap.h"

enum bx_capset
{
  BX_CAP_BOUNDING,
  BX_CAP_EFFECTIVE,
  BX_CAP_INHERITABLE,
  BX_CAP_PERMITTED,
  BX_CAP_AMBIENT,
  BX_CAPSETS
};

struct bx_namespace
{
  int flag; /* CLONE_NEW* */
  const char *path; /* join this one instead of creating it; NULL to create */
};

/* A mount after option parsing, in the terms of mount(2) and mount_setattr(2). */
struct bx_mount
{
  const char *destination;
  const char *type; /* "bind" for bind mounts, whatever type the spec gave */
  const char *source;
  unsigned long flags; /* MS_* except propagation */
  unsigned long propagation[4];
  int n_propagation;
  char *data; /* the options mount(2) does not know, comma-joined, or NULL */
  uint64_t attr_set, attr_clr; /* recursive options (rro, rnosuid, ...) */
};

struct bx_rlimit
{
  int resource;
  const char *name;
  struct rlimit value;
};

struct bx_seccomp_arg
{
  unsigned int index;
  uint64_t value, value_two;
  int op; /* enum scmp_compare */
};

struct bx_seccomp_rule
{
  char **names;
  int n_names;
  uint32_t action;
  struct bx_seccomp_arg *args;
  int n_args;
};

struct bx_seccomp
{
  uint32_t default_action;
  uint32_t *archs;
  int n_archs;
  bool log, spec_allow;
  struct bx_seccomp_rule *rules;
  int n_rules;
};

struct bx_time_offset
{
  bool set;
  int64_t secs;
  uint32_t nanosecs;
};

struct bx_sysctl
{
  const char *key, *value;
};

/* linux.resources, in OCI's units and with runc's special values: 0 is unset,
 * -1 unlimited (pids: any value <= 0 is unlimited).  cgroup2.c turns them into
 * cgroup v2 files. */
struct bx_resources
{
  int64_t memory_limit, memory_swap, memory_reservation; /* bytes; swap is memory+swap */
  int64_t cpu_quota; /* microseconds per period */
  uint64_t cpu_period; /* microseconds */
  uint64_t cpu_shares; /* cgroup v1 shares, 2..262144 */
  bool has_pids_limit;
  int64_t pids_limit;
};

struct bx_spec
{
  const char *root_path;
  bool root_readonly;

  bool terminal;
  unsigned short console_height, console_width;
  uid_t uid;
  gid_t gid;
  bool has_umask;
  mode_t umask;
  bool has_additional_gids; /* present, possibly empty: then setgroups(2) */
  gid_t *additional_gids;
  int n_additional_gids;
  char **args; /* NULL-terminated */
  char **env; /* NULL-terminated, one free slot at the end for HOME */
  int n_env;
  const char *cwd;
  uint64_t caps[BX_CAPSETS];
  struct bx_rlimit *rlimits;
  int n_rlimits;
  bool no_new_privileges;
  bool has_oom_score_adj;
  int oom_score_adj;

  const char *hostname, *domainname;
  struct bx_mount *mounts;
  int n_mounts;

  struct bx_namespace *namespaces;
  int n_namespaces;
  int new_ns_flags; /* the CLONE_NEW* flags of the namespaces to create */
  bool user_ns; /* the container runs in a user namespace, created or joined */
  struct bx_idmap uid_map, gid_map;
  struct bx_time_offset monotonic, boottime;
  const char **devices;
  int n_devices;
  struct bx_seccomp *seccomp; /* NULL: no filter */
  unsigned long rootfs_propagation; /* 0: the default, rslave */
  char **masked_paths;
  int n_masked_paths;
  char **readonly_paths;
  int n_readonly_paths;
  struct bx_sysctl *sysctl;
  int n_sysctl;

  const char *cgroups_path; /* linux.cgroupsPath, below the cgroup2 mount; NULL: no cgroup work */
  struct bx_resources resources; /* only read with a cgroups_path */
  char *rootfs_overlay; /* mount(2) options of an overlay on root.path (overlay.h), or NULL */
};

/* Parse and validate BUNDLE/config.json.  Errors name the JSON field. */
int bx_spec_load (const char *path, struct bx_spec *spec, struct bx_error *err);

/* `exec`: replace the process fields of `spec` with the OCI process object in
 * the file at `path` (the same parser as config.json's process; apparmorProfile
 * is ignored).  Errors name the file and the field. */
int bx_spec_load_process (const char *path, struct bx_spec *spec, struct bx_error *err);

#endif
