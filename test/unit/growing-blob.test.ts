import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';

import { GrowingBlob } from '../../src/engine/image/store/growing-blob.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function paths(): { tmp: string; final: string } {
  dir = mkdtempSync(join(tmpdir(), 'boxctl-blob-'));
  return { tmp: join(dir, 'tmp-blob'), final: join(dir, 'blob') };
}

async function* chunks(parts: readonly string[], opts: { delayMs?: number; failAfter?: number } = {}): AsyncGenerator<Buffer> {
  for (const [i, part] of parts.entries()) {
    if (opts.failAfter === i) throw new Error('the digest does not match');
    if (opts.delayMs) await sleep(opts.delayMs);
    yield Buffer.from(part);
  }
  if (opts.failAfter === parts.length) throw new Error('the digest does not match');
}

async function readAll(source: AsyncIterable<Buffer>, delayMs = 0): Promise<string> {
  let text = '';
  for await (const chunk of source) {
    if (delayMs) await sleep(delayMs);
    text += chunk.toString();
  }
  return text;
}

describe('a blob read while it downloads', () => {
  it('hands on every byte in order to a reader ahead of the download, then publishes the blob', async () => {
    const { tmp, final } = paths();
    const blob = new GrowingBlob(tmp, final, chunks(['one ', 'two ', 'three'], { delayMs: 5 }));
    expect(await readAll(blob.follow())).toBe('one two three');
    await blob.done;
    expect(readFileSync(final, 'utf8')).toBe('one two three');
    expect(existsSync(tmp)).toBe(false);
  });

  it('lets a reader far behind, or one that starts after the download ended, read it all', async () => {
    const { tmp, final } = paths();
    const parts = Array.from({ length: 50 }, (_v, i) => `${i},`);
    const blob = new GrowingBlob(tmp, final, chunks(parts));
    const slow = readAll(blob.follow(), 2);
    await blob.done;
    expect(await slow).toBe(parts.join(''));
    // The temp name is gone by now: the reader opens the blob under its final one.
    expect(await readAll(blob.follow())).toBe(parts.join(''));
  });

  it('fails the reader with the download\'s failure and keeps nothing of it', async () => {
    const { tmp, final } = paths();
    const blob = new GrowingBlob(tmp, final, chunks(['good ', 'bytes ', 'then'], { failAfter: 3, delayMs: 2 }));
    await expect(readAll(blob.follow())).rejects.toThrow('the digest does not match');
    await expect(blob.done).rejects.toThrow('the digest does not match');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('goes on downloading when its reader stops early', async () => {
    const { tmp, final } = paths();
    const blob = new GrowingBlob(tmp, final, chunks(['a', 'b', 'c', 'd'], { delayMs: 2 }));
    for await (const chunk of blob.follow()) {
      expect(chunk.toString()).toBe('a');
      break;
    }
    await blob.done;
    expect(readFileSync(final, 'utf8')).toBe('abcd');
  });
});
