/* config.json -> struct bx_spec, validated.  Every error names the JSON field
 * ("config.json: mounts[2].destination: ..."), so the user knows what to fix. */
#define _GNU_SOURCE
#include "spec.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "caps.h"
#include "mounts.h"
#include "overlay.h"
#include "process.h"
#include "spec_json.h"

static int
parse_caps (struct json_object *process, struct bx_spec *s, struct bx_error *err)
{
  static const char *const sets[BX_CAPSETS] = {
    [BX_CAP_BOUNDING] = "bounding",       [BX_CAP_EFFECTIVE] = "effective", [BX_CAP_INHERITABLE] = "inheritable",
    [BX_CAP_PERMITTED] = "permitted",     [BX_CAP_AMBIENT] = "ambient",
  };
  struct json_object *caps;
  char field[FIELD_LEN];
  int set, ret;

  ret = bx_json_typed (process, "capabilities", json_type_object, "process.capabilities", &caps, err);
  if (ret < 0 || caps == NULL)
    return ret;
  for (set = 0; set < BX_CAPSETS; set++)
    {
      char **names;
      int n, i;

      snprintf (field, sizeof (field), "process.capabilities.%s", sets[set]);
      if ((ret = bx_json_strings (caps, sets[set], field, 0, &names, &n, err)) < 0)
        return ret;
      for (i = 0; i < n; i++)
        {
          int cap = bx_cap_from_name (names[i]);

          if (cap < 0)
            {
              snprintf (field, sizeof (field), "process.capabilities.%s[%d]", sets[set], i);
              return bx_json_invalid (err, field, "unknown capability");
            }
          s->caps[set] |= 1ULL << cap;
          free (names[i]);
        }
      free (names);
    }
  return 0;
}

static int
parse_rlimits (struct json_object *process, struct bx_spec *s, struct bx_error *err)
{
  struct json_object *arr;
  char field[FIELD_LEN];
  size_t i, len;
  int ret = bx_json_array (process, "rlimits", "process.rlimits", &arr, &len, err);

  if (ret < 0 || len == 0)
    return ret;
  s->rlimits = calloc (len, sizeof (*s->rlimits));
  if (s->rlimits == NULL)
    return bx_fail (err, ENOMEM, "config.json: process.rlimits");
  for (i = 0; i < len; i++)
    {
      struct json_object *o = json_object_array_get_idx (arr, i);
      struct bx_rlimit *r = &s->rlimits[i];
      uint64_t hard = 0, soft = 0;
      size_t j;

      snprintf (field, sizeof (field), "process.rlimits[%zu].type", i);
      if ((ret = bx_json_string (o, "type", field, true, &r->name, err)) < 0)
        return ret;
      if ((r->resource = bx_rlimit_from_name (r->name)) < 0)
        return bx_json_invalid (err, field, "unknown rlimit");
      for (j = 0; j < i; j++)
        if (s->rlimits[j].resource == r->resource)
          return bx_json_invalid (err, field, "given twice");
      snprintf (field, sizeof (field), "process.rlimits[%zu].hard", i);
      if ((ret = bx_json_u64 (o, "hard", field, &hard, NULL, err)) < 0)
        return ret;
      snprintf (field, sizeof (field), "process.rlimits[%zu].soft", i);
      if ((ret = bx_json_u64 (o, "soft", field, &soft, NULL, err)) < 0)
        return ret;
      if (soft > hard)
        return bx_json_invalid (err, field, "is above the hard limit");
      r->value.rlim_cur = (rlim_t) soft;
      r->value.rlim_max = (rlim_t) hard;
    }
  s->n_rlimits = (int) len;
  return 0;
}

static int
parse_user (struct json_object *process, struct bx_spec *s, struct bx_error *err)
{
  struct json_object *user, *gids;
  char field[FIELD_LEN];
  int64_t v = 0;
  bool present;
  size_t i, len;
  int ret = bx_json_typed (process, "user", json_type_object, "process.user", &user, err);

  if (ret < 0 || user == NULL)
    return ret;
  if ((ret = bx_json_int (user, "uid", "process.user.uid", 0, UINT32_MAX - 1, &v, NULL, err)) < 0)
    return ret;
  s->uid = (uid_t) v;
  v = 0;
  if ((ret = bx_json_int (user, "gid", "process.user.gid", 0, UINT32_MAX - 1, &v, NULL, err)) < 0)
    return ret;
  s->gid = (gid_t) v;
  if ((ret = bx_json_int (user, "umask", "process.user.umask", 0, 0777, &v, &present, err)) < 0)
    return ret;
  s->has_umask = present;
  s->umask = (mode_t) v;
  if ((ret = bx_json_array (user, "additionalGids", "process.user.additionalGids", &gids, &len, err)) < 0)
    return ret;
  s->has_additional_gids = gids != NULL;
  s->additional_gids = calloc (len + 1, sizeof (gid_t));
  if (s->additional_gids == NULL)
    return bx_fail (err, ENOMEM, "config.json: process.user.additionalGids");
  for (i = 0; i < len; i++)
    {
      struct json_object *g = json_object_array_get_idx (gids, i);

      snprintf (field, sizeof (field), "process.user.additionalGids[%zu]", i);
      if (!json_object_is_type (g, json_type_int) || json_object_get_int64 (g) < 0
          || json_object_get_int64 (g) >= UINT32_MAX)
        return bx_json_invalid (err, field, "must be a gid");
      s->additional_gids[i] = (gid_t) json_object_get_int64 (g);
    }
  s->n_additional_gids = (int) len;
  return 0;
}

static int
parse_process (struct json_object *root, struct bx_spec *s, struct bx_error *err)
{
  struct json_object *process, *size;
  int64_t v = 0;
  bool present;
  int ret, n, i;

  if ((ret = bx_json_typed (root, "process", json_type_object, "process", &process, err)) < 0)
    return ret;
  if (process == NULL)
    return bx_json_invalid (err, "process", "is required");
  if ((ret = bx_json_bool (process, "terminal", "process.terminal", &s->terminal, err)) < 0)
    return ret;
  if ((ret = bx_json_typed (process, "consoleSize", json_type_object, "process.consoleSize", &size, err)) < 0)
    return ret;
  if ((ret = bx_json_int (size, "height", "process.consoleSize.height", 0, UINT16_MAX, &v, NULL, err)) < 0)
    return ret;
  s->console_height = (unsigned short) v;
  v = 0;
  if ((ret = bx_json_int (size, "width", "process.consoleSize.width", 0, UINT16_MAX, &v, NULL, err)) < 0)
    return ret;
  s->console_width = (unsigned short) v;
  if ((ret = parse_user (process, s, err)) < 0)
    return ret;
  if ((ret = bx_json_strings (process, "args", "process.args", 0, &s->args, &n, err)) < 0)
    return ret;
  if (n == 0 || s->args[0][0] == '\0')
    return bx_json_invalid (err, "process.args", "must name the program to run");
  /* One spare slot: bx_process_home may add HOME. */
  if ((ret = bx_json_strings (process, "env", "process.env", 1, &s->env, &s->n_env, err)) < 0)
    return ret;
  for (i = 0; i < s->n_env; i++)
    if (s->env[i][0] == '=' || strchr (s->env[i], '=') == NULL)
      {
        char field[FIELD_LEN];

        snprintf (field, sizeof (field), "process.env[%d]", i);
        return bx_json_invalid (err, field, "must be NAME=VALUE");
      }
  if ((ret = bx_json_string (process, "cwd", "process.cwd", true, &s->cwd, err)) < 0)
    return ret;
  if (s->cwd[0] != '/')
    return bx_json_invalid (err, "process.cwd", "must be an absolute path");
  if ((ret = parse_caps (process, s, err)) < 0 || (ret = parse_rlimits (process, s, err)) < 0)
    return ret;
  if ((ret = bx_json_bool (process, "noNewPrivileges", "process.noNewPrivileges", &s->no_new_privileges, err)) < 0)
    return ret;
  if ((ret = bx_json_int (process, "oomScoreAdj", "process.oomScoreAdj", -1000, 1000, &v, &present, err)) < 0)
    return ret;
  s->has_oom_score_adj = present;
  s->oom_score_adj = (int) v;
  if (bx_json_member (process, "apparmorProfile") != NULL)
    return bx_json_invalid (err, "process.apparmorProfile", "AppArmor is not supported by boxctl-runtime");
  if (bx_json_member (process, "selinuxLabel") != NULL)
    return bx_json_invalid (err, "process.selinuxLabel", "SELinux is not supported by boxctl-runtime");
  return 0;
}

static int
parse_mounts (struct json_object *root, struct bx_spec *s, struct bx_error *err)
{
  struct json_object *arr;
  char field[FIELD_LEN];
  size_t i, len;
  int ret = bx_json_array (root, "mounts", "mounts", &arr, &len, err);

  if (ret < 0 || len == 0)
    return ret;
  s->mounts = calloc (len, sizeof (*s->mounts));
  if (s->mounts == NULL)
    return bx_fail (err, ENOMEM, "config.json: mounts");
  for (i = 0; i < len; i++)
    {
      struct json_object *o = json_object_array_get_idx (arr, i);
      struct bx_mount *m = &s->mounts[i];
      char **opts;
      int n, j;

      snprintf (field, sizeof (field), "mounts[%zu]", i);
      if (!json_object_is_type (o, json_type_object))
        return bx_json_invalid (err, field, "must be an object");
      snprintf (field, sizeof (field), "mounts[%zu].destination", i);
      if ((ret = bx_json_string (o, "destination", field, true, &m->destination, err)) < 0)
        return ret;
      snprintf (field, sizeof (field), "mounts[%zu].type", i);
      if ((ret = bx_json_string (o, "type", field, false, &m->type, err)) < 0)
        return ret;
      snprintf (field, sizeof (field), "mounts[%zu].source", i);
      if ((ret = bx_json_string (o, "source", field, false, &m->source, err)) < 0)
        return ret;
      snprintf (field, sizeof (field), "mounts[%zu].options", i);
      if ((ret = bx_json_strings (o, "options", field, 0, &opts, &n, err)) < 0)
        return ret;
      if ((ret = bx_mount_parse_options (m, (const char *const *) opts, n, field, err)) < 0)
        return ret;
      for (j = 0; j < n; j++)
        free (opts[j]);
      free (opts);
      if (m->type != NULL && strcmp (m->type, "bind") == 0)
        m->flags |= MS_BIND;
      if (m->flags & MS_BIND)
        m->type = "bind";
      if (m->type == NULL)
        {
          snprintf (field, sizeof (field), "mounts[%zu].type", i);
          return bx_json_invalid (err, field, "is required for a mount that is not a bind mount");
        }
      if (m->source == NULL)
        {
          if (m->flags & MS_BIND)
            {
              snprintf (field, sizeof (field), "mounts[%zu].source", i);
              return bx_json_invalid (err, field, "is required for a bind mount");
            }
          m->source = m->type;
        }
    }
  s->n_mounts = (int) len;
  return 0;
}

/* Annotations are free-form; only boxctl's own are read. */
static int
parse_annotations (struct json_object *root, struct bx_spec *s, struct bx_error *err)
{
  struct json_object *annotations;
  const char *overlay;
  int ret = bx_json_typed (root, "annotations", json_type_object, "annotations", &annotations, err);

  if (ret < 0 || annotations == NULL)
    return ret;
  if ((ret = bx_json_string (annotations, BX_OVERLAY_ANNOTATION, "annotations." BX_OVERLAY_ANNOTATION, false,
                             &overlay, err))
      < 0)
    return ret;
  return overlay != NULL ? bx_overlay_parse (overlay, &s->rootfs_overlay, err) : 0;
}

static int
parse (struct json_object *root, struct bx_spec *s, struct bx_error *err)
{
  struct json_object *rootobj, *hooks;
  const char *version;
  int ret;

  if (!json_object_is_type (root, json_type_object))
    return bx_json_invalid (err, "(top level)", "must be an object");
  if ((ret = bx_json_string (root, "ociVersion", "ociVersion", true, &version, err)) < 0)
    return ret;
  if (strncmp (version, "1.", 2) != 0)
    return bx_json_invalid (err, "ociVersion", "boxctl-runtime implements the 1.x runtime spec");
  if ((ret = bx_json_typed (root, "root", json_type_object, "root", &rootobj, err)) < 0)
    return ret;
  if (rootobj == NULL)
    return bx_json_invalid (err, "root", "is required");
  if ((ret = bx_json_string (rootobj, "path", "root.path", true, &s->root_path, err)) < 0
      || (ret = bx_json_bool (rootobj, "readonly", "root.readonly", &s->root_readonly, err)) < 0)
    return ret;
  if ((ret = bx_json_string (root, "hostname", "hostname", false, &s->hostname, err)) < 0
      || (ret = bx_json_string (root, "domainname", "domainname", false, &s->domainname, err)) < 0)
    return ret;
  if ((ret = bx_json_typed (root, "hooks", json_type_object, "hooks", &hooks, err)) < 0)
    return ret;
  if (hooks != NULL)
    {
      json_object_object_foreach (hooks, kind, list)
      {
        if (json_object_is_type (list, json_type_array) && json_object_array_length (list) > 0)
          {
            char field[FIELD_LEN];

            snprintf (field, sizeof (field), "hooks.%s", kind);
            return bx_json_invalid (err, field, "hooks are not supported by boxctl-runtime");
          }
      }
    }
  if ((ret = parse_process (root, s, err)) < 0 || (ret = parse_mounts (root, s, err)) < 0)
    return ret;
  if ((ret = parse_annotations (root, s, err)) < 0)
    return ret;
  return bx_spec_parse_linux (root, s, err);
}

static int
read_file (const char *path, char **out, struct bx_error *err)
{
  struct stat st;
  size_t off = 0;
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  if (fd < 0)
    return bx_fail_errno (err, "open %s", path);
  if (fstat (fd, &st) < 0)
    {
      bx_fail_errno (err, "stat %s", path);
      close (fd);
      return -1;
    }
  *out = malloc ((size_t) st.st_size + 1);
  if (*out == NULL)
    {
      close (fd);
      return bx_fail (err, ENOMEM, "read %s", path);
    }
  while (off < (size_t) st.st_size)
    {
      ssize_t n = read (fd, *out + off, (size_t) st.st_size - off);

      if (n <= 0)
        {
          bx_fail (err, n < 0 ? errno : EIO, "read %s", path);
          close (fd);
          return -1;
        }
      off += (size_t) n;
    }
  (*out)[off] = '\0';
  close (fd);
  return 0;
}

int
bx_spec_load (const char *path, struct bx_spec *spec, struct bx_error *err)
{
  enum json_tokener_error jerr;
  struct json_object *root;
  char *text;
  int ret;

  memset (spec, 0, sizeof (*spec));
  if ((ret = read_file (path, &text, err)) < 0)
    return ret;
  root = json_tokener_parse_verbose (text, &jerr);
  free (text);
  if (root == NULL)
    return bx_fail (err, EINVAL, "%s is not valid JSON: %s", path, json_tokener_error_desc (jerr));
  /* The document stays: the spec's strings point into it. */
  return parse (root, spec, err);
}

/* Errors name the field as in config.json; say which file instead. */
static int
rename_file_in_error (const char *path, struct bx_error *err)
{
  static const char prefix[] = "config.json: ";
  char msg[sizeof (err->msg)];

  if (strncmp (err->msg, prefix, sizeof (prefix) - 1) == 0)
    {
      snprintf (msg, sizeof (msg), "%s: %s", path, err->msg + sizeof (prefix) - 1);
      memcpy (err->msg, msg, sizeof (msg));
    }
  return -1;
}

int
bx_spec_load_process (const char *path, struct bx_spec *spec, struct bx_error *err)
{
  enum json_tokener_error jerr;
  struct json_object *process, *wrapper;
  struct bx_spec p;
  char *text;

  memset (&p, 0, sizeof (p));
  if (read_file (path, &text, err) < 0)
    return -1;
  process = json_tokener_parse_verbose (text, &jerr);
  free (text);
  if (process == NULL)
    return bx_fail (err, EINVAL, "%s is not valid JSON: %s", path, json_tokener_error_desc (jerr));
  /* runc exec takes the profile and ignores it where AppArmor is off; so do we. */
  if (json_object_is_type (process, json_type_object))
    json_object_object_del (process, "apparmorProfile");
  wrapper = json_object_new_object ();
  if (wrapper == NULL || json_object_object_add (wrapper, "process", process) < 0)
    return bx_fail (err, ENOMEM, "read %s", path);
  if (parse_process (wrapper, &p, err) < 0)
    return rename_file_in_error (path, err);
  spec->terminal = p.terminal;
  spec->console_height = p.console_height;
  spec->console_width = p.console_width;
  spec->uid = p.uid;
  spec->gid = p.gid;
  spec->has_umask = p.has_umask;
  spec->umask = p.umask;
  spec->has_additional_gids = p.has_additional_gids;
  spec->additional_gids = p.additional_gids;
  spec->n_additional_gids = p.n_additional_gids;
  spec->args = p.args;
  spec->env = p.env;
  spec->n_env = p.n_env;
  spec->cwd = p.cwd;
  memcpy (spec->caps, p.caps, sizeof (spec->caps));
  spec->rlimits = p.rlimits;
  spec->n_rlimits = p.n_rlimits;
  spec->no_new_privileges = p.no_new_privileges;
  spec->has_oom_score_adj = p.has_oom_score_adj;
  spec->oom_score_adj = p.oom_score_adj;
  return 0;
}
