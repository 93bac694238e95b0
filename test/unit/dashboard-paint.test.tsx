// The first frame painted without Ink: the same text Ink draws for the same state, so
// that Ink's first frame lands on it unchanged; colours as the theme says, none without.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

import { initialState, update, type DashState } from '../../src/cli/ui/dashboard/model.js';
import { paintLine, paintScreen } from '../../src/cli/ui/dashboard/paint.js';
import { drawScreen } from '../../src/cli/ui/dashboard/screens/frame.js';
import { dashTheme } from '../../src/cli/ui/dashboard/theme.js';
import { themeFor } from '../../src/cli/ui/theme.js';
import { container, snapshot } from './dashboard-fixtures.js';

vi.stubEnv('FORCE_COLOR', '1');
const { cleanup, render } = await import('ink-testing-library');
const { Dashboard } = await import('../../src/cli/ui/dashboard/components/dashboard.js');

afterEach(cleanup);
afterAll(() => vi.unstubAllEnvs());

const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
const trimmed = (text: string) => text.split('\n').map((l) => l.trimEnd());

function inkFrame(state: DashState, color: boolean): Promise<string> {
  const io = { snapshot: () => state.snapshot, perform: () => undefined };
  const ui = render(<></>);
  Object.defineProperty(ui.stdout, 'columns', { value: state.size.cols });
  Object.defineProperty(ui.stdout, 'rows', { value: state.size.rows });
  ui.rerender(<Dashboard io={io} initial={state} theme={dashTheme(color)} pullTheme={themeFor(color)} refreshMs={60_000} />);
  return new Promise((resolve) => setTimeout(() => resolve(ui.lastFrame() ?? ''), 60));
}

describe('the painted first frame', () => {
  it('styles each piece as the theme says, and resets after it', () => {
    const line = [{ text: 'boxctl ', style: 'title' as const }, { text: 'plain' }, { text: 'Up', style: 'running' as const }, { text: '> db', style: 'selected' as const }];
    expect(paintLine(line, dashTheme(true))).toBe('\x1b[1;36mboxctl \x1b[0mplain\x1b[32mUp\x1b[0m\x1b[7m> db\x1b[0m');
    expect(paintLine(line, dashTheme(false))).toBe('boxctl plainUp\x1b[7m> db\x1b[0m');
    expect(paintLine([{ text: 'x', style: 'dim' }], dashTheme(true))).toBe('\x1b[90mx\x1b[0m');
  });

  it('leaves the pull pane to Ink', () => {
    const s = update(initialState(snapshot), { type: 'key', key: ':' }).state;
    const pulling = [...'pull busybox', '<enter>'].reduce((st, key) => update(st, { type: 'key', key }).state, s);
    expect(pulling.view).toBe('pull');
    expect(paintScreen(drawScreen(pulling, Date.now()), dashTheme(true))).toBeUndefined();
  });

  for (const [cols, rows] of [
    [80, 24],
    [160, 40],
  ] as const) {
    for (const color of [true, false]) {
      it(`is the text Ink draws at ${cols}x${rows}${color ? '' : ' without colour'}`, async () => {
        const busy = { ...snapshot, containers: [...snapshot.containers, container('with-unit', { unit: { name: 'u.service', state: 'active' } })] };
        const state = initialState(busy, { cols, rows });
        const painted = paintScreen(drawScreen(state, Date.now()), dashTheme(color))!;
        expect(painted.split('\n')).toHaveLength(rows - 1);
        const ink = await inkFrame(state, color);
        expect(trimmed(strip(painted))).toEqual(trimmed(strip(ink)));
        if (!color) expect(painted).not.toMatch(/\x1b\[(\d+;)*(3\d|9\d)(;\d+)*m/);
      });
    }
  }
});
