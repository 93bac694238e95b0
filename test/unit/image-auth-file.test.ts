import { describe, expect, it } from 'vitest';

import { NotFoundError, UserError } from '../../src/errors.js';
import {
  authFilePaths,
  credentialSources,
  helperLogins,
  parseAuthFile,
  removeCredentials,
  serializeAuthFile,
  setCredentials,
  setStoreMarker,
  type AuthFile,
} from '../../src/engine/image/auth-file.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

// What `podman login` leaves in ${XDG_RUNTIME_DIR}/containers/auth.json, with a
// namespaced entry (`podman login quay.io/team`) beside the registry's.
const PODMAN = parseAuthFile(
  JSON.stringify({
    auths: {
      'quay.io': { auth: b64('alice:quay-pass') },
      'quay.io/team': { auth: b64('team-bot:team-pass') },
      'quay.io/team/private-app': { auth: b64('app-bot:app-pass') },
      'localhost:5000': { auth: b64('dev:p:with:colons') },
      'docker.io': { auth: b64('alice:hub-pass') },
    },
  }),
  { path: '/run/user/1000/containers/auth.json', legacyFormat: false },
);

// Docker's ~/.docker/config.json: Hub under its legacy URL key, an empty marker entry left by a
// credential store, a credential helper, an identity token, and settings boxctl must keep.
const DOCKER_TEXT = `{
	"auths": {
		"https://index.docker.io/v1/": {
			"auth": "${b64('bob:hub-token')}"
		},
		"ghcr.io": {},
		"https://registry.example.com/v2/": {
			"auth": "${b64('carol:example-pass')}"
		},
		"myregistry.azurecr.io": {
			"auth": "${b64('00000000-0000-0000-0000-000000000000:')}",
			"identitytoken": "eyJhbGciOiJSUzI1NiJ9.refresh"
		}
	},
	"credHelpers": {
		"123456789012.dkr.ecr.us-east-1.amazonaws.com": "ecr-login",
		"gcr.io": "gcloud"
	},
	"credsStore": "desktop",
	"HttpHeaders": {
		"User-Agent": "Docker-Client/24.0.7 (linux)"
	},
	"currentContext": "default"
}`;
const DOCKER = parseAuthFile(DOCKER_TEXT, { path: '/home/u/.docker/config.json', legacyFormat: false });

// ~/.dockercfg from Docker before 1.7: the auths map is the whole file, keyed by URL.
const LEGACY = parseAuthFile(
  JSON.stringify({ 'https://old.example.com/v1/': { auth: b64('dave:old-pass'), email: 'dave@example.com' } }),
  { path: '/home/u/.dockercfg', legacyFormat: true },
);

/** The first credentials the files hold themselves; helpers are asked at run time (credentials.ts). */
const findCredentials = (files: readonly AuthFile[], key: string) => credentialSources(files, key).find((s) => s.kind === 'credentials');

const user = (files: readonly AuthFile[], key: string) => {
  const r = findCredentials(files, key);
  return r?.kind === 'credentials' ? `${r.credentials.username}:${r.credentials.password} (${r.key} in ${r.path})` : r;
};

describe('auth file locations', () => {
  it('reads the runtime file, the config file, Docker, then the legacy file', () => {
    expect(authFilePaths({ env: { XDG_RUNTIME_DIR: '/run/user/1000' }, home: '/home/u', uid: 1000 })).toEqual([
      { path: '/run/user/1000/containers/auth.json', legacyFormat: false },
      { path: '/home/u/.config/containers/auth.json', legacyFormat: false },
      { path: '/home/u/.docker/config.json', legacyFormat: false },
      { path: '/home/u/.dockercfg', legacyFormat: true },
    ]);
  });

  it('follows XDG_CONFIG_HOME and DOCKER_CONFIG, and falls back to /run/containers/UID', () => {
    expect(
      authFilePaths({ env: { XDG_CONFIG_HOME: '/cfg', DOCKER_CONFIG: '/dk' }, home: '/home/u', uid: 1001 }),
    ).toEqual([
      { path: '/run/containers/1001/auth.json', legacyFormat: false },
      { path: '/cfg/containers/auth.json', legacyFormat: false },
      { path: '/dk/config.json', legacyFormat: false },
      { path: '/home/u/.dockercfg', legacyFormat: true },
    ]);
  });

  it('uses only REGISTRY_AUTH_FILE when it is set, as Podman does', () => {
    expect(
      authFilePaths({
        env: { REGISTRY_AUTH_FILE: '/tmp/auth.json', XDG_RUNTIME_DIR: '/run/user/1' },
        home: '/h',
        uid: 1,
      }),
    ).toEqual([{ path: '/tmp/auth.json', legacyFormat: false }]);
  });
});

describe('finding credentials', () => {
  it('prefers the most specific key: repository, then namespace, then registry', () => {
    expect(user([PODMAN], 'quay.io/team/private-app')).toBe(
      'app-bot:app-pass (quay.io/team/private-app in /run/user/1000/containers/auth.json)',
    );
    expect(user([PODMAN], 'quay.io/team/other-app')).toMatch(/^team-bot:team-pass \(quay.io\/team /);
    expect(user([PODMAN], 'quay.io/someone/app')).toMatch(/^alice:quay-pass \(quay.io /);
    expect(user([PODMAN], 'quay.io')).toMatch(/^alice:quay-pass/);
  });

  it('splits user and password at the first colon only', () => {
    expect(user([PODMAN], 'localhost:5000/app')).toMatch(/^dev:p:with:colons /);
  });

  it('finds Docker Hub under docker.io, and under the legacy index URL', () => {
    expect(user([PODMAN], 'docker.io/library/alpine')).toMatch(/^alice:hub-pass \(docker.io /);
    expect(user([DOCKER], 'docker.io/library/alpine')).toBe(
      'bob:hub-token (https://index.docker.io/v1/ in /home/u/.docker/config.json)',
    );
  });

  it('matches keys written as URLs by their host', () => {
    expect(user([DOCKER], 'registry.example.com/ns/app')).toMatch(
      /^carol:example-pass \(https:\/\/registry.example.com\/v2\/ /,
    );
  });

  it('keeps the identity token', () => {
    const r = findCredentials([DOCKER], 'myregistry.azurecr.io/app');
    expect(r).toEqual({
      kind: 'credentials',
      credentials: {
        username: '00000000-0000-0000-0000-000000000000',
        password: '',
        identityToken: 'eyJhbGciOiJSUzI1NiJ9.refresh',
      },
      path: '/home/u/.docker/config.json',
      key: 'myregistry.azurecr.io',
    });
  });

  it("asks a registry's credHelpers entry alone in its file, by registry", () => {
    expect(credentialSources([DOCKER], 'gcr.io/project/app')).toEqual([
      { kind: 'helper', helper: 'gcloud', field: 'credHelpers', path: '/home/u/.docker/config.json', registry: 'gcr.io' },
    ]);
  });

  it("asks Docker's credsStore before the file's own entry, and the next files after both", () => {
    const sources = credentialSources([DOCKER, PODMAN], 'docker.io/library/alpine');
    expect(sources.map((s) => (s.kind === 'helper' ? `${s.field}:${s.helper}:${s.registry}` : `${s.key} in ${s.path}`))).toEqual([
      'credsStore:desktop:docker.io',
      'https://index.docker.io/v1/ in /home/u/.docker/config.json',
      'docker.io in /run/user/1000/containers/auth.json',
    ]);
    // A marker entry holds nothing: the store is all the file has for it.
    expect(credentialSources([DOCKER], 'ghcr.io/erin/app')).toEqual([
      { kind: 'helper', helper: 'desktop', field: 'credsStore', path: '/home/u/.docker/config.json', registry: 'ghcr.io' },
    ]);
  });

  it('refuses helper settings that are not names', () => {
    const bad = (data: object) => () => parseAuthFile(JSON.stringify(data), { path: '/a.json', legacyFormat: false });
    expect(bad({ credsStore: 1 })).toThrow("/a.json: 'credsStore' must be the name of a credential helper");
    expect(bad({ credHelpers: { 'quay.io': {} } })).toThrow("/a.json: the credHelpers entry for 'quay.io' must be the name of a credential helper");
  });

  it('reads the files in order and takes the first that has credentials', () => {
    expect(user([PODMAN, DOCKER], 'docker.io/library/alpine')).toMatch(/^alice:hub-pass/);
    expect(user([DOCKER, PODMAN], 'docker.io/library/alpine')).toMatch(/^bob:hub-token/);
    expect(user([PODMAN, DOCKER], 'registry.example.com/x')).toMatch(/^carol:/);
  });

  it('skips an empty marker entry and goes on to the next file', () => {
    const fallback = parseAuthFile(JSON.stringify({ auths: { 'ghcr.io': { auth: b64('erin:gh-pass') } } }), {
      path: '/home/u/.config/containers/auth.json',
      legacyFormat: false,
    });
    expect(findCredentials([DOCKER], 'ghcr.io/erin/app')).toBeUndefined();
    expect(user([DOCKER, fallback], 'ghcr.io/erin/app')).toMatch(/^erin:gh-pass/);
  });

  it('reads the legacy format by registry host only', () => {
    expect(user([LEGACY], 'old.example.com/ns/app')).toBe(
      'dave:old-pass (https://old.example.com/v1/ in /home/u/.dockercfg)',
    );
    expect(findCredentials([LEGACY], 'new.example.com')).toBeUndefined();
  });

  it('returns nothing for a registry with no entry, or from no files', () => {
    expect(findCredentials([PODMAN, DOCKER, LEGACY], 'registry.fedoraproject.org/fedora')).toBeUndefined();
    expect(findCredentials([], 'quay.io')).toBeUndefined();
    expect(findCredentials([parseAuthFile('', { path: '/missing', legacyFormat: false })], 'quay.io')).toBeUndefined();
  });

  it('refuses malformed entries, naming the file and key', () => {
    const bad = (auths: unknown) => parseAuthFile(JSON.stringify({ auths }), { path: '/a.json', legacyFormat: false });
    expect(() => findCredentials([bad({ 'quay.io': { auth: 'not base64!' } })], 'quay.io')).toThrow(
      "/a.json: the 'auth' of 'quay.io' is not base64: log in again",
    );
    expect(() => findCredentials([bad({ 'quay.io': 'x' })], 'quay.io')).toThrow(
      "/a.json: the entry for 'quay.io' must be an object",
    );
    expect(() => findCredentials([bad({ 'quay.io': { auth: 1 } })], 'quay.io')).toThrow(
      "'auth' and 'identitytoken' of 'quay.io' must be strings",
    );
    // An entry without a colon is skipped, as Docker skips it.
    expect(findCredentials([bad({ 'quay.io': { auth: b64('nocolon') } })], 'quay.io')).toBeUndefined();
  });

  it.each([
    ['', 'it is empty'],
    ['https://quay.io', "drop the 'http(s)://'"],
    [`quay.io/app@sha256:${'a'.repeat(64)}`, 'a key has no digest'],
    ['quay.io/app:latest', 'a key has no tag'],
  ])('refuses the key %j', (key, why) => {
    expect(() => findCredentials([PODMAN], key)).toThrow(UserError);
    expect(() => findCredentials([PODMAN], key)).toThrow(`invalid registry key '${key}': ${why}`);
  });

  it('accepts a registry with a port as a key', () => {
    expect(user([PODMAN], 'localhost:5000')).toMatch(/^dev:/);
  });
});

describe('parsing and writing', () => {
  it('refuses files that are not the format, saying what to do', () => {
    const loc = { path: '/a.json', legacyFormat: false };
    expect(() => parseAuthFile('{', loc)).toThrow(
      /^\/a.json is not valid JSON \(.*\): fix it or remove it and log in again$/,
    );
    expect(() => parseAuthFile('[]', loc)).toThrow('/a.json must hold a JSON object');
    expect(() => parseAuthFile('{"auths": []}', loc)).toThrow("/a.json: 'auths' must be an object");
    expect(() => parseAuthFile('{"credHelpers": "x"}', loc)).toThrow("'credHelpers' must be an object");
    expect(parseAuthFile(' \n', loc).data).toEqual({});
  });

  it('sets credentials in a new document, keeping everything else', () => {
    const before = structuredClone(DOCKER.data);
    const after = setCredentials(DOCKER, 'quay.io', { username: 'frank', password: 'pw' });
    expect(DOCKER.data).toEqual(before);
    expect(user([after], 'quay.io/x')).toBe('frank:pw (quay.io in /home/u/.docker/config.json)');
    const { auths, ...rest } = after.data as { auths: Record<string, unknown> };
    const { auths: oldAuths, ...oldRest } = before as { auths: Record<string, unknown> };
    expect(rest).toEqual(oldRest);
    expect(auths).toEqual({ ...oldAuths, 'quay.io': { auth: b64('frank:pw') } });
  });

  it('replaces an existing entry whole, dropping its old identity token', () => {
    const after = setCredentials(DOCKER, 'myregistry.azurecr.io', { username: 'u', password: 'p' });
    const r = findCredentials([after], 'myregistry.azurecr.io');
    expect(r?.kind === 'credentials' && r.credentials).toEqual({ username: 'u', password: 'p' });
  });

  it('creates auths in an empty document and serializes with tabs, as Podman does', () => {
    const empty = parseAuthFile('', { path: '/run/user/1/containers/auth.json', legacyFormat: false });
    const file = setCredentials(empty, 'localhost:5000/team', { username: 'a', password: 'b' });
    expect(serializeAuthFile(file)).toBe(
      `{\n\t"auths": {\n\t\t"localhost:5000/team": {\n\t\t\t"auth": "${b64('a:b')}"\n\t\t}\n\t}\n}\n`,
    );
  });

  it('round-trips a Docker config through parse and serialize', () => {
    const again = parseAuthFile(serializeAuthFile(DOCKER), DOCKER);
    expect(again.data).toEqual(DOCKER.data);
    expect(serializeAuthFile(DOCKER)).toBe(`${DOCKER_TEXT}\n`);
  });

  it('removes exactly one key, and says so when there is nothing to remove', () => {
    const after = removeCredentials(PODMAN, 'quay.io/team');
    expect(Object.keys((after.data as { auths: object }).auths)).toEqual([
      'quay.io',
      'quay.io/team/private-app',
      'localhost:5000',
      'docker.io',
    ]);
    expect(user([after], 'quay.io/team/x')).toMatch(/^alice:/);
    const err = (() => {
      try {
        removeCredentials(PODMAN, 'ghcr.io');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as Error).message).toBe(
      'not logged in to ghcr.io: /run/user/1000/containers/auth.json has no credentials for it',
    );
  });

  it("leaves Docker's empty entry for a login its credsStore keeps, and logout --all finds the helpers to ask", () => {
    const marked = setStoreMarker(DOCKER, 'quay.io');
    expect((marked.data as { auths: Record<string, unknown> }).auths['quay.io']).toEqual({});
    expect(helperLogins(marked)).toEqual([
      { registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com', helper: 'ecr-login', field: 'credHelpers' },
      { registry: 'gcr.io', helper: 'gcloud', field: 'credHelpers' },
      { registry: 'https://index.docker.io/v1/', helper: 'desktop', field: 'credsStore' },
      { registry: 'ghcr.io', helper: 'desktop', field: 'credsStore' },
      { registry: 'https://registry.example.com/v2/', helper: 'desktop', field: 'credsStore' },
      { registry: 'myregistry.azurecr.io', helper: 'desktop', field: 'credsStore' },
      { registry: 'quay.io', helper: 'desktop', field: 'credsStore' },
    ]);
    expect(helperLogins(PODMAN)).toEqual([]);
  });

  it('refuses to write the legacy format, bad keys, and user names with a colon', () => {
    expect(() => setCredentials(LEGACY, 'a.io', { username: 'a', password: 'b' })).toThrow(
      '/home/u/.dockercfg is in the legacy .dockercfg format, which boxctl does not write: use an auth.json file',
    );
    expect(() => removeCredentials(LEGACY, 'a.io')).toThrow(/legacy .dockercfg format/);
    expect(() => setCredentials(PODMAN, 'quay.io/app:1', { username: 'a', password: 'b' })).toThrow('a key has no tag');
    expect(() => setCredentials(PODMAN, 'quay.io', { username: 'a:b', password: 'c' })).toThrow(
      "user name 'a:b' contains ':', which the auth file cannot store",
    );
  });
});
