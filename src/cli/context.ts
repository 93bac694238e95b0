// What a command handler gets instead of reaching for globals: where to write, what
// the terminal can do, and the global flags.

export interface GlobalOptions {
  root?: string | undefined;
  runroot?: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export interface Context {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Colour and cursor movement only on a terminal and without NO_COLOR. */
  color: boolean;
  globals: GlobalOptions;
}

export function makeContext(globals: GlobalOptions, env = process.env): Context {
  const tty = Boolean((process.stdout as { isTTY?: boolean }).isTTY);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    color: tty && env.NO_COLOR === undefined && env.TERM !== 'dumb',
    globals,
  };
}
