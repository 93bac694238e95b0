/* boxctl-hello: the program of the built-in `hello` image (`boxctl run --rm hello`).
 *
 * Greets, then shows what makes this process a container, read from the kernel
 * rather than asserted: its user namespace mapping (/proc/self/uid_map and
 * gid_map), its hostname, its pid, and the file system its root is (the root
 * line of /proc/self/mountinfo).  Static, so the image holds nothing else.
 * Exits 0; a fact it cannot read is printed as such, never fatal. */
#define _GNU_SOURCE
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* "inside outside count" lines into "0->1001 (1), 1->100000 (65536)". */
static void
print_map (const char *label, const char *path)
{
  FILE *f = fopen (path, "re");
  unsigned long inside = 1, outside = 1, count = 0;
  const char *sep = "";

  printf ("  %-17s ", label);
  if (f == NULL)
    {
      printf ("cannot read %s\n", path);
      return;
    }
  while (fscanf (f, "%lu %lu %lu", &inside, &outside, &count) == 3)
    {
      printf ("%s%lu->%lu (%lu)", sep, inside, outside, count);
      sep = ", ";
    }
  fclose (f);
  /* The initial namespace maps all 2^32-1 ids onto themselves. */
  if (inside == 0 && outside == 0 && count == 4294967295UL)
    printf ("  (the host's own: not isolated)");
  printf ("\n");
}

/* The mount whose mount point is "/": field 5 of mountinfo; the type follows " - ". */
static void
print_root_mount (void)
{
  FILE *f = fopen ("/proc/self/mountinfo", "re");
  char line[4096], root_type[64] = "", root_source[256] = "";

  printf ("  %-17s ", "root file system:");
  if (f == NULL)
    {
      printf ("cannot read /proc/self/mountinfo\n");
      return;
    }
  while (fgets (line, sizeof line, f) != NULL)
    {
      char mount_point[PATH_MAX], type[64], source[256];
      const char *dash = strstr (line, " - ");

      if (dash == NULL || sscanf (line, "%*s %*s %*s %*s %4095s", mount_point) != 1)
        continue;
      if (strcmp (mount_point, "/") != 0 || sscanf (dash, " - %63s %255s", type, source) != 2)
        continue;
      /* Later lines stack on earlier ones: the last "/" is the one we see. */
      strcpy (root_type, type);
      strcpy (root_source, source);
    }
  fclose (f);
  if (root_type[0] == '\0')
    printf ("not found in /proc/self/mountinfo\n");
  else if (strcmp (root_type, "overlay") == 0)
    printf ("overlay (the image's layers, read-only, under this container's own writable layer)\n");
  else
    printf ("%s from %s\n", root_type, root_source);
}

int
main (void)
{
  char hostname[HOST_NAME_MAX + 1] = "";
  pid_t pid = getpid ();

  printf ("Hello from boxctl!\n"
          "This message shows that boxctl can run a rootless container on this machine.\n"
          "\n"
          "What this container sees:\n");
  print_map ("uid map:", "/proc/self/uid_map");
  print_map ("gid map:", "/proc/self/gid_map");
  if (gethostname (hostname, sizeof hostname - 1) < 0)
    strcpy (hostname, "(unknown)");
  printf ("  %-17s %s\n", "hostname:", hostname);
  if (pid == 1)
    printf ("  %-17s 1 (its own pid namespace: it sees no host process)\n", "pid:");
  else
    printf ("  %-17s %d (not 1: it shares a pid namespace)\n", "pid:", (int) pid);
  print_root_mount ();
  printf ("\n"
          "The maps read \"inside->outside (count)\": root in here is your own, unprivileged\n"
          "user outside, so nothing in this container is root on the host.\n"
          "\n"
          "Next: boxctl run -it --rm docker.io/library/alpine sh\n");
  return 0;
}
