#define _GNU_SOURCE
#include "spec_json.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
bx_json_invalid (struct bx_error *err, const char *field, const char *what)
{
  return bx_fail (err, EINVAL, "config.json: %s: %s", field, what);
}

struct json_object *
bx_json_member (struct json_object *obj, const char *key)
{
  struct json_object *v;

  if (obj == NULL || !json_object_object_get_ex (obj, key, &v) || json_object_is_type (v, json_type_null))
    return NULL;
  return v;
}

int
bx_json_typed (struct json_object *obj, const char *key, enum json_type type, const char *field,
               struct json_object **out, struct bx_error *err)
{
  static const char *const names[] = {
    [json_type_null] = "null",       [json_type_boolean] = "a boolean", [json_type_double] = "a number",
    [json_type_int] = "an integer",  [json_type_object] = "an object",  [json_type_array] = "an array",
    [json_type_string] = "a string",
  };
  char what[32];

  *out = bx_json_member (obj, key);
  if (*out == NULL || json_object_is_type (*out, type))
    return 0;
  snprintf (what, sizeof (what), "must be %s", names[type]);
  return bx_json_invalid (err, field, what);
}

int
bx_json_string (struct json_object *obj, const char *key, const char *field, bool required, const char **out,
                struct bx_error *err)
{
  struct json_object *v;
  int ret = bx_json_typed (obj, key, json_type_string, field, &v, err);

  if (ret < 0)
    return ret;
  if (v == NULL && required)
    return bx_json_invalid (err, field, "is required");
  *out = v != NULL ? json_object_get_string (v) : NULL;
  return 0;
}

int
bx_json_bool (struct json_object *obj, const char *key, const char *field, bool *out, struct bx_error *err)
{
  struct json_object *v;
  int ret = bx_json_typed (obj, key, json_type_boolean, field, &v, err);

  if (ret == 0 && v != NULL)
    *out = json_object_get_boolean (v);
  return ret;
}

int
bx_json_int (struct json_object *obj, const char *key, const char *field, int64_t min, int64_t max, int64_t *out,
             bool *present, struct bx_error *err)
{
  struct json_object *v;
  int ret = bx_json_typed (obj, key, json_type_int, field, &v, err);

  if (present != NULL)
    *present = v != NULL;
  if (ret < 0 || v == NULL)
    return ret;
  errno = 0;
  *out = json_object_get_int64 (v);
  if (errno != 0 || *out < min || *out > max)
    return bx_json_invalid (err, field, "is out of range");
  return 0;
}

int
bx_json_u64 (struct json_object *obj, const char *key, const char *field, uint64_t *out, bool *present,
             struct bx_error *err)
{
  struct json_object *v;
  int ret = bx_json_typed (obj, key, json_type_int, field, &v, err);

  if (present != NULL)
    *present = v != NULL;
  if (ret < 0 || v == NULL)
    return ret;
  if (json_object_get_int64 (v) < 0)
    return bx_json_invalid (err, field, "must not be negative");
  *out = json_object_get_uint64 (v);
  return 0;
}

int
bx_json_strings (struct json_object *obj, const char *key, const char *field, int spare, char ***out, int *n,
                 struct bx_error *err)
{
  struct json_object *arr;
  char elem[FIELD_LEN];
  size_t i, len;
  int ret = bx_json_typed (obj, key, json_type_array, field, &arr, err);

  *out = NULL;
  *n = 0;
  if (ret < 0)
    return ret;
  len = arr != NULL ? json_object_array_length (arr) : 0;
  *out = calloc (len + (size_t) spare + 1, sizeof (char *));
  if (*out == NULL)
    return bx_fail (err, ENOMEM, "config.json: %s", field);
  for (i = 0; i < len; i++)
    {
      struct json_object *s = json_object_array_get_idx (arr, i);

      if (!json_object_is_type (s, json_type_string))
        {
          snprintf (elem, sizeof (elem), "%s[%zu]", field, i);
          return bx_json_invalid (err, elem, "must be a string");
        }
      (*out)[i] = strdup (json_object_get_string (s));
      if ((*out)[i] == NULL)
        return bx_fail (err, ENOMEM, "config.json: %s", field);
    }
  *n = (int) len;
  return 0;
}

int
bx_json_array (struct json_object *obj, const char *key, const char *field, struct json_object **arr, size_t *len,
               struct bx_error *err)
{
  int ret = bx_json_typed (obj, key, json_type_array, field, arr, err);

  *len = (ret == 0 && *arr != NULL) ? json_object_array_length (*arr) : 0;
  return ret;
}
