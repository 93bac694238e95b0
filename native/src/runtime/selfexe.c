#define _GNU_SOURCE
#include "selfexe.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

/* Linux 6.3: without it a kernel with vm.memfd_noexec=1 makes memfds noexec. */
#ifndef MFD_EXEC
#define MFD_EXEC 0x0010U
#endif

#define SEALS (F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE)

extern char **environ;

static int
sealed_copy (int src, struct bx_error *err)
{
  struct stat st;
  off_t off = 0;
  int mfd = memfd_create ("boxctl-runtime", MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_EXEC);

  if (mfd < 0 && errno == EINVAL)
    mfd = memfd_create ("boxctl-runtime", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (mfd < 0)
    return bx_fail_errno (err, "memfd_create for a sealed copy of the runtime");
  if (fstat (src, &st) < 0)
    {
      bx_fail_errno (err, "stat /proc/self/exe");
      close (mfd);
      return -1;
    }
  while (off < st.st_size)
    {
      ssize_t n = sendfile (mfd, src, &off, (size_t) (st.st_size - off));

      if (n <= 0)
        {
          bx_fail (err, n < 0 ? errno : EIO, "copy /proc/self/exe into a memfd");
          close (mfd);
          return -1;
        }
    }
  if (fcntl (mfd, F_ADD_SEALS, SEALS) < 0)
    {
      bx_fail_errno (err, "seal the memfd copy of the runtime");
      close (mfd);
      return -1;
    }
  return mfd;
}

int
bx_selfexe_ensure_sealed (char **argv, struct bx_error *err)
{
  int self = open ("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  int seals, mfd;

  if (self < 0)
    return bx_fail_errno (err, "open /proc/self/exe");
  seals = fcntl (self, F_GET_SEALS);
  if (seals >= 0 && (seals & SEALS) == SEALS)
    {
      close (self);
      /* Else ps and top show the memfd's name, "memfd:boxctl-ru". */
      if (prctl (PR_SET_NAME, "boxctl-runtime", 0, 0, 0) < 0)
        return bx_fail_errno (err, "prctl(PR_SET_NAME)");
      return 0;
    }
  mfd = sealed_copy (self, err);
  close (self);
  if (mfd < 0)
    return mfd;
  fexecve (mfd, argv, environ);
  bx_fail_errno (err, "re-execute the runtime from its sealed copy");
  close (mfd);
  return -1;
}
