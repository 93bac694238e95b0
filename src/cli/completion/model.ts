// What the shell scripts need to know, read off the command declarations: for each
// command path, its subcommands, its flags (with the values each one takes) and what
// its positionals are. The bash, zsh and fish generators only print this.
import { GLOBAL_OPTIONS } from '../globals.js';
import type { CommandSpec, CompleteKind, Completion, OptionSpec } from '../spec.js';
import { formatFields } from './format-fields.js';

export interface FlagModel {
  long: string;
  /** A one-letter alias; longer aliases (`--net`) become flags of their own. */
  short?: string;
  description: string;
  takesValue: boolean;
  /** Fixed words to offer for the value. */
  values: readonly string[];
  /** Where else values come from: live names, paths, or both. */
  kinds: readonly CompleteKind[];
}

export interface PositionalModel {
  kinds: readonly CompleteKind[];
  values: readonly string[];
  variadic: boolean;
}

export interface CommandModel {
  /** The words after `boxctl`: [] for boxctl itself, ['image', 'ls'] for a subcommand. */
  path: readonly string[];
  summary: string;
  flags: readonly FlagModel[];
  positionals: readonly PositionalModel[];
  /** After this many positionals the rest of the line is the user's command (`run IMAGE CMD...`; 0 for `unshare CMD...`). */
  commandAfter?: number;
  children: readonly CommandModel[];
}

/** The kinds a declaration names, 'none' dropped: it only says that nothing is offered. */
function kindsOf(c: Completion | undefined): CompleteKind[] {
  return (typeof c === 'string' ? [c] : [...(c ?? [])]).filter((k) => k !== 'none');
}

/** What a --format value can be: json, a table, or a template over the command's fields. */
function formatValues(path: readonly string[]): string[] {
  const fields = formatFields(path);
  return ['json', ...(fields ? ['table', ...fields.map((f) => `{{.${f}}}`)] : [])];
}

function flags(name: string, o: OptionSpec, path: readonly string[]): FlagModel[] {
  const takesValue = o.type !== 'boolean';
  const values = o.choices ?? o.suggest ?? (name === 'format' && takesValue && !o.complete ? formatValues(path) : []);
  const base = { description: o.description, takesValue, values, kinds: kindsOf(o.complete) };
  const short = o.alias?.length === 1 ? o.alias : undefined;
  const out: FlagModel[] = [{ long: name, ...(short ? { short } : {}), ...base }];
  if (o.alias && !short) out.push({ long: o.alias, ...base });
  return out;
}

const HELP: FlagModel = { long: 'help', short: 'h', description: 'show help', takesValue: false, values: [], kinds: [] };

type Declared = Pick<CommandSpec, 'summary' | 'options' | 'positionals' | 'commandAfter' | 'passthrough' | 'subcommands'>;

export function commandModel(spec: Declared, path: readonly string[] = []): CommandModel {
  const options = Object.entries({ ...GLOBAL_OPTIONS, ...spec.options });
  const commandAfter = spec.passthrough ? 0 : spec.commandAfter;
  return {
    path,
    summary: spec.summary,
    flags: [...options.flatMap(([name, o]) => flags(name, o, path)), HELP],
    positionals: (spec.positionals ?? []).map((p) => ({ variadic: p.variadic === true, values: p.choices ?? [], kinds: kindsOf(p.complete) })),
    ...(commandAfter !== undefined ? { commandAfter } : {}),
    children: (spec.subcommands ?? []).filter((c) => !c.hidden).map((c) => commandModel(c, [...path, c.name])),
  };
}

/** boxctl and every command under it, hidden ones left out. */
export function rootModel(commands: readonly CommandSpec[]): CommandModel {
  return commandModel({ summary: 'A daemonless, rootless container manager', options: {}, subcommands: commands });
}

/** Every command of the tree, parents before children. */
export function walk(model: CommandModel): CommandModel[] {
  return [model, ...model.children.flatMap(walk)];
}
