// The pull progress components as a terminal shows them, through ink-testing-library,
// at 80 columns and at a wide 160.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

import type { PullView } from '../../src/cli/ui/pull-model.js';
import { pullScreen } from '../../src/cli/ui/pull-screen.js';
import { themeFor } from '../../src/cli/ui/theme.js';

// Ink's colours follow chalk, which finds no terminal under vitest: force them before
// Ink loads, so that the test without colour shows the theme, not chalk, leaving them out.
vi.stubEnv('FORCE_COLOR', '1');
const { cleanup, render } = await import('ink-testing-library');
const { PullProgress } = await import('../../src/cli/ui/components/pull-progress.js');

afterEach(cleanup);
afterAll(() => vi.unstubAllEnvs());

const view: PullView = {
  settled: [
    { kind: 'trying', reference: '127.0.0.1:5000/boxctl/layers:latest' },
    { kind: 'config', id: 'df6d32b16723' },
    { kind: 'layer', layer: { id: 'bf5cae425c81', state: 'present', received: 220, total: 220 } },
    { kind: 'layer', layer: { id: '0f6703b99fba', state: 'done', received: 564, total: 564 } },
  ],
  active: [
    { id: 'f5218f6e396b', state: 'downloading', received: 466_000, total: 1_090_000, rate: 155_000, etaS: 5 },
    { id: 'aa18f6e396b0', state: 'unpacking', received: 2_000_000, total: 2_000_000 },
  ],
};

/** ink-testing-library's terminal is 100 columns wide; a test gives it another width before drawing. */
function draw(width: number, color = false) {
  const screen = pullScreen(view, width, 30);
  const ui = render(<PullProgress screen={{ settled: [], active: [] }} theme={themeFor(color)} />);
  Object.defineProperty(ui.stdout, 'columns', { value: width });
  ui.rerender(<PullProgress screen={screen} theme={themeFor(color)} />);
  return ui.lastFrame() ?? '';
}

describe('PullProgress', () => {
  it('draws one line per layer at 80 columns, none reaching the last column', () => {
    const frame = draw(80);
    expect(frame.split('\n')).toEqual([
      'Trying to pull 127.0.0.1:5000/boxctl/layers:latest...',
      'Copying config df6d32b16723',
      'bf5cae425c81 Already exists',
      '0f6703b99fba Done        [===========] 564 B',
      'f5218f6e396b Downloading [===>-------] 466 kB / 1.09 MB   155 kB/s   ETA 5s',
      'aa18f6e396b0 Unpacking   [===========] 2.00 MB',
    ]);
    expect(Math.max(...frame.split('\n').map((l) => l.length))).toBeLessThan(80);
  });

  it('widens the bars on a wide terminal, up to their limit', () => {
    const lines = draw(160).split('\n');
    expect(lines[4]).toBe(`f5218f6e396b Downloading [${'='.repeat(20)}>${'-'.repeat(29)}] 466 kB / 1.09 MB   155 kB/s   ETA 5s`);
    expect(lines[5]).toBe(`aa18f6e396b0 Unpacking   [${'='.repeat(50)}] 2.00 MB`);
  });

  it('draws the same lines without colour (NO_COLOR), with no escape codes at all', () => {
    const coloured = draw(80, true);
    expect(coloured).toContain('\u001b[32m===========\u001b[39m');
    const plain = draw(80, false);
    expect(plain).not.toMatch(/\u001b\[/);
    expect(plain).toBe(coloured.replace(/\u001b\[[0-9;]*m/g, ''));
  });
});
