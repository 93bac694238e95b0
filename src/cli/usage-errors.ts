// Mistakes on the command line, said as Podman says them (unknown flag, unknown command,
// a flag without its value, a wrong value) in one line that names the command to ask
// for help. yargs finds most of them; its messages are reworded here. It lets two
// through silently (`--all=maybe` is false, `--last abc` is null), so the raw words
// are checked here too. Pure: the caller passes the command line and the declarations.
import { GLOBAL_OPTIONS } from './globals.js';
import type { CommandSpec, OptionSpec } from './spec.js';

type Options = Readonly<Record<string, OptionSpec>>;

export interface CommandLine {
  /** The command words that were recognised: ['volume', 'ls']. */
  path: string[];
  /** The deepest command recognised, undefined for none. */
  spec: CommandSpec | undefined;
  /** Every option in scope there: the globals and the command's own. */
  options: Options;
  /** The words that are neither commands nor options, up to the user's own command line. */
  positionals: string[];
  /** Option words with their values, up to the user's own command line. */
  flags: { token: string; name: string; value: string | undefined }[];
  /** --help, -h or --version was given: yargs prints and nothing runs. */
  help: boolean;
}

function byName(options: Options, name: string): [string, OptionSpec] | undefined {
  return Object.entries(options).find(([n, o]) => n === name || o.alias === name);
}

/**
 * Reads the line as the parsers do, without judging it: which command it names, its
 * positionals, its flags. Stops where the user's own command line starts (`run IMAGE
 * CMD...`, `unshare CMD...`, `--`).
 */
export function readCommandLine(argv: readonly string[], commands: readonly CommandSpec[]): CommandLine {
  const line: CommandLine = { path: [], spec: undefined, options: GLOBAL_OPTIONS, positionals: [], flags: [], help: false };
  let level: readonly CommandSpec[] = commands;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    if (token.startsWith('-') && token !== '-' && !/^-\d/.test(token)) {
      if (token === '-h' || token === '--help' || token === '--version') {
        line.help = true;
        continue;
      }
      const eq = token.indexOf('=');
      const names = token.startsWith('--') ? [token.slice(2, eq < 0 ? undefined : eq)] : [...token.slice(1)];
      names.forEach((name, k) => {
        const found = byName(line.options, name);
        let value: string | undefined;
        if (token.startsWith('--') && eq >= 0) value = token.slice(eq + 1);
        else if (found && found[1].type !== 'boolean' && k === names.length - 1 && i + 1 < argv.length) value = argv[++i];
        line.flags.push({ token, name, value });
      });
      continue;
    }
    const sub = line.positionals.length === 0 ? level.find((c) => c.name === token) : undefined;
    if (sub && (!line.spec || line.spec.subcommands)) {
      line.path.push(token);
      line.spec = sub;
      line.options = { ...GLOBAL_OPTIONS, ...sub.options };
      level = sub.subcommands ?? [];
      if (sub.passthrough) break;
      continue;
    }
    line.positionals.push(token);
    if (line.spec?.commandAfter !== undefined && line.positionals.length >= line.spec.commandAfter) break;
  }
  return line;
}

function helpHint(path: readonly string[], what: string): string {
  return `run '${['boxctl', ...path, '--help'].join(' ')}' to list ${what}`;
}

function usageLine(spec: CommandSpec, path: readonly string[]): string {
  const pos = (spec.positionals ?? []).map((p) => {
    const inner = `${p.name}${p.variadic ? '...' : ''}`;
    return p.required ? `<${inner}>` : `[${inner}]`;
  });
  const tail = spec.commandAfter !== undefined ? ['[command...]'] : spec.passthrough ? ['<command...>'] : [];
  return ['boxctl', ...path, ...(Object.keys(spec.options).length > 0 ? ['[options]'] : []), ...pos, ...tail].join(' ');
}

function unknownWord(line: CommandLine, word: string): string {
  if (line.spec === undefined) return `unknown command '${word}': ${helpHint([], 'the commands')}`;
  if (line.spec.subcommands) return `unknown command '${word}' for 'boxctl ${line.path.join(' ')}': ${helpHint(line.path, 'its commands')}`;
  return `unexpected argument '${word}': usage: ${usageLine(line.spec, line.path)}`;
}

/** The first unknown flag of the line, said as Podman says it. */
function unknownFlag(line: CommandLine): string | undefined {
  const bad = line.flags.find((f) => !byName(line.options, f.name));
  if (!bad) return undefined;
  const shown = bad.token.startsWith('--') ? `--${bad.name}` : `-${bad.name}`;
  return `unknown flag: ${shown}: ${helpHint(line.path, 'the flags')}`;
}

/** Values yargs would take without a word: a boolean given `=maybe`, a number given `abc`. */
function badValue(line: CommandLine): string | undefined {
  for (const f of line.flags) {
    const found = byName(line.options, f.name);
    if (!found || f.value === undefined) continue;
    const [name, o] = found;
    if (o.type === 'boolean' && f.value !== 'true' && f.value !== 'false') {
      return `invalid value '${f.value}' for --${name}: it is true or false (or just --${name})`;
    }
    if (o.type === 'number' && (f.value.trim() === '' || !Number.isFinite(Number(f.value)))) {
      return `invalid value '${f.value}' for --${name}: give a number`;
    }
  }
  return undefined;
}

/**
 * What is wrong with the line before yargs reads it: a command that does not exist
 * (even with --help), an unknown flag (yargs would take `--bogus ps` for bogus=ps),
 * a value yargs would misread. Undefined when yargs may go ahead.
 */
export function lineError(argv: readonly string[], commands: readonly CommandSpec[]): string | undefined {
  const line = readCommandLine(argv, commands);
  if (line.spec === undefined && line.positionals.length > 0) return unknownWord(line, line.positionals[0]!);
  if (line.help) return undefined;
  return unknownFlag(line) ?? badValue(line);
}

/** yargs' message about a line, reworded into one line that says what to do. */
export function explainUsage(message: string, argv: readonly string[], commands: readonly CommandSpec[]): string {
  const line = readCommandLine(argv, commands);
  const text = message.replace(/\s+/g, ' ').trim();
  let m: RegExpMatchArray | null;
  if (/^Unknown arguments?: /.test(text)) {
    const flag = unknownFlag(line);
    if (flag) return flag;
    const declared = line.spec?.positionals?.length ?? 0;
    const variadic = line.spec?.positionals?.some((p) => p.variadic) ?? false;
    const extra = line.spec?.subcommands || line.spec === undefined ? line.positionals[0] : variadic ? undefined : line.positionals[declared];
    if (extra !== undefined) return unknownWord(line, extra);
  }
  if ((m = text.match(/^Not enough arguments following: (\S+)$/))) {
    const found = byName(line.options, m[1]!);
    return `flag needs an argument: --${found?.[0] ?? m[1]}: ${helpHint(line.path, 'the flags')}`;
  }
  if ((m = text.match(/^Invalid values: Argument: (\S+), Given: "(.*)", Choices: (.*)$/))) {
    const choices = m[3]!.split(', ').map((c) => c.replace(/^"|"$/g, ''));
    return `invalid value '${m[2]}' for --${m[1]}: use ${choices.join(', ')}`;
  }
  if (/^Not enough non-option arguments/.test(text) && line.spec) {
    const missing = (line.spec.positionals ?? []).filter((p) => p.required).slice(line.positionals.length);
    const names = missing.map((p) => `<${p.name}>`).join(' ');
    return `missing ${names || 'arguments'}: usage: ${usageLine(line.spec, line.path)}`;
  }
  return text.charAt(0).toLowerCase() + text.slice(1);
}
