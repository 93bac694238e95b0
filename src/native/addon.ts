// The typed surface of the N-API addon (native/addon). Loaded on first use, so
// commands that never need it pay nothing at start-up.
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { BoxctlError } from '../errors.js';
import { nativeBuildDir } from './location.js';

export interface NativeAddon {
  /** The attribute's value, or null when the file has no such attribute. */
  lgetxattr(path: string, name: string): Buffer | null;
}

let addon: NativeAddon | undefined;

export function native(): NativeAddon {
  if (addon) return addon;
  const path = join(nativeBuildDir(), 'Release', 'boxctl_native.node');
  try {
    addon = createRequire(import.meta.url)(path) as NativeAddon;
  } catch (e) {
    throw new BoxctlError(`cannot load the native addon ${path}: rebuild it with 'npm rebuild boxctl'`, { cause: e });
  }
  return addon;
}
