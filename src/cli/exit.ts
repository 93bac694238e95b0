// The one place where an error becomes a message and an exit code.
import { BoxctlError } from '../errors.js';

export interface ExitReport {
  message: string;
  code: number;
}

/** One line, whatever the error carried (a helper's stderr, a wrapped message). */
function oneLine(text: string): string {
  return text
    .trim()
    .split(/\s*\n\s*/)
    .filter((l) => l !== '')
    .join('; ');
}

export function toExit(e: unknown, debug = false): ExitReport {
  if (e instanceof BoxctlError) return { message: `Error: ${oneLine(e.message)}`, code: e.exitCode };
  const err = e as Error;
  if (debug && err?.stack) return { message: `Error: ${err.stack}`, code: 125 };
  return { message: `Error: ${oneLine(err?.message ?? String(e))}`, code: 125 };
}
