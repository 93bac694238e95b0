// --sdnotify (docs/containers.md, "systemd notification"): who tells systemd, over
// NOTIFY_SOCKET, that a Type=notify unit's container is ready. The monitor does the
// talking; this module says what the bundle and the monitor's environment need for
// each mode.
import { join } from 'node:path';

import { UserError } from '../../errors.js';
import type { Mount, Spec } from '../spec/oci.js';

export type SdNotifyMode = 'conmon' | 'container' | 'ignore';

export const SDNOTIFY_MODES: readonly SdNotifyMode[] = ['conmon', 'container', 'ignore'];

/** Where a container in `container` mode finds the monitor's socket. */
export const CONTAINER_NOTIFY_DIR = '/run/notify';
export const CONTAINER_NOTIFY_SOCKET = `${CONTAINER_NOTIFY_DIR}/notify.sock`;

export function parseSdNotify(text: string | undefined): SdNotifyMode {
  if (text === undefined) return 'conmon';
  if ((SDNOTIFY_MODES as readonly string[]).includes(text)) return text as SdNotifyMode;
  throw new UserError(`invalid --sdnotify '${text}': use conmon, container or ignore`);
}

/** The dir the monitor makes at each start for its relay socket (RUNDIR/notify). */
export function hostNotifyDir(rundir: string): string {
  return join(rundir, 'notify');
}

/**
 * `container` mode: the monitor's socket dir bound at /run/notify (a dir, not the
 * socket: the monitor makes a new socket at each start) and NOTIFY_SOCKET in the
 * process's environment, replacing any the user gave: the relay is the only way to
 * systemd. The other modes leave the spec alone.
 */
export function withNotifySocket(spec: Spec, mode: SdNotifyMode, rundir: string): Spec {
  if (mode !== 'container') return spec;
  if (spec.mounts.some((m) => m.destination === CONTAINER_NOTIFY_DIR)) {
    throw new UserError(`--sdnotify=container needs ${CONTAINER_NOTIFY_DIR} for the notification socket: mount your volume elsewhere, or choose another --sdnotify`);
  }
  const mount: Mount = { destination: CONTAINER_NOTIFY_DIR, type: 'bind', source: hostNotifyDir(rundir), options: ['bind', 'rw', 'nosuid', 'nodev', 'noexec'] };
  const env = spec.process.env.filter((e) => !e.startsWith('NOTIFY_SOCKET='));
  return {
    ...spec,
    process: { ...spec.process, env: [...env, `NOTIFY_SOCKET=${CONTAINER_NOTIFY_SOCKET}`] },
    mounts: [...spec.mounts, mount],
  };
}

/** The environment boxctl reads and hands on (to the monitor, to `-e NAME`): with `ignore`, systemd's socket is no business of anything it starts. */
export function notifyEnv<T extends Readonly<Record<string, string | undefined>>>(mode: SdNotifyMode, env: T): T {
  if (mode !== 'ignore' || env.NOTIFY_SOCKET === undefined) return env;
  const { NOTIFY_SOCKET: _dropped, ...rest } = env;
  return rest as T;
}

/** The label that names the systemd unit a container runs under (Podman's PODMAN_SYSTEMD_UNIT). */
export const SYSTEMD_UNIT_LABEL = 'io.boxctl.systemd.unit';

/** BOXCTL_SYSTEMD_UNIT, set by generated units as `Environment=BOXCTL_SYSTEMD_UNIT=%n`, as a label. */
export function systemdUnitLabel(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const unit = env.BOXCTL_SYSTEMD_UNIT;
  return unit ? { [SYSTEMD_UNIT_LABEL]: unit } : {};
}
