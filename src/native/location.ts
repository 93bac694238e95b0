// Where the native build lives. The bundled CLI runs from dist/ and the sources from
// src/native/, so look one and two levels up; BOXCTL_NATIVE_DIR overrides both.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function nativeBuildDir(): string {
  if (cached) return cached;
  const override = process.env.BOXCTL_NATIVE_DIR;
  if (override) return (cached = override);
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['..', '../..']) {
    const candidate = join(here, up, 'native', 'build');
    if (existsSync(candidate)) return (cached = candidate);
  }
  return (cached = join(here, '..', 'native', 'build'));
}
