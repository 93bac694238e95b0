// Kubernetes resource quantities (`64Mi`, `500m`, `1.5`, `2G`, `1e3`) to numbers and
// back, for resources.limits: memory in bytes, cpu in CPUs.
import { UserError } from '../../errors.js';

const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|([KMGTPE]i|[numkMGTPE])?)$/;

/** The value of a quantity in base units; `where` names the field for the error. */
export function parseQuantity(value: unknown, where: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  const m = typeof value === 'string' ? QUANTITY.exec(value.trim()) : null;
  if (!m) throw new UserError(`${where}: '${String(value)}' is not a quantity (use e.g. 64Mi, 1G, 500m or 2)`);
  const n = Number(m[1]) * (m[2] ? 10 ** Number(m[2].slice(1)) : SUFFIX[m[3] ?? '']!);
  if (n < 0) throw new UserError(`${where}: '${String(value)}' is negative`);
  return n;
}

/** Bytes as the largest binary unit that divides them (64Mi), else plain bytes. */
export function formatMemory(bytes: number): string {
  for (const unit of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
    const size = SUFFIX[unit]!;
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return String(bytes);
}

/** Billionths of a CPU as whole CPUs (2) or millicores (500m); `exact` is false when millicores had to round. */
export function formatCpu(nanoCpus: number): { text: string; exact: boolean } {
  const millis = Math.max(1, Math.round(nanoCpus / 1e6));
  return { text: millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`, exact: millis * 1e6 === nanoCpus };
}
