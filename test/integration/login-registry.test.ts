// boxctl login and logout as the unprivileged test user, against token and Basic proxies
// in front of the test host's registry (fixtures/registry-token-proxy.ts): credentials
// are checked before they are stored, and pulls use them until logout.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { boxctl, host, testUser, userTempDir, type RunOptions } from './harness.js';
import { RegistryProxy, USER } from './fixtures/registry-token-proxy.js';

const scratch = userTempDir(testUser.uid);
const proxies: RegistryProxy[] = [];
afterAll(async () => {
  await Promise.all(proxies.map((p) => p.close()));
  scratch.remove();
});

async function proxy(auth: 'bearer' | 'basic'): Promise<RegistryProxy> {
  const p = await RegistryProxy.start({ upstream: host.registry, auth });
  proxies.push(p);
  return p;
}

const b64 = (s: string) => Buffer.from(s).toString('base64');
const lastLine = (text: string) => text.trim().split('\n').at(-1);

describe('login and logout through a token server', () => {
  let bearer: RegistryProxy;
  let R: string;
  // A runtime dir of the user's own, without containers/ yet: login creates it.
  const runtimeDir = join(scratch.path, 'runtime');
  const authPath = join(runtimeDir, 'containers', 'auth.json');
  const as = (args: string[], extra: Partial<RunOptions> = {}) =>
    boxctl(['--root', join(scratch.path, 'root'), ...args], { ...testUser, ...extra, env: { XDG_RUNTIME_DIR: runtimeDir, ...extra.env } });

  beforeAll(async () => {
    bearer = await proxy('bearer');
    R = bearer.registry;
  });

  it('refuses wrong credentials and writes nothing', async () => {
    const r = await as(['login', '-u', USER.username, '--password-stdin', R], { stdin: 'wrong\n' });
    expect(r.code).toBe(125);
    expect(r.stderr).toBe(`Error: login to ${R} failed: invalid username or password: check the user name and password\n`);
    expect(r.stdout).toBe('');
    expect(existsSync(authPath)).toBe(false);
  });

  it('checks the credentials with a token for no repository, then stores them for the user only', async () => {
    const tokens = bearer.tokenRequests.length;
    const r = await as(['login', '-u', USER.username, '--password-stdin', R], { stdin: `${USER.password}\n` });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Login Succeeded!\n');
    expect(r.code).toBe(0);
    // As docker login asks: the token server's account and service, and no scope.
    const query = new URL(bearer.tokenRequests[tokens]!.path, 'http://x').searchParams;
    expect(query.get('scope')).toBeNull();
    expect(query.get('account')).toBe(USER.username);
    expect(JSON.parse(readFileSync(authPath, 'utf8'))).toEqual({ auths: { [R]: { auth: b64(`${USER.username}:${USER.password}`) } } });
    expect(statSync(authPath).mode & 0o777).toBe(0o600);
    expect(statSync(join(runtimeDir, 'containers')).mode & 0o777).toBe(0o700);
    expect(statSync(authPath).uid).toBe(testUser.uid);
  });

  it('prints the stored user name with --get-login', async () => {
    const r = await as(['login', '--get-login', R]);
    expect([r.code, r.stdout]).toEqual([0, `${USER.username}\n`]);
    const other = await as(['login', '--get-login', '127.0.0.1:1']);
    expect(other.code).toBe(125);
    expect(other.stderr).toBe("Error: not logged in to 127.0.0.1:1: run 'boxctl login 127.0.0.1:1'\n");
  });

  it('lets a pull through the token server use the login', async () => {
    const r = await as(['pull', `${R}/boxctl/busybox`]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reuses stored credentials that still work, without asking', async () => {
    const r = await as(['login', R]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Authenticating with existing credentials for ${R}\nExisting credentials are valid. Already logged in to ${R}\n`);
  });

  it('logs out, after which a pull is refused with the way to log in', async () => {
    const r = await as(['logout', R]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, `Removed login credentials for ${R}\n`, '']);
    expect(JSON.parse(readFileSync(authPath, 'utf8'))).toEqual({ auths: {} });
    const pull = await as(['pull', `${R}/boxctl/layers`]);
    expect(pull.code).toBe(125);
    expect(lastLine(pull.stderr)).toBe(
      `Error: ${R} denied access to boxctl/layers (invalid username or password): check the name, or run 'boxctl login ${R}' if it is private`,
    );
  });

  it('says in one line that it is not logged in, exit 125', async () => {
    const r = await as(['logout', R]);
    expect(r.code).toBe(125);
    expect(r.stderr).toBe(`Error: not logged in to ${R}: ${authPath} has no credentials for it\n`);
  });

  it('asks for what it cannot prompt for without a terminal, naming the flag', async () => {
    const noUser = await as(['login', R]);
    expect(noUser.code).toBe(125);
    expect(noUser.stderr).toBe(`Error: no user name for ${R} and no terminal to ask on: pass --username (-u)\n`);
    const noPassword = await as(['login', '-u', USER.username, R]);
    expect(noPassword.stderr).toBe(`Error: no password for ${R} and no terminal to ask on: pass --password-stdin (or --password)\n`);
    expect(existsSync(authPath)).toBe(true);
    expect(JSON.parse(readFileSync(authPath, 'utf8'))).toEqual({ auths: {} });
  });
});

describe('login with --password, --authfile and Basic authentication', () => {
  it('warns about a password on the command line, and stores into --authfile', async () => {
    const basic = await proxy('basic');
    const file = join(scratch.path, 'elsewhere', 'auth.json');
    const r = await boxctl(['login', '--authfile', file, '-u', USER.username, '-p', USER.password, basic.registry], testUser);
    expect(r.stderr).toBe('WARNING! Using --password via the cli is insecure. Please consider using --password-stdin\n');
    expect([r.code, r.stdout]).toEqual([0, 'Login Succeeded!\n']);
    expect(Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { auths: object }).auths)).toEqual([basic.registry]);

    const wrong = await boxctl(['login', '--authfile', file, '-u', USER.username, '-p', 'nope', `${basic.registry}/boxctl`], testUser);
    expect(wrong.code).toBe(125);
    expect(lastLine(wrong.stderr)).toBe(`Error: login to ${basic.registry} failed: authentication required: check the user name and password`);
    expect(Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { auths: object }).auths)).toEqual([basic.registry]);

    const all = await boxctl(['logout', '--all', '--authfile', file], testUser);
    expect([all.code, all.stdout]).toEqual([0, 'Removed login credentials for all registries\n']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ auths: {} });
  });

  it('logs in to a registry that asks for no credentials, as Podman does', async () => {
    const file = join(scratch.path, 'open.json');
    const r = await boxctl(['login', '--authfile', file, '-u', 'anyone', '--password-stdin', host.registry], { ...testUser, stdin: 'x\n' });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'Login Succeeded!\n', '']);
  });

  it('refuses a key with a tag, and --all with a registry', async () => {
    const tagged = await boxctl(['login', '-u', 'a', '-p', 'b', 'quay.io/team/app:1'], testUser);
    expect(tagged.code).toBe(125);
    expect(lastLine(tagged.stderr)).toBe("Error: 'quay.io/team/app:1' has a tag or digest: log in to a registry or a repository, such as quay.io/team");
    const both = await boxctl(['logout', '--all', 'quay.io'], testUser);
    expect(both.stderr).toBe("Error: --all logs out of every registry: drop 'quay.io', or drop --all\n");
  });
});
