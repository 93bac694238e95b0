// One declaration per command. yargs, the man pages (src/cli/man) and the shell
// completions (src/cli/completion) are all made from it, so a flag exists in one
// place only.
import type { Context } from './context.js';

/**
 * What a shell offers for a value: live names that `boxctl __complete KIND` reads from
 * the stores, paths, or nothing (free text such as a new name).
 */
export type CompleteKind = 'containers' | 'images' | 'volumes' | 'files' | 'directories' | 'none';

/** One kind, or several offered together (`-v`: volume names and host paths). */
export type Completion = CompleteKind | readonly CompleteKind[];

export interface OptionSpec {
  type: 'string' | 'boolean' | 'number' | 'array';
  description: string;
  alias?: string;
  default?: string | boolean | number;
  /** Values offered by completion and checked by yargs. */
  choices?: readonly string[];
  /** A string option that may be given again and again (`-e A=1 -e B=2`): the handler gets string[]. */
  repeatable?: boolean;
  /** Where completion finds values (choices, when there are some, come first). */
  complete?: Completion;
  /** Values completion suggests but yargs does not enforce (`on-failure` of `on-failure:3`). */
  suggest?: readonly string[];
  /** What the man page calls the value: `--volume=SOURCE:DEST[:OPTIONS]` (default: from choices, completion or type). */
  valueName?: string;
}

export interface PositionalSpec {
  name: string;
  description: string;
  required: boolean;
  variadic?: boolean;
  /** Where completion finds values; none given: nothing is offered. */
  complete?: Completion;
  /** The only words it takes, offered by completion (the handler checks them). */
  choices?: readonly string[];
}

export interface CommandSpec {
  name: string;
  summary: string;
  description: string;
  examples: readonly { command: string; description: string }[];
  /** More paragraphs for the man page's DESCRIPTION (how it works, what to know), after the description. */
  details?: readonly string[];
  options: Readonly<Record<string, OptionSpec>>;
  positionals?: readonly PositionalSpec[];
  /** Everything after the command's name is the user's command line, untouched (`boxctl unshare ls -l`). */
  passthrough?: boolean;
  /**
   * Options come first, then this many positionals, then the user's command line,
   * untouched, in `args['--']` (`boxctl run -d IMAGE sh -c 'echo -d'`).
   */
  commandAfter?: number;
  /** Left out of --help, the man pages and completion (`boxctl __complete`, for the shell scripts). */
  hidden?: boolean;
  /** A command group (`boxctl runtime create ...`) has subcommands instead of run. */
  subcommands?: readonly CommandSpec[];
  /** Resolves to the exit code. Heavy modules are imported inside, not at the top. */
  run?(ctx: Context, args: Readonly<Record<string, unknown>>): Promise<number>;
}
