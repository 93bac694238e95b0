// What the host side asks the fs worker (worker.ts) and how the worker answers: the
// request is one JSON argument; answers are JSON lines on fd 3, so that stdin and stdout
// stay free for the tar streams.
import type { Change } from './changes.js';
import type { Rebase, SourceInfo } from './copy-plan.js';
import type { OwnerPolicy } from './extract.js';

/** How the worker reaches the container's root. */
export type Access =
  /** A running container: its init's root, through /proc; the worker runs in the container's user namespace. */
  | { kind: 'proc'; pid: number; startTime: number }
  /** A stopped container (or the storage view of any): an overlay the worker mounts in its private mount namespace. */
  | { kind: 'overlay'; lower: string[]; upper?: string; work?: string; target: string };

export type WorkerRequest =
  | { op: 'pack'; access: Access; path: string }
  | { op: 'unpack'; access: Access; path: string; source?: SourceInfo; owner: OwnerPolicy }
  | { op: 'export'; access: Access }
  | { op: 'extract'; dir: string; rebase: Rebase; owner: OwnerPolicy }
  | { op: 'diff'; upper: string; layers: string[]; exclude: string[] }
  | { op: 'layer'; upper: string; layers: string[]; exclude: string[] };

export type WorkerMessage =
  | { kind: 'source'; source: SourceInfo }
  | { kind: 'warning'; message: string }
  | { kind: 'changes'; changes: Change[] }
  | { kind: 'done'; ok: true }
  | { kind: 'done'; ok: false; error: string };

export const REPORT_FD = 3;
