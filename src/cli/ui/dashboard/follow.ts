// Following container logs for the log pane: one reader per container, their lines
// handed to the model in batches (a burst of output is one redraw, not one per line).
// The merged view adds readers as containers start and drops those of removed ones.
import { readLog } from '../../../engine/container/log-reader.js';
import type { LogEntry } from './logs.js';

/** Where a reader starts: the last lines of the log, or what comes after a time. */
export type From = { tail: number } | { sinceNs: bigint };

export class LogFollower {
  private readonly readers = new Map<string, () => void>();
  private batch: LogEntry[] = [];
  private flush: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly deliver: (entries: LogEntry[]) => void,
    private readonly fail: (text: string) => void,
  ) {}

  has(id: string): boolean {
    return this.readers.has(id);
  }

  ids(): string[] {
    return [...this.readers.keys()];
  }

  /** Follows the log at `path` under `name` until `drop(id)` or `close()`. */
  add(id: string, name: string, path: string, from: From): void {
    if (this.closed || this.readers.has(id)) return;
    let release: () => void = () => undefined;
    const stop = new Promise<void>((resolve) => {
      release = resolve;
    });
    let stopped = false;
    this.readers.set(id, () => {
      stopped = true;
      release();
    });
    const options = 'tail' in from ? { tail: from.tail } : { since: from.sinceNs };
    void (async () => {
      for await (const line of readLog(path, { ...options, follow: true, stop, pollIntervalMs: 200 })) {
        if (stopped) break;
        this.batch.push({ source: name, time: line.time, stream: line.stream, text: line.text.toString('utf8') });
        this.flush ??= setTimeout(() => this.send(), 50);
      }
    })().catch((err: unknown) => this.fail(`logs of ${name}: ${(err as Error).message}`));
  }

  drop(id: string): void {
    this.readers.get(id)?.();
    this.readers.delete(id);
  }

  close(): void {
    this.closed = true;
    for (const id of this.ids()) this.drop(id);
    if (this.flush) clearTimeout(this.flush);
    this.batch = [];
  }

  private send(): void {
    this.flush = undefined;
    if (this.closed || this.batch.length === 0) return;
    const entries = this.batch;
    this.batch = [];
    this.deliver(entries);
  }
}
