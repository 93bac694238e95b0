// `boxctl top` as Podman prints it (its psgo library): the ps-style descriptors it
// takes, their column titles and values, and the tab-aligned table. Pure.
import { UserError } from '../../errors.js';
import type { TopProcess, TopSnapshot } from '../../engine/container/top.js';
import { CLOCK_TICKS } from '../../engine/container/procs.js';
import { goDuration } from './go-duration.js';
import { tabwrite } from './tabwriter.js';

type Value = (p: TopProcess, s: TopSnapshot) => string;

/** Whole seconds of CPU, as psgo counts them (utime + stime truncated). */
const cpuSeconds = (p: TopProcess) => Math.floor(p.cpuTicks / CLOCK_TICKS);

/** Time since the process started, to the nanosecond of now but whole seconds of its start, as psgo. */
function elapsedNs(p: TopProcess, s: TopSnapshot): bigint {
  const started = BigInt(s.bootTime + Math.floor(p.startTime / CLOCK_TICKS)) * 1_000_000_000n;
  return s.nowNs - started;
}

/** The terminal's name from tty_nr (major 136-143: pts, 4: tty and ttyS); "?" for none. */
export function ttyName(ttyNr: number): string {
  if (ttyNr === 0) return '?';
  const major = (ttyNr >> 8) & 0xfff;
  const minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
  if (major >= 136 && major <= 143) return `pts/${(major - 136) * 256 + minor}`;
  if (major === 4) return minor < 64 ? `tty${minor}` : `ttyS${minor - 64}`;
  if (major === 5 && minor === 0) return 'tty';
  if (major === 5 && minor === 1) return 'console';
  return '?';
}

const DESCRIPTORS: Readonly<Record<string, { header: string; value: Value; aix?: string }>> = {
  args: { header: 'COMMAND', aix: '%a', value: (p) => (p.args.length > 0 ? p.args.join(' ') : `[${p.comm}]`) },
  comm: { header: 'COMMAND', aix: '%c', value: (p) => p.comm },
  etime: { header: 'ELAPSED', aix: '%t', value: (p, s) => goDuration(elapsedNs(p, s)) },
  group: { header: 'GROUP', aix: '%G', value: (p) => p.group },
  hgroup: { header: 'HGROUP', value: (p) => p.hostGroup },
  hpid: { header: 'HPID', value: (p) => String(p.pid) },
  huser: { header: 'HUSER', value: (p) => p.hostUser },
  nice: { header: 'NI', aix: '%n', value: (p) => String(p.nice) },
  pcpu: {
    header: '%CPU',
    aix: '%C',
    value: (p, s) => {
      const elapsed = Number(elapsedNs(p, s)) / 1e9;
      return (elapsed > 0 ? (100 * cpuSeconds(p)) / elapsed : 0).toFixed(3);
    },
  },
  pgid: { header: 'PGID', aix: '%r', value: (p) => String(p.pgrp) },
  pid: { header: 'PID', aix: '%p', value: (p) => String(p.nsPid) },
  ppid: { header: 'PPID', aix: '%P', value: (p) => String(p.nsPpid) },
  rss: { header: 'RSS', value: (p) => String(Math.floor(p.rss / 1024)) },
  state: { header: 'STATE', value: (p) => p.state },
  time: { header: 'TIME', aix: '%x', value: (p) => goDuration(BigInt(cpuSeconds(p)) * 1_000_000_000n) },
  tty: { header: 'TTY', aix: '%y', value: (p) => ttyName(p.ttyNr) },
  user: { header: 'USER', aix: '%U', value: (p) => p.user },
  vsz: { header: 'VSZ', aix: '%z', value: (p) => String(Math.floor(p.vsize / 1024)) },
};

const AIX = new Map(Object.entries(DESCRIPTORS).flatMap(([name, d]) => (d.aix ? [[d.aix, name] as const] : [])));

/** Podman's default: user,pid,ppid,pcpu,etime,tty,time,args. */
export const DEFAULT_TOP_DESCRIPTORS = ['user', 'pid', 'ppid', 'pcpu', 'etime', 'tty', 'time', 'args'] as const;

/** The descriptors as given (separate words or comma lists, names or AIX codes); one-line error for an unknown one. */
export function parseDescriptors(words: readonly string[]): string[] {
  const names = words.flatMap((w) => w.split(',')).filter((w) => w.trim() !== '');
  if (names.length === 0) return [...DEFAULT_TOP_DESCRIPTORS];
  return names.map((raw) => {
    const name = raw.trim();
    const known = DESCRIPTORS[name] ? name : AIX.get(name);
    if (known === undefined) {
      throw new UserError(`unknown descriptor: ${name}: top takes ${Object.keys(DESCRIPTORS).join(', ')} (comma-separated or as separate words)`);
    }
    return known;
  });
}

/** The table podman top prints: a header row, one row per process, tab-aligned. */
export function renderTop(snapshot: TopSnapshot, descriptors: readonly string[]): string {
  const rows = [descriptors.map((d) => DESCRIPTORS[d]!.header)];
  for (const p of snapshot.processes) rows.push(descriptors.map((d) => DESCRIPTORS[d]!.value(p, snapshot)));
  return `${tabwrite(rows.map((r) => `${r.join('\t')}`).join('\n'))}\n`;
}
