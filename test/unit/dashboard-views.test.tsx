// The dashboard as the terminal shows it, through ink-testing-library, at 80x24 and at
// a wide 160x40: every view, driven by the keys that reach it.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

import type { Action, Effect } from '../../src/cli/ui/dashboard/model.js';
import { initialState } from '../../src/cli/ui/dashboard/model.js';
import { dashTheme } from '../../src/cli/ui/dashboard/theme.js';
import { themeFor } from '../../src/cli/ui/theme.js';
import { snapshot } from './dashboard-fixtures.js';

vi.stubEnv('FORCE_COLOR', '1');
const { cleanup, render } = await import('ink-testing-library');
const { Dashboard } = await import('../../src/cli/ui/dashboard/components/dashboard.js');

afterEach(cleanup);
afterAll(() => vi.unstubAllEnvs());

const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
const tick = () => new Promise((r) => setTimeout(r, 60));

function mount(cols: number, rows: number, color = false) {
  const effects: Effect[] = [];
  const io = {
    snapshot: () => snapshot,
    perform(effect: Effect, dispatch: (a: Action) => void) {
      effects.push(effect);
      if (effect.kind === 'inspect') dispatch({ type: 'inspect', title: 'Inspect container db', value: { Id: 'abc', State: { Status: 'running' } } });
      if (effect.kind === 'follow-logs') {
        dispatch({ type: 'log-lines', entries: ['hello world', 'second line', 'x'.repeat(200)].map((text) => ({ source: 'db', time: '2026-01-01T00:00:00.000000000Z', stream: 'stdout' as const, text })) });
      }
    },
  };
  const element = <Dashboard io={io} initial={initialState(snapshot, { cols, rows })} theme={dashTheme(color)} pullTheme={themeFor(color)} refreshMs={60_000} />;
  // ink-testing-library's terminal is 100 columns wide: give it the width of the test.
  const ui = render(<></>);
  Object.defineProperty(ui.stdout, 'columns', { value: cols });
  Object.defineProperty(ui.stdout, 'rows', { value: rows });
  ui.rerender(element);
  const raw = () => ui.lastFrame() ?? '';
  const frame = () => strip(raw());
  const type = async (...keys: string[]) => {
    for (const k of keys) {
      ui.stdin.write(k);
      await tick();
    }
  };
  return { ui, frame, raw, type, effects };
}

for (const [cols, rows] of [
  [80, 24],
  [160, 40],
] as const) {
  describe(`dashboard at ${cols}x${rows}`, () => {
    it('draws the container list one line shorter than the terminal, no line reaching the last column', async () => {
      const { frame } = mount(cols, rows);
      await tick();
      const lines = frame().split('\n');
      expect(lines).toHaveLength(rows - 1);
      expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(cols);
      expect(lines[0]).toMatch(/^boxctl Containers \[all\] 4\/4, 2 running +sort name asc/);
      expect(lines[0]).toMatch(/\? help$/);
      expect(lines[1]).toMatch(/^ {2}(CONTAINER ID +)?NAME +IMAGE +STATUS +HEALTH +CPU% +MEM +PO/);
      expect(lines[2]).toMatch(/^> .*db .*Up 2 hours .* 3\.0 +200 MB/);
      expect(frame()).toMatch(/web .*Up 3 minutes +healthy +12\.5 +50\.0 MB/);
      expect(lines.at(-3)).toMatch(/^db +userns 0:1001:1,1:100000:65536 +net private/);
      expect(lines.at(-2)).toMatch(/^survives logout: no, stops at logout \(linger off; no systemd unit\)/);
      if (cols >= 120) expect(lines[2]).toMatch(/db0000000000/);
    });

    it('filters with /, toggles running with a, and sorts', async () => {
      const { frame, type } = mount(cols, rows);
      await type('/', 'w', 'e');
      expect(frame()).toMatch(/filter 'we'/);
      expect(frame().split('\n').at(-1)).toBe('/we_');
      expect(frame()).not.toMatch(/ db /);
      await type('\r', 'a');
      expect(frame()).toMatch(/Containers \[running\] 1\/4/);
      await type('\x1b');
      await type('C');
      expect(frame()).toMatch(/sort cpu desc/);
      expect(frame().split('\n')[2]).toMatch(/^> (\w+ +)?web/);
    });

    it('asks before stopping, and sends the action on y', async () => {
      const { frame, type, effects } = mount(cols, rows);
      await type('x');
      expect(frame().split('\n').at(-1)).toBe('Stop container db? [y/N]');
      await type('y');
      expect(effects).toEqual([{ kind: 'container', action: 'stop', id: snapshot.containers[1]!.id, name: 'db' }]);
    });

    it('shows the log pane, wraps long lines, and marks search matches', async () => {
      const { frame, raw, type } = mount(cols, rows, true);
      await type('\r');
      expect(frame()).toMatch(/Logs db/);
      expect(frame()).toMatch(/hello world/);
      const long = frame().split('\n').filter((l) => l.includes('xxxx'));
      expect(long.length).toBeGreaterThan(1);
      await type('w');
      expect(frame().split('\n').filter((l) => l.includes('xxxx'))).toHaveLength(1);
      await type('/', 'w', 'o', 'r', '\r');
      expect(frame()).toMatch(/search 'wor': 1 lines/);
      expect(raw()).toMatch(/\x1b\[7m[^\n]*wor/);
      await type('t');
      expect(frame()).toMatch(/2026-01-01T00:00:00\.000000000Z/);
    });

    it('shows help, images, volumes, stats and inspect', async () => {
      const { frame, type } = mount(cols, rows);
      await type('?');
      expect(frame()).toMatch(/Everywhere/);
      expect(frame()).toMatch(/filter as you type/);
      await type('?', '\t');
      expect(frame()).toMatch(/REPOSITORY +TAG +IMAGE ID/);
      expect(frame()).toMatch(/aaaaaaaaaaaa/);
      expect(frame(), frame()).toMatch(/web, db/);
      await type('\t');
      expect(frame()).toMatch(/data .*local/);
      expect(frame()).toMatch(/f00d \(anonymous\)/);
      await type('\t', 't');
      expect(frame()).toMatch(/Stats db/);
      expect(frame()).toMatch(/CPU +3\.0%/);
      await type('\x1b', 'i');
      expect(frame()).toMatch(/Inspect container db/);
      expect(frame()).toMatch(/"Status": "running"/);
    });

    it('draws no colour without it, but still shows the selection', async () => {
      const { raw } = mount(cols, rows, false);
      await tick();
      expect(raw()).not.toMatch(/\x1b\[3\dm/);
      expect(raw()).toMatch(/\x1b\[7m> /);
    });
  });
}
