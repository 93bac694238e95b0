import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';

/** The first executable called `name` on PATH, then in the sbin dirs a user's PATH often lacks. */
export function which(name: string, path = process.env.PATH ?? ''): string | undefined {
  const dirs = [...path.split(':'), '/usr/local/sbin', '/usr/sbin', '/sbin'].filter((d) => d !== '');
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}
