import { describe, expect, it } from 'vitest';

import type { LayerView } from '../../src/cli/ui/pull-model.js';
import { columnsFor, duration, layerRow, progressBar, pullScreen } from '../../src/cli/ui/pull-screen.js';

const downloading: LayerView = { id: 'aaaaaaaaaaaa', state: 'downloading', received: 1_200_000, total: 3_410_000, rate: 2_100_000, etaS: 2 };

/** The line as LayerLine draws it, without colour. */
function text(row: ReturnType<typeof layerRow>): string {
  return [row.id, row.label, ...(row.bar ? [`[${row.bar.done}${row.bar.left}]`] : []), ...(row.detail ? [row.detail] : [])].join(' ');
}

describe('pull screen layout', () => {
  it('gives the bar what is left beside the numbers, up to a limit, and never the last column', () => {
    expect(columnsFor(80)).toEqual({ bar: 11, rate: true, eta: true });
    expect(columnsFor(100)).toEqual({ bar: 31, rate: true, eta: true });
    expect(columnsFor(200)).toEqual({ bar: 50, rate: true, eta: true });
    for (const width of [60, 80, 100, 200]) expect(text(layerRow(downloading, columnsFor(width))).length).toBeLessThan(width);
  });

  it('drops the ETA, then the rate, then the bar on a narrow terminal', () => {
    expect(columnsFor(70)).toEqual({ bar: 13, rate: true, eta: false });
    expect(columnsFor(60)).toEqual({ bar: 14, rate: false, eta: false });
    expect(columnsFor(40)).toEqual({ bar: 0, rate: false, eta: false });
    expect(text(layerRow(downloading, columnsFor(40)))).toBe('aaaaaaaaaaaa Downloading 1.20 MB / 3.41 MB');
  });

  it('lays out each state of a layer', () => {
    const cols = columnsFor(80);
    expect(text(layerRow(downloading, cols))).toBe('aaaaaaaaaaaa Downloading [==>--------] 1.20 MB / 3.41 MB  2.10 MB/s  ETA 2s');
    expect(text(layerRow({ ...downloading, received: 0, rate: undefined, etaS: undefined }, cols))).toBe('aaaaaaaaaaaa Downloading [-----------] 0 B / 3.41 MB');
    expect(text(layerRow({ ...downloading, state: 'unpacking', received: 3_410_000 }, cols))).toBe('aaaaaaaaaaaa Unpacking   [===========] 3.41 MB');
    expect(text(layerRow({ ...downloading, state: 'done', received: 3_410_000 }, cols))).toBe('aaaaaaaaaaaa Done        [===========] 3.41 MB');
    expect(text(layerRow({ id: 'cccccccccccc', state: 'present', received: 5, total: 5 }, cols))).toBe('cccccccccccc Already exists');
    expect(layerRow(downloading, cols).tone).toBe('active');
  });

  it('draws bars and durations', () => {
    expect(progressBar(0, 10)).toEqual({ done: '', left: '-'.repeat(10) });
    expect(progressBar(0.5, 10)).toEqual({ done: '====>', left: '-----' });
    expect(progressBar(0.999, 10)).toEqual({ done: '========>', left: '-' });
    expect(progressBar(1, 10)).toEqual({ done: '='.repeat(10), left: '' });
    expect([0.2, 59, 61, 3599, 3600, 7322].map(duration)).toEqual(['1s', '59s', '1m01s', '59m59s', '1h00m', '2h02m']);
  });

  it('keeps the live lines below the height of the terminal, and ends with the footer', () => {
    const active = ['a', 'b', 'c', 'd'].map((c) => ({ ...downloading, id: c.repeat(12) }));
    const screen = pullScreen({ settled: [{ kind: 'trying', reference: 'x/y:z' }], active }, 80, 5, 'Writing manifest to image destination');
    expect(screen.settled).toEqual([{ key: '0', kind: 'text', text: 'Trying to pull x/y:z...', tone: 'plain' }]);
    expect(screen.active.map((l) => l.key)).toEqual(['aaaaaaaaaaaa', 'bbbbbbbbbbbb', 'footer']);
  });
});
