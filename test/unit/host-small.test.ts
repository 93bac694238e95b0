import { describe, expect, it } from 'vitest';

import { CAP_SETGID, CAP_SETUID, fileCapsPermit } from '../../src/engine/host/filecaps.js';
import { fsTypeName, fsTypeProblem } from '../../src/engine/host/fstype.js';
import { defaultIdMap, formatIdMap, parseIdMap } from '../../src/engine/host/idmap.js';
import { parseOsRelease } from '../../src/engine/host/osrelease.js';
import { ociArch } from '../../src/engine/host/platform.js';
import { classifyRuntimeDir } from '../../src/engine/host/runtimedir.js';
import { parseToolVersion } from '../../src/engine/host/toolversion.js';

describe('id maps', () => {
  it("maps root to the user's id and lays subordinate ranges end to end", () => {
    const map = defaultIdMap(1001, [
      { start: 100000, count: 65536 },
      { start: 300000, count: 1000 },
    ]);
    expect(formatIdMap(map)).toBe('0:1001:1,1:100000:65536,65537:300000:1000');
    expect(parseIdMap(formatIdMap(map))).toEqual(map);
  });

  it('is a single-id map without subordinate ranges', () => {
    expect(formatIdMap(defaultIdMap(1002, []))).toBe('0:1002:1');
  });

  it('refuses malformed map text', () => {
    expect(() => parseIdMap('0:1:x')).toThrow(/invalid id map entry/);
    expect(parseIdMap('')).toEqual([]);
  });
});

describe('os-release', () => {
  it('reads quoted and bare values', () => {
    const r = parseOsRelease('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID=\'12\'\n# c\nNAME="a \\"b\\""\n');
    expect(r).toEqual({ PRETTY_NAME: 'Debian GNU/Linux 12 (bookworm)', ID: 'debian', VERSION_ID: '12', NAME: 'a "b"' });
  });
});

describe('filesystem types', () => {
  it('names common magics and flags the ones that break a store', () => {
    expect(fsTypeName(0xef53)).toBe('ext4');
    expect(fsTypeName(0x6969)).toBe('nfs');
    expect(fsTypeName(0x12345)).toBe('0x12345');
    expect(fsTypeProblem('nfs')).toMatch(/NFS/);
    expect(fsTypeProblem('overlay')).toMatch(/overlay/);
    expect(fsTypeProblem('ext4')).toBeUndefined();
  });
});

describe('file capabilities', () => {
  function caps(permitted: number): Buffer {
    const b = Buffer.alloc(20);
    b.writeUInt32LE(0x02000001, 0);
    b.writeUInt32LE(permitted, 4);
    return b;
  }

  it('reads the permitted set of a security.capability value', () => {
    expect(fileCapsPermit(caps(1 << CAP_SETUID), CAP_SETUID)).toBe(true);
    expect(fileCapsPermit(caps(1 << CAP_SETUID), CAP_SETGID)).toBe(false);
    expect(fileCapsPermit(null, CAP_SETUID)).toBe(false);
    expect(fileCapsPermit(Buffer.alloc(3), CAP_SETUID)).toBe(false);
  });
});

describe('tool versions', () => {
  it('finds the version in the first line', () => {
    expect(parseToolVersion('slirp4netns version 1.2.0\ncommit: 656041d\n')).toBe('1.2.0');
    expect(parseToolVersion('pasta 0^20250611.g0293c6f-1\n')).toBe('0^20250611.g0293c6f-1');
    expect(parseToolVersion('pasta unknown version\nCopyright Red Hat\n')).toBe('unknown');
    expect(parseToolVersion('')).toBe('unknown');
  });
});

describe('platform', () => {
  it("speaks OCI's architecture names", () => {
    expect(ociArch('x64')).toBe('amd64');
    expect(ociArch('arm64')).toBe('arm64');
    expect(ociArch('mystery')).toBe('mystery');
  });
});

describe('XDG_RUNTIME_DIR', () => {
  const dir = { isDirectory: true, uid: 1001, mode: 0o700 };
  it('classifies every state', () => {
    expect(classifyRuntimeDir({ value: undefined }, 1001)).toBe('unset');
    expect(classifyRuntimeDir({ value: '/run/user/1001' }, 1001)).toBe('missing');
    expect(classifyRuntimeDir({ value: '/x', stat: { ...dir, isDirectory: false } }, 1001)).toBe('not-a-directory');
    expect(classifyRuntimeDir({ value: '/run/user/0', stat: { ...dir, uid: 0 } }, 1001)).toBe('foreign');
    expect(classifyRuntimeDir({ value: '/run/user/1001', stat: { ...dir, mode: 0o755 } }, 1001)).toBe('open-mode');
    expect(classifyRuntimeDir({ value: '/run/user/1001', stat: dir }, 1001)).toBe('ok');
  });
});
