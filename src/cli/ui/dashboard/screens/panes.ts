// The views over one thing: stats sparklines of a container, the inspect JSON, help.
import { humanSize } from '../../../render/units.js';
import type { DashState } from '../model.js';
import { clip, fit, plain, type Line } from './line.js';

// Eight heights; the lowest stands for zero too, so that every sample is seen.
const BARS = '▁▂▃▄▅▆▇█';

/** The last `width` values as bars, scaled to `max`. */
export function sparkline(values: readonly number[], width: number, max: number): string {
  const shown = values.slice(-width);
  return shown.map((v) => BARS[max <= 0 ? 0 : Math.max(0, Math.min(7, Math.round((v / max) * 7)))]).join('');
}

export function statsBody(s: DashState, width: number, height: number): Line[] {
  const c = s.snapshot.containers.find((x) => x.id === s.selected.containers);
  if (!c) return [plain('the container is gone')];
  const h = s.history[c.id] ?? { cpu: [], mem: [] };
  const graph = Math.max(10, width - 2);
  const cpuMax = Math.max(100, ...h.cpu);
  // Memory against its peak: without a limit, against the host's memory, the line is flat.
  const memMax = Math.max(1, ...h.mem);
  const lines: Line[] = [
    clip([{ text: `Stats ${c.name}`, style: 'title' }, { text: `  ${c.statusText}  (one sample a second, newest on the right)`, style: 'dim' }], width),
    [],
    clip([{ text: 'CPU  ', style: 'header' }, { text: c.cpuPercent === undefined ? '-' : `${c.cpuPercent.toFixed(1)}%` }, { text: `  peak ${Math.max(0, ...h.cpu).toFixed(1)}%  scale 0-${cpuMax.toFixed(0)}%`, style: 'dim' }], width),
    [{ text: `  ${sparkline(h.cpu, graph, cpuMax)}`, style: 'running' }],
    [],
    clip(
      [
        { text: 'MEM  ', style: 'header' },
        { text: c.memBytes === undefined ? '-' : humanSize(c.memBytes) },
        { text: `  limit ${c.memLimit && Number.isFinite(c.memLimit) ? humanSize(c.memLimit) : '-'}  scale 0-${humanSize(memMax)}`, style: 'dim' },
      ],
      width,
    ),
    [{ text: `  ${sparkline(h.mem, graph, memMax)}`, style: 'running' }],
  ];
  if (c.status !== 'running') lines.push([], plain(`  ${c.name} is ${c.status}: no new samples`));
  while (lines.length < height) lines.push([]);
  return lines.slice(0, height);
}

export function inspectBody(s: DashState, width: number, height: number): Line[] {
  const ins = s.inspect;
  if (!ins) return [];
  const last = Math.min(ins.lines.length, ins.top + height - 1);
  const lines: Line[] = [clip([{ text: ins.title, style: 'title' }, { text: `  lines ${ins.top + 1}-${last} of ${ins.lines.length}`, style: 'dim' }], width)];
  for (const l of ins.lines.slice(ins.top, last)) {
    const key = /^(\s*)("(?:[^"\\]|\\.)*")(:.*)$/.exec(l);
    lines.push(clip(key ? [{ text: key[1]! }, { text: key[2]!, style: 'key' }, { text: key[3]! }] : [{ text: l }], width));
  }
  while (lines.length < height) lines.push([]);
  return lines;
}

// Every key, in lines that fit 80 columns, and all of it in 24 rows.
const HELP: readonly (readonly [string, readonly (readonly [string, string])[]])[] = [
  [
    'Everywhere',
    [
      ['?', 'this help (again, or Esc: back)'],
      [':', 'a command: containers images volumes logs [NAME|all] stats'],
      ['', 'pull IMAGE  prune  help  quit  (also c ps i img v vol all)'],
      ['Tab', 'the next list: containers, images, volumes'],
      ['q ^C', 'quit, leaving the terminal as it was'],
    ],
  ],
  [
    'Lists',
    [
      ['j k Up Down', 'move; PgUp PgDn g G: a page, the first, the last'],
      ['/ Esc', 'filter as you type (Enter keeps it); drop the filter'],
      ['a', 'containers: running only, or all'],
      ['N I U C M', 'sort by name, image, status, CPU, memory (again: reverse)'],
      ['Enter l L', 'follow the logs; those of all running containers, merged'],
      ['s x r p', 'start, stop, restart, pause or unpause'],
      ['D P', 'remove the selected; prune (both ask first)'],
      ['i t e', 'inspect; CPU and memory sparklines; a shell in it'],
      ['p', 'images: pull an image'],
    ],
  ],
  [
    'Logs, inspect',
    [
      ['j k PgUp PgDn', 'scroll back; g G: the start, the end (G or f: follow again)'],
      ['/ n N', 'logs: search, marking matches; the next, the previous match'],
      ['t w Esc', 'logs: timestamps, wrapping; back to the list'],
    ],
  ],
];

export function helpBody(width: number, height: number): Line[] {
  const keyWidth = 15;
  const lines: Line[] = [];
  for (const [section, keys] of HELP) {
    lines.push([{ text: section, style: 'title' }]);
    for (const [k, what] of keys) lines.push(clip([{ text: `  ${fit(k, keyWidth)}`, style: 'key' }, { text: what }], width));
  }
  while (lines.length < height) lines.push([]);
  return lines.slice(0, height);
}
