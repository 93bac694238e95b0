import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { NotFoundError, UserError } from '../../src/errors.js';
import { loginKey, loginKeyOrDefault, removeAllLogins, removeLogin, storedLogin, storeLogin, writableAuthFile } from '../../src/engine/image/login.js';
import { parseRegistriesConf } from '../../src/engine/image/registries-conf.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('loginKey', () => {
  it('keeps registries and repositories as written, URLs as their host[:port]', () => {
    expect(loginKey('quay.io')).toEqual({ key: 'quay.io', registry: 'quay.io' });
    expect(loginKey('localhost:5000')).toEqual({ key: 'localhost:5000', registry: 'localhost:5000' });
    expect(loginKey('quay.io/team/app')).toEqual({ key: 'quay.io/team/app', registry: 'quay.io' });
    // Not docker.io/library/alpine: the key is what the user typed, as Podman keeps it.
    expect(loginKey('docker.io/alpine')).toEqual({ key: 'docker.io/alpine', registry: 'docker.io' });
    expect(loginKey('https://registry.example.com:8443/v2/')).toEqual({ key: 'registry.example.com:8443', registry: 'registry.example.com:8443' });
  });

  it('refuses what is no registry key, saying what to give', () => {
    expect(() => loginKey('quay.io/team/app:1')).toThrow("'quay.io/team/app:1' has a tag or digest");
    expect(() => loginKey('quay.io/Team')).toThrow(UserError);
    expect(() => loginKey('team/app')).toThrow("'team/app' does not start with a registry: give one first, such as docker.io/team/app");
    expect(() => loginKey('bad host')).toThrow("invalid registry 'bad host'");
    expect(() => loginKey('')).toThrow(UserError);
  });

  it('takes the first search registry when none is named, as Podman does, and says when there is none', () => {
    const conf = (text: string) => () => parseRegistriesConf([{ path: '/etc/containers/registries.conf', text }]);
    expect(loginKeyOrDefault(undefined, conf('unqualified-search-registries = ["registry.example.com:5000", "quay.io"]'))).toEqual({
      key: 'registry.example.com:5000',
      registry: 'registry.example.com:5000',
    });
    expect(loginKeyOrDefault('ghcr.io', conf(''))).toEqual({ key: 'ghcr.io', registry: 'ghcr.io' });
    expect(() => loginKeyOrDefault(undefined, conf(''))).toThrow(
      new UserError('no registries found in registries.conf, a registry must be provided: name one (boxctl login quay.io), or list one in unqualified-search-registries'),
    );
  });
});

describe('the auth file login writes', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'boxctl-login-')));

  it('is the first of the auth files: $XDG_RUNTIME_DIR, $REGISTRY_AUTH_FILE, or --authfile', () => {
    expect(writableAuthFile(undefined, { XDG_RUNTIME_DIR: '/run/user/7', HOME: '/h' }).path).toBe('/run/user/7/containers/auth.json');
    expect(writableAuthFile(undefined, { REGISTRY_AUTH_FILE: '/x/auth.json', XDG_RUNTIME_DIR: '/run/user/7' }).path).toBe('/x/auth.json');
    expect(writableAuthFile('/y.json', { REGISTRY_AUTH_FILE: '/x/auth.json' }).path).toBe('/y.json');
  });

  it('is created owner-only in an owner-only directory, keeping what other tools wrote', async () => {
    const env = { XDG_RUNTIME_DIR: fresh(), HOME: dir };
    const key = loginKey('quay.io/team');
    const path = await storeLogin(key, { username: 'alice', password: 'p:w' }, undefined, env);
    expect(path).toBe(join(dir, 'containers', 'auth.json'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'containers')).mode & 0o777).toBe(0o700);
    writeFileSync(path, JSON.stringify({ auths: JSON.parse(readFileSync(path, 'utf8')).auths, credHelpers: { 'gcr.io': 'gcloud' } }));
    await storeLogin(loginKey('ghcr.io'), { username: 'bob', password: 'x' }, undefined, env);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      auths: { 'quay.io/team': { auth: b64('alice:p:w') }, 'ghcr.io': { auth: b64('bob:x') } },
      credHelpers: { 'gcr.io': 'gcloud' },
    });
    expect(await storedLogin(loginKey('quay.io/team/app'), undefined, env)).toMatchObject({ source: { kind: 'credentials' }, credentials: { username: 'alice', password: 'p:w' } });
  });

  it('loses exactly the key logged out of, or every key with --all', async () => {
    const env = { XDG_RUNTIME_DIR: fresh(), HOME: dir };
    const path = await storeLogin(loginKey('quay.io'), { username: 'a', password: 'b' }, undefined, env);
    await storeLogin(loginKey('quay.io/team'), { username: 'c', password: 'd' }, undefined, env);
    await removeLogin(loginKey('quay.io/team'), undefined, env);
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')).auths)).toEqual(['quay.io']);
    await expect(removeLogin(loginKey('quay.io/team'), undefined, env)).rejects.toThrow(new NotFoundError(`not logged in to quay.io/team: ${path} has no credentials for it`));
    await removeAllLogins(undefined, env);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ auths: {} });
  });

  it("says where credentials come from when Docker's file holds them", async () => {
    const env = { XDG_RUNTIME_DIR: join(fresh(), 'run'), HOME: dir, DOCKER_CONFIG: dir };
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { 'quay.io': { auth: b64('a:b') } } }));
    await expect(removeLogin(loginKey('quay.io'), undefined, env)).rejects.toThrow(
      `not logged in to quay.io by boxctl: the credentials in use come from ${join(dir, 'config.json')}; log out with the tool that wrote them (docker logout quay.io)`,
    );
  });

  it('refuses to log out of a named auth file that is not there', async () => {
    const missing = join(fresh(), 'none.json');
    await expect(removeLogin(loginKey('quay.io'), missing)).rejects.toThrow(new UserError(`${missing} does not exist: check --authfile`));
  });
});
