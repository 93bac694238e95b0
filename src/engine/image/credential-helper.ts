// Credential helpers as Docker and Podman run them: a program docker-credential-NAME
// on $PATH, with the action as its one argument (get, store, erase), the request on
// its stdin and the answer on its stdout (docker/docker-credential-helpers' protocol).
// get takes the server (a registry, host[:port]) and answers
// {"ServerURL","Username","Secret"}; store takes that object; erase takes the server.
// A helper that has nothing for the server says "credentials not found in native
// keychain" and exits non-zero. A user name of "<token>" makes the secret an identity
// token.
import { spawn } from 'node:child_process';

import { BoxctlError, UserError } from '../../errors.js';
import type { Credentials } from './auth-file.js';

const NOT_FOUND = 'credentials not found in native keychain';
const TOKEN_USER = '<token>';
/** Docker's name for Docker Hub in helpers; containers/image asks for docker.io. */
const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/';

export type HelperAction = 'get' | 'store' | 'erase';

/** Where a helper is configured, for messages: 'docker-credential-pass (credsStore in ~/.docker/config.json)'. */
export interface HelperRef {
  helper: string;
  /** The file and field that name it. */
  origin: string;
}

function program(ref: HelperRef): string {
  // A name is a suffix, never a path: docker-credential-../../x would run anything.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(ref.helper)) {
    throw new UserError(`invalid credential helper name '${ref.helper}' (${ref.origin}): a helper is docker-credential-NAME on $PATH, NAME without '/'`);
  }
  return `docker-credential-${ref.helper}`;
}

function describe(ref: HelperRef): string {
  return `docker-credential-${ref.helper} (${ref.origin})`;
}

interface Answer {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The helper's program is not on $PATH. */
export class MissingHelperError extends UserError {}

function run(ref: HelperRef, action: HelperAction, input: string): Promise<Answer> {
  const name = program(ref);
  return new Promise((resolve, reject) => {
    const child = spawn(name, [action], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') {
        reject(new MissingHelperError(`the credential helper ${name} is not installed (${ref.origin}): install it, or remove it from that file`));
      } else {
        reject(new BoxctlError(`cannot run the credential helper ${name}: ${e.message}`));
      }
    });
    // A helper that exits without reading its stdin is no reason to fail here.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

function notFound(a: Answer): boolean {
  return a.code !== 0 && [a.stdout, a.stderr].some((text) => text.trim() === NOT_FOUND);
}

function failure(ref: HelperRef, action: HelperAction, server: string, a: Answer): BoxctlError {
  const said = (a.stderr.trim() || a.stdout.trim()).split('\n').at(-1) || `exit status ${a.code}`;
  return new BoxctlError(`${describe(ref)} could not ${action} the credentials for ${server}: ${said}`);
}

function parseGet(ref: HelperRef, server: string, stdout: string): Credentials {
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch {
    throw new BoxctlError(`${describe(ref)} answered get for ${server} with something that is not JSON: fix or replace the helper`);
  }
  const fields = (typeof doc === 'object' && doc !== null ? doc : {}) as Record<string, unknown>;
  const { Username: username, Secret: secret } = fields;
  if (typeof username !== 'string' || typeof secret !== 'string') {
    throw new BoxctlError(`${describe(ref)} answered get for ${server} without a Username and Secret: fix or replace the helper`);
  }
  return username === TOKEN_USER ? { username: '', password: '', identityToken: secret } : { username, password: secret };
}

/** The helper's credentials for a registry, or undefined where it has none. */
export async function helperGet(ref: HelperRef, registry: string): Promise<Credentials | undefined> {
  const servers = registry === 'docker.io' ? [registry, DOCKER_HUB_SERVER] : [registry];
  for (const server of servers) {
    const a = await run(ref, 'get', server);
    if (a.code === 0) return parseGet(ref, server, a.stdout);
    if (!notFound(a)) throw failure(ref, 'get', server, a);
  }
  return undefined;
}

export async function helperStore(ref: HelperRef, registry: string, creds: { username: string; password: string }): Promise<void> {
  const a = await run(ref, 'store', JSON.stringify({ ServerURL: registry, Username: creds.username, Secret: creds.password }));
  if (a.code !== 0) throw failure(ref, 'store', registry, a);
}

/** false where the helper had nothing for the registry. */
export async function helperErase(ref: HelperRef, registry: string): Promise<boolean> {
  const a = await run(ref, 'erase', registry);
  if (a.code === 0) return true;
  if (notFound(a)) return false;
  throw failure(ref, 'erase', registry, a);
}
