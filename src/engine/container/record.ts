// The record of one container, as container.json holds it (docs/containers.md), and
// the live facts read beside it. The record says what the user asked for; status is
// derived from the monitor's files each time it is needed, never stored.
import type { SdNotifyMode } from './sdnotify.js';


export type RestartPolicy =
  | { name: 'no' }
  | { name: 'always' }
  | { name: 'unless-stopped' }
  | { name: 'on-failure'; maxRetries?: number };

export interface HealthConfig {
  /** The command as the process file's args: ["/bin/sh", "-c", CMD] or exec form. */
  test: string[];
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  startPeriodMs: number;
  onFailure: 'none' | 'kill' | 'restart' | 'stop';
}

export interface MountRecord {
  type: 'bind' | 'volume' | 'tmpfs';
  /** Host path (bind), volume name (volume); absent for tmpfs. */
  source?: string;
  destination: string;
  readOnly: boolean;
  options?: string[];
}

export interface ContainerRecord {
  version: 1;
  /** 64 hex digits. */
  id: string;
  name: string;
  /** The image as the user named it, and what it resolved to. */
  imageName: string;
  imageId: string;
  /** The process as run: entrypoint + command resolved. */
  command: string[];
  created: string;
  labels: Record<string, string>;
  env: string[];
  mounts: MountRecord[];
  terminal: boolean;
  stdin: boolean;
  /** --rm: the monitor's exit command removes the container. */
  autoRemove: boolean;
  restart: RestartPolicy;
  stopSignal: number;
  stopTimeout: number;
  health?: HealthConfig;
  log: { maxSize?: number; maxFiles?: number };
  /** The cgroup of the container, relative to the cgroup2 mount; absent without delegation. */
  cgroupPath?: string;
  /** Published ports, "[IP:]HOST:CTR/proto" with host ports chosen (network.ts portText). */
  ports: string[];
  /** The --network mode as network.ts networkText writes it: "pasta", "slirp4netns:allow_host_loopback=true", "container:NAME"... */
  network: string;
  /** --dns, --dns-search, --dns-option as given; absent when none was. */
  dns?: { servers: string[]; search: string[]; options: string[] };
  /** --add-host NAME:IP as given. */
  addHosts?: string[];
  /** --no-hosts: the image's /etc/hosts is left alone. */
  noHosts?: boolean;
  /** -P: every port the image exposes, published on a free host port. */
  publishAll?: boolean;
  hostname: string;
  user?: string;
  workdir?: string;
  /** The image's layers, lowest first (diff ids): the overlay's lower dirs. */
  layers: string[];
  /** Set when the user asked for it by name: a created container that was never started stays 'created'. */
  startedOnce?: boolean;
  // For inspect (Config.Entrypoint/Cmd, HostConfig); absent means not recorded.
  /** The entrypoint and cmd that `command` was resolved from (image defaults or flags). */
  entrypoint?: string[];
  cmd?: string[];
  capAdd?: string[];
  capDrop?: string[];
  /** --memory in bytes, --cpus in billionths of a CPU, --pids-limit. */
  limits?: { memory?: number; nanoCpus?: number; pidsLimit?: number };
  /** --sdnotify, honoured at every start; absent (containers made before it existed): conmon. */
  sdNotify?: SdNotifyMode;
  /** --cidfile as an absolute path: removed with the container. */
  cidFile?: string;
  /** The command line that created the container, after the program name (Podman's Config.CreateCommand); absent for containers made before it was kept. */
  createCommand?: string[];
}

/** monitor.json: written by the monitor once the process runs. */
export interface MonitorFile {
  monitorPid: number;
  monitorStartTime: number;
  pid: number;
  pidStartTime: number;
  startedAt: string;
  restartCount: number;
}

/** exit.json: written by the monitor at every exit of the process. */
export interface ExitFile {
  exitCode: number;
  signal: number | null;
  startedAt: string;
  finishedAt: string;
  restartCount: number;
  oomKilled: boolean;
}

export interface HealthFile {
  status: 'starting' | 'healthy' | 'unhealthy';
  failingStreak: number;
  log: { start: string; end: string; exitCode: number; output: string }[];
}

export type ContainerStatus = 'created' | 'running' | 'paused' | 'exited';

/** A record with its live state: what ps, inspect and the dashboard show. */
export interface ContainerView {
  record: ContainerRecord;
  status: ContainerStatus;
  /** Host pid of the container's init while running. */
  pid?: number;
  exitCode?: number;
  startedAt?: string;
  finishedAt?: string;
  restartCount: number;
  health?: HealthFile;
  /** From exit.json, for inspect's State.OOMKilled. */
  oomKilled?: boolean;
}
