import { describe, expect, it } from 'vitest';

import type { Check } from '../../src/engine/info/checks.js';
import { blockingProblem } from '../../src/engine/info/diagnose.js';

const ok = (id: string): Check => ({ id, title: id, status: 'ok', detail: 'fine', fixes: [] });

describe('blockingProblem', () => {
  it('is the first failed check that stops containers, with every fix, on one line', () => {
    const checks: Check[] = [
      ok('kernel'),
      { id: 'newuidmap', title: 'newuidmap', status: 'error', detail: 'newuidmap not found', fixes: [{ command: 'sudo apt-get install -y uidmap', root: true }] },
      { id: 'userns', title: 'user namespaces', status: 'error', detail: 'allowed, but the mapping failed', fixes: [] },
    ];
    expect(blockingProblem(checks)).toBe('newuidmap not found; fix (needs root): sudo apt-get install -y uidmap');
  });

  it('names the item when the detail does not, and marks fixes that need no root', () => {
    const storage: Check = {
      id: 'storage',
      title: 'storage',
      status: 'error',
      detail: 'runroot /run/x: belongs to uid 0',
      fixes: [{ command: 'point --runroot at a dir of your own', root: false }],
    };
    expect(blockingProblem([storage])).toBe('storage: runroot /run/x: belongs to uid 0; fix: point --runroot at a dir of your own');
  });

  it('ignores warnings and failures that only take features away', () => {
    const checks: Check[] = [
      { id: 'subids', title: 'subordinate ids', status: 'warn', detail: 'single-id mode', fixes: [] },
      { id: 'runtimedir', title: 'XDG_RUNTIME_DIR', status: 'error', detail: 'foreign; ignored', fixes: [] },
      ok('newuidmap'),
    ];
    expect(blockingProblem(checks)).toBeUndefined();
  });
});
