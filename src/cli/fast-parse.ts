// A small parser for well-formed command lines, driven by the same declarations as
// yargs, so that running a command does not pay for loading yargs (about 100 ms, most
// of boxctl's start-up). It reads only the plain forms; for anything else (help,
// version, a malformed or unusual line) it returns undefined and yargs takes over,
// with its messages. test/unit/fast-parse.test.ts holds it to yargs' results.
import { GLOBAL_OPTIONS } from './globals.js';
import type { CommandSpec, OptionSpec } from './spec.js';

export interface FastParse {
  spec: CommandSpec;
  args: Record<string, unknown>;
}

type Options = Readonly<Record<string, OptionSpec>>;

/** Options by every name they answer to: --name, --alias, -a. */
function lookup(options: Options): Map<string, [string, OptionSpec]> {
  const map = new Map<string, [string, OptionSpec]>();
  for (const [name, o] of Object.entries(options)) {
    map.set(name, [name, o]);
    if (o.alias) map.set(o.alias, [name, o]);
  }
  return map;
}

function isOption(token: string): boolean {
  return token.startsWith('-') && token !== '-' && !/^-\d/.test(token);
}

/** The value of one option occurrence, or undefined when the line is not a plain one. */
function value(o: OptionSpec, inline: string | undefined, rest: string[]): unknown {
  switch (o.type) {
    case 'boolean':
      if (inline === undefined) return rest[0] === 'true' || rest[0] === 'false' ? undefined : true;
      return inline === 'true' ? true : inline === 'false' ? false : undefined;
    case 'string': {
      const v = inline ?? (rest.length > 0 && !isOption(rest[0]!) ? rest.shift() : undefined);
      return v === undefined || (o.choices && !o.choices.includes(v)) ? undefined : v;
    }
    case 'number': {
      const v = inline ?? (rest.length > 0 && !isOption(rest[0]!) ? rest.shift() : undefined);
      return v !== undefined && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;
    }
    case 'array': {
      // yargs reads every following word up to the next option into the array.
      const items = inline === undefined ? [] : [inline];
      while (rest.length > 0 && !isOption(rest[0]!)) items.push(rest.shift()!);
      return items.length > 0 ? items : undefined;
    }
  }
}

export function fastParse(argv: readonly string[], commands: readonly CommandSpec[]): FastParse | undefined {
  const rest = [...argv];
  const args: Record<string, unknown> = {};
  const path: string[] = [];
  const positionals: string[] = [];
  let level: readonly CommandSpec[] = commands;
  let spec: CommandSpec | undefined;
  let options = lookup(GLOBAL_OPTIONS);

  while (rest.length > 0) {
    const token = rest.shift()!;
    if (token === '--') return undefined;
    if (!isOption(token)) {
      const sub = positionals.length === 0 ? level.find((c) => c.name === token) : undefined;
      if (sub && (!spec || spec.subcommands)) {
        spec = sub;
        path.push(token);
        level = sub.subcommands ?? [];
        options = lookup({ ...GLOBAL_OPTIONS, ...sub.options });
        if (sub.passthrough) {
          // yargs' halt-at-non-option: our options stop at the first word of the command.
          if (rest.length > 0 && isOption(rest[0]!) && rest[0] !== '--') return undefined;
          args['--'] = [token, ...rest];
          rest.length = 0;
        }
        continue;
      }
      if (!spec || spec.subcommands) return undefined;
      positionals.push(token);
      if (spec.commandAfter !== undefined && positionals.length === spec.commandAfter && rest.length > 0) {
        // As yargs gives it: the command line, or no key at all when there is none.
        args['--'] = rest.splice(0);
      }
      continue;
    }
    if (token === '-h' || token === '--help' || token === '--version') return undefined;
    let names: string[];
    let inline: string | undefined;
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      names = [eq < 0 ? token.slice(2) : token.slice(2, eq)];
      inline = eq < 0 ? undefined : token.slice(eq + 1);
    } else {
      // -abc: short booleans together; a value may only follow the last one.
      names = [...token.slice(1)];
    }
    for (const [i, name] of names.entries()) {
      const found = options.get(name);
      if (!found) return undefined;
      const [key, o] = found;
      if (i < names.length - 1 && o.type !== 'boolean') return undefined;
      const v = value(o, inline, rest);
      if (v === undefined) return undefined;
      if (o.repeatable && key in args) {
        // As yargs does: one occurrence is a string, several an array.
        args[key] = [...(Array.isArray(args[key]) ? (args[key] as unknown[]) : [args[key]]), v];
        continue;
      }
      if (key in args && o.type !== 'array') return undefined;
      args[key] = o.type === 'array' && Array.isArray(args[key]) ? [...(args[key] as unknown[]), ...(v as unknown[])] : v;
    }
  }
  if (!spec || spec.subcommands || !spec.run) return undefined;

  const declared = spec.positionals ?? [];
  for (const [i, p] of declared.entries()) {
    if (p.variadic) {
      const all = positionals.slice(i);
      if (all.length === 0 && p.required) return undefined;
      // yargs gives an absent variadic positional an empty list.
      args[p.name] = all;
      positionals.length = i;
      break;
    }
    const v = positionals[i];
    if (v === undefined) {
      if (p.required) return undefined;
      continue;
    }
    args[p.name] = v;
  }
  if (positionals.length > declared.length && !declared.some((p) => p.variadic)) return undefined;

  for (const [name, o] of Object.entries({ ...GLOBAL_OPTIONS, ...spec.options })) {
    if (!(name in args) && o.default !== undefined) args[name] = o.default;
  }
  args._ = path;
  return { spec, args };
}
