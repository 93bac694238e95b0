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
  findCredentials,
  parseAuthFile,
  removeCredentials,
  serializeAuthFile,
  setCredentials,
  type AuthFile,
  type AuthFileLocation,
  type CredentialsLookup,
} from './auth-file.js';
import { loadAuthFiles } from './config-files.js';
import { isRegistryName, parseReference } from './reference.js';
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
export function storedLogin(key: LoginKey, authFile?: string, env: Env = process.env): CredentialsLookup | undefined {
  const files = authFile ? [readAuthFile(writableAuthFile(authFile, env), 'empty')] : loadAuthFiles({ ...env });
  return findCredentials(files, key.key);
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

/** Stores credentials already checked; returns the file written. */
export function storeLogin(key: LoginKey, credentials: UserPassword, authFile?: string, env: Env = process.env): string {
  const location = writableAuthFile(authFile, env);
  writeAuthFile(setCredentials(readAuthFile(location, 'empty'), key.key, credentials));
  return location.path;
}

/**
 * Removes the entry for exactly this key. Where there is none but another auth file
 * (Docker's) holds credentials for it, the error says where they come from.
 */
export function removeLogin(key: LoginKey, authFile?: string, env: Env = process.env): void {
  const location = writableAuthFile(authFile, env);
  const file = readAuthFile(location, authFile ? 'fail' : 'empty');
  let next: AuthFile;
  try {
    next = removeCredentials(file, key.key);
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    const elsewhere = authFile ? undefined : storedLogin(key, undefined, env);
    if (elsewhere && elsewhere.path !== location.path) {
      throw new NotFoundError(`not logged in to ${key.key} by boxctl: the credentials in use come from ${elsewhere.path}; log out with the tool that wrote them (docker logout ${key.key})`);
    }
    throw new NotFoundError(`not logged in to ${key.key}: ${location.path} has no credentials for it`);
  }
  writeAuthFile(next);
}

/** Empties the auths of the writable file, keeping everything else in it; returns its path. */
export function removeAllLogins(authFile?: string, env: Env = process.env): string {
  const location = writableAuthFile(authFile, env);
  const file = readAuthFile(location, authFile ? 'fail' : 'empty');
  writeAuthFile({ ...file, data: { ...file.data, auths: {} } });
  return location.path;
}
