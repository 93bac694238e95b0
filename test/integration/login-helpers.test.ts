// Credential helpers as the unprivileged test user: a real docker-credential-boxtest
// (a small shell script written here that speaks the helpers' protocol and keeps what
// it is given in files) named by credHelpers and credsStore in the auth files, against
// the token server in front of the test host's registry (fixtures/registry-token-proxy.ts).
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { boxctl, host, testUser, userTempDir, type RunOptions } from './harness.js';
import { RegistryProxy, USER } from './fixtures/registry-token-proxy.js';

const scratch = userTempDir(testUser.uid);
const bin = join(scratch.path, 'bin');
const kept = join(scratch.path, 'kept');
const HELPER = `#!/bin/sh
# docker-credential-boxtest: the credential helpers' protocol, one file per server in
# ${kept}, each call logged as "ACTION SERVER" in ${kept}/calls.
kept='${kept}'
input=$(cat)
if [ "$1" = store ]; then
  server=$(printf '%s' "$input" | sed -n 's/.*"ServerURL":"\\([^"]*\\)".*/\\1/p')
else
  server=$input
fi
echo "$1 $server" >> "$kept/calls"
file="$kept/$(printf '%s' "$server" | tr '/:' '__')"
case "$1" in
  store) printf '%s' "$input" > "$file" ;;
  get|erase)
    if [ ! -f "$file" ]; then echo 'credentials not found in native keychain'; exit 1; fi
    if [ "$1" = get ]; then cat "$file"; else rm "$file"; fi ;;
  *) echo "unknown action $1" >&2; exit 1 ;;
esac
`;

let proxy: RegistryProxy;
let R = '';

beforeAll(async () => {
  mkdirSync(bin);
  writeFileSync(join(bin, 'docker-credential-boxtest'), HELPER);
  chmodSync(join(bin, 'docker-credential-boxtest'), 0o755);
  proxy = await RegistryProxy.start({ upstream: host.registry, auth: 'bearer' });
  R = proxy.registry;
});

afterAll(async () => {
  await proxy.close();
  scratch.remove();
});

/** A home of its own per test, so that no auth file of another test is read. */
let home = '';
let n = 0;
beforeEach(() => {
  home = join(scratch.path, `home-${n++}`);
  mkdirSync(join(home, 'run', 'containers'), { recursive: true });
  mkdirSync(kept, { recursive: true });
  writeFileSync(join(kept, 'calls'), '');
  for (const dir of [home, join(home, 'run'), join(home, 'run', 'containers'), kept]) chmodSync(dir, 0o777);
  chmodSync(join(kept, 'calls'), 0o666);
});

const authJson = () => join(home, 'run', 'containers', 'auth.json');
const calls = () => readFileSync(join(kept, 'calls'), 'utf8').trim().split('\n').filter(Boolean);
const keptFor = (server: string) => join(kept, server.replace(/[/:]/g, '_'));
const lastLine = (text: string) => text.trim().split('\n').at(-1);

function as(args: string[], extra: Partial<RunOptions> = {}) {
  const env = { HOME: home, XDG_RUNTIME_DIR: join(home, 'run'), PATH: `${bin}:/usr/local/bin:/usr/bin:/bin`, ...extra.env };
  return boxctl(['--root', join(home, 'store'), ...args], { ...testUser, ...extra, env });
}

function writeText(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  chmodSync(path, 0o666);
}

const writeJson = (path: string, doc: unknown) => writeText(path, JSON.stringify(doc));

describe('a credHelpers entry in the auth file', () => {
  it('takes the login, keeps the secret out of the file, serves pulls and --get-login, and forgets it at logout', async () => {
    writeJson(authJson(), { credHelpers: { [R]: 'boxtest' } });
    const login = await as(['login', '-u', USER.username, '--password-stdin', R], { stdin: `${USER.password}\n` });
    expect([login.code, login.stdout, login.stderr]).toEqual([0, 'Login Succeeded!\n', '']);
    expect(JSON.parse(readFileSync(keptFor(R), 'utf8'))).toEqual({ ServerURL: R, Username: USER.username, Secret: USER.password });
    expect(JSON.parse(readFileSync(authJson(), 'utf8'))).toEqual({ credHelpers: { [R]: 'boxtest' } });

    const who = await as(['login', '--get-login', R]);
    expect([who.code, who.stdout]).toEqual([0, `${USER.username}\n`]);

    const pull = await as(['pull', '-q', `${R}/boxctl/busybox`]);
    expect(pull.code).toBe(0);
    expect(calls()).toEqual([`get ${R}`, `store ${R}`, `get ${R}`, `get ${R}`]);

    const logout = await as(['logout', R]);
    expect([logout.code, logout.stdout]).toEqual([0, `Removed login credentials for ${R}\n`]);
    expect(existsSync(keptFor(R))).toBe(false);
    const denied = await as(['pull', `${R}/boxctl/layers`]);
    expect(denied.code).toBe(125);
    expect(lastLine(denied.stderr)).toMatch(new RegExp(`^Error: ${R} denied access to boxctl/layers .*boxctl login ${R}`));
    const again = await as(['logout', R]);
    expect([again.code, again.stderr]).toEqual([125, `Error: not logged in to ${R}: docker-credential-boxtest (credHelpers in ${authJson()}) has no credentials for it\n`]);
  });

  it('refuses a namespaced login, which helpers cannot keep', async () => {
    writeJson(authJson(), { credHelpers: { [R]: 'boxtest' } });
    const r = await as(['login', '-u', USER.username, '--password-stdin', `${R}/boxctl`], { stdin: `${USER.password}\n` });
    expect(r.code).toBe(125);
    expect(r.stderr).toBe(
      `Error: docker-credential-boxtest (credHelpers in ${authJson()}) keeps credentials per registry, not for '${R}/boxctl': log in to ${R}, or use an --authfile without helpers\n`,
    );
    expect(existsSync(keptFor(R))).toBe(false);
  });

  it('names a helper that is not installed, and the file that names it', async () => {
    writeJson(authJson(), { credHelpers: { [R]: 'nowhere' } });
    const r = await as(['pull', `${R}/boxctl/busybox`]);
    expect(r.code).toBe(125);
    expect(lastLine(r.stderr)).toBe(
      `Error: the credential helper docker-credential-nowhere is not installed (credHelpers in ${authJson()}): install it, or remove it from that file`,
    );
  });
});

describe("Docker's credsStore", () => {
  it("serves a pull with what docker login left in the store, from ~/.docker/config.json", async () => {
    writeJson(join(home, '.docker', 'config.json'), { auths: { [R]: {} }, credsStore: 'boxtest' });
    // What `docker login` leaves: the secret in the store, an empty entry in the file.
    writeJson(keptFor(R), { ServerURL: R, Username: USER.username, Secret: USER.password });
    const pull = await as(['pull', '-q', `${R}/boxctl/busybox`]);
    expect([pull.code, pull.stderr]).toEqual([0, '']);
    expect(calls()).toEqual([`get ${R}`]);
  });

  it('passes over a store whose program is missing, as Podman (which never asks it) does', async () => {
    writeJson(join(home, '.docker', 'config.json'), { credsStore: 'desktop' });
    const pull = await as(['pull', '-q', `${host.registry}/boxctl/busybox`]);
    expect([pull.code, pull.stderr]).toEqual([0, '']);
  });

  it('takes a login into the store with an empty entry in the file, and logout --all erases it', async () => {
    const file = join(home, 'auth.json');
    writeJson(file, { credsStore: 'boxtest' });
    const login = await as(['login', '--authfile', file, '-u', USER.username, '--password-stdin', R], { stdin: `${USER.password}\n` });
    expect([login.code, login.stdout]).toEqual([0, 'Login Succeeded!\n']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ credsStore: 'boxtest', auths: { [R]: {} } });
    expect(existsSync(keptFor(R))).toBe(true);
    const all = await as(['logout', '--all', '--authfile', file]);
    expect([all.code, all.stdout]).toEqual([0, 'Removed login credentials for all registries\n']);
    expect(existsSync(keptFor(R))).toBe(false);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ credsStore: 'boxtest', auths: {} });
    expect(calls().slice(-1)).toEqual([`erase ${R}`]);
  });
});

describe('login and logout without a registry', () => {
  it('use the first search registry of registries.conf', async () => {
    writeText(join(home, '.config', 'containers', 'registries.conf'), `unqualified-search-registries = ["${R}", "quay.io"]\n`);
    const login = await as(['login', '-u', USER.username, '--password-stdin'], { stdin: `${USER.password}\n` });
    expect([login.code, login.stdout]).toEqual([0, 'Login Succeeded!\n']);
    expect(Object.keys((JSON.parse(readFileSync(authJson(), 'utf8')) as { auths: object }).auths)).toEqual([R]);
    const who = await as(['login', '--get-login']);
    expect(who.stdout).toBe(`${USER.username}\n`);
    const logout = await as(['logout']);
    expect([logout.code, logout.stdout]).toEqual([0, `Removed login credentials for ${R}\n`]);
  });

  it('say so when registries.conf names none', async () => {
    writeText(join(home, '.config', 'containers', 'registries.conf'), 'unqualified-search-registries = []\n');
    for (const args of [['login', '-u', 'x', '-p', 'y'], ['logout']]) {
      const r = await as(args);
      expect(r.code).toBe(125);
      expect(lastLine(r.stderr)).toBe(
        'Error: no registries found in registries.conf, a registry must be provided: name one (boxctl login quay.io), or list one in unqualified-search-registries',
      );
    }
  });
});
