// One declaration per command. yargs is built from it today; the man pages and
// shell completions are to be generated from the same declarations, so a flag
// exists in one place only.
import type { Context } from './context.js';

export interface OptionSpec {
  type: 'string' | 'boolean' | 'number' | 'array';
  description: string;
  alias?: string;
  default?: string | boolean | number;
  /** Values offered by completion and checked by yargs. */
  choices?: readonly string[];
  /** A string option that may be given again and again (`-e A=1 -e B=2`): the handler gets string[]. */
  repeatable?: boolean;
}

export interface PositionalSpec {
  name: string;
  description: string;
  required: boolean;
  variadic?: boolean;
}

export interface CommandSpec {
  name: string;
  summary: string;
  description: string;
  examples: readonly { command: string; description: string }[];
  options: Readonly<Record<string, OptionSpec>>;
  positionals?: readonly PositionalSpec[];
  /** Everything after the command's name is the user's command line, untouched (`boxctl unshare ls -l`). */
  passthrough?: boolean;
  /**
   * Options come first, then this many positionals, then the user's command line,
   * untouched, in `args['--']` (`boxctl run -d IMAGE sh -c 'echo -d'`).
   */
  commandAfter?: number;
  /** A command group (`boxctl runtime create ...`) has subcommands instead of run. */
  subcommands?: readonly CommandSpec[];
  /** Resolves to the exit code. Heavy modules are imported inside, not at the top. */
  run?(ctx: Context, args: Readonly<Record<string, unknown>>): Promise<number>;
}
