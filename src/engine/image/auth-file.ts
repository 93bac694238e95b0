// Registry credentials in containers-auth.json(5), the format Podman, Skopeo and Docker's
// config.json share, so one `login` serves every tool. Lookup follows containers/image:
// files in order, in each the most specific key first (registry/ns/repo, then
// registry/ns, then registry), then keys written as URLs ('https://index.docker.io/v1/'
// is Docker Hub). Reading and writing the files is the caller's; this is the format.
import { posix } from 'node:path';

import { NotFoundError, UserError } from '../../errors.js';
import { DOCKER_HUB } from './reference.js';

export interface AuthFileLocation {
  path: string;
  /** ~/.dockercfg: the auths map is the whole document, keyed by registry only. */
  legacyFormat: boolean;
}

export interface AuthFile extends AuthFileLocation {
  /** The whole document, fields boxctl does not know included, so a rewrite keeps them. */
  data: Readonly<Record<string, unknown>>;
}

export interface Credentials {
  username: string;
  password: string;
  identityToken?: string;
}

export type CredentialsLookup =
  | { kind: 'credentials'; credentials: Credentials; path: string; key: string }
  /** A credHelpers entry: docker-credential-<helper> holds them, not the file. */
  | { kind: 'helper'; helper: string; path: string; registry: string };

/**
 * Files to read, in order; login writes to the first. $REGISTRY_AUTH_FILE replaces the
 * list, as Podman's --authfile default does.
 */
export function authFilePaths(input: {
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  uid: number;
}): AuthFileLocation[] {
  const { env, home } = input;
  if (env.REGISTRY_AUTH_FILE) return [{ path: env.REGISTRY_AUTH_FILE, legacyFormat: false }];
  const runtime = env.XDG_RUNTIME_DIR
    ? posix.join(env.XDG_RUNTIME_DIR, 'containers', 'auth.json')
    : `/run/containers/${input.uid}/auth.json`;
  const configHome = env.XDG_CONFIG_HOME || posix.join(home, '.config');
  const docker = env.DOCKER_CONFIG
    ? posix.join(env.DOCKER_CONFIG, 'config.json')
    : posix.join(home, '.docker', 'config.json');
  return [
    { path: runtime, legacyFormat: false },
    { path: posix.join(configHome, 'containers', 'auth.json'), legacyFormat: false },
    { path: docker, legacyFormat: false },
    { path: posix.join(home, '.dockercfg'), legacyFormat: true },
  ];
}

type Table = Record<string, unknown>;

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A missing file reads as '': no credentials. */
export function parseAuthFile(text: string, location: AuthFileLocation): AuthFile {
  let data: unknown = {};
  if (text.trim() !== '') {
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new UserError(
        `${location.path} is not valid JSON (${(e as Error).message}): fix it or remove it and log in again`,
      );
    }
  }
  if (!isTable(data))
    throw new UserError(`${location.path} must hold a JSON object: fix it or remove it and log in again`);
  if (!location.legacyFormat) {
    for (const field of ['auths', 'credHelpers']) {
      if (data[field] !== undefined && !isTable(data[field])) {
        throw new UserError(`${location.path}: '${field}' must be an object: fix it or remove it and log in again`);
      }
    }
  }
  return { path: location.path, legacyFormat: location.legacyFormat, data };
}

export function serializeAuthFile(file: AuthFile): string {
  return `${JSON.stringify(file.data, null, '\t')}\n`;
}

function authsOf(file: AuthFile): Table {
  if (file.legacyFormat) return file.data;
  return isTable(file.data.auths) ? file.data.auths : {};
}

/** A registry ('quay.io', 'localhost:5000') or a namespace or repository in one. */
function checkKey(key: string): void {
  let why: string | undefined;
  const slash = key.indexOf('/');
  if (key === '') why = 'it is empty';
  else if (/^https?:\/\//.test(key)) why = "drop the 'http(s)://'";
  else if (key.includes('@')) why = 'a key has no digest';
  else if (slash !== -1 && key.slice(slash + 1).includes(':')) why = 'a key has no tag';
  if (why)
    throw new UserError(
      `invalid registry key '${key}': ${why}; use a registry such as quay.io or a repository such as quay.io/ns/repo`,
    );
}

// Docker Hub has had three names; containers/image compares them all as index.docker.io.
function normalizeRegistry(registry: string): string {
  return registry === DOCKER_HUB || registry === 'registry-1.docker.io' ? 'index.docker.io' : registry;
}

function normalizeKey(key: string, legacyFormat: boolean): string {
  const stripped = key.replace(/^https?:\/\//, '');
  const host = legacyFormat || stripped !== key ? stripped.split('/')[0]! : stripped;
  return normalizeRegistry(host);
}

/** 'quay.io/a/b' -> quay.io/a/b, quay.io/a, quay.io: most specific first. */
function keysFor(key: string): string[] {
  const keys = [key];
  for (let at = key.lastIndexOf('/'); at !== -1; at = key.lastIndexOf('/', at - 1)) keys.push(key.slice(0, at));
  return keys;
}

function decodeEntry(file: AuthFile, key: string, entry: unknown): Credentials | undefined {
  const fix = 'log in again';
  if (!isTable(entry)) throw new UserError(`${file.path}: the entry for '${key}' must be an object: ${fix}`);
  const { auth, identitytoken } = entry;
  if (
    (auth !== undefined && typeof auth !== 'string') ||
    (identitytoken !== undefined && typeof identitytoken !== 'string')
  ) {
    throw new UserError(`${file.path}: 'auth' and 'identitytoken' of '${key}' must be strings: ${fix}`);
  }
  const encoded = auth ?? '';
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
    throw new UserError(`${file.path}: the 'auth' of '${key}' is not base64: ${fix}`);
  }
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  // Docker leaves '{}' entries behind when a credential store holds the secret: skip them, as it does.
  if (colon === -1) return undefined;
  const creds: Credentials = {
    username: decoded.slice(0, colon),
    password: decoded.slice(colon + 1).replace(/^\0+|\0+$/g, ''),
  };
  if (identitytoken) creds.identityToken = identitytoken;
  return creds;
}

function lookupInFile(file: AuthFile, key: string): CredentialsLookup | undefined {
  const registry = key.split('/')[0]!;
  if (!file.legacyFormat) {
    const helpers = file.data.credHelpers;
    const helper = isTable(helpers) ? helpers[registry] : undefined;
    if (typeof helper === 'string') return { kind: 'helper', helper, path: file.path, registry };
  }
  const auths = authsOf(file);
  // The first matching entry ends the search in this file, even one that holds nothing,
  // as in containers/image.
  const found = (k: string): CredentialsLookup | undefined => {
    const credentials = decodeEntry(file, k, auths[k]);
    return credentials && { kind: 'credentials', credentials, path: file.path, key: k };
  };
  for (const k of file.legacyFormat ? [registry] : keysFor(key)) {
    if (Object.hasOwn(auths, k)) return found(k);
  }
  const wanted = normalizeRegistry(registry);
  for (const k of Object.keys(auths)) {
    if (normalizeKey(k, file.legacyFormat) === wanted) return found(k);
  }
  return undefined;
}

/**
 * The credentials for a key ('quay.io/ns/repo' for a pull of that repository), from the
 * first file that has them; undefined means pull anonymously.
 */
export function findCredentials(files: readonly AuthFile[], key: string): CredentialsLookup | undefined {
  checkKey(key);
  for (const file of files) {
    const result = lookupInFile(file, key);
    if (result) return result;
  }
  return undefined;
}

function checkWritable(file: AuthFile): void {
  if (file.legacyFormat) {
    throw new UserError(
      `${file.path} is in the legacy .dockercfg format, which boxctl does not write: use an auth.json file`,
    );
  }
}

/** A new document with the entry for key replaced (an old identity token goes with it). */
export function setCredentials(file: AuthFile, key: string, creds: { username: string; password: string }): AuthFile {
  checkWritable(file);
  checkKey(key);
  if (creds.username.includes(':'))
    throw new UserError(`user name '${creds.username}' contains ':', which the auth file cannot store`);
  const auth = Buffer.from(`${creds.username}:${creds.password}`, 'utf8').toString('base64');
  return { ...file, data: { ...file.data, auths: { ...authsOf(file), [key]: { auth } } } };
}

/** A new document without the entry for key; only that exact key, as Podman's logout does. */
export function removeCredentials(file: AuthFile, key: string): AuthFile {
  checkWritable(file);
  checkKey(key);
  const auths = authsOf(file);
  if (!Object.hasOwn(auths, key))
    throw new NotFoundError(`not logged in to ${key}: ${file.path} has no credentials for it`);
  const rest = { ...auths };
  delete rest[key];
  return { ...file, data: { ...file.data, auths: rest } };
}
