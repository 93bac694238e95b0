#define _GNU_SOURCE
#include "seccomp.h"

#include <ctype.h>
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <string.h>

int
bx_seccomp_action (const char *name, bool has_errno, uint32_t errno_ret, uint32_t *action)
{
  uint32_t ret = has_errno ? errno_ret : EPERM;

  if (strcmp (name, "SCMP_ACT_KILL") == 0 || strcmp (name, "SCMP_ACT_KILL_THREAD") == 0)
    *action = SCMP_ACT_KILL_THREAD;
  else if (strcmp (name, "SCMP_ACT_KILL_PROCESS") == 0)
    *action = SCMP_ACT_KILL_PROCESS;
  else if (strcmp (name, "SCMP_ACT_TRAP") == 0)
    *action = SCMP_ACT_TRAP;
  else if (strcmp (name, "SCMP_ACT_ERRNO") == 0)
    *action = SCMP_ACT_ERRNO (ret);
  else if (strcmp (name, "SCMP_ACT_TRACE") == 0)
    *action = SCMP_ACT_TRACE (ret);
  else if (strcmp (name, "SCMP_ACT_ALLOW") == 0)
    *action = SCMP_ACT_ALLOW;
  else if (strcmp (name, "SCMP_ACT_LOG") == 0)
    *action = SCMP_ACT_LOG;
  else
    return -1;
  return 0;
}

int
bx_seccomp_op (const char *name)
{
  static const struct
  {
    const char *name;
    int op;
  } ops[] = {
    { "SCMP_CMP_NE", SCMP_CMP_NE }, { "SCMP_CMP_LT", SCMP_CMP_LT }, { "SCMP_CMP_LE", SCMP_CMP_LE },
    { "SCMP_CMP_EQ", SCMP_CMP_EQ }, { "SCMP_CMP_GE", SCMP_CMP_GE }, { "SCMP_CMP_GT", SCMP_CMP_GT },
    { "SCMP_CMP_MASKED_EQ", SCMP_CMP_MASKED_EQ },
  };
  size_t i;

  for (i = 0; i < sizeof (ops) / sizeof (ops[0]); i++)
    if (strcmp (ops[i].name, name) == 0)
      return ops[i].op;
  return -1;
}

int
bx_seccomp_arch (const char *name, uint32_t *arch)
{
  char lower[32];
  size_t i;

  if (strncmp (name, "SCMP_ARCH_", 10) != 0 || strlen (name + 10) >= sizeof (lower))
    return -1;
  for (i = 0; name[10 + i] != '\0'; i++)
    lower[i] = (char) tolower ((unsigned char) name[10 + i]);
  lower[i] = '\0';
  *arch = seccomp_arch_resolve_name (lower);
  return *arch == 0 ? -1 : 0;
}

static int
add_rule (scmp_filter_ctx ctx, const struct bx_seccomp_rule *r, const char *name, int nr, struct bx_error *err)
{
  struct scmp_arg_cmp cmp[6];
  unsigned int per_index[6] = { 0 };
  bool repeated = false;
  int i, ret;

  for (i = 0; i < r->n_args; i++)
    {
      cmp[i].arg = r->args[i].index;
      cmp[i].op = (enum scmp_compare) r->args[i].op;
      cmp[i].datum_a = r->args[i].value;
      cmp[i].datum_b = r->args[i].value_two;
      repeated |= ++per_index[r->args[i].index] > 1;
    }
  /* libseccomp cannot AND two conditions on one argument; runc then adds one
   * rule per condition (an OR), and so do we. */
  if (repeated)
    {
      for (i = 0; i < r->n_args; i++)
        if ((ret = seccomp_rule_add_array (ctx, r->action, nr, 1, &cmp[i])) < 0)
          return bx_fail (err, -ret, "add the seccomp rule for %s", name);
      return 0;
    }
  ret = seccomp_rule_add_array (ctx, r->action, nr, (unsigned int) r->n_args, cmp);
  if (ret < 0)
    return bx_fail (err, -ret, "add the seccomp rule for %s", name);
  return 0;
}

static int
build (scmp_filter_ctx ctx, const struct bx_seccomp *s, struct bx_error *err)
{
  int i, j, ret;

  /* no_new_privs is process.noNewPrivileges' business, not libseccomp's. */
  if ((ret = seccomp_attr_set (ctx, SCMP_FLTATR_CTL_NNP, 0)) < 0)
    return bx_fail (err, -ret, "seccomp: leave no_new_privs alone");
  if (s->log && (ret = seccomp_attr_set (ctx, SCMP_FLTATR_CTL_LOG, 1)) < 0)
    return bx_fail (err, -ret, "seccomp: SECCOMP_FILTER_FLAG_LOG");
  if (s->spec_allow && (ret = seccomp_attr_set (ctx, SCMP_FLTATR_CTL_SSB, 1)) < 0)
    return bx_fail (err, -ret, "seccomp: SECCOMP_FILTER_FLAG_SPEC_ALLOW");
  for (i = 0; i < s->n_archs; i++)
    if ((ret = seccomp_arch_add (ctx, s->archs[i])) < 0 && ret != -EEXIST)
      return bx_fail (err, -ret, "seccomp: add linux.seccomp.architectures[%d]", i);
  for (i = 0; i < s->n_rules; i++)
    {
      const struct bx_seccomp_rule *r = &s->rules[i];

      /* libseccomp refuses a rule that repeats the default; it changes nothing. */
      if (r->action == s->default_action)
        continue;
      for (j = 0; j < r->n_names; j++)
        {
          int nr = seccomp_syscall_resolve_name (r->names[j]);

          if (nr == __NR_SCMP_ERROR)
            continue;
          if ((ret = add_rule (ctx, r, r->names[j], nr, err)) < 0)
            return ret;
        }
    }
  if ((ret = seccomp_load (ctx)) < 0)
    return bx_fail (err, -ret, "load the seccomp filter");
  return 0;
}

int
bx_seccomp_load (const struct bx_seccomp *s, struct bx_error *err)
{
  scmp_filter_ctx ctx = seccomp_init (s->default_action);
  int ret;

  if (ctx == NULL)
    return bx_fail (err, EINVAL, "seccomp: linux.seccomp.defaultAction is not usable");
  ret = build (ctx, s, err);
  seccomp_release (ctx);
  return ret;
}
