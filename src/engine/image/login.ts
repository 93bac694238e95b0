// Registry logins as Podman keeps them: credentials are checked against the registry
// before they are stored, in the first auth file (${XDG_RUNTIME_DIR}/containers/auth.json,
// or $REGISTRY_AUTH_FILE, or --authfile), which every pull then reads. Keys are a
// registry or a namespace or repository in one, as `podman login quay.io/team` writes them.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';

import { NotFoundError, UserError } from '../../errors.js';
import {
  authFilePaths,
  hasEntry,
  helperFor,
  helperLogins,
  parseAuthFile,
  removeCredentials,
  serializeAuthFile,
  setCredentials,
  setStoreMarker,
  type AuthFile,
  type AuthFileLocation,
  type HelperField,
} from './auth-file.js';
import { loadAuthFiles, loadRegistriesConf } from './config-files.js';
import { helperErase, helperStore, type HelperRef } from './credential-helper.js';
import { lookupCredentials, type FoundCredentials } from './credentials.js';
import { isRegistryName, parseReference } from './reference.js';
import type { RegistriesConf } from './registries-conf.js';
import { RegistryClient } from './registry/client.js';

export interface LoginKey {
  /** What the auth file is keyed by: 'quay.io' or 'quay.io/team'. */
  key: string;
  /** The host[:port] the credentials are checked against. */
  registry: string;
}

export interface UserPassword {
  username: string;
  password: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * A key from what the user typed, as containers/common parses it: a URL gives its
 * host[:port], anything longer than a registry must be a repository name without tag
 * or digest, kept as written (docker.io/team stays docker.io/team).
 */
export function loginKey(arg: string): LoginKey {
  let key = arg;
  if (/^https?:\/\//.test(arg)) {
    try {
      key = new URL(arg).host;
    } catch {
      throw new UserError(`invalid registry '${arg}': give a registry such as quay.io, or a URL such as https://quay.io`);
    }
  }
  const registry = key.split('/')[0]!;
  if (!isRegistryName(registry)) {
    throw new UserError(`invalid registry '${registry}': give a registry host[:port] such as quay.io, optionally with a namespace`);
  }
  if (key === registry) return { key, registry };
  const ref = parseReference(key);
  if (ref.tag !== undefined || ref.digest !== undefined) {
    throw new UserError(`'${key}' has a tag or digest: log in to a registry or a repository, such as quay.io/team`);
  }
  if (ref.registry !== registry) {
    throw new UserError(`'${key}' does not start with a registry: give one first, such as docker.io/${key}`);
  }
  return { key, registry };
}

/**
 * The key for what the user typed, or, where nothing, the registry Podman takes: the
 * first of unqualified-search-registries in registries.conf.
 */
export function loginKeyOrDefault(arg: string | undefined, conf: () => RegistriesConf = () => loadRegistriesConf()): LoginKey {
  if (arg !== undefined) return loginKey(arg);
  const first = conf().unqualifiedSearchRegistries[0];
  if (first === undefined) {
    throw new UserError("no registries found in registries.conf, a registry must be provided: name one (boxctl login quay.io), or list one in unqualified-search-registries");
  }
  return loginKey(first);
}

/** The file login writes and logout edits. */
export function writableAuthFile(authFile: string | undefined, env: Env = process.env): AuthFileLocation {
  if (authFile) return { path: authFile, legacyFormat: false };
  return authFilePaths({ env, home: env.HOME || homedir(), uid: process.getuid?.() ?? 0 })[0]!;
}

function readAuthFile(location: AuthFileLocation, missing: 'empty' | 'fail'): AuthFile {
  let text = '';
  try {
    text = readFileSync(location.path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && missing === 'fail') throw new UserError(`${location.path} does not exist: check --authfile`);
    if (code !== 'ENOENT') throw new UserError(`cannot read ${location.path}: ${code ?? (e as Error).message}: check its permissions`);
  }
  return parseAuthFile(text, location);
}

/** Replaced whole, never half written: a temp file beside it, owner-only, renamed over it. */
function writeAuthFile(file: AuthFile): void {
  const dir = dirname(file.path);
  const tmp = join(dir, `.${basename(file.path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(tmp, serializeAuthFile(file), { mode: 0o600, flush: true });
    renameSync(tmp, file.path);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`cannot write ${file.path}: ${code ?? (e as Error).message}: check the directory and its permissions, or use --authfile`);
  }
}

/** What a pull would use for key: from the given file alone, or from every auth file in order. */
export function storedLogin(key: LoginKey, authFile?: string, env: Env = process.env): Promise<FoundCredentials | undefined> {
  const files = authFile ? [readAuthFile(writableAuthFile(authFile, env), 'empty')] : loadAuthFiles({ ...env });
  return lookupCredentials(files, key.key);
}

/** Resolves when the registry accepts the credentials (or asks for none). */
export async function checkCredentials(key: LoginKey, credentials: UserPassword, opts: { tlsVerify?: boolean } = {}): Promise<void> {
  const client = new RegistryClient({ registry: key.registry, credentials, ...(opts.tlsVerify === false ? { tlsVerify: false } : {}) });
  try {
    await client.checkLogin();
  } finally {
    await client.close();
  }
}

/** The helper the writable file names for the key's registry, refusing a key helpers cannot keep. */
function helperOf(file: AuthFile, key: LoginKey): (HelperRef & { field: HelperField }) | undefined {
  const found = helperFor(file, key.registry);
  if (!found) return undefined;
  const ref = { helper: found.helper, origin: `${found.field} in ${file.path}`, field: found.field };
  if (key.key !== key.registry) {
    throw new UserError(
      `docker-credential-${ref.helper} (${ref.origin}) keeps credentials per registry, not for '${key.key}': log in to ${key.registry}, or use an --authfile without helpers`,
    );
  }
  return ref;
}

/**
 * Stores credentials already checked: through the credential helper the writable auth
 * file names for the registry (credHelpers, else credsStore), else in the file itself.
 * Returns where they went.
 */
export async function storeLogin(key: LoginKey, credentials: UserPassword, authFile?: string, env: Env = process.env): Promise<string> {
  const location = writableAuthFile(authFile, env);
  const file = readAuthFile(location, 'empty');
  const helper = helperOf(file, key);
  if (!helper) {
    writeAuthFile(setCredentials(file, key.key, credentials));
    return location.path;
  }
  await helperStore(helper, key.registry, credentials);
  // As docker login does: the store holds the secret, the file an empty entry saying so.
  if (helper.field === 'credsStore') writeAuthFile(setStoreMarker(file, key.key));
  return `docker-credential-${helper.helper}`;
}

/**
 * Removes the credentials for exactly this key: from the helper the writable file names
 * for it and from the file. Where there are none but another auth file (Docker's) holds
 * credentials for it, the error says where they come from.
 */
export async function removeLogin(key: LoginKey, authFile?: string, env: Env = process.env): Promise<void> {
  const location = writableAuthFile(authFile, env);
  const file = readAuthFile(location, authFile ? 'fail' : 'empty');
  const helper = helperOf(file, key);
  const erased = helper ? await helperErase(helper, key.registry) : false;
  if (hasEntry(file, key.key)) {
    writeAuthFile(removeCredentials(file, key.key));
    return;
  }
  if (erased) return;
  const elsewhere = authFile ? undefined : await storedLogin(key, undefined, env).catch(() => undefined);
  if (elsewhere && elsewhere.source.path !== location.path) {
    throw new NotFoundError(
      `not logged in to ${key.key} by boxctl: the credentials in use come from ${elsewhere.source.path}; log out with the tool that wrote them (docker logout ${key.key})`,
    );
  }
  const where = helper ? `docker-credential-${helper.helper} (${helper.origin})` : location.path;
  throw new NotFoundError(`not logged in to ${key.key}: ${where} has no credentials for it`);
}

/**
 * Empties the auths of the writable file, keeping everything else in it, after erasing
 * from its helpers what they hold for it: every credHelpers registry, and the registries
 * its credsStore was used for (their empty entries). Returns the file's path.
 */
export async function removeAllLogins(authFile?: string, env: Env = process.env): Promise<string> {
  const location = writableAuthFile(authFile, env);
  const file = readAuthFile(location, authFile ? 'fail' : 'empty');
  for (const { registry, helper, field } of helperLogins(file)) await helperErase({ helper, origin: `${field} in ${file.path}` }, registry);
  writeAuthFile({ ...file, data: { ...file.data, auths: {} } });
  return location.path;
}
