/* linux.cgroupsPath and linux.resources: the part of cgroup v2 that
 * boxctl-runtime sets (cgroup2.h).  A field it would not apply is refused, not
 * ignored: a limit that silently does nothing is worse than an error. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "spec_json.h"

#define UNSUPPORTED "is not supported by boxctl-runtime (it sets memory limit/reservation/swap, cpu shares/quota/period and pids)"

/* Every member of `obj` must be one of `known` (NULL-terminated). */
static int
only_known (struct json_object *obj, const char *field, const char *const *known, struct bx_error *err)
{
  json_object_object_foreach (obj, key, value)
  {
    const char *const *k;
    char sub[FIELD_LEN];

    (void) value;
    for (k = known; *k != NULL && strcmp (*k, key) != 0; k++)
      ;
    if (*k == NULL)
      {
        snprintf (sub, sizeof (sub), "%s.%s", field, key);
        return bx_json_invalid (err, sub, UNSUPPORTED);
      }
  }
  return 0;
}

static int
typed_object (struct json_object *res, const char *key, const char *field, const char *const *known,
              struct json_object **out, struct bx_error *err)
{
  int ret = bx_json_typed (res, key, json_type_object, field, out, err);

  if (ret < 0 || *out == NULL)
    return ret;
  return only_known (*out, field, known, err);
}

static int
parse_memory (struct json_object *res, struct bx_resources *r, struct bx_error *err)
{
  static const char *const known[] = { "limit", "reservation", "swap", NULL };
  struct json_object *mem;
  int ret = typed_object (res, "memory", "linux.resources.memory", known, &mem, err);

  if (ret < 0 || mem == NULL)
    return ret;
  if ((ret = bx_json_int (mem, "limit", "linux.resources.memory.limit", -1, INT64_MAX, &r->memory_limit, NULL, err))
          < 0
      || (ret = bx_json_int (mem, "reservation", "linux.resources.memory.reservation", -1, INT64_MAX,
                             &r->memory_reservation, NULL, err))
             < 0
      || (ret = bx_json_int (mem, "swap", "linux.resources.memory.swap", -1, INT64_MAX, &r->memory_swap, NULL, err))
             < 0)
    return ret;
  /* runc's rule: swap is memory+swap, so it needs a limit to subtract. */
  if (r->memory_swap > 0 && r->memory_limit <= 0)
    return bx_json_invalid (err, "linux.resources.memory.swap", "needs memory.limit (swap is memory+swap)");
  if (r->memory_swap > 0 && r->memory_swap < r->memory_limit)
    return bx_json_invalid (err, "linux.resources.memory.swap", "is memory+swap: it cannot be below memory.limit");
  return 0;
}

static int
parse_cpu (struct json_object *res, struct bx_resources *r, struct bx_error *err)
{
  static const char *const known[] = { "shares", "quota", "period", NULL };
  struct json_object *cpu;
  int ret = typed_object (res, "cpu", "linux.resources.cpu", known, &cpu, err);

  if (ret < 0 || cpu == NULL)
    return ret;
  if ((ret = bx_json_u64 (cpu, "shares", "linux.resources.cpu.shares", &r->cpu_shares, NULL, err)) < 0
      || (ret = bx_json_int (cpu, "quota", "linux.resources.cpu.quota", -1, INT64_MAX, &r->cpu_quota, NULL, err)) < 0
      || (ret = bx_json_u64 (cpu, "period", "linux.resources.cpu.period", &r->cpu_period, NULL, err)) < 0)
    return ret;
  if (r->cpu_shares != 0 && (r->cpu_shares < 2 || r->cpu_shares > 262144))
    return bx_json_invalid (err, "linux.resources.cpu.shares", "must be between 2 and 262144");
  if (r->cpu_period != 0 && (r->cpu_period < 1000 || r->cpu_period > 1000000))
    return bx_json_invalid (err, "linux.resources.cpu.period", "must be between 1000 and 1000000 microseconds");
  if (r->cpu_quota > 0 && r->cpu_quota < 1000)
    return bx_json_invalid (err, "linux.resources.cpu.quota", "must be at least 1000 microseconds, or -1");
  return 0;
}

static int
parse_pids (struct json_object *res, struct bx_resources *r, struct bx_error *err)
{
  static const char *const known[] = { "limit", NULL };
  struct json_object *pids;
  int ret = typed_object (res, "pids", "linux.resources.pids", known, &pids, err);

  if (ret < 0 || pids == NULL)
    return ret;
  if ((ret = bx_json_int (pids, "limit", "linux.resources.pids.limit", INT64_MIN, INT64_MAX, &r->pids_limit,
                          &r->has_pids_limit, err))
      < 0)
    return ret;
  if (!r->has_pids_limit)
    return bx_json_invalid (err, "linux.resources.pids.limit", "is required");
  return 0;
}

static int
check_cgroups_path (const char *path, struct bx_error *err)
{
  const char *p = path;

  if (path[0] != '/')
    return bx_json_invalid (err, "linux.cgroupsPath",
                            "must be an absolute path below the cgroup2 mount (systemd's slice:prefix:name form is "
                            "not supported)");
  while (*p != '\0')
    {
      size_t len;

      p += strspn (p, "/");
      len = strcspn (p, "/");
      if ((len == 1 && p[0] == '.') || (len == 2 && p[0] == '.' && p[1] == '.'))
        return bx_json_invalid (err, "linux.cgroupsPath", "must not have . or .. components");
      p += len;
    }
  if (path[strspn (path, "/")] == '\0')
    return bx_json_invalid (err, "linux.cgroupsPath", "cannot be the root cgroup");
  return 0;
}

int
bx_spec_parse_cgroup (struct json_object *lnx, struct bx_spec *s, struct bx_error *err)
{
  /* devices: the container has only the device nodes bound into its /dev, and
   * cgroup v2's device filter (a BPF program) is out of reach without root. */
  static const char *const known[] = { "memory", "cpu", "pids", "devices", NULL };
  struct json_object *res;
  int ret = bx_json_string (lnx, "cgroupsPath", "linux.cgroupsPath", false, &s->cgroups_path, err);

  /* Without a cgroup of its own the caller owns the limits, as before. */
  if (ret < 0 || s->cgroups_path == NULL)
    return ret;
  if ((ret = check_cgroups_path (s->cgroups_path, err)) < 0)
    return ret;
  if ((ret = typed_object (lnx, "resources", "linux.resources", known, &res, err)) < 0 || res == NULL)
    return ret;
  if ((ret = parse_memory (res, &s->resources, err)) < 0 || (ret = parse_cpu (res, &s->resources, err)) < 0)
    return ret;
  return parse_pids (res, &s->resources, err);
}
