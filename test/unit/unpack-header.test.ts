import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { describe, expect, it } from 'vitest';

import { entryMeta, entryXattrs, isOverlayXattr, isSparse, type TarHeader } from '../../src/engine/image/unpack/header.js';
import { DEFAULT_LIMITS, formatBytes, LayerTooLarge, TarMeter } from '../../src/engine/image/unpack/limits.js';
import { Notes } from '../../src/engine/image/unpack/notes.js';
import { parseJob, parseReport, parseSession } from '../../src/engine/image/unpack/protocol.js';

function header(over: Partial<TarHeader> = {}): TarHeader {
  return {
    name: 'f',
    size: 0,
    mode: 0o644,
    mtime: new Date(1_700_000_000_000),
    type: 'file',
    linkname: null,
    uid: 0,
    gid: 0,
    uname: '',
    gname: '',
    devmajor: 0,
    devminor: 0,
    pax: null,
    ...over,
  };
}

describe('entry metadata', () => {
  it('comes from the ustar fields', () => {
    expect(entryMeta(header({ uid: 1000, gid: 1001, mode: 0o104755 }))).toEqual({
      uid: 1000,
      gid: 1001,
      mode: 0o4755,
      mtime: 1_700_000_000,
      atime: 1_700_000_000,
    });
  });

  it('takes PAX ids and precise times over the ustar fields', () => {
    const meta = entryMeta(header({ uid: 1, gid: 2, pax: { uid: '3000000', gid: '4000000', mtime: '1700000000.25', atime: '1800000000.5' } }));
    expect(meta).toMatchObject({ uid: 3_000_000, gid: 4_000_000, mtime: 1_700_000_000.25, atime: 1_800_000_000.5 });
  });

  it('never keeps an access time before the modification time', () => {
    expect(entryMeta(header({ pax: { atime: '5' } })).atime).toBe(1_700_000_000);
  });

  it('ignores malformed PAX numbers', () => {
    expect(entryMeta(header({ uid: 7, pax: { uid: '-1', gid: 'x', mtime: '1e9' } }))).toMatchObject({ uid: 7, gid: 0, mtime: 1_700_000_000 });
  });
});

describe('extended attributes from PAX records', () => {
  it('reads SCHILY.xattr records as their UTF-8 bytes', () => {
    expect(entryXattrs({ 'SCHILY.xattr.user.a': 'b', path: 'x' })).toEqual({ xattrs: [{ name: 'user.a', value: Buffer.from('b') }], unreadable: [] });
  });

  it('reports a value that lost bytes in UTF-8 decoding instead of writing it wrong', () => {
    const mangled = Buffer.from([0x01, 0xff, 0x00]).toString('utf8');
    expect(entryXattrs({ 'SCHILY.xattr.security.capability': mangled })).toEqual({ xattrs: [], unreadable: ['security.capability'] });
  });

  it('prefers the exact base64 LIBARCHIVE.xattr record, with its URL-encoded name', () => {
    const bytes = Buffer.from([0x01, 0xff, 0x00]);
    const got = entryXattrs({
      'SCHILY.xattr.security.capability': bytes.toString('utf8'),
      'LIBARCHIVE.xattr.security.capability': bytes.toString('base64'),
      'LIBARCHIVE.xattr.user.a%20b': Buffer.from('v').toString('base64'),
    });
    expect(got.unreadable).toEqual([]);
    expect(got.xattrs).toEqual([
      { name: 'security.capability', value: bytes },
      { name: 'user.a b', value: Buffer.from('v') },
    ]);
  });

  it('has none without PAX records', () => {
    expect(entryXattrs(null)).toEqual({ xattrs: [], unreadable: [] });
  });

  it('knows the overlay bookkeeping names', () => {
    expect(isOverlayXattr('user.overlay.opaque')).toBe(true);
    expect(isOverlayXattr('trusted.overlay.redirect')).toBe(true);
    expect(isOverlayXattr('user.overlayish')).toBe(false);
    expect(isOverlayXattr('security.capability')).toBe(false);
  });
});

describe('sparse files', () => {
  it('are recognised by their GNU PAX records', () => {
    expect(isSparse(header({ pax: { 'GNU.sparse.major': '1', 'GNU.sparse.minor': '0' } }))).toBe(true);
    expect(isSparse(header({ pax: { path: 'x' } }))).toBe(false);
    expect(isSparse(header())).toBe(false);
  });
});

describe('the tar meter', () => {
  async function meter(chunks: Buffer[], max: number): Promise<TarMeter> {
    const m = new TarMeter(max);
    await pipeline(Readable.from(chunks), m, new Writable({ write: (_c, _e, done) => done() }));
    return m;
  }

  it('hashes and counts what passes', async () => {
    const data = [Buffer.from('abc'), Buffer.from('def')];
    const m = await meter(data, 6);
    expect(m.bytes).toBe(6);
    expect(m.diffId()).toBe(`sha256:${createHash('sha256').update('abcdef').digest('hex')}`);
  });

  it('stops the stream once it passes the limit', async () => {
    await expect(meter([Buffer.alloc(4), Buffer.alloc(4)], 6)).rejects.toThrow(LayerTooLarge);
    await expect(meter([Buffer.alloc(7)], 6)).rejects.toThrow(/more than 6 bytes.*decompression bomb/);
  });

  it('has documented defaults', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxLayerBytes: 32 * 2 ** 30, maxEntryBytes: 16 * 2 ** 30 });
    expect(formatBytes(DEFAULT_LIMITS.maxLayerBytes)).toBe('32 GiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
  });
});

describe('notes', () => {
  it('group entries under one line per message, naming a few', () => {
    const n = new Notes();
    for (let i = 0; i < 7; i++) n.add('device nodes skipped', `dev/d${i}`);
    n.add('single-id mode');
    n.add('single-id mode');
    expect(n.list()).toEqual(['device nodes skipped: "dev/d0", "dev/d1", "dev/d2", "dev/d3", "dev/d4" and 2 more', 'single-id mode']);
  });
});

describe('the worker protocol', () => {
  const job = { id: 2, fd: 5, target: '/t', compression: 'zstd', image: 'x', limits: { maxLayerBytes: 10, maxEntryBytes: 5 } };

  it('round-trips a session and a job', () => {
    expect(parseSession('{"single":true}')).toEqual({ single: true });
    expect(parseJob(JSON.stringify(job))).toEqual(job);
  });

  it.each([
    ['not json', 'x'],
    ['an array', '[]'],
    ['a bad compression', JSON.stringify({ ...job, compression: 'xz' })],
    ['a missing limit', JSON.stringify({ ...job, limits: { maxLayerBytes: 1 } })],
    ['a negative limit', JSON.stringify({ ...job, limits: { maxLayerBytes: -1, maxEntryBytes: 1 } })],
    ['one of the worker\'s own descriptors', JSON.stringify({ ...job, fd: 1 })],
    ['no id', JSON.stringify({ ...job, id: undefined })],
  ])('refuses a job with %s', (_what, text) => {
    expect(() => parseJob(text)).toThrow();
  });

  it('refuses a session without its mode', () => {
    expect(() => parseSession('{}')).toThrow();
  });

  it('reads report lines and nothing else', () => {
    expect(parseReport('{"id":3,"ok":false,"error":"e"}')).toEqual({ id: 3, ok: false, error: 'e' });
    expect(parseReport('{"id":0,"ok":true,"diffId":"sha256:00","size":7,"notes":["n"]}')).toEqual({ id: 0, ok: true, diffId: 'sha256:00', size: 7, notes: ['n'] });
    expect(parseReport('{"ok":false,"error":"e"}')).toBeUndefined();
    expect(parseReport('{"id":0,"ok":true,"size":7}')).toBeUndefined();
    expect(parseReport('')).toBeUndefined();
    expect(parseReport('crash trace')).toBeUndefined();
    expect(parseReport('42')).toBeUndefined();
  });
});
