// The one place where an error becomes a message and an exit code.
import { BoxctlError } from '../errors.js';

export interface ExitReport {
  message: string;
  code: number;
}

export function toExit(e: unknown, debug = false): ExitReport {
  if (e instanceof BoxctlError) return { message: `Error: ${e.message}`, code: e.exitCode };
  const err = e as Error;
  const detail = debug && err?.stack ? err.stack : (err?.message ?? String(e));
  return { message: `Error: ${detail}`, code: 125 };
}
