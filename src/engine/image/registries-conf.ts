// containers-registries.conf(5), v2 format: the file Podman, Buildah and Skopeo share,
// so a user's search list, aliases, mirrors and blocks apply to boxctl unchanged. The
// caller reads the files (see registriesConfPaths); parsing and merging them follows
// containers/image's sysregistriesv2: drop-ins replace the search list and mode when they
// set them, and merge [[registry]] tables by prefix and [aliases] by name.
import { posix } from 'node:path';

import { parse as parseToml, TomlError } from 'smol-toml';

import { UserError } from '../../errors.js';
import { isRegistryName, isShortName, parseReference, type Reference } from './reference.js';

export const SYSTEM_REGISTRIES_CONF = '/etc/containers/registries.conf';
export const SYSTEM_REGISTRIES_CONF_D = '/etc/containers/registries.conf.d';

export type ShortNameMode = 'enforcing' | 'permissive' | 'disabled';
export type PullFromMirror = 'all' | 'digest-only' | 'tag-only';

export interface Mirror {
  location: string;
  insecure: boolean;
  pullFromMirror: PullFromMirror;
}

export interface RegistryConfig {
  /** What references it applies to: 'example.com/ns', or '*.example.com' for subdomains. */
  prefix: string;
  /** Where they are pulled from; '' only with a wildcard prefix, meaning "where they point". */
  location: string;
  insecure: boolean;
  blocked: boolean;
  mirrorByDigestOnly: boolean;
  mirrors: Mirror[];
  /** The file that defined it, for messages. */
  origin: string;
}

export interface Alias {
  /** Undefined where a later file reset the alias with "". */
  target?: Reference;
  origin: string;
}

export interface RegistriesConf {
  unqualifiedSearchRegistries: string[];
  /** The file that set the search list, for messages. */
  searchOrigin?: string;
  shortNameMode: ShortNameMode;
  aliases: ReadonlyMap<string, Alias>;
  /** Unique prefixes, sorted, as containers/image keeps them. */
  registries: RegistryConfig[];
}

export interface ConfFile {
  path: string;
  text: string;
}

// containers/image's default when no file sets a mode (Fedora's file sets enforcing).
const DEFAULT_MODE: ShortNameMode = 'permissive';
const MODES: readonly string[] = ['enforcing', 'permissive', 'disabled'];
const isMode = (v: string): v is ShortNameMode => MODES.includes(v);
const PULL_FROM_MIRROR: readonly string[] = ['all', 'digest-only', 'tag-only'];
const isPullFromMirror = (v: string): v is PullFromMirror => PULL_FROM_MIRROR.includes(v);

export interface RegistriesConfPaths {
  /** The one main file: the user's if it exists, else the system's. */
  file: string;
  /** Directories of *.conf drop-ins, read in this order. */
  dropInDirs: string[];
  /** Podman's record of chosen short names; highest precedence, so read it last. */
  userAliases: string;
}

/**
 * The files containers/image reads. It uses $HOME/.config here even where
 * $XDG_CONFIG_HOME points elsewhere, and so do we, so both tools see the same file.
 */
export function registriesConfPaths(input: {
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  userFileExists: boolean;
}): RegistriesConfPaths {
  const userDir = posix.join(input.home, '.config', 'containers');
  const cacheHome = input.env.XDG_CACHE_HOME || posix.join(input.home, '.cache');
  const userDropIns = posix.join(userDir, 'registries.conf.d');
  return {
    file: input.userFileExists ? posix.join(userDir, 'registries.conf') : SYSTEM_REGISTRIES_CONF,
    dropInDirs: input.userFileExists ? [userDropIns] : [SYSTEM_REGISTRIES_CONF_D, userDropIns],
    userAliases: posix.join(cacheHome, 'containers', 'short-name-aliases.conf'),
  };
}

/** The drop-ins of one directory listing, in the order they apply. */
export function dropInFiles(dir: string, names: readonly string[]): string[] {
  return names
    .filter((n) => n.endsWith('.conf'))
    .sort()
    .map((n) => posix.join(dir, n));
}

type Table = Record<string, unknown>;

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class FileReader {
  constructor(readonly path: string) {}

  error(what: string): UserError {
    return new UserError(`${this.path}: ${what}`);
  }

  bool(table: Table, key: string, where: string): boolean {
    const v = table[key];
    if (v === undefined) return false;
    if (typeof v !== 'boolean') throw this.error(`${where} '${key}' must be true or false`);
    return v;
  }

  string(table: Table, key: string, where: string): string | undefined {
    const v = table[key];
    if (v === undefined || typeof v === 'string') return v;
    throw this.error(`${where} '${key}' must be a string`);
  }

  /** A host[/path] without a scheme or a trailing '/', as containers/image cleans it. */
  location(text: string, where: string): string {
    if (/^https?:\/\//.test(text)) throw this.error(`${where} '${text}' must not have a scheme: drop the 'http(s)://'`);
    return text.replace(/\/+$/, '');
  }
}

interface FileConf {
  search?: string[];
  mode?: ShortNameMode;
  aliases: Map<string, Alias>;
  registries: RegistryConfig[];
}

function parseMirror(r: FileReader, raw: unknown, where: string, byDigestOnly: boolean): Mirror {
  if (!isTable(raw)) throw r.error(`${where} must be a table`);
  const location = r.location(r.string(raw, 'location', where) ?? '', `${where} location`);
  if (location === '') throw r.error(`${where} has no location`);
  // Unset and "" both mean 'all', as in containers/image.
  const pull = r.string(raw, 'pull-from-mirror', where) || 'all';
  if (!isPullFromMirror(pull)) {
    throw r.error(`${where} 'pull-from-mirror' must be all, digest-only or tag-only, not '${pull}'`);
  }
  if (raw['pull-from-mirror'] && byDigestOnly) {
    throw r.error(`${where} sets 'pull-from-mirror' while its registry sets 'mirror-by-digest-only': keep one`);
  }
  return { location, insecure: r.bool(raw, 'insecure', where), pullFromMirror: pull };
}

function parseRegistry(r: FileReader, raw: unknown, index: number): RegistryConfig {
  const where = `[[registry]] #${index + 1}`;
  if (!isTable(raw)) throw r.error(`${where} must be a table`);
  const location = r.location(r.string(raw, 'location', where) ?? '', `${where} location`);
  let prefix = r.string(raw, 'prefix', where) ?? '';
  if (prefix === '') {
    if (location === '') throw r.error(`${where} sets neither 'prefix' nor 'location'`);
    prefix = location;
  } else {
    prefix = r.location(prefix, `${where} prefix`);
    if (!prefix.startsWith('*.') && location === '') {
      throw r.error(`${where} has no 'location': only a '*.example.com' prefix may leave it out`);
    }
  }
  if (prefix.startsWith('*.') && /[/@:]/.test(prefix)) {
    throw r.error(`${where} prefix '${prefix}' must be a plain '*.example.com': no path, port or digest`);
  }
  if (raw['pull-from-mirror'] !== undefined)
    throw r.error(`${where}: 'pull-from-mirror' belongs in a [[registry.mirror]]`);
  const mirrorByDigestOnly = r.bool(raw, 'mirror-by-digest-only', where);
  const rawMirrors = raw.mirror ?? [];
  if (!Array.isArray(rawMirrors)) throw r.error(`${where} 'mirror' must be a list of [[registry.mirror]] tables`);
  return {
    prefix,
    location,
    insecure: r.bool(raw, 'insecure', where),
    blocked: r.bool(raw, 'blocked', where),
    mirrorByDigestOnly,
    mirrors: rawMirrors.map((m, i) => parseMirror(r, m, `${where} mirror #${i + 1}`, mirrorByDigestOnly)),
    origin: r.path,
  };
}

function wrapped<T>(r: FileReader, where: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UserError) throw r.error(`${where}: ${e.message}`);
    throw e;
  }
}

function parseAliases(r: FileReader, raw: unknown): Map<string, Alias> {
  const aliases = new Map<string, Alias>();
  if (raw === undefined) return aliases;
  if (!isTable(raw)) throw r.error("[aliases] must be a table of name = 'registry/repository'");
  for (const [name, value] of Object.entries(raw)) {
    const where = `alias '${name}'`;
    if (typeof value !== 'string') throw r.error(`${where} must be a string`);
    if (!isShortName(name)) throw r.error(`${where}: an alias name must not include a registry`);
    const key = wrapped(r, where, () => parseReference(name));
    if (key.tag !== undefined || key.digest !== undefined)
      throw r.error(`${where}: an alias name has no tag or digest`);
    // "" resets an alias an earlier file set, so a drop-in can undo a bad one.
    if (value === '') {
      aliases.set(name, { origin: r.path });
      continue;
    }
    if (isShortName(value)) throw r.error(`${where}: the target '${value}' must start with a registry`);
    const target = wrapped(r, where, () => parseReference(value));
    if (target.tag !== undefined || target.digest !== undefined) {
      throw r.error(`${where}: the target '${value}' must not have a tag or digest`);
    }
    aliases.set(name, { target, origin: r.path });
  }
  return aliases;
}

function parseSearch(r: FileReader, raw: unknown): string[] | undefined {
  if (raw === undefined) return undefined;
  const where = "'unqualified-search-registries'";
  if (!Array.isArray(raw)) throw r.error(`${where} must be a list of registry names`);
  return raw.map((entry) => {
    if (typeof entry !== 'string') throw r.error(`${where} must be a list of registry names`);
    const host = r.location(entry, `${where} entry`);
    if (!isRegistryName(host)) throw r.error(`${where} entry '${entry}' is not a registry host[:port]`);
    return host;
  });
}

/** Within one file, one location must not be both secure and insecure, blocked and not. */
function checkConflicts(r: FileReader, registries: readonly RegistryConfig[]): void {
  const seen = new Map<string, RegistryConfig>();
  for (const reg of registries) {
    const key = reg.location || reg.prefix;
    const other = seen.get(key);
    if (!other) {
      seen.set(key, reg);
      continue;
    }
    for (const field of ['insecure', 'blocked'] as const) {
      if (other[field] !== reg[field]) {
        throw r.error(`registry '${key}' is defined more than once with different '${field}'`);
      }
    }
  }
}

function parseFile(file: ConfFile): FileConf {
  const r = new FileReader(file.path);
  let doc: Table;
  try {
    doc = parseToml(file.text);
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    const why = (e.message.split('\n')[0] ?? '')
      .replace(/^invalid toml document: /i, '')
      .replace(/^./, (c) => c.toLowerCase());
    throw new UserError(`cannot parse ${file.path}: ${why} (line ${e.line}, column ${e.column})`);
  }
  if (isTable(doc.registries)) {
    throw r.error(
      'uses the v1 format ([registries.search] and the like), which boxctl does not read: rewrite it with unqualified-search-registries and [[registry]] tables',
    );
  }
  const mode = r.string(doc, 'short-name-mode', 'setting');
  if (mode !== undefined && !isMode(mode)) {
    throw r.error(`'short-name-mode' must be enforcing, permissive or disabled, not '${mode}'`);
  }
  const rawRegistries = doc.registry ?? [];
  if (!Array.isArray(rawRegistries)) throw r.error("'registry' must be a list of [[registry]] tables");
  const registries = rawRegistries.map((raw, i) => parseRegistry(r, raw, i));
  checkConflicts(r, registries);
  const out: FileConf = { aliases: parseAliases(r, doc.aliases), registries };
  const search = parseSearch(r, doc['unqualified-search-registries']);
  if (search !== undefined) out.search = search;
  if (mode) out.mode = mode;
  return out;
}

/**
 * Parse and merge registries.conf files given lowest precedence first: the main file,
 * its drop-ins in order, then the user's short-name-aliases.conf.
 */
export function parseRegistriesConf(files: readonly ConfFile[]): RegistriesConf {
  const registries = new Map<string, RegistryConfig>();
  const aliases = new Map<string, Alias>();
  const conf: RegistriesConf = {
    unqualifiedSearchRegistries: [],
    shortNameMode: DEFAULT_MODE,
    aliases,
    registries: [],
  };
  for (const file of files) {
    const parsed = parseFile(file);
    // In one file the first table for a prefix wins; across files the later file wins.
    const own = new Map<string, RegistryConfig>();
    for (const reg of parsed.registries) if (!own.has(reg.prefix)) own.set(reg.prefix, reg);
    for (const [prefix, reg] of own) registries.set(prefix, reg);
    for (const [name, alias] of parsed.aliases) aliases.set(name, alias);
    if (parsed.search !== undefined) {
      conf.unqualifiedSearchRegistries = parsed.search;
      conf.searchOrigin = file.path;
    }
    if (parsed.mode) conf.shortNameMode = parsed.mode;
  }
  conf.registries = [...registries.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, reg]) => reg);
  return conf;
}
