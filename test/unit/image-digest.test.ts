import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { describe, expect, it } from 'vitest';

import { BoxctlError, UserError } from '../../src/errors.js';
import { DigestVerifier, digestOf, digestProblem, parseDigest } from '../../src/engine/image/digest.js';

const HELLO = Buffer.from('hello, blob\n');
const HELLO_SHA256 = `sha256:${createHash('sha256').update(HELLO).digest('hex')}`;
const HELLO_SHA512 = `sha512:${createHash('sha512').update(HELLO).digest('hex')}`;
const EMPTY_SHA256 = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('digest strings', () => {
  it.each([
    [EMPTY_SHA256, { algorithm: 'sha256', hex: EMPTY_SHA256.slice(7) }],
    [HELLO_SHA512, { algorithm: 'sha512', hex: HELLO_SHA512.slice(7) }],
  ])('parses %s', (text, parsed) => {
    expect(digestProblem(text)).toBeUndefined();
    expect(parseDigest(text)).toEqual(parsed);
  });

  it.each([
    ['', /algorithm:hex/],
    ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', /algorithm:hex/],
    [':abc', /algorithm:hex/],
    ['SHA256:' + 'a'.repeat(64), /'SHA256' is not a digest algorithm name/],
    ['sha256+b64:' + 'a'.repeat(64), /unsupported digest algorithm 'sha256\+b64'/],
    ['md5:d41d8cd98f00b204e9800998ecf8427e', /unsupported digest algorithm 'md5': use sha256 or sha512/],
    ['sha384:' + 'a'.repeat(96), /unsupported digest algorithm 'sha384'/],
    ['sha256:' + 'A'.repeat(64), /lowercase hex/],
    ['sha256:' + 'g'.repeat(64), /lowercase hex/],
    ['sha256:abc', /sha256 digests have 64 hex digits, this one has 3/],
    ['sha256:' + 'a'.repeat(65), /this one has 65/],
    ['sha512:' + 'a'.repeat(64), /sha512 digests have 128 hex digits, this one has 64/],
  ])('refuses %j', (text, message) => {
    expect(digestProblem(text)).toMatch(message);
    expect(() => parseDigest(text)).toThrow(UserError);
    expect(() => parseDigest(text)).toThrow(/^invalid digest '/);
  });

  it('computes digests of buffers and strings', () => {
    expect(digestOf(Buffer.alloc(0))).toBe(EMPTY_SHA256);
    expect(digestOf('')).toBe(EMPTY_SHA256);
    expect(digestOf(HELLO)).toBe(HELLO_SHA256);
    expect(digestOf(HELLO, 'sha512')).toBe(HELLO_SHA512);
  });
});

/** Push chunks through a verifier; resolves with what came out, or rejects with its error. */
async function verify(chunks: Buffer[], digest: string, size: number): Promise<Buffer> {
  const out: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      out.push(chunk);
      done();
    },
  });
  await pipeline(Readable.from(chunks), new DigestVerifier({ digest, size }), sink);
  return Buffer.concat(out);
}

function split(buf: Buffer, at: number[]): Buffer[] {
  const edges = [0, ...at, buf.length];
  return edges.slice(1).map((end, i) => buf.subarray(edges[i], end));
}

describe('DigestVerifier', () => {
  it('passes the bytes through unchanged when digest and size match, however chunked', async () => {
    expect(await verify([HELLO], HELLO_SHA256, HELLO.length)).toEqual(HELLO);
    expect(await verify(split(HELLO, [1, 5, 6]), HELLO_SHA256, HELLO.length)).toEqual(HELLO);
    expect(await verify(split(HELLO, [3]), HELLO_SHA512, HELLO.length)).toEqual(HELLO);
  });

  it('accepts an empty blob', async () => {
    expect(await verify([], EMPTY_SHA256, 0)).toEqual(Buffer.alloc(0));
  });

  it('counts the bytes it has seen', async () => {
    const v = new DigestVerifier({ digest: HELLO_SHA256, size: HELLO.length });
    v.resume();
    v.write(HELLO.subarray(0, 4));
    expect(v.received).toBe(4);
    v.end(HELLO.subarray(4));
    await new Promise((resolve) => v.on('end', resolve));
    expect(v.received).toBe(HELLO.length);
  });

  it('fails as soon as more bytes arrive than declared, before passing them on', async () => {
    const out: Buffer[] = [];
    const v = new DigestVerifier({ digest: HELLO_SHA256, size: 5 });
    v.on('data', (c: Buffer) => out.push(c));
    const failed = new Promise<Error>((resolve) => v.on('error', resolve));
    v.write(HELLO.subarray(0, 4));
    v.write(HELLO.subarray(4, 8));
    const err = await failed;
    expect(err).toBeInstanceOf(BoxctlError);
    expect(err.message).toBe(
      `blob ${HELLO_SHA256} is larger than the 5 bytes its manifest declares (got 8 so far): the registry sent the wrong content`,
    );
    expect(Buffer.concat(out).toString()).toBe('hell');
  });

  it('fails at the end when the blob is short', async () => {
    await expect(verify([HELLO.subarray(0, 4)], HELLO_SHA256, HELLO.length)).rejects.toThrow(
      `blob ${HELLO_SHA256} is 4 bytes, expected ${HELLO.length}: the download was cut short, try again`,
    );
  });

  it('fails at the end when the content differs, naming expected and actual digests', async () => {
    const other = Buffer.from('hellO, blob\n');
    const actual = digestOf(other);
    const err = await verify([other], HELLO_SHA256, other.length).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BoxctlError);
    expect((err as Error).message).toBe(
      `blob ${HELLO_SHA256} has digest ${actual}, expected ${HELLO_SHA256}: the registry sent corrupted or different content`,
    );
  });

  it('hashes with the algorithm of the expected digest', async () => {
    const err = await verify([Buffer.from('x')], `sha512:${'0'.repeat(128)}`, 1).catch((e: Error) => e);
    expect((err as Error).message).toContain(`has digest ${digestOf('x', 'sha512')}`);
  });

  it('refuses a bad expected digest or size up front', () => {
    expect(() => new DigestVerifier({ digest: 'sha256:abc', size: 1 })).toThrow(/invalid digest 'sha256:abc'/);
    expect(() => new DigestVerifier({ digest: HELLO_SHA256, size: -1 })).toThrow(/invalid size -1/);
    expect(() => new DigestVerifier({ digest: HELLO_SHA256, size: 1.5 })).toThrow(UserError);
  });
});
