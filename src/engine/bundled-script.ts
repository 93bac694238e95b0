// Scripts that boxctl runs as separate processes (inside a user namespace) are bundled
// as their own entries beside the CLI: dist/NAME, found from dist/, dist/chunks/, or
// the source tree in tests.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { BoxctlError } from '../errors.js';

export function bundledScript(name: string, what: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, name), join(here, '..', name), join(here, '..', '..', 'dist', name)];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new BoxctlError(`${what} ${name} is missing next to ${here}: rebuild boxctl with 'npm run build'`);
  return found;
}
