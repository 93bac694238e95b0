// Registry credentials in containers-auth.json(5), the format Podman, Skopeo and Docker's
// config.json share, so one `login` serves every tool. Lookup follows containers/image:
// files in order; in each, a credential helper named for the registry (credHelpers),
// then Docker's credsStore, then the auths entry with the most specific key
// (registry/ns/repo, then registry/ns, then registry, then keys written as URLs:
// 'https://index.docker.io/v1/' is Docker Hub). Reading and writing the files, and
// asking helpers, is the caller's (credentials.ts); this is the format.
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

export type CredentialSource =
  | { kind: 'credentials'; credentials: Credentials; path: string; key: string }
  /**
   * docker-credential-<helper> holds them, not the file: named for the registry in
   * credHelpers, or for every registry in credsStore. Helpers know registries only.
   */
  | { kind: 'helper'; helper: string; path: string; registry: string; field: HelperField };

export type HelperField = 'credHelpers' | 'credsStore';

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
    if (data.credsStore !== undefined && typeof data.credsStore !== 'string') {
      throw new UserError(`${location.path}: 'credsStore' must be the name of a credential helper: fix it or remove it`);
    }
    for (const [registry, helper] of Object.entries(isTable(data.credHelpers) ? data.credHelpers : {})) {
      if (typeof helper !== 'string') throw new UserError(`${location.path}: the credHelpers entry for '${registry}' must be the name of a credential helper: fix it`);
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

/** The helper a file names for a registry: its credHelpers entry, else its credsStore. */
export function helperFor(file: AuthFile, registry: string): { helper: string; field: HelperField } | undefined {
  if (file.legacyFormat) return undefined;
  const helpers = file.data.credHelpers;
  const named = isTable(helpers) ? helpers[registry] : undefined;
  if (typeof named === 'string' && named !== '') return { helper: named, field: 'credHelpers' };
  const store = file.data.credsStore;
  if (typeof store === 'string' && store !== '') return { helper: store, field: 'credsStore' };
  return undefined;
}

function sourcesInFile(file: AuthFile, key: string): CredentialSource[] {
  const registry = key.split('/')[0]!;
  const sources: CredentialSource[] = [];
  const helper = helperFor(file, registry);
  if (helper) sources.push({ kind: 'helper', ...helper, path: file.path, registry });
  // A credHelpers entry is the whole answer of its file, as in containers/image.
  if (helper?.field === 'credHelpers') return sources;
  const auths = authsOf(file);
  // The first matching entry ends the search in this file, even one that holds nothing,
  // as in containers/image.
  const found = (k: string): CredentialSource[] => {
    const credentials = decodeEntry(file, k, auths[k]);
    return credentials ? [...sources, { kind: 'credentials', credentials, path: file.path, key: k }] : sources;
  };
  for (const k of file.legacyFormat ? [registry] : keysFor(key)) {
    if (Object.hasOwn(auths, k)) return found(k);
  }
  const wanted = normalizeRegistry(registry);
  for (const k of Object.keys(auths)) {
    if (normalizeKey(k, file.legacyFormat) === wanted) return found(k);
  }
  return sources;
}

/**
 * Where the credentials for a key ('quay.io/ns/repo' for a pull of that repository) may
 * be, in the order to ask: the first source that has them wins; none means anonymous.
 */
export function credentialSources(files: readonly AuthFile[], key: string): CredentialSource[] {
  checkKey(key);
  return files.flatMap((file) => sourcesInFile(file, key));
}

/**
 * What `logout --all` erases from helpers for this file: each credHelpers registry
 * with its helper, and each registry with an auths entry that the credsStore holds.
 */
export function helperLogins(file: AuthFile): { registry: string; helper: string; field: HelperField }[] {
  if (file.legacyFormat) return [];
  const helpers = isTable(file.data.credHelpers) ? Object.keys(file.data.credHelpers) : [];
  // Docker keys what its store holds by server URL ('https://index.docker.io/v1/'), boxctl by registry.
  const logged = Object.keys(authsOf(file)).map((k) => (/^https?:\/\//.test(k) ? k : k.split('/')[0]!));
  return [...new Set([...helpers, ...logged])].flatMap((registry) => {
    const found = helperFor(file, registry);
    return found ? [{ registry, ...found }] : [];
  });
}

/** The auths entry login would have written for key, if any (helpers aside). */
export function hasEntry(file: AuthFile, key: string): boolean {
  return Object.hasOwn(authsOf(file), key);
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

/**
 * A new document with the empty entry Docker leaves for a login kept by its credsStore:
 * it tells `logout --all` which registries the store holds for this file.
 */
export function setStoreMarker(file: AuthFile, key: string): AuthFile {
  checkWritable(file);
  checkKey(key);
  return { ...file, data: { ...file.data, auths: { ...authsOf(file), [key]: {} } } };
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
