#ifndef BOXCTL_RUNTIME_SPEC_JSON_H
#define BOXCTL_RUNTIME_SPEC_JSON_H

/* Reading config.json with json-c: typed getters whose errors name the field
 * ("config.json: mounts[2].destination: must be a string"). */

#include <json-c/json.h>
#include <stdbool.h>
#include <stdint.h>

#include "../error.h"
#include "spec.h"

#define FIELD_LEN 128

int bx_json_invalid (struct bx_error *err, const char *field, const char *what);

/* The member `key` of `obj`; absent and JSON null are the same: NULL. */
struct json_object *bx_json_member (struct json_object *obj, const char *key);

/* The member, NULL if absent, an error if it has another type. */
int bx_json_typed (struct json_object *obj, const char *key, enum json_type type, const char *field,
                   struct json_object **out, struct bx_error *err);

int bx_json_string (struct json_object *obj, const char *key, const char *field, bool required, const char **out,
                    struct bx_error *err);
int bx_json_bool (struct json_object *obj, const char *key, const char *field, bool *out, struct bx_error *err);

/* An integer within [min, max]; `present` (may be NULL) says whether it was there. */
int bx_json_int (struct json_object *obj, const char *key, const char *field, int64_t min, int64_t max, int64_t *out,
                 bool *present, struct bx_error *err);

/* Unsigned 64-bit: rlimits and seccomp arguments use the whole range. */
int bx_json_u64 (struct json_object *obj, const char *key, const char *field, uint64_t *out, bool *present,
                 struct bx_error *err);

/* A NULL-terminated copy of an array of strings, with `spare` free slots before
 * the NULL. */
int bx_json_strings (struct json_object *obj, const char *key, const char *field, int spare, char ***out, int *n,
                     struct bx_error *err);

int bx_json_array (struct json_object *obj, const char *key, const char *field, struct json_object **arr,
                   size_t *len, struct bx_error *err);

/* spec_linux.c: the `linux` object. */
int bx_spec_parse_linux (struct json_object *root, struct bx_spec *s, struct bx_error *err);

/* spec_resources.c: linux.cgroupsPath and, only with it, linux.resources. */
int bx_spec_parse_cgroup (struct json_object *lnx, struct bx_spec *s, struct bx_error *err);

#endif
