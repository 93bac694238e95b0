// Manual pages from the command declarations: boxctl(1), one page per command and
// subcommand (boxctl-run(1), boxctl-image-history(1)), and the section 5 pages of the
// files boxctl reads.
import { GLOBAL_OPTIONS } from '../globals.js';
import type { CommandSpec, OptionSpec, PositionalSpec } from '../spec.js';
import { FILE_PAGES, type FilePage } from './files.js';
import { bold, esc, italic, literal, para, section, tagged } from './roff.js';
import { otherPages, relatedCommands } from './see-also.js';

export interface ManPage {
  /** The file name under man/: boxctl-run.1. */
  file: string;
  text: string;
}

const pageName = (path: readonly string[]): string => ['boxctl', ...path].join('-');
const ref = (path: readonly string[]): string => `${bold(pageName(path))}(1)`;

function header(name: string, sectionNo: number, summary: string, version: string): string {
  const manual = sectionNo === 1 ? 'User Commands' : 'File Formats';
  return [`.TH "${name.toUpperCase()}" "${sectionNo}" "" "boxctl ${version}" "${manual}"`, section('NAME'), `${esc(name)} \\- ${esc(summary)}`].join('\n');
}

const KIND_VALUES: Readonly<Record<string, string>> = { files: 'file', directories: 'dir', containers: 'container', images: 'image', volumes: 'volume' };

/** What the value is called after `=`: declared, the choices when few, what completion offers, or its type. */
function valueName(name: string, o: OptionSpec): string {
  if (o.valueName) return o.valueName;
  // --format takes json, table or a template: Podman's pages call it format too.
  if (name === 'format' && !o.choices) return 'format';
  const choices = o.choices?.join('|');
  if (choices && choices.length <= 30) return choices;
  if (o.type === 'number') return 'number';
  const kinds = typeof o.complete === 'string' ? [o.complete] : (o.complete ?? []);
  const named = kinds.map((k) => KIND_VALUES[k]).filter((k) => k !== undefined);
  return named.length > 0 ? named.join('|') : 'value';
}

function flagTag(name: string, o: OptionSpec): string {
  const value = o.type === 'boolean' ? '' : `=${italic(valueName(name, o))}`;
  const alias = o.alias ? (o.alias.length === 1 ? `${bold(`-${o.alias}`)}, ` : `${bold(`--${o.alias}`)}, `) : '';
  return `${alias}${bold(`--${name}`)}${value}`;
}

function flagBody(o: OptionSpec): string {
  const notes: string[] = [];
  if (o.choices) notes.push(`one of: ${o.choices.join(', ')}`);
  if (o.repeatable || o.type === 'array') notes.push('may be given more than once');
  if (o.default !== undefined && o.default !== false && o.default !== '') notes.push(`default: ${String(o.default)}`);
  return notes.length > 0 ? `${o.description} (${notes.join('; ')})` : o.description;
}

/** In alphabetical order, as Podman's pages list them: a long page is searched, not read through. */
function options(opts: Readonly<Record<string, OptionSpec>>): string[] {
  return Object.entries(opts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, o]) => tagged(flagTag(name, o), flagBody(o)));
}

function positional(p: PositionalSpec): string {
  const inner = `${italic(p.name)}${p.variadic ? ' ...' : ''}`;
  return p.required ? inner : `[${inner}]`;
}

function synopsis(spec: CommandSpec, path: readonly string[]): string {
  const words = [bold(['boxctl', ...path].join(' '))];
  if (spec.subcommands) words.push(italic('command'));
  if (Object.keys(spec.options).length > 0) words.push(`[${italic('options')}]`);
  words.push(...(spec.positionals ?? []).map(positional));
  if (spec.commandAfter !== undefined) words.push(`[${italic('command')} [${italic('arg')} ...]]`);
  if (spec.passthrough && !spec.positionals?.length) words.push(`[${italic('command')} [${italic('arg')} ...]]`);
  return words.join(' ');
}

function exitStatus(spec: CommandSpec): string[] {
  const rows = [tagged(bold('0'), 'success'), tagged(bold('125'), 'boxctl itself failed: a bad flag, a missing container or image, a failed pull; the message says what to do')];
  if (spec.commandAfter !== undefined || spec.passthrough) {
    rows.push(tagged(bold('126'), 'the command was found but could not be run'));
    rows.push(tagged(bold('127'), 'the command was not found'));
    rows.push(tagged(italic('other'), "the command's own exit status"));
  }
  return [section('EXIT STATUS'), ...rows];
}

const IMAGE_TEXT = [
  'An image is named REGISTRY/REPOSITORY[:TAG] (the tag defaults to latest) or REGISTRY/REPOSITORY@DIGEST, for example docker.io/library/alpine:3.20. Images made here are named localhost/NAME.',
  'A short name such as alpine is looked up among the local images first; to pull, it is resolved through the aliases and the unqualified-search registries of registries.conf (see boxctl-registries.conf(5)), and a name that several registries could serve is refused with the candidates listed.',
  'A local image may also be named by its id, or by a unique beginning of it (at least three hex digits), as boxctl images shows it.',
];

/** The pages of the tree with the same handler: one command under several names (run and container run). */
type Aliases = ReadonlyMap<CommandSpec['run'], readonly (readonly string[])[]>;

function commandPage(spec: CommandSpec, path: readonly string[], version: string, aliases: Aliases, pages: ReadonlySet<string>): ManPage {
  const visible = (spec.subcommands ?? []).filter((c) => !c.hidden);
  const others = (spec.run && aliases.get(spec.run)?.filter((p) => p.join(' ') !== path.join(' '))) || [];
  const lines = [header(pageName(path), 1, spec.summary, version), section('SYNOPSIS'), synopsis(spec, path)];
  for (const other of others) lines.push('.br', synopsis(spec, other));
  lines.push(section('DESCRIPTION'), para(spec.description), ...(spec.details ?? []).map(para));
  if (others.length > 0) {
    const named = others.map((o) => `boxctl ${o.join(' ')}`);
    lines.push(para(`The same command as ${named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : named[0]}.`));
  }
  if (visible.length > 0) {
    lines.push(section('COMMANDS'), ...visible.map((c) => tagged(ref([...path, c.name]), c.summary)));
  }
  const positionals = spec.positionals ?? [];
  if (positionals.length > 0) lines.push(section('ARGUMENTS'), ...positionals.map((p) => tagged(italic(p.name), p.description)));
  if (positionals.some((p) => p.name === 'image')) lines.push(section('IMAGE'), ...IMAGE_TEXT.map(para));
  lines.push(section('OPTIONS'), ...options(spec.options), tagged(`${bold('-h')}, ${bold('--help')}`, 'print help with examples and exit'));
  lines.push(para(`The global options of ${pageName([])}(1) (--root, --runroot, --log-level) apply as well.`));
  if (spec.examples.length > 0) {
    lines.push(section('EXAMPLES'));
    for (const ex of spec.examples) lines.push(para(`${ex.description.charAt(0).toUpperCase()}${ex.description.slice(1)}:`), literal([`$ ${ex.command}`]));
  }
  lines.push(...exitStatus(spec));
  const linked = [
    [],
    ...(path.length > 1 ? [path.slice(0, -1)] : []),
    ...others,
    ...visible.map((c) => [...path, c.name]),
    ...relatedCommands(path).map((name) => name.split('-')),
  ].filter((p) => pages.has(pageName(p)));
  const unique = [...new Map(linked.map((p) => [pageName(p), p])).values()].filter((p) => pageName(p) !== pageName(path));
  const external = otherPages(path).map((page) => page.replace(/^([^(]+)/, (n) => bold(n)));
  lines.push(section('SEE ALSO'), seeAlsoList([...unique.map(ref), ...external]));
  return { file: `${pageName(path)}.1`, text: `${lines.join('\n')}\n` };
}

/** Page names are not hyphenated across lines (`box-` `ctl-pull(1)` reads badly). */
function seeAlsoList(refs: readonly string[]): string {
  return ['.nh', refs.join(', '), '.hy'].join('\n');
}

const ENVIRONMENT: readonly [string, string][] = [
  ['BOXCTL_ROOT', 'storage root, as --root (default $XDG_DATA_HOME/boxctl, that is ~/.local/share/boxctl)'],
  ['BOXCTL_RUNROOT', 'runtime state, as --runroot (default $XDG_RUNTIME_DIR/boxctl, else a 0700 directory in /tmp named with the uid)'],
  ['BOXCTL_CONFIG_DIR', 'configuration directory (default $XDG_CONFIG_HOME/boxctl)'],
  ['REGISTRY_AUTH_FILE', 'the credentials file, see boxctl-auth.json(5)'],
  ['NO_COLOR', 'when set, no colour or cursor movement; none either when the output is not a terminal'],
];

function mainPage(commands: readonly CommandSpec[], version: string): ManPage {
  const visible = commands.filter((c) => !c.hidden);
  const lines = [
    header('boxctl', 1, 'a daemonless, rootless container manager', version),
    section('SYNOPSIS'),
    `${bold('boxctl')} [${italic('global options')}] ${italic('command')} [${italic('options')}] [${italic('arguments')}]`,
    section('DESCRIPTION'),
    para(
      'boxctl pulls images from OCI registries, runs them as containers in user namespaces with no daemon and no root, and keeps them running under a small monitor per container. Its commands and flags follow Podman\'s, so scripts and habits carry over. Every command takes --help, which lists its examples; listing and inspect commands take --format json, table, or a Go template such as \'{{.Names}}\'.',
    ),
    section('GLOBAL OPTIONS'),
    ...options(GLOBAL_OPTIONS),
    tagged(`${bold('-h')}, ${bold('--help')}`, 'print help and exit'),
    tagged(bold('--version'), 'print the version and exit'),
    section('COMMANDS'),
    ...visible.map((c) => tagged(ref([c.name]), c.summary)),
    section('ENVIRONMENT'),
    ...ENVIRONMENT.map(([name, text]) => tagged(bold(name), text)),
    section('FILES'),
    tagged(italic('$XDG_DATA_HOME/boxctl'), 'images, layers, containers and volumes'),
    tagged(italic('$XDG_RUNTIME_DIR/boxctl'), 'runtime state: monitors, sockets, exit codes'),
    tagged(italic('registries.conf'), 'where short names are pulled from, see boxctl-registries.conf(5)'),
    tagged(italic('auth.json'), 'registry credentials, see boxctl-auth.json(5)'),
    ...exitStatus({ ...visible[0]!, commandAfter: 1 }),
    section('SEE ALSO'),
    seeAlsoList([...visible.map((c) => ref([c.name])), ...FILE_PAGES.map((f) => `${bold(f.name)}(5)`), `${bold('podman')}(1)`]),
  ];
  return { file: 'boxctl.1', text: `${lines.join('\n')}\n` };
}

function filePage(page: FilePage, version: string): ManPage {
  const lines = [
    header(page.name, 5, page.summary, version),
    section('DESCRIPTION'),
    ...page.description.map(para),
    ...(page.tables ?? []).flatMap((t) => [section(t.title), ...t.rows.map(([tag, body]) => tagged(bold(tag), body))]),
    section('FILES'),
    ...page.locations.map((l) => tagged(italic(l.path), l.meaning)),
    section('EXAMPLE'),
    literal(page.example),
    section('SEE ALSO'),
    page.seeAlso.map((s) => s.replace(/^([^(]+)/, (n) => bold(n))).join(', '),
  ];
  return { file: `${page.name}.5`, text: `${lines.join('\n')}\n` };
}

/** Every page, for the command tree given (the registry's, normally) and the package's version. */
export function manPages(commands: readonly CommandSpec[], version: string): ManPage[] {
  const tree: [CommandSpec, string[]][] = [];
  const walk = (spec: CommandSpec, path: string[]) => {
    if (spec.hidden) return;
    tree.push([spec, path]);
    for (const sub of spec.subcommands ?? []) walk(sub, [...path, sub.name]);
  };
  for (const c of commands) walk(c, [c.name]);
  const aliases = new Map<CommandSpec['run'], string[][]>();
  for (const [spec, path] of tree) if (spec.run) aliases.set(spec.run, [...(aliases.get(spec.run) ?? []), path]);
  const names = new Set(['boxctl', ...tree.map(([, path]) => pageName(path))]);
  return [mainPage(commands, version), ...tree.map(([spec, path]) => commandPage(spec, path, version, aliases, names)), ...FILE_PAGES.map((f) => filePage(f, version))];
}
