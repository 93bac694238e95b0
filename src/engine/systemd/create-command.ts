// Reads back the command line that created a container (its createCommand, as
// Podman's Config.CreateCommand) with the flag declarations of `run`, so that a unit
// can run it again with some flags taken out or replaced. The declarations come from
// the caller: this module knows the shape of flags, not boxctl's list of them.
import { UserError } from '../../errors.js';

export interface FlagShape {
  type: 'string' | 'boolean' | 'number' | 'array';
  alias?: string;
}

export type FlagTable = Readonly<Record<string, FlagShape>>;

/** One flag as given: its declared name, and its value (true/false for booleans). */
export interface GivenFlag {
  name: string;
  value: string | boolean;
}

export interface CreateCommand {
  verb: 'run' | 'create';
  /** The global flags before the verb (--root, --runroot, --log-level). */
  globals: GivenFlag[];
  flags: GivenFlag[];
  image: string;
  /** The container's command and arguments after the image, untouched. */
  command: string[];
}

function lookup(table: FlagTable): Map<string, [string, FlagShape]> {
  const map = new Map<string, [string, FlagShape]>();
  for (const [name, shape] of Object.entries(table)) {
    map.set(name, [name, shape]);
    if (shape.alias) map.set(shape.alias, [name, shape]);
  }
  return map;
}

const isFlag = (word: string): boolean => word.startsWith('-') && word !== '-' && !/^-\d/.test(word);

/**
 * Reads flags from `words` (consumed from the front) until the first word that is not
 * one, as yargs reads them: --name=V, --name V, --no-bool, -abc (booleans together; the
 * last may take a value, attached or as the next word).
 */
function readFlags(words: string[], table: FlagTable, where: string): GivenFlag[] {
  const known = lookup(table);
  const out: GivenFlag[] = [];
  const valueOf = (name: string, shape: FlagShape, inline: string | undefined): string | boolean => {
    if (shape.type === 'boolean') {
      if (inline === undefined) return true;
      if (inline === 'true' || inline === 'false') return inline === 'true';
      throw new UserError(`${where}: --${name} takes true or false, not '${inline}'`);
    }
    const v = inline ?? words.shift();
    if (v === undefined) throw new UserError(`${where}: --${name} lacks its value`);
    return v;
  };
  while (words.length > 0 && isFlag(words[0]!)) {
    const word = words.shift()!;
    if (word === '--') break;
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const given = eq < 0 ? word.slice(2) : word.slice(2, eq);
      const inline = eq < 0 ? undefined : word.slice(eq + 1);
      const found = known.get(given);
      if (found) {
        out.push({ name: found[0], value: valueOf(found[0], found[1], inline) });
        continue;
      }
      const negated = given.startsWith('no-') ? known.get(given.slice(3)) : undefined;
      if (negated?.[1].type === 'boolean' && inline === undefined) {
        out.push({ name: negated[0], value: false });
        continue;
      }
      throw new UserError(`${where}: unknown flag --${given}`);
    }
    const cluster = word.slice(1);
    for (let i = 0; i < cluster.length; i++) {
      const found = known.get(cluster[i]!);
      if (!found) throw new UserError(`${where}: unknown flag -${cluster[i]}`);
      const [name, shape] = found;
      if (shape.type === 'boolean') {
        out.push({ name, value: true });
        continue;
      }
      const attached = cluster.slice(i + 1).replace(/^=/, '');
      out.push({ name, value: valueOf(name, shape, attached === '' ? undefined : attached) });
      break;
    }
  }
  return out;
}

/**
 * createCommand split into its parts. `flags` declares the flags of run (create's are
 * a subset), `globals` the global ones; `where` names the container in errors.
 */
export function parseCreateCommand(argv: readonly string[], flags: FlagTable, globals: FlagTable, where: string): CreateCommand {
  const words = [...argv];
  const globalFlags = readFlags(words, globals, where);
  if (words[0] === 'container') words.shift();
  const verb = words.shift();
  if (verb !== 'run' && verb !== 'create') throw new UserError(`${where}: it was made by '${verb ?? ''}', not by run or create`);
  // yargs takes the global flags after the verb too.
  const given = readFlags(words, { ...globals, ...flags }, where);
  const image = words.shift();
  if (image === undefined) throw new UserError(`${where}: it names no image`);
  const isGlobal = (f: GivenFlag) => Object.hasOwn(globals, f.name);
  return { verb, globals: [...globalFlags, ...given.filter(isGlobal)], flags: given.filter((f) => !isGlobal(f)), image, command: words };
}

/**
 * A flag back as words, in the long form that needs no knowledge of aliases; a value
 * that could pass for a flag is attached with '='.
 */
export function flagWords(flag: GivenFlag): string[] {
  if (flag.value === true) return [`--${flag.name}`];
  if (flag.value === false) return [`--${flag.name}=false`];
  return flag.value === '' || flag.value.startsWith('-') ? [`--${flag.name}=${flag.value}`] : [`--${flag.name}`, flag.value];
}
