// `runtime list` through --format: runc's table and JSON, and Go templates over the
// same state fields.
import type { RuntimeStateReport } from '../../engine/runtime/state.js';
import { goMap } from './gofmt.js';
import { compileFormat, isJsonFormat, listingTemplate } from './template.js';

export const RUNTIME_LIST_FIELDS = ['ID', 'PID', 'Status', 'Bundle', 'Rootfs', 'Created', 'Owner', 'Annotations'] as const;

const TABLE = 'table {{.ID}}\t{{.PID}}\t{{.Status}}\t{{.Bundle}}\t{{.Created}}\t{{.Owner}}';

export function renderRuntimeList(states: readonly RuntimeStateReport[], format: string | undefined): string {
  if (format !== undefined && isJsonFormat(format)) return `${JSON.stringify(states, null, 2)}\n`;
  const rows = states.map((s) => ({
    ID: s.id,
    PID: s.pid,
    Status: s.status,
    Bundle: s.bundle,
    Rootfs: s.rootfs,
    Created: s.created,
    Owner: s.owner,
    Annotations: goMap({ ...s.annotations }),
  }));
  return compileFormat(listingTemplate(format, TABLE), { fields: RUNTIME_LIST_FIELDS }).render(rows);
}
