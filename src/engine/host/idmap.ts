// The user namespace mapping boxctl uses (Podman's default): container root is the
// user's own id, and container ids 1..N are the subordinate ranges laid end to end.
import type { IdRange } from './subid.js';

export interface IdMapEntry {
  containerId: number;
  hostId: number;
  size: number;
}

export function defaultIdMap(ownId: number, subordinate: readonly IdRange[]): IdMapEntry[] {
  const map: IdMapEntry[] = [{ containerId: 0, hostId: ownId, size: 1 }];
  let next = 1;
  for (const r of subordinate) {
    map.push({ containerId: next, hostId: r.start, size: r.count });
    next += r.count;
  }
  return map;
}

/** The "C:H:N,C:H:N" form native/ executables take on argv. */
export function formatIdMap(map: readonly IdMapEntry[]): string {
  return map.map((e) => `${e.containerId}:${e.hostId}:${e.size}`).join(',');
}

export function parseIdMap(text: string): IdMapEntry[] {
  if (text.trim() === '') return [];
  return text.split(',').map((part) => {
    const [c, h, n] = part.split(':').map(Number);
    if (![c, h, n].every((v) => Number.isSafeInteger(v))) throw new Error(`invalid id map entry '${part}'`);
    return { containerId: c!, hostId: h!, size: n! };
  });
}
