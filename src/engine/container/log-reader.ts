// Reading a container's log as `podman logs` does: the rotated files in order, partial
// records joined into lines, --tail read from the end of the files, --since/--until,
// and --follow across rotations until the container exits.

import type { FileHandle } from 'node:fs/promises';

import { closeAll, inodeAt, openLogFiles, type OpenLogFile } from './log-files.js';
import { LineJoiner, parseLogRecord, type LogLine, type LogRecord, type LogStream } from './log-record.js';
import { formatLogTime, nowNanoseconds } from './time-spec.js';

export type { LogLine, LogStream } from './log-record.js';

export interface ReadLogOptions {
  /** Only the last N lines of the log as it is when reading starts; undefined or negative: all. */
  tail?: number;
  /** Nanoseconds since the epoch (time-spec.ts parses the flags). Lines strictly after this... */
  since?: bigint;
  /** ...and strictly before this, as Podman compares. With follow, following stops once it is past. */
  until?: bigint;
  /** Keep reading as the log grows and rotates, until `stop` resolves or `until` passes. */
  follow?: boolean;
  /** With follow: resolves when the container has exited; what was written by then is still read. */
  stop?: Promise<unknown>;
  /** With follow: how often to look for more (default 100 ms). */
  pollIntervalMs?: number;
  /** Told once, at the first malformed record; such records are skipped. */
  onWarning?: (message: string) => void;
}

const CHUNK = 64 * 1024;
const NEWLINE = 0x0a;

interface RawLine {
  offset: number;
  line: Buffer;
}

/** Where a record starts: which file (index into the files, oldest first) and the byte offset in it. */
interface Position {
  file: number;
  offset: number;
}

function before(a: Position, b: Position): boolean {
  return a.file < b.file || (a.file === b.file && a.offset < b.offset);
}

async function readAt(handle: FileHandle, buffer: Buffer, position: number): Promise<number> {
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}

/** A position in one file, moved past each whole line read; a line without its newline yet is left for later. */
class Cursor {
  constructor(
    readonly file: OpenLogFile,
    public pos: number,
  ) {}

  async *lines(): AsyncGenerator<RawLine> {
    let carry = Buffer.alloc(0);
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK);
      const read = await readAt(this.file.handle, buffer, this.pos + carry.length);
      if (read === 0) return;
      const data = carry.length === 0 ? buffer.subarray(0, read) : Buffer.concat([carry, buffer.subarray(0, read)]);
      let start = 0;
      for (let nl = data.indexOf(NEWLINE); nl >= 0; nl = data.indexOf(NEWLINE, start)) {
        const offset = this.pos;
        this.pos += nl + 1 - start;
        yield { offset, line: data.subarray(start, nl) };
        start = nl + 1;
      }
      carry = data.subarray(start);
    }
  }
}

/** The whole lines of a file up to `size`, last first; bytes after the last newline are not a line yet. */
async function* linesBackward(handle: FileHandle, size: number): AsyncGenerator<RawLine> {
  let dataStart = size;
  let data = Buffer.alloc(0);
  let trimmed = false;
  for (;;) {
    if (!trimmed) {
      const nl = data.lastIndexOf(NEWLINE);
      if (nl >= 0) {
        data = data.subarray(0, nl + 1);
        trimmed = true;
      }
    }
    while (trimmed && data.length > 0) {
      const prev = data.length < 2 ? -1 : data.lastIndexOf(NEWLINE, data.length - 2);
      if (prev < 0 && dataStart > 0) break;
      yield { offset: dataStart + prev + 1, line: data.subarray(prev + 1, data.length - 1) };
      data = data.subarray(0, prev + 1);
    }
    if (dataStart === 0) return;
    const length = Math.min(CHUNK, dataStart);
    const chunk = Buffer.allocUnsafe(length);
    dataStart -= length;
    await readAt(handle, chunk, dataStart);
    data = Buffer.concat([chunk, data]);
  }
}

/** Says once that the log has malformed records, and skips them. */
class RecordParser {
  private warned = false;

  constructor(private readonly onWarning: ((message: string) => void) | undefined) {}

  parse(raw: RawLine, file: OpenLogFile): LogRecord | undefined {
    const record = parseLogRecord(raw.line);
    if (!record && !this.warned) {
      this.warned = true;
      const where = `${file.path} (the first at byte ${raw.offset})`;
      this.onWarning?.(`skipping malformed log records in ${where}, and any more`);
    }
    return record;
  }
}

/**
 * Where each stream's share of the last `count` lines begins. Lines of the two streams
 * interleave and a line's P records can lie far before its F record, so each stream
 * gets its own start; records before it are not read. A stream with no line among the
 * last `count` starts at the end of the whole lines there are now.
 */
async function tailStarts(
  files: readonly OpenLogFile[],
  count: number,
  parser: RecordParser,
): Promise<Record<LogStream, Position>> {
  const newest = files.length - 1;
  const newestFile = files[newest] as OpenLogFile;
  const last = await linesBackward(newestFile.handle, (await newestFile.handle.stat()).size).next();
  const end: Position = { file: newest, offset: last.done ? 0 : last.value.offset + last.value.line.length + 1 };
  const starts: Record<LogStream, Position> = { stdout: end, stderr: end };
  if (count === 0) return starts;
  const seen = new Set<LogStream>();
  // A stream is open while the earliest of its records met so far belongs to a counted line.
  const open = new Set<LogStream>();
  let lines = 0;
  for (let file = newest; file >= 0; file -= 1) {
    const current = files[file] as OpenLogFile;
    const size = file === newest ? end.offset : (await current.handle.stat()).size;
    for await (const raw of linesBackward(current.handle, size)) {
      const record = parser.parse(raw, current);
      if (!record) continue;
      const { stream } = record;
      const endsALine = !record.partial || !seen.has(stream);
      seen.add(stream);
      if (endsALine) {
        if (lines < count) {
          lines += 1;
          open.add(stream);
        } else {
          open.delete(stream);
        }
      }
      if (open.has(stream)) starts[stream] = { file, offset: raw.offset };
      if (lines >= count && open.size === 0) return starts;
    }
  }
  return starts;
}

function inRange(line: LogLine, options: ReadLogOptions): boolean {
  return (
    (options.since === undefined || line.timeNs > options.since) &&
    (options.until === undefined || line.timeNs < options.until)
  );
}

/** When following ends (the stop promise resolved, or `until` passed) and the waits between looks. */
class FollowControl {
  private stopRequested = false;
  private wake: (() => void) | undefined;

  constructor(
    stop: Promise<unknown> | undefined,
    private readonly until: bigint | undefined,
  ) {
    const onStop = (): void => {
      this.stopRequested = true;
      this.wake?.();
    };
    stop?.then(onStop, onStop);
  }

  stopped(): boolean {
    return this.stopRequested || (this.until !== undefined && nowNanoseconds() >= this.until);
  }

  /** Sleeps `ms`, less if `until` comes first; wakes at once when stop resolves. */
  wait(ms: number): Promise<void> {
    const untilMs = this.until === undefined ? ms : Number((this.until - nowNanoseconds()) / 1_000_000n) + 1;
    return new Promise((resolve) => {
      if (this.stopRequested) return resolve();
      const finish = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(finish, Math.max(0, Math.min(ms, untilMs)));
      this.wake = finish;
    });
  }
}

/**
 * The lines of the log at `path` (ctr.log; its rotated files are found beside it), in
 * order. A line not finished when reading ends comes as a `partial` line. Without
 * follow a missing log is an empty one; with follow it is waited for. Breaking out of
 * the loop closes the files.
 */
export async function* readLog(path: string, options: ReadLogOptions = {}): AsyncGenerator<LogLine> {
  const parser = new RecordParser(options.onWarning);
  const joiner = new LineJoiner();
  const control = new FollowControl(options.stop, options.until);
  const pollMs = options.pollIntervalMs ?? 100;
  let queue = await openLogFiles(path);
  let cursor: Cursor | undefined;
  try {
    while (queue.length === 0) {
      if (!options.follow || control.stopped()) return;
      await control.wait(pollMs);
      queue = await openLogFiles(path);
    }
    const tail = options.tail;
    const whole: Position = { file: 0, offset: 0 };
    const starts =
      tail === undefined || tail < 0 ? { stdout: whole, stderr: whole } : await tailStarts(queue, tail, parser);
    const first = before(starts.stdout, starts.stderr) ? starts.stdout : starts.stderr;
    // Files are numbered as positions count them: 0 for the oldest opened at the start.
    let index = first.file;
    await closeAll(queue.splice(0, index));
    cursor = new Cursor(queue.shift() as OpenLogFile, first.offset);

    const linesOf = async function* (current: Cursor, file: number): AsyncGenerator<LogLine> {
      for await (const raw of current.lines()) {
        const record = parser.parse(raw, current.file);
        if (!record || before({ file, offset: raw.offset }, starts[record.stream])) continue;
        const line = joiner.push(record);
        if (line && inRange(line, options)) yield line;
      }
    };

    for (;;) {
      // Decided before reading: what was written before the stop is read once more.
      const finalPass = control.stopped();
      yield* linesOf(cursor, index);
      const next = queue.shift();
      if (next) {
        await cursor.file.handle.close();
        cursor = new Cursor(next, 0);
        index += 1;
        continue;
      }
      if (!options.follow) break;
      const newer = await newerFiles(path, cursor.file);
      if (newer.length > 0) {
        // Rotated: finish the renamed file (the monitor may have written to it after
        // our last read), then go on through what came after it.
        yield* linesOf(cursor, index);
        queue.push(...newer);
        continue;
      }
      if (finalPass) break;
      await control.wait(pollMs);
    }
    for (const line of joiner.flush()) if (inRange(line, options)) yield line;
  } finally {
    await closeAll(cursor ? [cursor.file, ...queue] : queue);
  }
}

/** The files newer than `current` once ctr.log is another file; none while it is still `current`. */
async function newerFiles(path: string, current: OpenLogFile): Promise<OpenLogFile[]> {
  const ino = await inodeAt(path);
  if (ino === undefined || ino === current.ino) return [];
  const all = await openLogFiles(path);
  const at = all.findIndex((f) => f.ino === current.ino);
  // When `current` is gone, rotation deleted it as the oldest: all that is left is newer.
  await closeAll(all.slice(0, at + 1));
  return all.slice(at + 1);
}

export interface PrintLogsOptions extends Omit<ReadLogOptions, 'stop'> {
  /** Prefix each line with its time as `podman logs -t` prints it. */
  timestamps?: boolean;
}

export interface LogOutput {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

function write(stream: NodeJS.WritableStream, data: Buffer): Promise<void> | undefined {
  if (stream.write(data)) return undefined;
  return new Promise((resolve) => stream.once('drain', resolve));
}

/**
 * `podman logs` output: stdout lines to out.stdout, stderr lines to out.stderr, each
 * with its newline (none after a partial line), optionally after its timestamp.
 * Malformed records are reported once on out.stderr unless onWarning is given.
 */
export async function printLogs(
  path: string,
  options: PrintLogsOptions,
  out: LogOutput,
  stop?: Promise<unknown>,
): Promise<void> {
  const onWarning = options.onWarning ?? ((message: string) => out.stderr.write(`warning: ${message}\n`));
  for await (const line of readLog(path, { ...options, onWarning, ...(stop ? { stop } : {}) })) {
    const prefix = options.timestamps ? `${formatLogTime(line.timeNs)} ` : '';
    const data = Buffer.concat([Buffer.from(prefix), line.text, Buffer.from(line.partial ? '' : '\n')]);
    const drained = write(line.stream === 'stdout' ? out.stdout : out.stderr, data);
    if (drained) await drained;
  }
}
