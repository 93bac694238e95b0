// The pull view laid out for a terminal of a given size: every string a line shows,
// padded so that bars line up, sized so that no line reaches the last column (where
// some terminals wrap). The Ink components only place these strings.
import { humanSize } from '../render/units.js';
import type { LayerView, PullView, SettledView } from './pull-model.js';
import type { Tone } from './theme.js';

export interface Bar {
  done: string;
  left: string;
}

export interface LayerRow {
  id: string;
  /** Padded to the widest label. */
  label: string;
  bar?: Bar;
  detail: string;
  tone: Tone;
}

export type ScreenLine = { key: string } & ({ kind: 'text'; text: string; tone: Tone } | { kind: 'layer'; row: LayerRow });

export interface PullScreen {
  /** Written once, above the live lines, and left in the scrollback. */
  settled: ScreenLine[];
  /** Redrawn on every frame. */
  active: ScreenLine[];
}

const ID = 12;
const LABEL = 'Downloading'.length;
const BYTES = '1.23 MB / 4.56 MB'.length;
const RATE = '1.23 MB/s'.length;
const ETA = 'ETA 59m59s'.length;
const BAR_MIN = 10;
const BAR_MAX = 50;

interface Columns {
  bar: number;
  rate: boolean;
  eta: boolean;
}

/** The widest bar that fits beside the numbers; on a narrow terminal the ETA goes first, then the rate, then the bar. */
export function columnsFor(width: number): Columns {
  const room = width - 1 - (ID + 1 + LABEL + 1 + '[] '.length + BYTES);
  for (const [rate, eta] of [
    [true, true],
    [true, false],
    [false, false],
  ] as const) {
    const bar = room - (rate ? 2 + RATE : 0) - (eta ? 2 + ETA : 0);
    if (bar >= BAR_MIN) return { bar: Math.min(bar, BAR_MAX), rate, eta };
  }
  return { bar: 0, rate: false, eta: false };
}

export function progressBar(fraction: number, width: number): Bar {
  const filled = Math.min(width, Math.max(0, Math.floor(fraction * width)));
  if (filled === 0 || filled === width) return { done: '='.repeat(filled), left: '-'.repeat(width - filled) };
  return { done: `${'='.repeat(filled - 1)}>`, left: '-'.repeat(width - filled) };
}

export function duration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s}s`;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s < 3600) return `${Math.floor(s / 60)}m${pad(s % 60)}s`;
  return `${Math.floor(s / 3600)}h${pad(Math.floor((s % 3600) / 60))}m`;
}

const LABELS: Record<LayerView['state'], string> = {
  present: 'Already exists',
  downloading: 'Downloading',
  unpacking: 'Unpacking',
  done: 'Done',
};

const TONES: Record<LayerView['state'], Tone> = { present: 'skipped', downloading: 'active', unpacking: 'busy', done: 'done' };

export function layerRow(layer: LayerView, cols: Columns): LayerRow {
  const row: LayerRow = { id: layer.id, label: LABELS[layer.state].padEnd(LABEL), detail: '', tone: TONES[layer.state] };
  if (layer.state === 'present') return { ...row, label: LABELS.present };
  if (cols.bar > 0) row.bar = progressBar(layer.total > 0 ? layer.received / layer.total : 1, cols.bar);
  if (layer.state !== 'downloading') return { ...row, detail: humanSize(layer.total) };
  const parts = [`${humanSize(layer.received)} / ${humanSize(layer.total)}`.padEnd(BYTES)];
  if (cols.rate) parts.push((layer.rate === undefined ? '' : `${humanSize(Math.round(layer.rate))}/s`).padEnd(RATE));
  if (cols.eta && layer.etaS !== undefined) parts.push(`ETA ${duration(layer.etaS)}`);
  return { ...row, detail: parts.join('  ').trimEnd() };
}

function settledLine(s: SettledView, key: string, cols: Columns): ScreenLine {
  switch (s.kind) {
    case 'trying':
      return { key, kind: 'text', text: `Trying to pull ${s.reference}...`, tone: 'plain' };
    case 'config':
      return { key, kind: 'text', text: `Copying config ${s.id}`, tone: 'plain' };
    case 'note':
      return { key, kind: 'text', text: `Note: ${s.message}`, tone: 'note' };
    case 'layer':
      return { key, kind: 'layer', row: layerRow(s.layer, cols) };
  }
}

/**
 * Lines for a terminal of width x height, and a last line under them when there is one.
 * The live lines stay below its height, since Ink clears the whole screen, scrollback
 * included, to redraw anything taller.
 */
export function pullScreen(view: PullView, width: number, height: number, footer?: string): PullScreen {
  const cols = columnsFor(width);
  const active: ScreenLine[] = view.active.slice(0, Math.max(1, height - 3)).map((l) => ({ key: l.id, kind: 'layer', row: layerRow(l, cols) }));
  if (footer !== undefined) active.push({ key: 'footer', kind: 'text', text: footer, tone: 'plain' });
  return { settled: view.settled.map((s, i) => settledLine(s, String(i), cols)), active };
}
