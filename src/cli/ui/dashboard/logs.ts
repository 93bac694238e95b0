// The log pane's state: the lines followed so far (one container's, or every running
// container's merged under a name prefix), where the view is scrolled to, the search
// and the display toggles. Pure; io.ts feeds it lines as the logs grow.

export interface LogEntry {
  /** The container the line came from: the prefix of the merged view. */
  source: string;
  /** RFC 3339 with nanoseconds, as the log file has it. */
  time: string;
  stream: 'stdout' | 'stderr';
  text: string;
}

export type LogTarget = { kind: 'one'; id: string; name: string } | { kind: 'all' };

export interface LogsState {
  target: LogTarget;
  entries: LogEntry[];
  /** Index of the first entry shown; undefined: following the end. */
  top?: number;
  timestamps: boolean;
  wrap: boolean;
  search: string;
  /** The entry the last search jump landed on. */
  match?: number;
}

/** Followed lines kept in memory; older ones scroll out of reach. */
export const MAX_ENTRIES = 5000;

export function openLogs(target: LogTarget, prev?: LogsState): LogsState {
  return { target, entries: [], timestamps: prev?.timestamps ?? false, wrap: prev?.wrap ?? true, search: prev?.search ?? '' };
}

export function appendLogs(s: LogsState, more: readonly LogEntry[]): LogsState {
  if (more.length === 0) return s;
  const all = s.entries.concat(more);
  const dropped = Math.max(0, all.length - MAX_ENTRIES);
  const entries = dropped > 0 ? all.slice(dropped) : all;
  const shift = (i: number | undefined) => (i === undefined ? undefined : Math.max(0, i - dropped));
  return withOptional({ ...s, entries }, shift(s.top), shift(s.match));
}

function withOptional(s: LogsState, top: number | undefined, match: number | undefined): LogsState {
  const { top: _t, match: _m, ...rest } = s;
  return { ...rest, ...(top !== undefined ? { top } : {}), ...(match !== undefined ? { match } : {}) };
}

/** The entry at the top of the screen when following: the last `height` entries (a lower bound with wrapping). */
function followTop(s: LogsState, height: number): number {
  return Math.max(0, s.entries.length - height);
}

/** Scrolls by `delta` entries; reaching the end again resumes following. */
export function scrollLogs(s: LogsState, delta: number, height: number): LogsState {
  const bottom = followTop(s, height);
  const top = Math.min(Math.max(0, (s.top ?? bottom) + delta), bottom);
  return withOptional(s, top >= bottom && delta > 0 ? undefined : top, s.match);
}

export function logsToStart(s: LogsState): LogsState {
  return withOptional(s, 0, s.match);
}

export function logsToEnd(s: LogsState): LogsState {
  return withOptional(s, undefined, s.match);
}

export function entryMatches(e: LogEntry, search: string): boolean {
  return search !== '' && e.text.toLowerCase().includes(search.toLowerCase());
}

/**
 * Jumps to the next match after the current one (`dir` 1) or before it (-1), starting
 * from the end when there is none yet; the match is put in the middle of the screen.
 */
export function findInLogs(s: LogsState, search: string, dir: 1 | -1, height: number): LogsState {
  const n = s.entries.length;
  const from = s.match ?? (dir === -1 ? n : -1);
  for (let step = 1; step <= n; step++) {
    const i = (((from + dir * step) % n) + n) % n;
    if (entryMatches(s.entries[i]!, search)) {
      const top = Math.max(0, Math.min(i - Math.floor(height / 2), followTop(s, height)));
      return withOptional({ ...s, search }, top, i);
    }
  }
  return withOptional({ ...s, search }, s.top, undefined);
}

export function clearSearch(s: LogsState): LogsState {
  return withOptional({ ...s, search: '' }, s.top, undefined);
}
