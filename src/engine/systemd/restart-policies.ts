// The Restart= values of `generate systemd --restart-policy`, as Podman's: alone in
// this module so the command's declaration can offer them without loading the
// unit builder at start-up.
export const RESTART_POLICIES = ['no', 'on-success', 'on-failure', 'on-abnormal', 'on-watchdog', 'on-abort', 'always'] as const;
export type SystemdRestart = (typeof RESTART_POLICIES)[number];
