// What unpack/session.ts and the worker say to each other. One worker serves a whole
// pull: its one argument is the session (JSON), each layer to unpack is one job line
// on its stdin, with the layer's bytes on a pipe of their own (fd 3, 4, ...), and each
// job is answered by one report line on its stdout (native/README.md's output
// contract, once per job). The end of stdin means no more jobs.
import type { Compression } from '../media-types.js';
import type { UnpackLimits } from './limits.js';

export interface SessionRequest {
  /** Single-id mode: the namespace maps only the user's own id, so owners are squashed. */
  single: boolean;
}

export interface UnpackJob {
  /** Unique within the session; the report names it. */
  id: number;
  /** The worker's descriptor the (compressed) layer arrives on. */
  fd: number;
  /** An empty directory; the layer's root. */
  target: string;
  compression: Compression;
  /** For messages: the image whose layer this is. */
  image: string;
  limits: UnpackLimits;
}

export type JobOutcome = { ok: true; diffId: string; size: number; notes: string[] } | { ok: false; error: string };

export type JobReport = JobOutcome & { id: number };

const COMPRESSIONS: readonly string[] = ['gzip', 'zstd', 'none'];
/** Descriptors 0-2 are the control channel, the reports and stderr. */
export const FIRST_DATA_FD = 3;

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function parseObject(text: string, what: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new Error(`the unpack worker takes ${what} as one JSON object`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`invalid ${what} ${text}`);
  return v as Record<string, unknown>;
}

export function parseSession(text: string): SessionRequest {
  const v = parseObject(text, 'its session');
  if (typeof v.single !== 'boolean') throw new Error(`invalid unpack session ${text}`);
  return { single: v.single };
}

export function parseJob(text: string): UnpackJob {
  const v = parseObject(text, 'a job');
  const limits = v.limits as Partial<Record<keyof UnpackLimits, unknown>> | undefined;
  if (
    !isCount(v.id) ||
    !isCount(v.fd) ||
    v.fd < FIRST_DATA_FD ||
    typeof v.target !== 'string' ||
    typeof v.compression !== 'string' ||
    !COMPRESSIONS.includes(v.compression) ||
    typeof v.image !== 'string' ||
    !isCount(limits?.maxLayerBytes) ||
    !isCount(limits?.maxEntryBytes)
  ) {
    throw new Error(`invalid unpack job ${text}`);
  }
  return {
    id: v.id,
    fd: v.fd,
    target: v.target,
    compression: v.compression as Compression,
    image: v.image,
    limits: { maxLayerBytes: limits.maxLayerBytes, maxEntryBytes: limits.maxEntryBytes },
  };
}

/** A report line, or undefined for anything else (a crash trace, say). */
export function parseReport(line: string): JobReport | undefined {
  let r: unknown;
  try {
    r = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof r !== 'object' || r === null) return undefined;
  const v = r as Record<string, unknown>;
  if (!isCount(v.id) || typeof v.ok !== 'boolean') return undefined;
  if (v.ok) {
    if (typeof v.diffId !== 'string' || !isCount(v.size) || !Array.isArray(v.notes) || !v.notes.every((n) => typeof n === 'string')) return undefined;
    return { id: v.id, ok: true, diffId: v.diffId, size: v.size, notes: v.notes as string[] };
  }
  return typeof v.error === 'string' ? { id: v.id, ok: false, error: v.error } : undefined;
}
