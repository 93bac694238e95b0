// /etc/subuid and /etc/subgid: "owner:start:count" lines, where owner is a user name
// or a numeric uid (shadow-utils accepts both). Malformed lines are skipped, as
// newuidmap itself skips them, so a junk line cannot hide a valid range.

export interface IdRange {
  start: number;
  count: number;
}

export interface SubidOwner {
  name: string;
  id: number;
}

const MAX_ID = 2 ** 32 - 1;

function parseCount(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) && n <= MAX_ID ? n : undefined;
}

export function parseSubidLine(line: string): { owner: string; range: IdRange } | undefined {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  const fields = trimmed.split(':');
  if (fields.length !== 3) return undefined;
  const [owner, startText, countText] = fields as [string, string, string];
  const start = parseCount(startText);
  const count = parseCount(countText);
  if (owner === '' || start === undefined || count === undefined || count === 0) return undefined;
  if (start + count - 1 > MAX_ID) return undefined;
  return { owner, range: { start, count } };
}

/** The ranges of one owner, in file order, matched by name or by numeric id. */
export function subidRanges(text: string, owner: SubidOwner): IdRange[] {
  const ranges: IdRange[] = [];
  for (const line of text.split('\n')) {
    const entry = parseSubidLine(line);
    if (entry && (entry.owner === owner.name || entry.owner === String(owner.id))) ranges.push(entry.range);
  }
  return ranges;
}

/** A range past every range in the file (where useradd would put the next one), for the fix we suggest. */
export function freeSubidRange(text: string, count = 65536): IdRange {
  let end = 100000;
  for (const line of text.split('\n')) {
    const entry = parseSubidLine(line);
    if (entry) end = Math.max(end, entry.range.start + entry.range.count);
  }
  return { start: end, count };
}

export function totalIds(ranges: readonly IdRange[]): number {
  return ranges.reduce((sum, r) => sum + r.count, 0);
}
