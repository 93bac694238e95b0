#ifndef BOXCTL_RUNTIME_OVERLAY_H
#define BOXCTL_RUNTIME_OVERLAY_H

/* The container's root as a kernel overlay of image layers and a per-container
 * upper dir, mounted by the init in the container's own user and mount
 * namespaces, so that it never shows on the host and goes away with them.
 *
 * The bundle asks for it with one annotation, which runc ignores:
 *
 *   "org.boxctl.rootfs.overlay": "lowerdir=/l1:/l2,upperdir=/u,workdir=/w"
 *
 * lowerdir topmost first, as overlayfs takes it; absolute host paths. */

#include "../error.h"

#define BX_OVERLAY_ANNOTATION "org.boxctl.rootfs.overlay"

/* Check the annotation's value and turn it into the options for mount(2),
 * `userxattr` added (rootless overlay keeps whiteouts and opaque dirs in
 * user.overlay.* xattrs).  *data is allocated. */
int bx_overlay_parse (const char *value, char **data, struct bx_error *err);

/* Mount the overlay on `target` (the resolved root.path). */
int bx_overlay_mount (const char *data, const char *target, struct bx_error *err);

#endif
