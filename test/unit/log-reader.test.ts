import { appendFile, mkdtemp, readdir, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { printLogs, readLog, type ReadLogOptions } from '../../src/engine/container/log-reader.js';
import { formatLogTime, parseDateTime } from '../../src/engine/container/time-spec.js';

const T0 = Date.parse('2026-11-28T21:00:00Z');

/** The timestamp of second `i` after T0, as the monitor writes it (nanoseconds, UTC). */
function ts(i: number, extraNs = 0): string {
  const iso = new Date(T0 + i * 1000).toISOString();
  return iso.replace(/\.(\d{3})Z$/, (_m, msPart: string) => `.${msPart}${String(extraNs).padStart(6, '0')}Z`);
}

function rec(i: number, stream: 'stdout' | 'stderr', tag: 'F' | 'P', content: string): string {
  return `${ts(i)} ${stream} ${tag} ${content}\n`;
}

let dir: string;
let log: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'boxctl-log-'));
  log = join(dir, 'ctr.log');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function show(line: { stream: string; text: Buffer; partial: boolean }): string {
  return `${line.stream === 'stdout' ? 'o' : 'e'}:${line.text.toString()}${line.partial ? '<partial>' : ''}`;
}

async function collect(options: ReadLogOptions = {}, path = log): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of readLog(path, options)) lines.push(show(line));
  return lines;
}

class Sink extends Writable {
  readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk);
    done();
  }
  get text(): string {
    return Buffer.concat(this.chunks).toString();
  }
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Follows the log in the background, the lines gathered as they come. */
interface Following {
  lines: string[];
  warnings: string[];
  done: Promise<void>;
  stop: () => void;
}

function follow(options: ReadLogOptions = {}): Following {
  let stop = (): void => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const lines: string[] = [];
  const warnings: string[] = [];
  const done = (async () => {
    const onWarning = (m: string): number => warnings.push(m);
    const opts = { follow: true, stop: stopped, pollIntervalMs: 20, onWarning, ...options };
    for await (const line of readLog(log, opts)) lines.push(show(line));
  })();
  return { lines, warnings, done, stop };
}

describe('reading a log', () => {
  it('gives each line with its stream, time and text', async () => {
    await writeFile(
      log,
      rec(0, 'stdout', 'F', 'hello world') + rec(1, 'stderr', 'F', 'oops') + rec(2, 'stdout', 'F', ''),
    );
    const lines = [];
    for await (const line of readLog(log)) lines.push(line);
    expect(lines.map(show)).toEqual(['o:hello world', 'e:oops', 'o:']);
    expect(lines[0]).toMatchObject({ time: ts(0), timeNs: BigInt(T0) * 1_000_000n, stream: 'stdout', partial: false });
  });

  it('keeps the bytes as written: spaces, tabs, invalid UTF-8', async () => {
    const content = Buffer.from([0x61, 0x20, 0x20, 0x09, 0xff, 0xfe, 0x62]);
    await writeFile(log, Buffer.concat([Buffer.from(`${ts(0)} stdout F `), content, Buffer.from('\n')]));
    const lines = [];
    for await (const line of readLog(log)) lines.push(line.text);
    expect(lines).toEqual([content]);
  });

  it('accepts an empty line written without the space before its content', async () => {
    await writeFile(log, `${ts(0)} stdout F\n`);
    expect(await collect()).toEqual(['o:']);
  });

  it('joins P records to the record that completes them, each stream on its own', async () => {
    await writeFile(
      log,
      rec(0, 'stdout', 'P', 'abc ') +
        rec(1, 'stderr', 'P', 'err ') +
        rec(2, 'stdout', 'P', 'def ') +
        rec(3, 'stderr', 'F', 'end') +
        rec(4, 'stdout', 'F', 'ghi'),
    );
    const lines = [];
    for await (const line of readLog(log)) lines.push(line);
    expect(lines.map(show)).toEqual(['e:err end', 'o:abc def ghi']);
    // A joined line has the time of its last record.
    expect(lines[1]?.time).toBe(ts(4));
  });

  it('gives a line the log ends in the middle of as partial', async () => {
    await writeFile(log, rec(0, 'stdout', 'F', 'one') + rec(1, 'stdout', 'P', 'prompt> '));
    expect(await collect()).toEqual(['o:one', 'o:prompt> <partial>']);
  });

  it('leaves a record still being written (no newline yet) for later', async () => {
    await writeFile(log, rec(0, 'stdout', 'F', 'one') + `${ts(1)} stdout F tw`);
    expect(await collect()).toEqual(['o:one']);
  });

  it('reads the rotated files first, oldest first', async () => {
    await writeFile(`${log}.2`, rec(0, 'stdout', 'F', 'a') + rec(1, 'stdout', 'P', 'b1-'));
    await writeFile(`${log}.1`, rec(2, 'stdout', 'F', 'b2') + rec(3, 'stderr', 'F', 'c'));
    await writeFile(log, rec(4, 'stdout', 'F', 'd'));
    expect(await collect()).toEqual(['o:a', 'o:b1-b2', 'e:c', 'o:d']);
  });

  it('is empty when there is no log yet', async () => {
    expect(await collect()).toEqual([]);
  });

  it('skips malformed records with one warning', async () => {
    await writeFile(
      log,
      'garbage\n' +
        rec(0, 'stdout', 'F', 'good') +
        `${ts(1)} stdin F nope\n` +
        `${ts(1)} stdout X nope\n` +
        `2026-13-01T00:00:00Z stdout F nope\n` +
        `yesterday stdout F nope\n` +
        '\n' +
        rec(2, 'stderr', 'F', 'fine'),
    );
    const warnings: string[] = [];
    expect(await collect({ onWarning: (m) => warnings.push(m) })).toEqual(['o:good', 'e:fine']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(log);
  });
});

describe('--tail', () => {
  beforeEach(async () => {
    await writeFile(`${log}.1`, rec(0, 'stdout', 'F', 'l0') + rec(1, 'stdout', 'F', 'l1'));
    await writeFile(log, rec(2, 'stderr', 'F', 'l2') + rec(3, 'stdout', 'F', 'l3') + rec(4, 'stdout', 'F', 'l4'));
  });

  it('gives the last N lines, across rotated files', async () => {
    expect(await collect({ tail: 2 })).toEqual(['o:l3', 'o:l4']);
    expect(await collect({ tail: 4 })).toEqual(['o:l1', 'e:l2', 'o:l3', 'o:l4']);
  });

  it('gives everything for N past the length or negative, nothing for 0', async () => {
    expect(await collect({ tail: 100 })).toHaveLength(5);
    expect(await collect({ tail: -1 })).toHaveLength(5);
    expect(await collect({ tail: 0 })).toEqual([]);
  });

  it('counts joined lines, and takes all the records of the lines it keeps', async () => {
    // stdout's last line began before stderr's; stderr's earlier line is not wanted.
    await writeFile(
      log,
      rec(2, 'stderr', 'P', 'x1-') +
        rec(3, 'stdout', 'P', 'a1-') +
        rec(4, 'stderr', 'F', 'x2') +
        rec(5, 'stdout', 'P', 'a2-') +
        rec(6, 'stderr', 'F', 'y') +
        rec(7, 'stdout', 'F', 'a3'),
    );
    expect(await collect({ tail: 1 })).toEqual(['o:a1-a2-a3']);
    expect(await collect({ tail: 2 })).toEqual(['e:y', 'o:a1-a2-a3']);
    expect(await collect({ tail: 3 })).toEqual(['e:x1-x2', 'e:y', 'o:a1-a2-a3']);
  });

  it('counts a line the log ends in the middle of', async () => {
    await appendFile(log, rec(5, 'stderr', 'P', 'half'));
    expect(await collect({ tail: 2 })).toEqual(['o:l4', 'e:half<partial>']);
  });

  it('follows a line split across a rotation', async () => {
    await writeFile(`${log}.1`, rec(0, 'stdout', 'F', 'l0') + rec(1, 'stdout', 'P', 'first-'));
    await writeFile(log, rec(2, 'stdout', 'F', 'second') + rec(3, 'stderr', 'F', 'e'));
    expect(await collect({ tail: 2 })).toEqual(['o:first-second', 'e:e']);
  });

  it('reads from the end: a 4 GiB hole before the last lines is never read', async () => {
    const big = join(dir, 'big.log');
    await writeFile(big, rec(0, 'stdout', 'F', 'start'));
    await truncate(big, 4 * 1024 * 1024 * 1024);
    await appendFile(big, '\n' + rec(1, 'stdout', 'F', 'x') + rec(2, 'stdout', 'F', 'y') + rec(3, 'stdout', 'F', 'z'));
    const warnings: string[] = [];
    expect(await collect({ tail: 2, onWarning: (m) => warnings.push(m) }, big)).toEqual(['o:y', 'o:z']);
    expect(warnings).toEqual([]);
  });

  it('applies --since and --until to the lines the tail keeps, as Podman', async () => {
    expect(await collect({ tail: 3, since: parseDateTime(ts(2)) })).toEqual(['o:l3', 'o:l4']);
  });
});

describe('--since and --until', () => {
  beforeEach(async () => {
    await writeFile(
      log,
      rec(0, 'stdout', 'F', 'l0') +
        rec(1, 'stdout', 'P', 'l1a-') +
        rec(2, 'stdout', 'F', 'l1b') +
        rec(3, 'stderr', 'F', 'l3'),
    );
  });

  it('keeps lines strictly after --since and strictly before --until, by their last record', async () => {
    const at = (i: number): bigint => parseDateTime(ts(i)) as bigint;
    expect(await collect({ since: at(0) })).toEqual(['o:l1a-l1b', 'e:l3']);
    expect(await collect({ since: at(1) })).toEqual(['o:l1a-l1b', 'e:l3']);
    expect(await collect({ until: at(2) })).toEqual(['o:l0']);
    expect(await collect({ since: at(0), until: at(3) })).toEqual(['o:l1a-l1b']);
    expect(await collect({ since: at(0) - 1n, until: at(0) + 1n })).toEqual(['o:l0']);
  });

  it('compares to the nanosecond', async () => {
    await writeFile(log, `${ts(0, 1)} stdout F a\n${ts(0, 2)} stdout F b\n`);
    expect(await collect({ since: parseDateTime(ts(0, 1)) })).toEqual(['o:b']);
  });
});

describe('printLogs', () => {
  beforeEach(async () => {
    await writeFile(
      log,
      rec(0, 'stdout', 'F', 'out') + rec(1, 'stderr', 'F', 'err') + `${ts(2).replace('.000', '.120')} stdout P tail`,
    );
    await appendFile(log, '\n');
  });

  it('writes stdout lines to stdout and stderr lines to stderr, no newline after a partial line', async () => {
    const out = { stdout: new Sink(), stderr: new Sink() };
    await printLogs(log, {}, out);
    expect(out.stdout.text).toBe('out\ntail');
    expect(out.stderr.text).toBe('err\n');
  });

  it('puts the time before each line as podman logs -t does', async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'UTC';
    try {
      const out = { stdout: new Sink(), stderr: new Sink() };
      await printLogs(log, { timestamps: true }, out);
      expect(out.stdout.text).toBe(
        '2026-11-28T21:00:00.000000000Z out\n2026-11-28T21:00:02.120000000Z tail',
      );
      expect(out.stderr.text).toBe(`${formatLogTime(parseDateTime(ts(1)) as bigint)} err\n`);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('warns once on stderr about malformed records', async () => {
    await appendFile(log, 'junk\nmore junk\n');
    const out = { stdout: new Sink(), stderr: new Sink() };
    await printLogs(log, {}, out);
    expect(out.stderr.text.match(/warning: skipping malformed log records/g)).toHaveLength(1);
  });

  it('waits for a slow reader', async () => {
    await writeFile(log, Array.from({ length: 200 }, (_, i) => rec(i, 'stdout', 'F', 'x'.repeat(1000))).join(''));
    const chunks: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        setImmediate(done);
      },
    });
    await printLogs(log, {}, { stdout: slow, stderr: new Sink() });
    expect(Buffer.concat(chunks).toString()).toBe(`${'x'.repeat(1000)}\n`.repeat(200));
  });
});

describe('--follow', () => {
  it('gives what is there, then what is appended, until stopped', async () => {
    await writeFile(log, rec(0, 'stdout', 'F', 'a'));
    const f = follow();
    await until(() => f.lines.length === 1, 'the first line');
    await appendFile(log, rec(1, 'stderr', 'F', 'b'));
    await until(() => f.lines.length === 2, 'the appended line');
    await appendFile(log, `${ts(2)} stdout F c`);
    await new Promise((r) => setTimeout(r, 60));
    // Half a record is not read until its newline comes.
    expect(f.lines).toEqual(['o:a', 'e:b']);
    await appendFile(log, 'ont\n');
    await until(() => f.lines.length === 3, 'the completed record');
    f.stop();
    await f.done;
    expect(f.lines).toEqual(['o:a', 'e:b', 'o:cont']);
    expect(f.warnings).toEqual([]);
  });

  it('still reads what was written just before the stop', async () => {
    await writeFile(log, rec(0, 'stdout', 'F', 'a'));
    const f = follow({ pollIntervalMs: 10_000 });
    await until(() => f.lines.length === 1, 'the first line');
    await appendFile(log, rec(1, 'stdout', 'F', 'last words') + rec(2, 'stdout', 'P', 'no newline'));
    f.stop();
    await f.done;
    expect(f.lines).toEqual(['o:a', 'o:last words', 'o:no newline<partial>']);
  });

  it('follows the new file after a rotation, losing and repeating nothing', async () => {
    await writeFile(log, rec(0, 'stdout', 'F', 'a'));
    const f = follow();
    await until(() => f.lines.length === 1, 'the first line');
    await appendFile(log, rec(1, 'stdout', 'P', 'split-'));
    await rename(log, `${log}.1`);
    // The monitor may still write to the renamed file before it opens the new one.
    await appendFile(`${log}.1`, rec(2, 'stderr', 'F', 'late'));
    await writeFile(log, rec(3, 'stdout', 'F', 'line'));
    await until(() => f.lines.length === 3, 'the lines after the rotation');
    await appendFile(log, rec(4, 'stdout', 'F', 'more'));
    await until(() => f.lines.length === 4, 'a line in the new file');
    f.stop();
    await f.done;
    expect(f.lines).toEqual(['o:a', 'e:late', 'o:split-line', 'o:more']);
  });

  it('goes through every file when several rotations come between two looks', async () => {
    await writeFile(log, rec(0, 'stdout', 'F', 'a'));
    const f = follow({ pollIntervalMs: 300 });
    await until(() => f.lines.length === 1, 'the first line');
    await appendFile(log, rec(1, 'stdout', 'F', 'b'));
    await rename(log, `${log}.1`);
    await writeFile(log, rec(2, 'stdout', 'F', 'c'));
    await rename(`${log}.1`, `${log}.2`);
    await rename(log, `${log}.1`);
    await writeFile(log, rec(3, 'stdout', 'F', 'd'));
    await until(() => f.lines.length === 4, 'the lines of both rotations');
    f.stop();
    await f.done;
    expect(f.lines).toEqual(['o:a', 'o:b', 'o:c', 'o:d']);
  });

  it('reads on from the oldest file left when its own file was rotated away', async () => {
    await writeFile(log, rec(0, 'stdout', 'F', 'a'));
    const f = follow({ pollIntervalMs: 300 });
    await until(() => f.lines.length === 1, 'the first line');
    // --log-max-files 2: the file being read is deleted by the second rotation.
    await rename(log, `${log}.1`);
    await writeFile(log, rec(1, 'stdout', 'F', 'b'));
    await rm(`${log}.1`);
    await rename(log, `${log}.1`);
    await writeFile(log, rec(2, 'stdout', 'F', 'c'));
    await until(() => f.lines.length === 3, 'the lines after the rotations');
    f.stop();
    await f.done;
    expect(f.lines).toEqual(['o:a', 'o:b', 'o:c']);
  });

  it('waits for the log to be created', async () => {
    const f = follow();
    await new Promise((r) => setTimeout(r, 60));
    await writeFile(log, rec(0, 'stdout', 'F', 'first'));
    await until(() => f.lines.length === 1, 'the line of the new log');
    f.stop();
    await f.done;
    expect(f.lines).toEqual(['o:first']);
  });

  it('starts with the tail, then follows', async () => {
    await writeFile(log, rec(0, 'stdout', 'F', 'a') + rec(1, 'stdout', 'F', 'b') + rec(2, 'stdout', 'F', 'c'));
    const f = follow({ tail: 1 });
    await until(() => f.lines.length === 1, 'the tail');
    await appendFile(log, rec(3, 'stderr', 'F', 'd'));
    await until(() => f.lines.length === 2, 'the appended line');
    f.stop();
    await f.done;
    expect(f.lines).toEqual(['o:c', 'e:d']);
  });

  it('with --tail 0 gives only new lines, of both streams', async () => {
    await writeFile(log, rec(0, 'stdout', 'F', 'old') + rec(1, 'stderr', 'F', 'old'));
    const f = follow({ tail: 0 });
    await new Promise((r) => setTimeout(r, 60));
    await appendFile(log, rec(2, 'stdout', 'F', 'new') + rec(3, 'stderr', 'F', 'new'));
    await until(() => f.lines.length === 2, 'the new lines');
    f.stop();
    await f.done;
    expect(f.lines).toEqual(['o:new', 'e:new']);
  });

  it('stops by itself once --until has passed', async () => {
    await writeFile(log, rec(0, 'stdout', 'F', 'a'));
    const started = Date.now();
    const lines = [];
    const never = new Promise<void>(() => {});
    const soon = BigInt(Date.now() + 150) * 1_000_000n;
    for await (const line of readLog(log, { follow: true, stop: never, until: soon })) {
      lines.push(show(line));
    }
    expect(lines).toEqual(['o:a']);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('closes its files when the caller stops reading', async () => {
    await writeFile(`${log}.1`, rec(0, 'stdout', 'F', 'a'));
    await writeFile(log, rec(1, 'stdout', 'F', 'b'));
    const openFds = async (): Promise<number> => (await readdir('/proc/self/fd')).length;
    const before = await openFds();
    for await (const line of readLog(log, { follow: true })) {
      expect(show(line)).toBe('o:a');
      expect(await openFds()).toBeGreaterThan(before);
      break;
    }
    expect(await openFds()).toBe(before);
  });
});
