// The full command-line parser: yargs, built from the command declarations. It owns
// --help, --version, and every message about a malformed command line; well-formed
// invocations usually never load it (fast-parse.ts).
import yargs, { type Argv } from 'yargs';

import { UserError } from '../errors.js';
import { GLOBAL_OPTIONS, VERSION } from './globals.js';
import { commands } from './registry.js';
import type { CommandSpec, OptionSpec } from './spec.js';

/** yargs' reading of the flags: exact names, no --no-x negation, positionals stay strings. */
export const PARSER_CONFIGURATION = { 'camel-case-expansion': false, 'boolean-negation': false, 'parse-positional-numbers': false } as const;

function option(o: OptionSpec) {
  return {
    type: o.type,
    describe: o.description,
    ...(o.alias ? { alias: o.alias } : {}),
    ...(o.default !== undefined ? { default: o.default } : {}),
    ...(o.choices ? { choices: [...o.choices] } : {}),
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

function register(y: Argv, spec: CommandSpec, parents: string, onCommand: OnCommand): void {
  y.command(
    usage(spec),
    spec.summary,
    (b) => {
      b.usage(`$0 ${parents}${usage(spec)}\n\n${spec.description}`);
      if (spec.passthrough) {
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
    async (args) => {
      if (spec.run) await onCommand(spec, args);
    },
  );
}

export async function parseWithYargs(argv: readonly string[], onCommand: OnCommand): Promise<void> {
  const parser = yargs([...argv])
    .parserConfiguration(PARSER_CONFIGURATION)
    .scriptName('boxctl')
    .usage('$0 <command> [options]\n\nA daemonless, rootless container manager.')
    .version(VERSION)
    .strict()
    .help()
    .alias('h', 'help')
    .exitProcess(false)
    .wrap(Math.min(100, process.stdout.columns || 80))
    .demandCommand(1, 'missing command: run boxctl --help to list them')
    .fail((msg, err) => {
      throw err ?? new UserError(msg.replace(/\s+/g, ' ').trim());
    });
  for (const [name, o] of Object.entries(GLOBAL_OPTIONS)) parser.option(name, { ...option(o), global: true });
  for (const spec of commands) register(parser, spec, '', onCommand);
  await parser.parseAsync();
}
