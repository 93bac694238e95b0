// A pull's progress as plain lines, as `podman pull` prints them off a terminal: for
// `pull` and for the pull that `run` and `create` make.
import type { PullEvent } from '../../engine/image/pull.js';
import { shortId } from '../../engine/image/store/records.js';

export function pullLine(e: PullEvent): string | undefined {
  switch (e.kind) {
    case 'trying':
      return `Trying to pull ${e.reference}...`;
    case 'config':
      return `Copying config ${shortId(e.digest)}`;
    case 'note':
      return `Note: ${e.message}`;
    case 'layer':
      if (e.state === 'present') return `Copying blob ${shortId(e.digest)} skipped: already exists`;
      return e.state === 'done' ? `Copying blob ${shortId(e.digest)} done` : undefined;
  }
}
