import { Readable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { BoxctlError } from '../../src/errors.js';
import { resumableBody, type BlobResponse } from '../../src/engine/image/registry/blob-stream.js';

const BLOB = Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz');

/** A body that sends its chunks, then breaks off with a connection reset if asked to. */
function body(chunks: Buffer[], reset = false): AsyncIterable<Buffer> {
  return (async function* () {
    yield* chunks;
    if (reset) throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
  })();
}

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of stream) out.push(chunk);
  return Buffer.concat(out);
}

function run(first: BlobResponse, responses: BlobResponse[], offsets: number[], progress: number[] = []) {
  return resumableBody(first, {
    size: BLOB.length,
    signal: new AbortController().signal,
    what: 'blob sha256:x from r',
    onProgress: (n) => progress.push(n),
    open: (offset) => {
      offsets.push(offset);
      const next = responses.shift();
      if (!next) throw new Error('opened too often');
      return Promise.resolve(next);
    },
  });
}

describe('resumable blob bodies', () => {
  it('passes an unbroken body through', async () => {
    const offsets: number[] = [];
    const progress: number[] = [];
    const first = { status: 200, body: body([BLOB.subarray(0, 10), BLOB.subarray(10)]) };
    expect(await collect(run(first, [], offsets, progress))).toEqual(BLOB);
    expect(offsets).toEqual([]);
    expect(progress).toEqual([10, BLOB.length]);
  });

  it('resumes from the last byte with a range request when the connection breaks', async () => {
    const offsets: number[] = [];
    const first = { status: 200, body: body([BLOB.subarray(0, 7), BLOB.subarray(7, 12)], true) };
    const rest = { status: 206, body: body([BLOB.subarray(12)]) };
    expect(await collect(run(first, [rest], offsets))).toEqual(BLOB);
    expect(offsets).toEqual([12]);
  });

  it('resumes when a body ends cleanly but short', async () => {
    const offsets: number[] = [];
    const first = { status: 200, body: body([BLOB.subarray(0, 20)]) };
    const rest = { status: 206, body: body([BLOB.subarray(20)]) };
    expect(await collect(run(first, [rest], offsets))).toEqual(BLOB);
    expect(offsets).toEqual([20]);
  });

  it('skips what was already sent when the server ignores the range and starts over', async () => {
    const offsets: number[] = [];
    const first = { status: 200, body: body([BLOB.subarray(0, 5), BLOB.subarray(5, 9)], true) };
    const again = { status: 200, body: body([BLOB.subarray(0, 3), BLOB.subarray(3, 9), BLOB.subarray(9)]) };
    expect(await collect(run(first, [again], offsets))).toEqual(BLOB);
    expect(offsets).toEqual([9]);
  });

  it('gives up after four tries in a row without progress', { timeout: 10_000 }, async () => {
    const offsets: number[] = [];
    const first = { status: 200, body: body([BLOB.subarray(0, 4)], true) };
    const stuck = () => ({ status: 206, body: body([], true) });
    const err = await collect(run(first, [stuck(), stuck(), stuck(), stuck()], offsets)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BoxctlError);
    expect((err as Error).message).toBe(
      'downloading blob sha256:x from r failed after 4 tries: ECONNRESET (read ECONNRESET)',
    );
    expect(offsets).toEqual([4, 4, 4]);
  });

  it('does not retry what is not transient', async () => {
    const broken = (async function* () {
      yield BLOB.subarray(0, 3);
      throw new Error('disk on fire');
    })();
    await expect(collect(run({ status: 200, body: broken }, [], []))).rejects.toThrow('disk on fire');
  });

  it('works from a node stream body', async () => {
    expect(await collect(run({ status: 200, body: Readable.from([BLOB]) }, [], []))).toEqual(BLOB);
  });
});
