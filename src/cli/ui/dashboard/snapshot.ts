// What the dashboard shows, as plain data: one read of the containers, images and
// volumes, with the figures and rootless facts beside each container. Built by io.ts
// from the engine; the model and the screens see only this.
import type { ContainerStatus } from '../../../engine/container/record.js';

export interface ContainerRow {
  id: string;
  name: string;
  image: string;
  status: ContainerStatus;
  /** As `ps` says it: "Up 3 minutes", "Exited (0) 2 seconds ago". */
  statusText: string;
  /** "healthy", "unhealthy", "starting", or empty without a healthcheck. */
  health: string;
  /** Since the previous sample; absent until there are two, or when not running. */
  cpuPercent?: number;
  memBytes?: number;
  memLimit?: number;
  ports: string;
  /** When it last started (running) or finished (exited): what the status column sorts by. */
  since?: string;
  created: string;
  /** The uid mapping of its user namespace as --uidmap writes it ("0:1000:1,1:100000:65536"); empty when not running. */
  userns: string;
  network: string;
  /** The user unit generated for it, and its state as systemd says. */
  unit?: { name: string; state: string };
}

export interface ImageRow {
  /** id plus name: an image with two names is two rows, as `images` lists it. */
  key: string;
  id: string;
  repository: string;
  tag: string;
  size: number;
  created?: string;
  usedBy: string[];
}

export interface VolumeRow {
  name: string;
  driver: string;
  created: string;
  anonymous: boolean;
  mountpoint: string;
  usedBy: string[];
}

export interface HostFacts {
  user: string;
  /** loginctl enable-linger: the user's containers outlive the login session. */
  linger: boolean;
}

export interface Snapshot {
  containers: ContainerRow[];
  images: ImageRow[];
  volumes: VolumeRow[];
  host: HostFacts;
  /**
   * False for the first read, made for the first frame: containers and their state
   * only, without CPU and memory, images and volumes, which the next read brings.
   */
  complete: boolean;
}

export const EMPTY_SNAPSHOT: Snapshot = { containers: [], images: [], volumes: [], host: { user: '', linger: false }, complete: true };

/** An image id as lists show it: 12 hex digits, without "sha256:". */
export const shortImageId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
