/* The `linux` object of config.json: namespaces, id maps, time offsets, devices,
 * seccomp, propagation, masked and read-only paths, sysctl. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "namespaces.h"
#include "seccomp.h"
#include "spec_json.h"

static int
parse_idmap (struct json_object *lnx, const char *key, struct bx_idmap *map, struct bx_error *err)
{
  struct json_object *arr;
  char field[FIELD_LEN];
  size_t i, len;
  int ret;

  snprintf (field, sizeof (field), "linux.%s", key);
  if ((ret = bx_json_array (lnx, key, field, &arr, &len, err)) < 0)
    return ret;
  if (len > BX_IDMAP_MAX)
    return bx_json_invalid (err, field, "has too many ranges");
  map->n = (int) len;
  for (i = 0; i < len; i++)
    {
      struct json_object *o = json_object_array_get_idx (arr, i);
      static const char *const keys[] = { "containerID", "hostID", "size" };
      int64_t v[3] = { 0, 0, 0 };
      int k;

      for (k = 0; k < 3; k++)
        {
          snprintf (field, sizeof (field), "linux.%s[%zu].%s", key, i, keys[k]);
          if ((ret = bx_json_int (o, keys[k], field, k == 2 ? 1 : 0, UINT32_MAX, &v[k], NULL, err)) < 0)
            return ret;
          if (bx_json_member (o, keys[k]) == NULL)
            return bx_json_invalid (err, field, "is required");
        }
      map->r[i].container = (unsigned long) v[0];
      map->r[i].host = (unsigned long) v[1];
      map->r[i].size = (unsigned long) v[2];
    }
  return 0;
}

static int
parse_namespaces (struct json_object *lnx, struct bx_spec *s, struct bx_error *err)
{
  struct json_object *arr;
  char field[FIELD_LEN];
  size_t i, len;
  int seen = 0, ret = bx_json_array (lnx, "namespaces", "linux.namespaces", &arr, &len, err);

  if (ret < 0)
    return ret;
  s->namespaces = calloc (len + 1, sizeof (*s->namespaces));
  if (s->namespaces == NULL)
    return bx_fail (err, ENOMEM, "config.json: linux.namespaces");
  for (i = 0; i < len; i++)
    {
      struct json_object *o = json_object_array_get_idx (arr, i);
      struct bx_namespace *ns = &s->namespaces[i];
      const char *type;

      snprintf (field, sizeof (field), "linux.namespaces[%zu].type", i);
      if ((ret = bx_json_string (o, "type", field, true, &type, err)) < 0)
        return ret;
      if ((ns->flag = bx_ns_flag_from_name (type)) == 0)
        return bx_json_invalid (err, field, "unknown namespace type");
      if (seen & ns->flag)
        return bx_json_invalid (err, field, "given twice");
      seen |= ns->flag;
      snprintf (field, sizeof (field), "linux.namespaces[%zu].path", i);
      if ((ret = bx_json_string (o, "path", field, false, &ns->path, err)) < 0)
        return ret;
      if (ns->path != NULL && ns->path[0] == '\0')
        ns->path = NULL;
      if (ns->path == NULL)
        s->new_ns_flags |= ns->flag;
    }
  s->n_namespaces = (int) len;
  s->user_ns = (seen & CLONE_NEWUSER) != 0;

  /* Rootless, everything else rests on a user namespace; and without a mount
   * namespace there is no pivot_root. */
  if (!s->user_ns && geteuid () != 0)
    return bx_json_invalid (err, "linux.namespaces", "a rootless container needs a user namespace");
  if (!(seen & CLONE_NEWNS))
    return bx_json_invalid (err, "linux.namespaces", "a mount namespace is required");
  if ((seen & CLONE_NEWTIME) && !(s->new_ns_flags & CLONE_NEWTIME) && (s->monotonic.set || s->boottime.set))
    return bx_json_invalid (err, "linux.timeOffsets", "offsets can only be set on a new time namespace");
  if ((s->monotonic.set || s->boottime.set) && !(seen & CLONE_NEWTIME))
    return bx_json_invalid (err, "linux.timeOffsets", "needs a time namespace");
  if (s->hostname != NULL && !(seen & CLONE_NEWUTS))
    return bx_json_invalid (err, "hostname", "needs a uts namespace");
  if (s->domainname != NULL && !(seen & CLONE_NEWUTS))
    return bx_json_invalid (err, "domainname", "needs a uts namespace");
  return 0;
}

static int
parse_time_offsets (struct json_object *lnx, struct bx_spec *s, struct bx_error *err)
{
  struct json_object *offsets;
  int ret = bx_json_typed (lnx, "timeOffsets", json_type_object, "linux.timeOffsets", &offsets, err);

  if (ret < 0 || offsets == NULL)
    return ret;
  json_object_object_foreach (offsets, clock, value)
  {
    struct bx_time_offset *t;
    char field[FIELD_LEN];
    int64_t secs = 0, nsecs = 0;

    snprintf (field, sizeof (field), "linux.timeOffsets.%s", clock);
    if (strcmp (clock, "monotonic") == 0)
      t = &s->monotonic;
    else if (strcmp (clock, "boottime") == 0)
      t = &s->boottime;
    else
      return bx_json_invalid (err, field, "unknown clock (monotonic or boottime)");
    if (!json_object_is_type (value, json_type_object))
      return bx_json_invalid (err, field, "must be an object");
    snprintf (field, sizeof (field), "linux.timeOffsets.%s.secs", clock);
    if ((ret = bx_json_int (value, "secs", field, INT64_MIN, INT64_MAX, &secs, NULL, err)) < 0)
      return ret;
    snprintf (field, sizeof (field), "linux.timeOffsets.%s.nanosecs", clock);
    if ((ret = bx_json_int (value, "nanosecs", field, 0, 999999999, &nsecs, NULL, err)) < 0)
      return ret;
    t->set = true;
    t->secs = secs;
    t->nanosecs = (uint32_t) nsecs;
  }
  return 0;
}

static int
parse_devices (struct json_object *lnx, struct bx_spec *s, struct bx_error *err)
{
  struct json_object *arr;
  char field[FIELD_LEN];
  size_t i, len;
  int ret = bx_json_array (lnx, "devices", "linux.devices", &arr, &len, err);

  if (ret < 0 || len == 0)
    return ret;
  s->devices = calloc (len, sizeof (char *));
  if (s->devices == NULL)
    return bx_fail (err, ENOMEM, "config.json: linux.devices");
  for (i = 0; i < len; i++)
    {
      snprintf (field, sizeof (field), "linux.devices[%zu].path", i);
      if ((ret = bx_json_string (json_object_array_get_idx (arr, i), "path", field, true, &s->devices[i], err)) < 0)
        return ret;
      if (strncmp (s->devices[i], "/dev/", 5) != 0)
        return bx_json_invalid (err, field, "must be under /dev");
    }
  s->n_devices = (int) len;
  return 0;
}

/* `field` is ".../action", whose errno sits next to it as ".../`errno_key`". */
static int
parse_seccomp_action (struct json_object *o, const char *key, const char *errno_key, const char *field,
                      uint32_t *action, struct bx_error *err)
{
  char errno_field[FIELD_LEN];
  const char *name;
  int64_t ret_errno = 0;
  bool has_errno;
  int ret;

  snprintf (errno_field, sizeof (errno_field), "%.*s%s", (int) (strrchr (field, '.') + 1 - field), field, errno_key);
  if ((ret = bx_json_string (o, key, field, true, &name, err)) < 0)
    return ret;
  if ((ret = bx_json_int (o, errno_key, errno_field, 0, 4095, &ret_errno, &has_errno, err)) < 0)
    return ret;
  if (bx_seccomp_action (name, has_errno, (uint32_t) ret_errno, action) < 0)
    return bx_json_invalid (err, field, "unknown or unsupported seccomp action");
  return 0;
}

static int
parse_seccomp_rule (struct json_object *o, size_t i, struct bx_seccomp_rule *r, struct bx_error *err)
{
  struct json_object *args;
  char field[FIELD_LEN];
  size_t j, len;
  int ret;

  snprintf (field, sizeof (field), "linux.seccomp.syscalls[%zu].names", i);
  if ((ret = bx_json_strings (o, "names", field, 0, &r->names, &r->n_names, err)) < 0)
    return ret;
  if (r->n_names == 0)
    return bx_json_invalid (err, field, "must name at least one syscall");
  snprintf (field, sizeof (field), "linux.seccomp.syscalls[%zu].action", i);
  if ((ret = parse_seccomp_action (o, "action", "errnoRet", field, &r->action, err)) < 0)
    return ret;
  snprintf (field, sizeof (field), "linux.seccomp.syscalls[%zu].args", i);
  if ((ret = bx_json_array (o, "args", field, &args, &len, err)) < 0)
    return ret;
  if (len > 6)
    return bx_json_invalid (err, field, "has more than six conditions");
  r->args = calloc (len + 1, sizeof (*r->args));
  if (r->args == NULL)
    return bx_fail (err, ENOMEM, "config.json: %s", field);
  for (j = 0; j < len; j++)
    {
      struct json_object *a = json_object_array_get_idx (args, j);
      struct bx_seccomp_arg *arg = &r->args[j];
      const char *op;
      int64_t index = 0;

      snprintf (field, sizeof (field), "linux.seccomp.syscalls[%zu].args[%zu].index", i, j);
      if ((ret = bx_json_int (a, "index", field, 0, 5, &index, NULL, err)) < 0)
        return ret;
      arg->index = (unsigned int) index;
      snprintf (field, sizeof (field), "linux.seccomp.syscalls[%zu].args[%zu].value", i, j);
      if ((ret = bx_json_u64 (a, "value", field, &arg->value, NULL, err)) < 0)
        return ret;
      snprintf (field, sizeof (field), "linux.seccomp.syscalls[%zu].args[%zu].valueTwo", i, j);
      if ((ret = bx_json_u64 (a, "valueTwo", field, &arg->value_two, NULL, err)) < 0)
        return ret;
      snprintf (field, sizeof (field), "linux.seccomp.syscalls[%zu].args[%zu].op", i, j);
      if ((ret = bx_json_string (a, "op", field, true, &op, err)) < 0)
        return ret;
      if ((arg->op = bx_seccomp_op (op)) < 0)
        return bx_json_invalid (err, field, "unknown comparison");
    }
  r->n_args = (int) len;
  return 0;
}

static int
parse_seccomp (struct json_object *lnx, struct bx_spec *s, struct bx_error *err)
{
  struct json_object *sc, *rules;
  struct bx_seccomp *f;
  char field[FIELD_LEN];
  char **list;
  size_t i, len;
  int n, ret = bx_json_typed (lnx, "seccomp", json_type_object, "linux.seccomp", &sc, err);

  if (ret < 0 || sc == NULL)
    return ret;
  f = s->seccomp = calloc (1, sizeof (*f));
  if (f == NULL)
    return bx_fail (err, ENOMEM, "config.json: linux.seccomp");
  if (bx_json_member (sc, "listenerPath") != NULL)
    return bx_json_invalid (err, "linux.seccomp.listenerPath",
                            "seccomp notification is not supported by boxctl-runtime");
  if ((ret = parse_seccomp_action (sc, "defaultAction", "defaultErrnoRet", "linux.seccomp.defaultAction",
                                   &f->default_action, err))
      < 0)
    return ret;
  if ((ret = bx_json_strings (sc, "architectures", "linux.seccomp.architectures", 0, &list, &n, err)) < 0)
    return ret;
  f->archs = calloc ((size_t) n + 1, sizeof (uint32_t));
  if (f->archs == NULL)
    return bx_fail (err, ENOMEM, "config.json: linux.seccomp.architectures");
  for (f->n_archs = 0; f->n_archs < n; f->n_archs++)
    {
      if (bx_seccomp_arch (list[f->n_archs], &f->archs[f->n_archs]) < 0)
        {
          snprintf (field, sizeof (field), "linux.seccomp.architectures[%d]", f->n_archs);
          return bx_json_invalid (err, field, "unknown architecture");
        }
      free (list[f->n_archs]);
    }
  free (list);
  if ((ret = bx_json_strings (sc, "flags", "linux.seccomp.flags", 0, &list, &n, err)) < 0)
    return ret;
  for (i = 0; i < (size_t) n; i++)
    {
      if (strcmp (list[i], "SECCOMP_FILTER_FLAG_LOG") == 0)
        f->log = true;
      else if (strcmp (list[i], "SECCOMP_FILTER_FLAG_SPEC_ALLOW") == 0)
        f->spec_allow = true;
      /* TSYNC is implied: the init has one thread. */
      else if (strcmp (list[i], "SECCOMP_FILTER_FLAG_TSYNC") != 0)
        {
          snprintf (field, sizeof (field), "linux.seccomp.flags[%zu]", i);
          return bx_json_invalid (err, field, "unknown or unsupported flag");
        }
      free (list[i]);
    }
  free (list);
  if ((ret = bx_json_array (sc, "syscalls", "linux.seccomp.syscalls", &rules, &len, err)) < 0)
    return ret;
  f->rules = calloc (len + 1, sizeof (*f->rules));
  if (f->rules == NULL)
    return bx_fail (err, ENOMEM, "config.json: linux.seccomp.syscalls");
  for (i = 0; i < len; i++)
    if ((ret = parse_seccomp_rule (json_object_array_get_idx (rules, i), i, &f->rules[i], err)) < 0)
      return ret;
  f->n_rules = (int) len;
  return 0;
}

static int
parse_propagation (const char *name, unsigned long *flags, struct bx_error *err)
{
  static const struct
  {
    const char *name;
    unsigned long flags;
  } table[] = {
    { "private", MS_PRIVATE },       { "rprivate", MS_PRIVATE | MS_REC }, { "slave", MS_SLAVE },
    { "rslave", MS_SLAVE | MS_REC }, { "shared", MS_SHARED },             { "rshared", MS_SHARED | MS_REC },
    { "unbindable", MS_UNBINDABLE }, { "runbindable", MS_UNBINDABLE | MS_REC },
  };
  size_t i;

  for (i = 0; i < sizeof (table) / sizeof (table[0]); i++)
    if (strcmp (table[i].name, name) == 0)
      {
        *flags = table[i].flags;
        return 0;
      }
  return bx_json_invalid (err, "linux.rootfsPropagation", "unknown propagation");
}

static int
parse_sysctl (struct json_object *lnx, struct bx_spec *s, struct bx_error *err)
{
  struct json_object *obj;
  int ret = bx_json_typed (lnx, "sysctl", json_type_object, "linux.sysctl", &obj, err);

  if (ret < 0 || obj == NULL)
    return ret;
  s->sysctl = calloc ((size_t) json_object_object_length (obj) + 1, sizeof (*s->sysctl));
  if (s->sysctl == NULL)
    return bx_fail (err, ENOMEM, "config.json: linux.sysctl");
  json_object_object_foreach (obj, key, value)
  {
    char field[FIELD_LEN];

    snprintf (field, sizeof (field), "linux.sysctl.%s", key);
    if (!json_object_is_type (value, json_type_string))
      return bx_json_invalid (err, field, "must be a string");
    if (strstr (key, "..") != NULL || key[0] == '.' || key[0] == '/')
      return bx_json_invalid (err, field, "is not a sysctl name");
    s->sysctl[s->n_sysctl].key = key;
    s->sysctl[s->n_sysctl].value = json_object_get_string (value);
    s->n_sysctl++;
  }
  return 0;
}

static int
parse_paths (struct json_object *lnx, const char *key, char ***out, int *n, struct bx_error *err)
{
  char field[FIELD_LEN];
  int i, ret;

  snprintf (field, sizeof (field), "linux.%s", key);
  if ((ret = bx_json_strings (lnx, key, field, 0, out, n, err)) < 0)
    return ret;
  for (i = 0; i < *n; i++)
    if ((*out)[i][0] != '/')
      {
        snprintf (field, sizeof (field), "linux.%s[%d]", key, i);
        return bx_json_invalid (err, field, "must be an absolute path");
      }
  return 0;
}

int
bx_spec_parse_linux (struct json_object *root, struct bx_spec *s, struct bx_error *err)
{
  struct json_object *lnx;
  const char *propagation;
  int ret;

  if ((ret = bx_json_typed (root, "linux", json_type_object, "linux", &lnx, err)) < 0)
    return ret;
  if (lnx == NULL)
    return bx_json_invalid (err, "linux", "is required");
  if ((ret = parse_time_offsets (lnx, s, err)) < 0 || (ret = parse_namespaces (lnx, s, err)) < 0)
    return ret;
  if ((ret = parse_idmap (lnx, "uidMappings", &s->uid_map, err)) < 0
      || (ret = parse_idmap (lnx, "gidMappings", &s->gid_map, err)) < 0)
    return ret;
  if ((s->new_ns_flags & CLONE_NEWUSER) && (s->uid_map.n == 0 || s->gid_map.n == 0))
    return bx_json_invalid (err, "linux.uidMappings", "a new user namespace needs uidMappings and gidMappings");
  if ((ret = parse_devices (lnx, s, err)) < 0 || (ret = parse_seccomp (lnx, s, err)) < 0)
    return ret;
  if ((ret = bx_json_string (lnx, "rootfsPropagation", "linux.rootfsPropagation", false, &propagation, err)) < 0)
    return ret;
  if (propagation != NULL && (ret = parse_propagation (propagation, &s->rootfs_propagation, err)) < 0)
    return ret;
  if ((ret = parse_paths (lnx, "maskedPaths", &s->masked_paths, &s->n_masked_paths, err)) < 0
      || (ret = parse_paths (lnx, "readonlyPaths", &s->readonly_paths, &s->n_readonly_paths, err)) < 0)
    return ret;
  if ((ret = bx_spec_parse_cgroup (lnx, s, err)) < 0)
    return ret;
  return parse_sysctl (lnx, s, err);
}
