// The full command-line parser: yargs, built from the command declarations. It owns
// --help, --version, and every message about a malformed command line; well-formed
// invocations usually never load it (fast-parse.ts).
import yargs, { type Argv } from 'yargs';

import { UserError } from '../errors.js';
import { GLOBAL_OPTIONS, VERSION } from './globals.js';
import { commands } from './registry.js';
import type { CommandSpec, OptionSpec } from './spec.js';
import { explainUsage, lineError } from './usage-errors.js';

/** yargs' reading of the flags: exact names, no --no-x negation, positionals stay strings. */
export const PARSER_CONFIGURATION = { 'camel-case-expansion': false, 'boolean-negation': false, 'parse-positional-numbers': false } as const;

function option(o: OptionSpec) {
  return {
    type: o.type,
    describe: o.description,
    ...(o.alias ? { alias: o.alias } : {}),
    ...(o.default !== undefined ? { default: o.default } : {}),
    ...(o.choices ? { choices: [...o.choices] } : {}),
    // `--format` alone is a mistake, not an empty format.
    ...(o.type !== 'boolean' ? { requiresArg: true } : {}),
  };
}

export function usage(spec: CommandSpec): string {
  const pos = (spec.positionals ?? []).map((p) => {
    const inner = `${p.name}${p.variadic ? '..' : ''}`;
    return p.required ? `<${inner}>` : `[${inner}]`;
  });
  return [spec.name, ...pos].join(' ');
}

type OnCommand = (spec: CommandSpec, args: Readonly<Record<string, unknown>>) => Promise<void>;

/** The line being parsed: `boxctl unshare --help` asks for help, `boxctl unshare ls --help` does not. */
let line: readonly string[] = [];

function helpFor(name: string): boolean {
  const at = line.indexOf(name);
  return at >= 0 && (line[at + 1] === '--help' || line[at + 1] === '-h');
}

function register(y: Argv, spec: CommandSpec, parents: string, onCommand: OnCommand): void {
  y.command({
    command: usage(spec),
    describe: spec.hidden ? false : spec.summary,
    builder: (b) => {
      b.usage(`$0 ${parents}${usage(spec)}\n\n${spec.description}`);
      if (spec.commandAfter !== undefined) {
        b.parserConfiguration({ ...PARSER_CONFIGURATION, 'populate--': true });
      }
      if (spec.passthrough && !helpFor(spec.name)) {
        // Stop at the first word that is not our own option, and hand the rest over
        // verbatim: no option parsing, no number coercion (1e3 stays 1e3).
        b.parserConfiguration({ ...PARSER_CONFIGURATION, 'halt-at-non-option': true, 'populate--': true });
      }
      if (spec.subcommands) {
        for (const sub of spec.subcommands) register(b, sub, `${parents}${spec.name} `, onCommand);
        b.demandCommand(1, `missing subcommand: run 'boxctl ${parents}${spec.name} --help' to list them`);
      }
      for (const [name, o] of Object.entries(spec.options)) b.option(name, option(o));
      for (const p of spec.positionals ?? []) {
        b.positional(p.name, { describe: p.description, type: 'string', ...(p.variadic ? { array: true } : {}) });
      }
      for (const ex of spec.examples) b.example(ex.command, ex.description);
      return b;
    },
    handler: async (args) => {
      if (spec.run) await onCommand(spec, args);
    },
  });
}

/** How many words an option takes from the line after its own (0 or 1). */
function optionWords(token: string, options: Readonly<Record<string, OptionSpec>>): number {
  const byName = (n: string) => Object.entries(options).find(([name, o]) => name === n || o.alias === n)?.[1];
  if (token.startsWith('--')) {
    if (token.includes('=')) return 0;
    const o = byName(token.slice(2));
    return o && o.type !== 'boolean' ? 1 : 0;
  }
  const last = byName(token.slice(-1));
  return token.length === 2 && last && last.type !== 'boolean' ? 1 : 0;
}

/**
 * For a command that takes a command line after its positionals (`run IMAGE CMD...`),
 * marks where that line starts with `--`, so that yargs leaves it untouched.
 */
export function separateCommand(argv: readonly string[]): string[] {
  let level: readonly CommandSpec[] = commands;
  let options: Readonly<Record<string, OptionSpec>> = GLOBAL_OPTIONS;
  let spec: CommandSpec | undefined;
  let seen = 0;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') return [...argv];
    if (token.startsWith('-') && token !== '-') {
      i += optionWords(token, options);
      continue;
    }
    const sub = spec?.commandAfter === undefined ? level.find((c) => c.name === token) : undefined;
    if (sub) {
      spec = sub;
      level = sub.subcommands ?? [];
      options = { ...GLOBAL_OPTIONS, ...sub.options };
      continue;
    }
    if (spec?.commandAfter === undefined) return [...argv];
    if (++seen === spec.commandAfter) return [...argv.slice(0, i + 1), '--', ...argv.slice(i + 1)];
  }
  return [...argv];
}

export async function parseWithYargs(argv: readonly string[], onCommand: OnCommand): Promise<void> {
  const early = lineError(argv, commands);
  if (early) throw new UserError(early);
  line = argv;
  const parser = yargs(separateCommand(argv))
    .parserConfiguration(PARSER_CONFIGURATION)
    .scriptName('boxctl')
    .usage('$0 <command> [options]\n\nA daemonless, rootless container manager.')
    .version(VERSION)
    .strict()
    .help()
    .alias('h', 'help')
    .exitProcess(false)
    .wrap(Math.min(100, process.stdout.columns || 80))
    .demandCommand(1, "missing command: run 'boxctl --help' to list them")
    .fail((msg, err) => {
      // yargs' own complaints (YError) are about the line; anything else came from a handler.
      if (err && err.name !== 'YError') throw err;
      throw new UserError(explainUsage(msg ?? err?.message ?? '', argv, commands));
    });
  for (const [name, o] of Object.entries(GLOBAL_OPTIONS)) parser.option(name, { ...option(o), global: true });
  for (const spec of commands) register(parser, spec, '', onCommand);
  await parser.parseAsync();
}
