// Running the C executables of native/. Each answers with one JSON line on stdout
// (native/README.md); this module turns that line into a value or a NativeError.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { BoxctlError, NativeError } from '../errors.js';
import { nativeBuildDir } from './location.js';

export type HelperName = 'boxctl-probe' | 'boxctl-runtime' | 'boxctl-monitor' | 'boxctl-init' | 'boxctl-ttyrelay';

export function helperPath(name: HelperName): string {
  return join(nativeBuildDir(), 'bin', name);
}

interface HelperFailure {
  ok: false;
  errno: number;
  error: string;
}

export async function runHelper<T extends object>(name: HelperName, args: readonly string[]): Promise<T> {
  const path = helperPath(name);
  if (!existsSync(path)) {
    throw new BoxctlError(`${name} is missing at ${path}: rebuild the native part with 'npm rebuild boxctl'`);
  }
  const child = spawn(path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const line = out.trim().split('\n').at(-1) ?? '';
  let parsed: (T & { ok: true }) | HelperFailure;
  try {
    parsed = JSON.parse(line) as (T & { ok: true }) | HelperFailure;
  } catch {
    const detail = err.trim() || `exit status ${code}`;
    throw new NativeError(`${name} ${args[0] ?? ''} gave no answer: ${detail}`, 0, name);
  }
  if (!parsed.ok) throw new NativeError(parsed.error, parsed.errno, name);
  return parsed;
}
