import { describe, expect, it } from 'vitest';

import { UserError } from '../../src/errors.js';
import { registryFor } from '../../src/engine/image/pull-sources.js';
import { formatReference, parseReference, type Reference } from '../../src/engine/image/reference.js';
import {
  dropInFiles,
  parseRegistriesConf,
  registriesConfPaths,
  type ConfFile,
  type RegistriesConf,
} from '../../src/engine/image/registries-conf.js';
import { ambiguousShortNameError, resolveShortName } from '../../src/engine/image/short-names.js';

const D = 'sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c';

// The active settings of Fedora's /etc/containers/registries.conf, with its long comments
// (abridged here) and the commented-out [[registry]] example it ships.
const FEDORA_MAIN: ConfFile = {
  path: '/etc/containers/registries.conf',
  text: `# For more information on this configuration file, see containers-registries.conf(5).
#
# NOTE: RISK OF USING UNQUALIFIED IMAGE NAMES
# We recommend always using fully qualified image names including the registry
# server (full dns name), namespace, image name, and tag.
#
# # An array of host[:port] registries to try when pulling an unqualified image, in order.
unqualified-search-registries = ["registry.fedoraproject.org", "registry.access.redhat.com", "docker.io"]
#
# [[registry]]
# # The "prefix" field is used to choose the relevant [[registry]] TOML table.
# prefix = "example.com/foo"
# insecure = false
# blocked = false
# location = "internal-registry-for-example.com/bar"
# [[registry.mirror]]
# location = "example-mirror-0.local/mirror-for-foo"
# [[registry.mirror]]
# location = "example-mirror-1.local/mirrors/foo"
# insecure = true

short-name-mode = "enforcing"
`,
};

// An excerpt of the 000-shortnames.conf drop-in that Fedora and RHEL ship.
const FEDORA_SHORTNAMES: ConfFile = {
  path: '/etc/containers/registries.conf.d/000-shortnames.conf',
  text: `[aliases]
  # almalinux
  "almalinux" = "docker.io/library/almalinux"
  "almalinux-minimal" = "docker.io/almalinux/almalinux-minimal"
  # centos
  "centos" = "quay.io/centos/centos"
  # containers
  "skopeo" = "quay.io/skopeo/stable"
  "buildah" = "quay.io/buildah/stable"
  "podman" = "quay.io/podman/stable"
  # Debian
  "debian" = "docker.io/library/debian"
  # Fedora
  "fedora-minimal" = "registry.fedoraproject.org/fedora-minimal"
  "fedora" = "registry.fedoraproject.org/fedora"
  # Red Hat Enterprise Linux
  "ubi9" = "registry.access.redhat.com/ubi9"
  "ubi9/ubi-minimal" = "registry.access.redhat.com/ubi9-minimal"
  # Ubuntu
  "ubuntu" = "docker.io/library/ubuntu"
  # Alpine
  "alpine" = "docker.io/library/alpine"
`,
};

// Debian's registries.conf: documentation only, no search list, so short names fail.
const DEBIAN_MAIN: ConfFile = {
  path: '/etc/containers/registries.conf',
  text: `# For more information on this configuration file, see containers-registries.conf(5).
#
# Registries to search for images that are not fully-qualified.
# i.e. foobar.com/my_image:latest vs my_image:latest
# unqualified-search-registries = ["example.com"]
`,
};

const conf = (...texts: Array<ConfFile | string>): RegistriesConf =>
  parseRegistriesConf(texts.map((t, i) => (typeof t === 'string' ? { path: `/conf/${i}.conf`, text: t } : t)));

const names = (refs: readonly Reference[]) => refs.map(formatReference);

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('parsing and merging registries.conf', () => {
  it('reads Fedora main file and its shortnames drop-in', () => {
    const c = conf(FEDORA_MAIN, FEDORA_SHORTNAMES);
    expect(c.unqualifiedSearchRegistries).toEqual([
      'registry.fedoraproject.org',
      'registry.access.redhat.com',
      'docker.io',
    ]);
    expect(c.searchOrigin).toBe(FEDORA_MAIN.path);
    expect(c.shortNameMode).toBe('enforcing');
    expect(c.registries).toEqual([]);
    expect(c.aliases.size).toBe(13);
    expect(c.aliases.get('fedora')).toEqual({
      target: { registry: 'registry.fedoraproject.org', repository: 'fedora' },
      origin: FEDORA_SHORTNAMES.path,
    });
    expect(c.aliases.get('ubi9/ubi-minimal')?.target).toEqual({
      registry: 'registry.access.redhat.com',
      repository: 'ubi9-minimal',
    });
  });

  it('reads Debian file as no search list, the default mode and no aliases', () => {
    const c = conf(DEBIAN_MAIN);
    expect(c).toEqual({
      unqualifiedSearchRegistries: [],
      shortNameMode: 'permissive',
      aliases: new Map(),
      registries: [],
    });
    expect(conf()).toEqual(c);
  });

  it('lets a later file replace the search list and mode only where it sets them', () => {
    const c = conf(FEDORA_MAIN, 'short-name-mode = "permissive"', '# nothing');
    expect(c.shortNameMode).toBe('permissive');
    expect(c.unqualifiedSearchRegistries).toHaveLength(3);
    const emptied = conf(FEDORA_MAIN, 'unqualified-search-registries = []');
    expect(emptied.unqualifiedSearchRegistries).toEqual([]);
    expect(emptied.searchOrigin).toBe('/conf/1.conf');
  });

  it('merges aliases by name, later files winning, and lets "" reset one', () => {
    const c = conf(
      FEDORA_SHORTNAMES,
      '[aliases]\n"fedora" = "quay.io/fedora/fedora"\n"alpine" = ""\n"mine" = "localhost:5000/me/mine"',
    );
    expect(formatReference(c.aliases.get('fedora')!.target!)).toBe('quay.io/fedora/fedora');
    expect(c.aliases.get('alpine')).toEqual({ origin: '/conf/1.conf' });
    expect(c.aliases.get('debian')?.origin).toBe(FEDORA_SHORTNAMES.path);
    expect(formatReference(c.aliases.get('mine')!.target!)).toBe('localhost:5000/me/mine');
  });

  it('normalizes alias targets on Docker Hub', () => {
    const c = conf('[aliases]\n"x" = "docker.io/x"\n"y" = "index.docker.io/y/z"');
    expect(formatReference(c.aliases.get('x')!.target!)).toBe('docker.io/library/x');
    expect(formatReference(c.aliases.get('y')!.target!)).toBe('docker.io/y/z');
  });

  it('fills prefix from location, trims trailing slashes, keeps tables sorted by prefix', () => {
    const c = conf(`
[[registry]]
location = "quay.io/"
insecure = true

[[registry]]
prefix = "example.com/foo"
location = "internal.example.net/bar"
mirror-by-digest-only = true
[[registry.mirror]]
location = "mirror-0.local/foo"
[[registry.mirror]]
location = "mirror-1.local/foo"
insecure = true

[[registry]]
prefix = "*.corp.example"
blocked = true
`);
    expect(c.registries).toEqual([
      {
        prefix: '*.corp.example',
        location: '',
        insecure: false,
        blocked: true,
        mirrorByDigestOnly: false,
        mirrors: [],
        origin: '/conf/0.conf',
      },
      {
        prefix: 'example.com/foo',
        location: 'internal.example.net/bar',
        insecure: false,
        blocked: false,
        mirrorByDigestOnly: true,
        mirrors: [
          { location: 'mirror-0.local/foo', insecure: false, pullFromMirror: 'all' },
          { location: 'mirror-1.local/foo', insecure: true, pullFromMirror: 'all' },
        ],
        origin: '/conf/0.conf',
      },
      {
        prefix: 'quay.io',
        location: 'quay.io',
        insecure: true,
        blocked: false,
        mirrorByDigestOnly: false,
        mirrors: [],
        origin: '/conf/0.conf',
      },
    ]);
  });

  it('keeps the first table for a prefix within a file, and the later file across files', () => {
    const twice = '[[registry]]\nlocation = "a.io"\n[[registry]]\nprefix = "a.io"\nlocation = "b.io"\n';
    expect(conf(twice).registries.map((r) => r.location)).toEqual(['a.io']);
    const across = conf(twice, '[[registry]]\nprefix = "a.io"\nlocation = "c.io"\n');
    expect(across.registries.map((r) => [r.location, r.origin])).toEqual([['c.io', '/conf/1.conf']]);
  });

  it.each([
    [
      'unqualified-search-registries = ["quay.io/ns"]',
      "'unqualified-search-registries' entry 'quay.io/ns' is not a registry host[:port]",
    ],
    ['unqualified-search-registries = ["https://quay.io"]', "must not have a scheme: drop the 'http(s)://'"],
    ['unqualified-search-registries = "quay.io"', "'unqualified-search-registries' must be a list of registry names"],
    ['unqualified-search-registries = [1]', 'must be a list of registry names'],
    ['short-name-mode = "strict"', "'short-name-mode' must be enforcing, permissive or disabled, not 'strict'"],
    ['short-name-mode = 1', "'short-name-mode' must be a string"],
    [
      '[registries.search]\nregistries = ["docker.io"]',
      'uses the v1 format ([registries.search] and the like), which boxctl does not read',
    ],
    ['registry = 1', "'registry' must be a list of [[registry]] tables"],
    ['[[registry]]\ninsecure = true', "[[registry]] #1 sets neither 'prefix' nor 'location'"],
    [
      '[[registry]]\nprefix = "a.io/x"',
      "[[registry]] #1 has no 'location': only a '*.example.com' prefix may leave it out",
    ],
    ['[[registry]]\nprefix = "*.a.io/x"', "prefix '*.a.io/x' must be a plain '*.example.com'"],
    ['[[registry]]\nlocation = "https://a.io"', "[[registry]] #1 location 'https://a.io' must not have a scheme"],
    ['[[registry]]\nlocation = "a.io"\ninsecure = "yes"', "[[registry]] #1 'insecure' must be true or false"],
    [
      '[[registry]]\nlocation = "a.io"\npull-from-mirror = "all"',
      "'pull-from-mirror' belongs in a [[registry.mirror]]",
    ],
    [
      '[[registry]]\nlocation = "a.io"\n[[registry.mirror]]\ninsecure = true',
      '[[registry]] #1 mirror #1 has no location',
    ],
    [
      '[[registry]]\nlocation = "a.io"\n[[registry.mirror]]\nlocation = "m.io"\npull-from-mirror = "sometimes"',
      "'pull-from-mirror' must be all, digest-only or tag-only, not 'sometimes'",
    ],
    [
      '[[registry]]\nlocation = "a.io"\nmirror-by-digest-only = true\n[[registry.mirror]]\nlocation = "m.io"\npull-from-mirror = "tag-only"',
      "sets 'pull-from-mirror' while its registry sets 'mirror-by-digest-only': keep one",
    ],
    [
      '[[registry]]\nprefix = "a.io/x"\nlocation = "a.io"\n[[registry]]\nprefix = "a.io/y"\nlocation = "a.io"\ninsecure = true',
      "registry 'a.io' is defined more than once with different 'insecure'",
    ],
    [
      '[[registry]]\nprefix = "a.io/x"\nlocation = "a.io"\nblocked = true\n[[registry]]\nlocation = "a.io"',
      "registry 'a.io' is defined more than once with different 'blocked'",
    ],
    ['[aliases]\n"quay.io/x" = "quay.io/x"', "alias 'quay.io/x': an alias name must not include a registry"],
    ['[aliases]\n"x:1" = "quay.io/x"', "alias 'x:1': an alias name has no tag or digest"],
    ['[aliases]\n"X" = "quay.io/x"', "alias 'X': invalid image reference 'X': repository names must be lowercase"],
    ['[aliases]\n"x" = "x"', "alias 'x': the target 'x' must start with a registry"],
    ['[aliases]\n"x" = "quay.io/x:1"', "alias 'x': the target 'quay.io/x:1' must not have a tag or digest"],
    ['[aliases]\n"x" = "quay.io/X"', "alias 'x': invalid image reference 'quay.io/X'"],
    ['[aliases]\n"x" = 1', "alias 'x' must be a string"],
    ['aliases = 1', '[aliases] must be a table'],
  ])('refuses %j', (text, message) => {
    const err = errorOf(() => conf(text));
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toContain(message);
    expect(err.message).toMatch(/^\/conf\/0\.conf: /);
    expect(err.message).not.toContain('\n');
  });

  it('reports a TOML syntax error on one line with its position', () => {
    const err = errorOf(() =>
      conf({ path: '/etc/containers/registries.conf', text: 'a = 1\nunqualified-search-registries = ["docker.io"' }),
    );
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(/^cannot parse \/etc\/containers\/registries.conf: [a-z].* \(line 2, column \d+\)$/);
  });

  it('ignores settings it does not use', () => {
    expect(() =>
      conf('credential-helpers = ["containers-auth.json"]\nadditional-layer-store-auth-helper = "x"'),
    ).not.toThrow();
  });
});

describe('short-name resolution', () => {
  const fedora = conf(FEDORA_MAIN, FEDORA_SHORTNAMES);

  it('returns fully qualified names as they are', () => {
    expect(resolveShortName('quay.io/podman/stable:v5', fedora)).toEqual({
      kind: 'qualified',
      reference: { registry: 'quay.io', repository: 'podman/stable', tag: 'v5' },
    });
    expect(resolveShortName('localhost/app', fedora).kind).toBe('qualified');
  });

  it('uses an alias, keeping the tag or digest the user gave', () => {
    const r = resolveShortName('fedora:40', fedora);
    expect(r).toEqual({
      kind: 'alias',
      reference: { registry: 'registry.fedoraproject.org', repository: 'fedora', tag: '40' },
      origin: FEDORA_SHORTNAMES.path,
    });
    const d = resolveShortName(`ubi9/ubi-minimal@${D}`, fedora);
    expect(d.kind === 'alias' && formatReference(d.reference)).toBe(`registry.access.redhat.com/ubi9-minimal@${D}`);
  });

  it('looks aliases up by the name exactly as written', () => {
    const r = resolveShortName('library/fedora', fedora);
    expect(r.kind).toBe('search');
  });

  it('lists every search registry in order, refusing more than one in enforcing mode', () => {
    const r = resolveShortName('myapp:1', fedora);
    expect(r.kind).toBe('search');
    if (r.kind !== 'search') return;
    expect(names(r.candidates)).toEqual([
      'registry.fedoraproject.org/myapp:1',
      'registry.access.redhat.com/myapp:1',
      'docker.io/library/myapp:1',
    ]);
    expect(r.ambiguous).toBe(true);
    expect(r.origin).toBe(FEDORA_MAIN.path);
    expect(ambiguousShortNameError('myapp:1', r.candidates).message).toBe(
      "short name 'myapp:1' is ambiguous: use one of registry.fedoraproject.org/myapp:1, registry.access.redhat.com/myapp:1, docker.io/library/myapp:1",
    );
    expect(ambiguousShortNameError('x', r.candidates)).toBeInstanceOf(UserError);
  });

  it('builds the message from the brief', () => {
    const c = conf('unqualified-search-registries = ["docker.io", "quay.io"]\nshort-name-mode = "enforcing"');
    const r = resolveShortName('x', c);
    expect(r.kind === 'search' && ambiguousShortNameError('x', r.candidates).message).toBe(
      "short name 'x' is ambiguous: use one of docker.io/library/x, quay.io/x",
    );
  });

  it('is not ambiguous with one candidate, or in permissive or disabled mode', () => {
    const one = conf('unqualified-search-registries = ["quay.io"]\nshort-name-mode = "enforcing"');
    expect(resolveShortName('a/b', one)).toEqual({
      kind: 'search',
      candidates: [{ registry: 'quay.io', repository: 'a/b' }],
      ambiguous: false,
      origin: '/conf/0.conf',
    });
    for (const mode of ['permissive', 'disabled']) {
      const c = conf(FEDORA_MAIN, `short-name-mode = "${mode}"`);
      const r = resolveShortName('myapp', c);
      expect(r.kind === 'search' && r.ambiguous).toBe(false);
    }
  });

  it('falls back to the search list when a later file resets the alias', () => {
    const c = conf(FEDORA_MAIN, FEDORA_SHORTNAMES, {
      path: '/home/u/.cache/containers/short-name-aliases.conf',
      text: '[aliases]\n"fedora" = ""',
    });
    expect(resolveShortName('fedora', c).kind).toBe('search');
  });

  it("lets the user's recorded aliases win over the system's", () => {
    const user = {
      path: '/home/u/.cache/containers/short-name-aliases.conf',
      text: '[aliases]\n  "fedora" = "quay.io/fedora/fedora"\n',
    };
    const r = resolveShortName('fedora', conf(FEDORA_MAIN, FEDORA_SHORTNAMES, user));
    expect(r).toEqual({
      kind: 'alias',
      reference: { registry: 'quay.io', repository: 'fedora/fedora' },
      origin: user.path,
    });
  });

  it('fails with the fix when there is no alias and no search list (Debian)', () => {
    const err = errorOf(() => resolveShortName('nginx', conf(DEBIAN_MAIN)));
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(
      "short name 'nginx' has no alias and no unqualified-search registries are set in any registries.conf: use a full name such as docker.io/library/nginx",
    );
    const emptied = conf(FEDORA_MAIN, {
      path: '/etc/containers/registries.conf.d/50-none.conf',
      text: 'unqualified-search-registries = []',
    });
    expect(errorOf(() => resolveShortName('nginx:1', emptied)).message).toContain(
      'are set in /etc/containers/registries.conf.d/50-none.conf: use a full name such as docker.io/library/nginx:1',
    );
  });

  it('refuses a malformed name before resolving it', () => {
    expect(() => resolveShortName('Fedora', fedora)).toThrow(/repository names must be lowercase/);
  });
});

describe('registryFor: mirrors, rewriting, blocking', () => {
  const c = conf(`
[[registry]]
prefix = "example.com/foo"
location = "internal-registry-for-example.net/bar"
[[registry.mirror]]
location = "example-mirror-0.local/mirror-for-foo"
[[registry.mirror]]
location = "example-mirror-1.local/mirrors/foo"
insecure = true

[[registry]]
prefix = "example.com/foo/special"
location = "special.example.net"

[[registry]]
location = "docker.io"
[[registry.mirror]]
location = "mirror.gcr.io"

[[registry]]
location = "registry.local:5000"
insecure = true

[[registry]]
prefix = "*.blocked.example"
blocked = true

[[registry]]
prefix = "*.corp.example"
location = "proxy.corp.example/cache"

[[registry]]
location = "digests.example"
mirror-by-digest-only = true
[[registry.mirror]]
location = "digest-mirror.local"

[[registry]]
location = "mixed.example"
[[registry.mirror]]
location = "tags.local"
pull-from-mirror = "tag-only"
[[registry.mirror]]
location = "digests.local"
pull-from-mirror = "digest-only"
[[registry.mirror]]
location = "any.local"
`);
  const sources = (text: string) =>
    registryFor(parseReference(text), c).map(
      (s) => `${formatReference(s.reference)}${s.insecure ? ' (insecure)' : ''}${s.mirror ? ' [mirror]' : ''}`,
    );

  it('tries mirrors in order, then the location, rewriting the prefix', () => {
    expect(sources('example.com/foo/image:latest')).toEqual([
      'example-mirror-0.local/mirror-for-foo/image:latest [mirror]',
      'example-mirror-1.local/mirrors/foo/image:latest (insecure) [mirror]',
      'internal-registry-for-example.net/bar/image:latest',
    ]);
  });

  it('uses the longest matching prefix, on component boundaries only', () => {
    expect(sources('example.com/foo/special/x:1')).toEqual(['special.example.net/x:1']);
    expect(sources('example.com/foobar/x')).toEqual(['example.com/foobar/x']);
    expect(sources(`example.com/foo@${D}`)).toEqual([
      `example-mirror-0.local/mirror-for-foo@${D} [mirror]`,
      `example-mirror-1.local/mirrors/foo@${D} (insecure) [mirror]`,
      `internal-registry-for-example.net/bar@${D}`,
    ]);
  });

  it('mirrors Docker Hub, whose names are normalized first', () => {
    expect(sources('alpine:3.20')).toEqual([
      'mirror.gcr.io/library/alpine:3.20 [mirror]',
      'docker.io/library/alpine:3.20',
    ]);
  });

  it('passes insecure through, and returns the reference as-is where no table matches', () => {
    expect(sources('registry.local:5000/app')).toEqual(['registry.local:5000/app (insecure)']);
    expect(registryFor(parseReference('quay.io/a/b:1'), c)).toEqual([
      { reference: { registry: 'quay.io', repository: 'a/b', tag: '1' }, insecure: false, mirror: false },
    ]);
  });

  it('matches wildcard prefixes on subdomains of the host only', () => {
    expect(sources('a.corp.example/team/app:1')).toEqual(['proxy.corp.example/cache/team/app:1']);
    expect(sources('x.a.corp.example/app')).toEqual(['proxy.corp.example/cache/app']);
    expect(sources('corp.example/app')).toEqual(['corp.example/app']);
    expect(sources('evil.io/a.corp.example/app')).toEqual(['evil.io/a.corp.example/app']);
  });

  it('refuses a blocked registry, saying where it is blocked', () => {
    const err = errorOf(() => registryFor(parseReference('images.blocked.example/app:1'), c));
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(
      "pulling images.blocked.example/app is blocked by the [[registry]] for '*.blocked.example' in /conf/0.conf: remove 'blocked = true' there to allow it",
    );
  });

  it('uses digest-only mirrors for digests only, tag-only mirrors for tags only', () => {
    expect(sources('digests.example/app:1')).toEqual(['digests.example/app:1']);
    expect(sources(`digests.example/app@${D}`)).toEqual([
      `digest-mirror.local/app@${D} [mirror]`,
      `digests.example/app@${D}`,
    ]);
    expect(sources('mixed.example/app:1')).toEqual([
      'tags.local/app:1 [mirror]',
      'any.local/app:1 [mirror]',
      'mixed.example/app:1',
    ]);
    expect(sources(`mixed.example/app@${D}`)).toEqual([
      `digests.local/app@${D} [mirror]`,
      `any.local/app@${D} [mirror]`,
      `mixed.example/app@${D}`,
    ]);
  });

  it('keeps containers/image quirk: a host prefix also matches that host with a port', () => {
    expect(sources('registry.local:5000/app')).toHaveLength(1);
    const quirk = conf('[[registry]]\nlocation = "example.org"\ninsecure = true');
    expect(registryFor(parseReference('example.org:5000/app'), quirk)[0]?.insecure).toBe(true);
  });

  it('names the table when a rewrite gives an invalid reference', () => {
    const bad = conf('[[registry]]\nprefix = "a.io/x"\nlocation = "b.io/UPPER"');
    expect(errorOf(() => registryFor(parseReference('a.io/x/app'), bad)).message).toBe(
      "the [[registry]] for 'a.io/x' in /conf/0.conf turns a.io/x/app into 'b.io/UPPER/app', which is not a valid reference: fix its location",
    );
  });
});

describe('which files to read', () => {
  const env = {};
  it('reads the system file and both drop-in directories when the user has no file', () => {
    expect(registriesConfPaths({ home: '/home/u', env, userFileExists: false })).toEqual({
      file: '/etc/containers/registries.conf',
      dropInDirs: ['/etc/containers/registries.conf.d', '/home/u/.config/containers/registries.conf.d'],
      userAliases: '/home/u/.cache/containers/short-name-aliases.conf',
    });
  });

  it("reads only the user's file and drop-ins when the user has a file", () => {
    expect(
      registriesConfPaths({
        home: '/home/u',
        env: { XDG_CACHE_HOME: '/c', XDG_CONFIG_HOME: '/x' },
        userFileExists: true,
      }),
    ).toEqual({
      file: '/home/u/.config/containers/registries.conf',
      dropInDirs: ['/home/u/.config/containers/registries.conf.d'],
      userAliases: '/c/containers/short-name-aliases.conf',
    });
  });

  it('applies *.conf drop-ins in name order', () => {
    expect(
      dropInFiles('/etc/containers/registries.conf.d', [
        '50-x.conf',
        '000-shortnames.conf',
        'README',
        'b.conf.bak',
        '01-a.conf',
      ]),
    ).toEqual([
      '/etc/containers/registries.conf.d/000-shortnames.conf',
      '/etc/containers/registries.conf.d/01-a.conf',
      '/etc/containers/registries.conf.d/50-x.conf',
    ]);
  });
});
