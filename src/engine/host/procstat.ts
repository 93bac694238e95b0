// /proc/<pid>/stat (proc(5)). The command name may contain spaces and parentheses,
// so fields are counted from the last ')'. The start time (field 22) tells a live
// process from a later one that reused its pid.

export interface ProcStat {
  pid: number;
  state: string;
  ppid: number;
  startTime: number;
}

export function parseProcStat(text: string): ProcStat | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const pid = parseInt(text, 10);
  const rest = text.slice(close + 2).trim().split(/\s+/);
  // rest[0] is field 3 (state); field N is rest[N - 3].
  const state = rest[0];
  const ppid = Number(rest[1]);
  const startTime = Number(rest[19]);
  if (!Number.isInteger(pid) || !state || !Number.isInteger(ppid) || !Number.isInteger(startTime)) return undefined;
  return { pid, state, ppid, startTime };
}
