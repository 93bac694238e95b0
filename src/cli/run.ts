// Builds the yargs parser from the command declarations and runs one command.
// Returns the exit code; never calls process.exit, so tests can run it in-process.
import yargs, { type Argv } from 'yargs';

import { UserError } from '../errors.js';
import { processStreams, type GlobalOptions, type Streams } from './context.js';
import { toExit } from './exit.js';
import { commands } from './registry.js';
import type { CommandSpec } from './spec.js';

declare const __BOXCTL_VERSION__: string | undefined;
export const VERSION = typeof __BOXCTL_VERSION__ === 'string' ? __BOXCTL_VERSION__ : '0.0.0-dev';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

function declare(y: Argv, spec: CommandSpec, parents: string, register: (y: Argv, spec: CommandSpec, parents: string) => void): Argv {
  y.usage(`$0 ${parents}${usage(spec)}\n\n${spec.description}`);
  if (spec.passthrough) {
    // Stop at the first word that is not our own option, and hand the rest over
    // verbatim: no option parsing, no number coercion (1e3 stays 1e3).
    y.parserConfiguration({
      'camel-case-expansion': false,
      'boolean-negation': false,
      'halt-at-non-option': true,
      'populate--': true,
      'parse-positional-numbers': false,
    });
  }
  if (spec.subcommands) {
    for (const sub of spec.subcommands) register(y, sub, `${parents}${spec.name} `);
    y.demandCommand(1, `missing subcommand: run 'boxctl ${parents}${spec.name} --help' to list them`);
  }
  for (const [name, o] of Object.entries(spec.options)) {
    y.option(name, {
      type: o.type,
      describe: o.description,
      ...(o.alias ? { alias: o.alias } : {}),
      ...(o.default !== undefined ? { default: o.default } : {}),
      ...(o.choices ? { choices: [...o.choices] } : {}),
    });
  }
  for (const p of spec.positionals ?? []) {
    y.positional(p.name, { describe: p.description, type: 'string', ...(p.variadic ? { array: true } : {}) });
  }
  for (const ex of spec.examples) y.example(ex.command, ex.description);
  return y;
}

function usage(spec: CommandSpec): string {
  const pos = (spec.positionals ?? []).map((p) => {
    const inner = `${p.name}${p.variadic ? '..' : ''}`;
    return p.required ? `<${inner}>` : `[${inner}]`;
  });
  return [spec.name, ...pos].join(' ');
}

export async function run(argv: readonly string[], streams: Streams = processStreams()): Promise<number> {
  let code = 0;
  let debug = false;
  const parser = yargs([...argv])
    // Flags keep their exact names: Podman has --no-hosts and --no-stream, which
    // yargs would otherwise read as the negation of --hosts and --stream.
    // Positionals are names and ids: '1e3' is a container called 1e3, not 1000.
    .parserConfiguration({ 'camel-case-expansion': false, 'boolean-negation': false, 'parse-positional-numbers': false })
    .scriptName('boxctl')
    .usage('$0 <command> [options]\n\nA daemonless, rootless container manager.')
    .version(VERSION)
    .strict()
    .help()
    .alias('h', 'help')
    .exitProcess(false)
    .wrap(Math.min(100, process.stdout.columns || 80))
    .option('root', { type: 'string', describe: 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)', global: true })
    .option('runroot', { type: 'string', describe: 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)', global: true })
    .option('log-level', { choices: LOG_LEVELS, default: 'warn' as const, describe: 'how much to log on stderr', global: true })
    .demandCommand(1, 'missing command: run boxctl --help to list them')
    .fail((msg, err) => {
      throw err ?? new UserError(msg.replace(/\s+/g, ' ').trim());
    });
  const register = (y: Argv, spec: CommandSpec, parents: string): void => {
    y.command(
      usage(spec),
      spec.summary,
      (b) => declare(b, spec, parents, register),
      async (args) => {
        if (!spec.run) return;
        const globals: GlobalOptions = {
          root: args.root as string | undefined,
          runroot: args.runroot as string | undefined,
          logLevel: args['log-level'] as GlobalOptions['logLevel'],
        };
        debug = globals.logLevel === 'debug';
        code = await spec.run({ ...streams, globals }, args);
      },
    );
  };
  for (const spec of commands) register(parser, spec, '');
  try {
    const first = argv.find((a) => !a.startsWith('-'));
    if (first !== undefined && first === argv[0] && !commands.some((c) => c.name === first)) {
      throw new UserError(`unknown command '${first}': run 'boxctl --help' to list the commands`);
    }
    await parser.parseAsync();
  } catch (e) {
    const report = toExit(e, debug);
    streams.stderr.write(`${report.message}\n`);
    return report.code;
  }
  return code;
}
