// The keys of Quadlet files that boxctl reads, with what each becomes: the one list
// that quadlet.ts checks files against and that docs/systemd.md and boxctl-quadlet(5)
// show. Data only, so the man page generator can import it cheaply.

export interface KeyDoc {
  key: string;
  /** What it becomes on boxctl's command line (or in the unit). */
  becomes: string;
  repeatable: boolean;
}

/** The keys of [Container], in the order docs/systemd.md and boxctl-quadlet(5) list them. */
export const CONTAINER_KEYS: readonly KeyDoc[] = [
  { key: 'Image', becomes: 'the image (required)', repeatable: false },
  { key: 'Exec', becomes: 'the command and arguments after the image (command line syntax)', repeatable: false },
  { key: 'ContainerName', becomes: '--name (default systemd-%N)', repeatable: false },
  { key: 'Entrypoint', becomes: '--entrypoint', repeatable: false },
  { key: 'Environment', becomes: '--env NAME=VALUE for each word, as systemd reads Environment=', repeatable: true },
  { key: 'EnvironmentFile', becomes: '--env-file (relative to the file)', repeatable: true },
  { key: 'PublishPort', becomes: '--publish', repeatable: true },
  { key: 'Volume', becomes: '--volume; SOURCE ending in .volume names that file\'s volume and requires its unit; SOURCE starting with . is relative to the file', repeatable: true },
  { key: 'Tmpfs', becomes: '--tmpfs', repeatable: true },
  { key: 'Network', becomes: '--network; NAME.container joins that file\'s container and requires its unit', repeatable: false },
  { key: 'User', becomes: '--user (with Group: USER:GROUP)', repeatable: false },
  { key: 'Group', becomes: 'the group part of --user', repeatable: false },
  { key: 'UserNS', becomes: '--userns', repeatable: false },
  { key: 'WorkingDir', becomes: '--workdir', repeatable: false },
  { key: 'HostName', becomes: '--hostname', repeatable: false },
  { key: 'Label', becomes: '--label KEY=VALUE for each word', repeatable: true },
  { key: 'AddCapability', becomes: '--cap-add for each word', repeatable: true },
  { key: 'DropCapability', becomes: '--cap-drop for each word', repeatable: true },
  { key: 'NoNewPrivileges', becomes: '--security-opt no-new-privileges (boolean)', repeatable: false },
  { key: 'SeccompProfile', becomes: '--security-opt seccomp=PATH', repeatable: false },
  { key: 'ReadOnly', becomes: '--read-only (boolean)', repeatable: false },
  { key: 'RunInit', becomes: '--init (boolean)', repeatable: false },
  { key: 'AddHost', becomes: '--add-host', repeatable: true },
  { key: 'DNS', becomes: '--dns', repeatable: true },
  { key: 'DNSSearch', becomes: '--dns-search', repeatable: true },
  { key: 'DNSOption', becomes: '--dns-option', repeatable: true },
  { key: 'Memory', becomes: '--memory', repeatable: false },
  { key: 'PidsLimit', becomes: '--pids-limit', repeatable: false },
  { key: 'HealthCmd', becomes: '--health-cmd', repeatable: false },
  { key: 'HealthInterval', becomes: '--health-interval', repeatable: false },
  { key: 'HealthTimeout', becomes: '--health-timeout', repeatable: false },
  { key: 'HealthRetries', becomes: '--health-retries', repeatable: false },
  { key: 'HealthStartPeriod', becomes: '--health-start-period', repeatable: false },
  { key: 'HealthOnFailure', becomes: '--health-on-failure', repeatable: false },
  { key: 'StopSignal', becomes: '--stop-signal', repeatable: false },
  { key: 'StopTimeout', becomes: '--stop-timeout, and the -t of the unit\'s stop lines', repeatable: false },
  { key: 'LogOpt', becomes: '--log-opt', repeatable: true },
  { key: 'Pull', becomes: '--pull', repeatable: false },
  { key: 'Notify', becomes: 'true: --sdnotify=container (the container sends READY=1 itself); false: --sdnotify=conmon', repeatable: false },
  { key: 'PodmanArgs', becomes: 'more boxctl run flags, before the image (command line syntax); BoxctlArgs is the same', repeatable: true },
  { key: 'BoxctlArgs', becomes: 'as PodmanArgs', repeatable: true },
];

/** The keys of [Volume]. */
export const VOLUME_KEYS: readonly KeyDoc[] = [
  { key: 'VolumeName', becomes: 'the volume\'s name (default systemd-NAME for NAME.volume)', repeatable: false },
  { key: 'Label', becomes: '--label KEY=VALUE for each word', repeatable: true },
  { key: 'Driver', becomes: '--driver (boxctl has only local)', repeatable: false },
  { key: 'PodmanArgs', becomes: 'more boxctl volume create flags, before the name; BoxctlArgs is the same', repeatable: true },
  { key: 'BoxctlArgs', becomes: 'as PodmanArgs', repeatable: true },
];
