// One record of a container log (docs/containers.md, "Log format"), as CRI and
// Podman's k8s-file driver write it: `TIMESTAMP STREAM F|P CONTENT`, and the joining of
// partial records into the lines the process wrote.

import { parseDateTime } from './time-spec.js';

export type LogStream = 'stdout' | 'stderr';

export interface LogRecord {
  /** The timestamp as the file has it. */
  time: string;
  timeNs: bigint;
  stream: LogStream;
  /** P: the next record of the same stream continues this one. */
  partial: boolean;
  content: Buffer;
}

/** A line the process wrote, its records joined; time is that of its last record. */
export interface LogLine {
  time: string;
  timeNs: bigint;
  stream: LogStream;
  /** Without the newline. */
  text: Buffer;
  /** The log ended before the newline came (the process wrote no newline, or is still writing). */
  partial: boolean;
}

const SPACE = 0x20;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A record from one line of the file (without its newline); undefined when malformed. */
export function parseLogRecord(line: Buffer): LogRecord | undefined {
  const afterTime = line.indexOf(SPACE);
  if (afterTime < 0) return undefined;
  const afterStream = line.indexOf(SPACE, afterTime + 1);
  if (afterStream < 0) return undefined;
  const time = line.toString('latin1', 0, afterTime);
  const stream = line.toString('latin1', afterTime + 1, afterStream);
  const tagEnd = line.indexOf(SPACE, afterStream + 1);
  // An empty line may be written with or without the space before its (empty) content.
  const tag = line.toString('latin1', afterStream + 1, tagEnd < 0 ? line.length : tagEnd);
  if ((stream !== 'stdout' && stream !== 'stderr') || (tag !== 'F' && tag !== 'P') || !RFC3339.test(time)) {
    return undefined;
  }
  const timeNs = parseDateTime(time);
  if (timeNs === undefined) return undefined;
  const content = tagEnd < 0 ? Buffer.alloc(0) : line.subarray(tagEnd + 1);
  return { time, timeNs, stream, partial: tag === 'P', content };
}

/** Joins each stream's P records to the record that completes them; the streams interleave. */
export class LineJoiner {
  private readonly pending = new Map<LogStream, { parts: Buffer[]; last: LogRecord; seq: number }>();
  private seq = 0;

  /** The line this record completes, if it does. */
  push(record: LogRecord): LogLine | undefined {
    const held = this.pending.get(record.stream);
    if (record.partial) {
      if (held) {
        held.parts.push(record.content);
        held.last = record;
        held.seq = this.seq++;
      } else {
        this.pending.set(record.stream, { parts: [record.content], last: record, seq: this.seq++ });
      }
      return undefined;
    }
    this.pending.delete(record.stream);
    const text = held ? Buffer.concat([...held.parts, record.content]) : record.content;
    return { time: record.time, timeNs: record.timeNs, stream: record.stream, text, partial: false };
  }

  /** Lines still waiting for their end, in the order of their last records; clears them. */
  flush(): LogLine[] {
    const held = [...this.pending.values()].sort((a, b) => a.seq - b.seq);
    this.pending.clear();
    return held.map(({ parts, last }) => ({
      time: last.time,
      timeNs: last.timeNs,
      stream: last.stream,
      text: Buffer.concat(parts),
      partial: true,
    }));
  }
}
