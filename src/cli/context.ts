// What a command handler gets instead of reaching for globals: where to write, what
// the terminal can do, and the global flags.

export interface GlobalOptions {
  root?: string | undefined;
  runroot?: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export interface Streams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Colour and cursor movement only on a terminal and without NO_COLOR. */
  color: boolean;
}

export interface Context extends Streams {
  globals: GlobalOptions;
  /** The command line after the program name, as given (what Podman keeps as CreateCommand). */
  argv: readonly string[];
}

export function processStreams(env = process.env): Streams {
  const tty = Boolean(process.stdout.isTTY);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    color: tty && env.NO_COLOR === undefined && env.TERM !== 'dumb',
  };
}
