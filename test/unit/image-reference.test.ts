import { describe, expect, it } from 'vitest';

import { UserError } from '../../src/errors.js';
import {
  familiarName,
  formatReference,
  isRegistryName,
  isShortName,
  parseReference,
  referenceName,
  splitReference,
  withDefaultTag,
} from '../../src/engine/image/reference.js';

const D = 'sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c';
const D512 = `sha512:${'ab'.repeat(64)}`;

describe('parseReference: valid references, normalized', () => {
  // input, canonical form, familiar name
  it.each([
    ['alpine', 'docker.io/library/alpine', 'alpine'],
    ['alpine:3.20', 'docker.io/library/alpine:3.20', 'alpine'],
    ['library/alpine', 'docker.io/library/alpine', 'alpine'],
    ['docker.io/alpine', 'docker.io/library/alpine', 'alpine'],
    ['docker.io/library/alpine:latest', 'docker.io/library/alpine:latest', 'alpine'],
    ['index.docker.io/library/alpine', 'docker.io/library/alpine', 'alpine'],
    ['index.docker.io/debian', 'docker.io/library/debian', 'debian'],
    ['index.docker.io/docker/docker', 'docker.io/docker/docker', 'docker/docker'],
    ['docker/docker', 'docker.io/docker/docker', 'docker/docker'],
    ['library/foo/bar', 'docker.io/library/foo/bar', 'library/foo/bar'],
    ['store/foo/bar', 'docker.io/store/foo/bar', 'store/foo/bar'],
    ['other/library', 'docker.io/other/library', 'other/library'],
    ['test_com/foo', 'docker.io/test_com/foo', 'test_com/foo'],
    ['quay.io/fedora/fedora:40', 'quay.io/fedora/fedora:40', 'quay.io/fedora/fedora'],
    ['registry.fedoraproject.org/fedora', 'registry.fedoraproject.org/fedora', 'registry.fedoraproject.org/fedora'],
    ['localhost/app', 'localhost/app', 'localhost/app'],
    ['localhost:5000/app:v1', 'localhost:5000/app:v1', 'localhost:5000/app'],
    ['test-com:8080/foo', 'test-com:8080/foo', 'test-com:8080/foo'],
    ['127.0.0.1:5000/docker/docker', '127.0.0.1:5000/docker/docker', '127.0.0.1:5000/docker/docker'],
    ['192.168.0.1/debian', '192.168.0.1/debian', '192.168.0.1/debian'],
    ['[::1]:5000/app', '[::1]:5000/app', '[::1]:5000/app'],
    [
      '[fc00:1:2:3:4:5:6:7]:5000/library/debian',
      '[fc00:1:2:3:4:5:6:7]:5000/library/debian',
      '[fc00:1:2:3:4:5:6:7]:5000/library/debian',
    ],
    ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080/foo', 'xn--n3h.com:18080/foo'],
    ['Example.COM/foo', 'Example.COM/foo', 'Example.COM/foo'],
    ['docker-rules/docker', 'docker.io/docker-rules/docker', 'docker-rules/docker'],
    ['docker---rules/docker', 'docker.io/docker---rules/docker', 'docker---rules/docker'],
    ['dock__er/docker', 'docker.io/dock__er/docker', 'dock__er/docker'],
    ['d/docker', 'docker.io/d/docker', 'd/docker'],
    ['ns/a.b_c-d', 'docker.io/ns/a.b_c-d', 'ns/a.b_c-d'],
    [
      'docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
      'docker.io/library/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
      '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
    ],
    [
      'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
      'docker.io/library/thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
      'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
    ],
    // A bare 'localhost' or 'localhost:5000' is a name with a tag, not a registry.
    ['localhost', 'docker.io/library/localhost', 'localhost'],
    ['localhost:5000', 'docker.io/library/localhost:5000', 'localhost'],
    [`busybox@${D}`, `docker.io/library/busybox@${D}`, 'busybox'],
    [`busybox:latest@${D}`, `docker.io/library/busybox:latest@${D}`, 'busybox'],
    [`quay.io/a/b:v1@${D512}`, `quay.io/a/b:v1@${D512}`, 'quay.io/a/b'],
    [`localhost:5000/app@${D}`, `localhost:5000/app@${D}`, 'localhost:5000/app'],
  ])('%s', (input, canonical, familiar) => {
    const ref = parseReference(input);
    expect(formatReference(ref)).toBe(canonical);
    expect(familiarName(ref)).toBe(familiar);
    expect(formatReference(parseReference(canonical))).toBe(canonical);
  });

  it('splits registry, repository, tag and digest', () => {
    expect(parseReference('alpine')).toEqual({ registry: 'docker.io', repository: 'library/alpine' });
    expect(parseReference(`localhost:5000/ns/app:v1@${D}`)).toEqual({
      registry: 'localhost:5000',
      repository: 'ns/app',
      tag: 'v1',
      digest: D,
    });
    expect(referenceName(parseReference('quay.io/a/b:1'))).toBe('quay.io/a/b');
  });

  it('accepts tags at the grammar limits', () => {
    expect(parseReference(`a:${'x'.repeat(128)}`).tag).toHaveLength(128);
    expect(parseReference('a:_').tag).toBe('_');
    expect(parseReference('a:V1.2-rc_3').tag).toBe('V1.2-rc_3');
    expect(parseReference('a:1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a').tag).toHaveLength(64);
  });

  it('accepts a name of exactly 255 characters, registry included', () => {
    const repo = `ns/${'a'.repeat(255 - 'quay.io/ns/'.length)}`;
    expect(referenceName(parseReference(`quay.io/${repo}`))).toHaveLength(255);
  });
});

describe('parseReference: one clear error per kind of mistake', () => {
  it.each([
    ['', /^image reference is empty: name an image such as alpine/],
    ['Alpine', /repository names must be lowercase: try 'alpine'$/],
    ['docker/Docker', /repository names must be lowercase: try 'docker\/docker'/],
    ['Docker/docker:V1', /must be lowercase: try 'docker\/docker:V1'/],
    ['DOCKER/docker', /must be lowercase/],
    ['docker.io/docker/Docker', /must be lowercase/],
    ['quay.io/Fedora/fedora', /must be lowercase: try 'quay.io\/fedora\/fedora'/],
    ['alpine:', /the tag after ':' is empty/],
    ['alpine:-x', /tag '-x' may only contain letters, digits/],
    ['alpine:.x', /tag '.x' may only contain/],
    ['alpine:a+b', /tag 'a\+b' may only contain/],
    [`alpine:${'x'.repeat(129)}`, /the tag is 129 characters long, the limit is 128/],
    ['alpine@', /bad digest: a digest is 'algorithm:hex'/],
    ['alpine@sha256:abc', /bad digest: sha256 digests have 64 hex digits, this one has 3/],
    [`alpine@sha256:${'A'.repeat(64)}`, /bad digest: sha256 digests are lowercase hex digits/],
    [`alpine@md5:${'a'.repeat(32)}`, /bad digest: unsupported digest algorithm 'md5'/],
    [`alpine@sha512:${'a'.repeat(64)}`, /bad digest: sha512 digests have 128 hex digits/],
    [`alpine@${D}@${D}`, /bad digest/],
    [`quay.io/ns/${'a'.repeat(250)}`, /the name is 261 characters long, the limit is 255/],
    ['-docker', /'-docker' is not a valid repository path component/],
    ['docker-/docker', /'docker-' is not a valid repository path component/],
    ['_docker/_docker', /'_docker' is not a valid repository path component/],
    ['____/____', /'____' is not a valid repository path component/],
    ['dock..er/docker', /'dock..er' is not a valid/],
    ['dock_.er/docker', /'dock_.er' is not a valid/],
    ['dock___er/docker', /'dock___er' is not a valid/],
    ['foo bar', /'foo bar' is not a valid repository path component/],
    ['docker///docker', /repository 'docker\/\/\/docker' has an empty path component/],
    ['docker/', /has an empty path component/],
    ['quay.io/', /the repository name is missing/],
    [`@${D}`, /the repository name is missing/],
    [':tag', /the repository name is missing/],
    ['-docker.io/docker/docker', /'-docker.io' is not a valid registry host\[:port\]/],
    // A first component with a '.' is a registry, so '_' makes it invalid rather than a namespace.
    ['a.b_c/e', /'a.b_c' is not a valid registry/],
    ['fc00::1:5000/debian', /not a valid registry/],
    ['[fe80::1%eth0]:5000/debian', /not a valid registry/],
    ['[2001:db8:3:4::192.0.2.33]:5000/debian', /not a valid registry/],
    ['localhost:port/app', /'localhost:port' is not a valid registry/],
    ['https://github.com/docker/docker', /references have no scheme: drop the 'http:\/\/' or 'https:\/\/'/],
    [
      '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
      /a 64-digit hex string is an image id, not a name/,
    ],
  ])('%j', (input, message) => {
    let err: unknown;
    try {
      parseReference(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const text = (err as Error).message;
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
    if (input !== '') expect(text).toMatch(/^invalid image reference '/);
  });

  it('shortens a very long reference in the message', () => {
    const long = `quay.io/ns/${'a'.repeat(300)}`;
    expect(() => parseReference(long)).toThrow(/^invalid image reference 'quay.io\/ns\/a+\.\.\.': the name is 311/);
  });
});

describe('isShortName, as Podman decides', () => {
  it.each([
    ['alpine', true],
    ['alpine:3', true],
    ['library/alpine', true],
    ['foo/bar/baz', true],
    ['localhost', true],
    ['localhost:5000', true],
    [`alpine@${D}`, true],
    ['quay.io/fedora', false],
    ['localhost/app', false],
    ['localhost:5000/app', false],
    ['myregistry:5000/app', false],
    ['docker.io/library/alpine', false],
    ['[::1]/app', false],
  ])('%s -> %s', (text, short) => {
    expect(isShortName(text)).toBe(short);
  });
});

describe('helpers', () => {
  it('splits text into name, tag and digest without normalizing', () => {
    expect(splitReference('fedora')).toEqual({ name: 'fedora' });
    expect(splitReference('library/fedora:40')).toEqual({ name: 'library/fedora', tag: '40' });
    expect(splitReference(`localhost:5000/a:b@${D}`)).toEqual({ name: 'localhost:5000/a', tag: 'b', digest: D });
    expect(splitReference(`localhost:5000/a@${D}`)).toEqual({ name: 'localhost:5000/a', digest: D });
  });

  it('adds latest only where there is neither tag nor digest', () => {
    expect(withDefaultTag(parseReference('alpine')).tag).toBe('latest');
    expect(withDefaultTag(parseReference('alpine:3')).tag).toBe('3');
    expect(withDefaultTag(parseReference(`alpine@${D}`))).toEqual({
      registry: 'docker.io',
      repository: 'library/alpine',
      digest: D,
    });
  });

  it('recognizes registry host[:port] names', () => {
    for (const ok of [
      'docker.io',
      'localhost',
      'localhost:5000',
      '10.0.0.1:443',
      '[::1]',
      '[::1]:5000',
      'a-b.example',
    ]) {
      expect(isRegistryName(ok)).toBe(true);
    }
    for (const bad of ['', 'a_b.io', '-a.io', 'a-.io', 'quay.io/ns', 'quay.io:', 'https://quay.io', '::1']) {
      expect(isRegistryName(bad)).toBe(false);
    }
  });
});
