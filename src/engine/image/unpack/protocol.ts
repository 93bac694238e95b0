// What unpack/index.ts and the worker say to each other: the request as one JSON
// argument, the answer as one JSON line on stdout (native/README.md's output contract).
import type { Compression } from '../media-types.js';
import type { UnpackLimits } from './limits.js';

export interface WorkerRequest {
  /** An empty directory; the layer's root. */
  target: string;
  compression: Compression;
  /** For messages: the image whose layer this is. */
  image: string;
  single: boolean;
  limits: UnpackLimits;
}

export type WorkerReport =
  | { ok: true; diffId: string; size: number; notes: string[] }
  | { ok: false; error: string };

const COMPRESSIONS: readonly string[] = ['gzip', 'zstd', 'none'];

function isLimit(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

export function parseRequest(text: string): WorkerRequest {
  let v: Partial<Record<keyof WorkerRequest, unknown>>;
  try {
    v = JSON.parse(text) as typeof v;
  } catch {
    throw new Error('the unpack worker takes its request as one JSON argument');
  }
  const limits = v.limits as Partial<Record<keyof UnpackLimits, unknown>> | undefined;
  if (
    typeof v.target !== 'string' ||
    typeof v.compression !== 'string' ||
    !COMPRESSIONS.includes(v.compression) ||
    typeof v.image !== 'string' ||
    typeof v.single !== 'boolean' ||
    !isLimit(limits?.maxLayerBytes) ||
    !isLimit(limits?.maxEntryBytes)
  ) {
    throw new Error(`invalid unpack request ${text}`);
  }
  return {
    target: v.target,
    compression: v.compression as Compression,
    image: v.image,
    single: v.single,
    limits: { maxLayerBytes: limits.maxLayerBytes, maxEntryBytes: limits.maxEntryBytes },
  };
}

/** The report: the last line of the worker's stdout. */
export function parseReport(stdout: string): WorkerReport | undefined {
  const line = stdout.trim().split('\n').at(-1);
  if (!line) return undefined;
  try {
    const r = JSON.parse(line) as WorkerReport;
    return typeof r === 'object' && r !== null && typeof r.ok === 'boolean' ? r : undefined;
  } catch {
    return undefined;
  }
}
