import { constants } from 'node:os';

import { UserError } from '../../errors.js';

const SIGNALS = constants.signals as Record<string, number>;

/** "TERM", "SIGTERM", "sigterm" or "15" to a signal number, as runc and Podman accept them. */
export function parseSignal(text: string): number {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n >= 1 && n <= 64) return n;
  } else {
    const name = text.toUpperCase().startsWith('SIG') ? text.toUpperCase() : `SIG${text.toUpperCase()}`;
    const n = SIGNALS[name];
    if (n !== undefined) return n;
  }
  throw new UserError(`invalid signal '${text}': use a name such as TERM or KILL, or a number from 1 to 64`);
}
