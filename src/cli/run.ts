// Runs one boxctl command line and returns the exit code; never calls process.exit,
// so tests run it in-process. Plain command lines go through the fast parser; yargs
// is loaded only for help, version, and lines it must judge.
import { processStreams, type GlobalOptions, type Streams } from './context.js';
import { toExit } from './exit.js';
import { fastParse } from './fast-parse.js';
import { explainFailure } from './host-diagnosis.js';
import { commands } from './registry.js';
import type { CommandSpec } from './spec.js';

export { VERSION } from './globals.js';

/** The same shapes from both parsers: repeatable options as lists, the command line as a list. */
function normalise(spec: CommandSpec, args: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...args };
  for (const [name, o] of Object.entries(spec.options)) {
    if (!o.repeatable) continue;
    const v = out[name];
    out[name] = v === undefined ? [] : (Array.isArray(v) ? v : [v]).map(String);
  }
  if (spec.commandAfter !== undefined) out['--'] = ((out['--'] as unknown[] | undefined) ?? []).map(String);
  return out;
}

export async function run(argv: readonly string[], streams: Streams = processStreams()): Promise<number> {
  let debug = false;
  let ran: { command: string; globals: GlobalOptions } | undefined;
  const execute = async (spec: CommandSpec, args: Readonly<Record<string, unknown>>): Promise<number> => {
    const globals: GlobalOptions = {
      root: args.root as string | undefined,
      runroot: args.runroot as string | undefined,
      logLevel: args['log-level'] as GlobalOptions['logLevel'],
    };
    debug = globals.logLevel === 'debug';
    ran = { command: spec.name, globals };
    return spec.run ? spec.run({ ...streams, globals, argv }, normalise(spec, args)) : 0;
  };
  try {
    const fast = fastParse(argv, commands);
    if (fast) return await execute(fast.spec, fast.args);
    let code = 0;
    const { parseWithYargs } = await import('./yargs-parser.js');
    await parseWithYargs(argv, async (spec, args) => {
      code = await execute(spec, args);
    });
    return code;
  } catch (e) {
    const report = toExit(await explainFailure(ran?.command, ran?.globals, e), debug);
    streams.stderr.write(`${report.message}\n`);
    return report.code;
  }
}
