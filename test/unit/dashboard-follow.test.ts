// The log pane's follower over real log files: the last lines or those after a time,
// lines as they are appended, in batches, a reader per container that can be dropped,
// and nothing more once closed.
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { LogFollower } from '../../src/cli/ui/dashboard/follow.js';
import type { LogEntry } from '../../src/cli/ui/dashboard/logs.js';

const T0 = Date.parse('2026-11-28T21:00:00Z');
const ts = (i: number) => new Date(T0 + i * 1000).toISOString().replace(/Z$/, '000000Z');
const rec = (i: number, text: string, stream = 'stdout') => `${ts(i)} ${stream} F ${text}\n`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dir: string;
let batches: LogEntry[][];
let errors: string[];
let follower: LogFollower;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'boxctl-follow-'));
  batches = [];
  errors = [];
  follower = new LogFollower(
    (entries) => batches.push(entries),
    (text) => errors.push(text),
  );
});

afterEach(async () => {
  follower.close();
  await rm(dir, { recursive: true, force: true });
});

const texts = () => batches.flat().map((e) => `${e.source}:${e.text}`);

async function until(done: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(texts())}`);
    await sleep(20);
  }
}

describe('LogFollower', () => {
  it('starts from the last lines, follows what is appended, and hands lines over in batches', async () => {
    const log = join(dir, 'a.log');
    await writeFile(log, [1, 2, 3, 4].map((i) => rec(i, `old ${i}`)).join(''));
    follower.add('a', 'web', log, { tail: 2 });
    await until(() => texts().length === 2);
    expect(texts()).toEqual(['web:old 3', 'web:old 4']);
    expect(batches).toHaveLength(1);
    await appendFile(log, rec(5, 'new 5') + rec(6, 'oops', 'stderr'));
    await until(() => texts().length === 4);
    expect(batches.flat().slice(2)).toEqual([
      { source: 'web', time: ts(5), stream: 'stdout', text: 'new 5' },
      { source: 'web', time: ts(6), stream: 'stderr', text: 'oops' },
    ]);
    expect(errors).toEqual([]);
  });

  it('takes only the lines after a time, waits for a log not written yet, and follows several containers', async () => {
    const a = join(dir, 'a.log');
    const b = join(dir, 'b.log');
    await writeFile(a, rec(1, 'before') + rec(3, 'after'));
    follower.add('a', 'web', a, { sinceNs: BigInt(T0 + 2000) * 1_000_000n });
    follower.add('b', 'late', b, { sinceNs: BigInt(T0 + 2000) * 1_000_000n });
    expect(follower.ids()).toEqual(['a', 'b']);
    expect(follower.has('b')).toBe(true);
    await until(() => texts().length === 1);
    expect(texts()).toEqual(['web:after']);
    await writeFile(b, rec(4, 'hello from late'));
    await until(() => texts().length === 2);
    expect(texts()).toContain('late:hello from late');
  });

  it('stops reading a dropped container, and everything once closed', async () => {
    const a = join(dir, 'a.log');
    const b = join(dir, 'b.log');
    await writeFile(a, '');
    await writeFile(b, '');
    follower.add('a', 'web', a, { tail: 0 });
    follower.add('b', 'db', b, { tail: 0 });
    follower.add('b', 'db', b, { tail: 0 });
    expect(follower.ids()).toEqual(['a', 'b']);
    follower.drop('a');
    expect(follower.has('a')).toBe(false);
    await appendFile(a, rec(1, 'unseen'));
    await appendFile(b, rec(1, 'seen'));
    await until(() => texts().length === 1);
    await sleep(500);
    expect(texts()).toEqual(['db:seen']);
    follower.close();
    expect(follower.ids()).toEqual([]);
    await appendFile(b, rec(2, 'after close'));
    follower.add('c', 'new', b, { tail: 5 });
    await sleep(500);
    expect(texts()).toEqual(['db:seen']);
  });
});
