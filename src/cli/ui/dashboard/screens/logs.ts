// The log pane: the lines that fit, from the end while following or from where the
// user scrolled to, wrapped or cut at the width, with the search's matches marked.
import { entryMatches, type LogEntry, type LogsState } from '../logs.js';
import { clip, fit, type Line, type Seg } from './line.js';

// A log may hold escape sequences and control bytes: drawn as they are they would move
// the cursor and break the frame.
function printable(text: string): string {
  return text.replace(/\t/g, '    ').replace(/[\x00-\x1f\x7f-\x9f]/g, '?');
}

/** The line as shown, and where the container's own text begins in it. */
function shown(e: LogEntry, logs: LogsState, prefixWidth: number): { text: string; from: number } {
  const prefix = logs.target.kind === 'all' ? `${fit(e.source, prefixWidth)} | ` : '';
  const time = logs.timestamps ? `${e.time} ` : '';
  const head = prefix + time;
  return { text: head + printable(e.text), from: head.length };
}

/** Pieces of `text`, the matches of `search` after `from` in the match style. */
function marked(text: string, from: number, search: string, current: boolean): Seg[] {
  if (search === '') return [{ text }];
  const out: Seg[] = [];
  const lower = text.toLowerCase();
  const needle = search.toLowerCase();
  let at = from;
  let done = 0;
  for (let i = lower.indexOf(needle, at); i >= 0; i = lower.indexOf(needle, at)) {
    if (i > done) out.push({ text: text.slice(done, i) });
    out.push({ text: text.slice(i, i + needle.length), style: current ? 'selected' : 'match' });
    done = i + needle.length;
    at = done;
  }
  if (done < text.length) out.push({ text: text.slice(done) });
  return out;
}

/** Splits styled pieces into lines of `width`. */
function wrapSegs(segs: readonly Seg[], width: number): Line[] {
  const lines: Line[] = [[]];
  let used = 0;
  for (const seg of segs) {
    let rest = seg.text;
    while (rest.length > 0) {
      if (used === width) {
        lines.push([]);
        used = 0;
      }
      const piece = rest.slice(0, width - used);
      lines[lines.length - 1]!.push({ ...seg, text: piece });
      used += piece.length;
      rest = rest.slice(piece.length);
    }
  }
  return lines;
}

function drawEntry(e: LogEntry, index: number, logs: LogsState, width: number, prefixWidth: number): Line[] {
  const { text, from } = shown(e, logs, prefixWidth);
  const segs = marked(text, from, logs.search, index === logs.match);
  if (e.stream === 'stderr') for (const s of segs) s.style ??= 'note';
  return logs.wrap ? wrapSegs(segs, width) : [clip(segs, width)];
}

function header(logs: LogsState, width: number): Line {
  const what = logs.target.kind === 'all' ? 'all running containers' : logs.target.name;
  const where = logs.top === undefined ? 'following' : `line ${logs.top + 1} of ${logs.entries.length}`;
  return clip(
    [
      { text: `Logs ${what}`, style: 'title' },
      { text: `  (${where})  time ${logs.timestamps ? 'on' : 'off'}  wrap ${logs.wrap ? 'on' : 'off'}${searchText(logs)}`, style: 'dim' },
    ],
    width,
  );
}

/** How many lines match, and which of them the view is on ("3 of 11"). */
function searchText(logs: LogsState): string {
  if (logs.search === '') return '';
  const matching = logs.entries.flatMap((e, i) => (entryMatches(e, logs.search) ? [i] : []));
  const at = logs.match === undefined ? -1 : matching.indexOf(logs.match);
  return `  search '${logs.search}': ${at < 0 ? `${matching.length} matches` : `${at + 1} of ${matching.length}`}`;
}

export function logsBody(logs: LogsState, width: number, height: number): Line[] {
  const textRows = height - 1;
  const prefixWidth = Math.min(16, Math.max(0, ...logs.entries.map((e) => e.source.length)));
  const out: Line[] = [];
  if (logs.top === undefined) {
    // Following: the last entries, drawn from the end up until the screen is full.
    for (let i = logs.entries.length - 1; i >= 0 && out.length < textRows; i--) {
      const lines = drawEntry(logs.entries[i]!, i, logs, width, prefixWidth);
      out.unshift(...lines.slice(Math.max(0, lines.length - (textRows - out.length))));
    }
  } else {
    for (let i = logs.top; i < logs.entries.length && out.length < textRows; i++) {
      out.push(...drawEntry(logs.entries[i]!, i, logs, width, prefixWidth).slice(0, textRows - out.length));
    }
  }
  if (logs.entries.length === 0) out.push([{ text: 'waiting for output...', style: 'dim' }]);
  while (out.length < textRows) out.push([]);
  return [header(logs, width), ...out];
}
