// The dashboard as the terminal shows it, through ink-testing-library, at 80x24 and at
// a wide 160x40: every view, driven by the keys that reach it.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

import type { Action, Effect } from '../../src/cli/ui/dashboard/model.js';
import { initialState } from '../../src/cli/ui/dashboard/model.js';
import type { Snapshot } from '../../src/cli/ui/dashboard/snapshot.js';
import { dashTheme } from '../../src/cli/ui/dashboard/theme.js';
import { themeFor } from '../../src/cli/ui/theme.js';
import { container, snapshot } from './dashboard-fixtures.js';

vi.stubEnv('FORCE_COLOR', '1');
const { cleanup, render } = await import('ink-testing-library');
const { Dashboard } = await import('../../src/cli/ui/dashboard/components/dashboard.js');

afterEach(cleanup);
afterAll(() => vi.unstubAllEnvs());

const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
// Ink handles a key and draws the frame before stdin.write returns; the tick gives the
// effects and refreshes that follow a turn of the event loop.
const tick = () => new Promise((r) => setTimeout(r, 15));
// Ink holds a lone Esc until its next turn (it may begin a sequence): that turn comes
// before the next key, even on a loaded machine where the tick's timer fires late.
const settle = async () => {
  await tick();
  await new Promise((r) => setImmediate(r));
};
const ESC = '\x1b';
const ENTER = '\r';
const KEYS = { up: '\x1b[A', down: '\x1b[B', pageUp: '\x1b[5~', pageDown: '\x1b[6~', home: '\x1b[H', end: '\x1b[F', tab: '\t', ctrlC: '\x03', backspace: '\x7f' };
const logLine = (source: string, text: string, stream: 'stdout' | 'stderr' = 'stdout') => ({ source, time: '2026-01-01T00:00:00.000000000Z', stream, text });

interface MountOptions {
  color?: boolean;
  /** What the io reads on each refresh (the fixture by default). */
  reads?: () => Snapshot;
  /** The state's first snapshot, when not the same as reads(). */
  first?: Snapshot;
  refreshMs?: number;
}

function mount(cols: number, rows: number, opts: MountOptions = {}) {
  const effects: Effect[] = [];
  const reads = opts.reads ?? (() => snapshot);
  let dispatch: (a: Action) => void = () => undefined;
  const io = {
    snapshot: reads,
    perform(effect: Effect, d: (a: Action) => void) {
      effects.push(effect);
      dispatch = d;
      if (effect.kind === 'inspect') dispatch({ type: 'inspect', title: 'Inspect container db', value: { Id: 'abc', State: { Status: 'running' }, Config: { Env: Array.from({ length: 60 }, (_, i) => `V${i}=${i}`) } } });
      if (effect.kind === 'follow-logs') {
        const source = effect.target.kind === 'one' ? effect.target.name : 'db';
        dispatch({ type: 'log-lines', entries: ['hello world', 'second line', 'x'.repeat(200)].map((text) => logLine(source, text)) });
        if (effect.target.kind === 'all') dispatch({ type: 'log-lines', entries: [logLine('web', 'GET / 200')] });
      }
    },
  };
  const element = <Dashboard io={io} initial={initialState(opts.first ?? reads(), { cols, rows })} theme={dashTheme(opts.color ?? false)} pullTheme={themeFor(opts.color ?? false)} refreshMs={opts.refreshMs ?? 60_000} />;
  // ink-testing-library's terminal is 100 columns wide: give it the size of the test.
  const ui = render(<></>);
  const size = (c: number, r: number) => {
    Object.defineProperty(ui.stdout, 'columns', { value: c, configurable: true });
    Object.defineProperty(ui.stdout, 'rows', { value: r, configurable: true });
  };
  size(cols, rows);
  ui.rerender(element);
  const raw = () => ui.lastFrame() ?? '';
  const frame = () => strip(raw());
  const lines = () => frame().split('\n');
  const type = async (...keys: string[]) => {
    for (const k of keys) {
      ui.stdin.write(k);
      await settle();
    }
  };
  const resize = async (c: number, r: number) => {
    size(c, r);
    ui.stdout.emit('resize');
    await tick();
  };
  return { ui, frame, lines, raw, type, effects, resize, dispatch: (a: Action) => dispatch(a) };
}

/** Sixty running containers: more than a screen of rows, even a tall one. */
const crowd: Snapshot = { ...snapshot, containers: Array.from({ length: 60 }, (_, i) => container(`c${String(i).padStart(2, '0')}`)) };

for (const [cols, rows] of [
  [80, 24],
  [160, 40],
] as const) {
  // Many keys, each given its own turn of the event loop: more than vitest's default 5 s.
  describe(`dashboard at ${cols}x${rows}`, { timeout: 30_000 }, () => {
    it('draws the container list one line shorter than the terminal, no line reaching the last column', async () => {
      const { lines } = mount(cols, rows);
      await tick();
      expect(lines()).toHaveLength(rows - 1);
      expect(Math.max(...lines().map((l) => l.length))).toBeLessThan(cols);
      const [title, header, first] = lines();
      expect(title).toMatch(/^boxctl Containers \[all\] 4\/4, 2 running +sort name asc/);
      expect(title).toMatch(/\? help$/);
      expect(header).toMatch(cols < 100 ? /^ {2}NAME +IMAGE +STATUS +CPU% +MEM +PORTS$/ : /^ {2}(CONTAINER ID +)?NAME +IMAGE +STATUS +HEALTH +CPU% +MEM +PORTS$/);
      expect(first).toMatch(/^> .*db .*Up 2 hours .* 3\.0 +200 MB/);
      expect(lines().join('\n')).toMatch(cols < 100 ? /web .*Up 3 minutes \(healthy\) +12\.5 +50\.0 MB/ : /web .*Up 3 minutes +healthy +12\.5 +50\.0 MB/);
      expect(lines().join('\n')).toMatch(/job .*Exited \(1\) 5 seconds ago/);
      expect(lines().at(-3)).toMatch(/^db +userns 0:1001:1,1:100000:65536 +net private/);
      expect(lines().at(-2)).toMatch(/^survives logout: no, stops at logout \(linger off; no systemd unit\)/);
      expect(lines().at(-1)).toBe('Enter logs  s/x/r/p start/stop/restart/pause  D rm  i inspect  e sh  / filter');
      if (cols >= 120) expect(first).toMatch(/db0000000000/);
      else expect(first).not.toMatch(/db0000000000/);
    });

    it('names the systemd unit of a container and what systemd says of it, and whether it survives logout', async () => {
      const withUnit: Snapshot = {
        ...snapshot,
        containers: [container('db', { unit: { name: 'db.service', state: 'unknown' } })],
        host: { user: 'boxtest', linger: true },
      };
      const { lines } = mount(cols, rows, { reads: () => withUnit });
      await tick();
      expect(lines().at(-2)).toBe('survives logout: yes (linger on; unit db.service unknown)');
    });

    it('moves with j k, arrows, PgUp PgDn, g G Home End, keeping the selected row in sight', async () => {
      const { lines, type, frame } = mount(cols, rows, { reads: () => crowd });
      const selected = () => lines().find((l) => l.startsWith('> '));
      await tick();
      expect(selected()).toMatch(/^> (\w+ +)?c00 /);
      await type('j', KEYS.down);
      expect(selected()).toMatch(/^> (\w+ +)?c02 /);
      await type('k', KEYS.up);
      expect(selected()).toMatch(/^> (\w+ +)?c00 /);
      await type('G');
      expect(selected()).toMatch(/^> (\w+ +)?c59 /);
      expect(frame()).not.toMatch(/ c00 /);
      await type('g');
      expect(selected()).toMatch(/^> (\w+ +)?c00 /);
      await type(KEYS.end);
      expect(selected()).toMatch(/^> (\w+ +)?c59 /);
      await type(KEYS.home, KEYS.pageDown);
      const page = rows - 6;
      expect(selected()).toMatch(new RegExp(`^> (\\w+ +)?c${String(page).padStart(2, '0')} `));
      await type(KEYS.pageUp);
      expect(selected()).toMatch(/^> (\w+ +)?c00 /);
      expect(lines()).toHaveLength(rows - 1);
    });

    it('filters with /, toggles running with a, and sorts by each column', async () => {
      const { frame, lines, type } = mount(cols, rows);
      await type('/', 'w', 'e');
      expect(frame()).toMatch(/filter 'we'/);
      expect(lines().at(-1)).toBe('/we_');
      expect(frame()).not.toMatch(/ db /);
      await type(KEYS.backspace, KEYS.backspace, 'j');
      expect(frame()).toMatch(/ job /);
      expect(frame()).not.toMatch(/ web /);
      await type(ESC);
      expect(frame()).toMatch(/4\/4/);
      await type('/', 'w', 'e', ENTER, 'a');
      expect(frame()).toMatch(/Containers \[running\] 1\/4/);
      await type(ESC, 'a');
      expect(frame()).toMatch(/Containers \[all\] 4\/4/);
      const order = () => lines().slice(2, 6).map((l) => /(db|job|made|web)/.exec(l)?.[1]);
      await type('C');
      expect(frame()).toMatch(/sort cpu desc/);
      expect(order()).toEqual(['web', 'db', 'made', 'job']);
      await type('C');
      expect(frame()).toMatch(/sort cpu asc/);
      await type('M');
      expect(frame()).toMatch(/sort mem desc/);
      expect(order()[0]).toBe('db');
      await type('U');
      expect(frame()).toMatch(/sort status asc/);
      expect(order()).toEqual(['db', 'web', 'made', 'job']);
      await type('I');
      expect(frame()).toMatch(/sort image asc/);
      await type('N', 'N');
      expect(frame()).toMatch(/sort name desc/);
      expect(order()).toEqual(['web', 'made', 'job', 'db']);
    });

    it('asks before stop, restart, remove and prune, and sends the action on y only', async () => {
      const { lines, type, effects } = mount(cols, rows);
      const db = snapshot.containers[1]!.id;
      await type('x');
      expect(lines().at(-1)).toBe('Stop container db? [y/N]');
      await type('y');
      expect(effects).toEqual([{ kind: 'container', action: 'stop', id: db, name: 'db' }]);
      await type('r');
      expect(lines().at(-1)).toBe('Restart container db? [y/N]');
      await type('n');
      expect(lines().at(-1)).toBe('cancelled');
      await type('D');
      expect(lines().at(-1)).toBe('Remove container db (it is running: it will be killed)? [y/N]');
      await type('y', 'r', 'Y');
      expect(effects.slice(1)).toEqual([
        { kind: 'container', action: 'remove', id: db, name: 'db' },
        { kind: 'container', action: 'restart', id: db, name: 'db' },
      ]);
      await type('P');
      expect(lines().at(-1)).toBe('Remove all stopped containers? [y/N]');
      await type('y');
      expect(effects.at(-1)).toEqual({ kind: 'prune', what: 'containers' });
    });

    it('starts, pauses, opens a shell and inspects without asking, and says why it cannot', async () => {
      const paused: Snapshot = { ...snapshot, containers: snapshot.containers.map((c) => (c.name === 'web' ? { ...c, status: 'paused' as const, statusText: 'Paused' } : c)) };
      const { lines, type, effects, frame } = mount(cols, rows, { reads: () => paused });
      const [web, db, job] = [paused.containers[0]!.id, paused.containers[1]!.id, paused.containers[2]!.id];
      await type('s');
      expect(lines().at(-1)).toBe('db is already running');
      await type('p', 'e');
      expect(effects).toEqual([
        { kind: 'container', action: 'pause', id: db, name: 'db' },
        { kind: 'exec', id: db, name: 'db' },
      ]);
      await type('G', 'p');
      expect(frame()).toMatch(/> .*web .*Paused/);
      expect(effects.at(-1)).toEqual({ kind: 'container', action: 'unpause', id: web, name: 'web' });
      await type('e');
      expect(lines().at(-1)).toBe('web is paused: a shell needs it running');
      await type('g', 'j', 's');
      expect(lines().at(-1)).toBe('starting job...');
      expect(effects.at(-1)).toEqual({ kind: 'container', action: 'start', id: job, name: 'job' });
      await type('x');
      expect(lines().at(-1)).toBe('job is not running');
      await type('p');
      expect(lines().at(-1)).toBe('job is not running: only a running container can be paused');
      await type('i');
      expect(effects.at(-1)).toEqual({ kind: 'inspect', what: 'containers', key: job });
    });

    it('follows a log: wraps long lines or cuts them, scrolls back, searches with marks, shows timestamps', async () => {
      const { frame, lines, raw, type, effects, dispatch } = mount(cols, rows, { color: true });
      await type(ENTER);
      expect(effects).toEqual([{ kind: 'follow-logs', target: { kind: 'one', id: snapshot.containers[1]!.id, name: 'db' } }]);
      expect(lines()[1]).toMatch(/^Logs db +\(following\) +time off +wrap on/);
      expect(frame()).toMatch(/^hello world$/m);
      expect(lines().filter((l) => l.includes('xxxx')).length).toBeGreaterThan(1);
      await type('w');
      expect(lines()[1]).toMatch(/wrap off/);
      expect(lines().filter((l) => l.includes('xxxx'))).toHaveLength(1);
      // Lines keep coming; scrolled back, the view stays where it is; G follows again.
      dispatch({ type: 'log-lines', entries: Array.from({ length: 60 }, (_, i) => logLine('db', `line ${i}`)) });
      await tick();
      expect(frame()).toMatch(/^line 59$/m);
      await type('k', KEYS.pageUp);
      expect(lines()[1]).toMatch(/Logs db +\(line \d+ of 63\)/);
      expect(frame()).not.toMatch(/^line 59$/m);
      dispatch({ type: 'log-lines', entries: [logLine('db', 'line 60')] });
      await tick();
      expect(frame()).not.toMatch(/^line 60$/m);
      await type('g');
      expect(lines()[1]).toMatch(/\(line 1 of 64\)/);
      expect(frame()).toMatch(/^hello world$/m);
      await type('G');
      expect(lines()[1]).toMatch(/\(following\)/);
      expect(frame()).toMatch(/^line 60$/m);
      // A search marks its matches and jumps between them.
      await type('/', 'l', 'i', 'n', 'e', ' ', '1');
      expect(lines().at(-1)).toBe('/line 1_');
      expect(frame()).toMatch(/search 'line 1': 11 matches/);
      await type(ENTER);
      // From the end backwards: the last match first, then the one before, and back.
      expect(lines()[1]).toMatch(/\(line \d+ of 64\) .* search 'line 1': 11 of 11$/);
      expect(raw()).toMatch(/\x1b\[7m[^\n]*line 1/);
      await type('N');
      expect(lines()[1]).toMatch(/: 10 of 11$/);
      await type('n', 'n');
      expect(lines()[1]).toMatch(/: 1 of 11$/);
      expect(frame()).toMatch(/^line 1$/m);
      await type('/', 'n', 'o', 'p', 'e', ENTER);
      expect(lines().at(-1)).toBe("no line matches 'nope'");
      await type('/', ESC);
      expect(frame()).not.toMatch(/search '/);
      await type('n');
      expect(lines().at(-1)).toBe("no search yet: '/' starts one");
      await type('t');
      expect(lines()[1]).toMatch(/time on/);
      expect(frame()).toMatch(/2026-01-01T00:00:00\.000000000Z /);
      await type(ESC);
      expect(effects.at(-1)).toEqual({ kind: 'stop-logs' });
      expect(lines()[1]).toMatch(/NAME +IMAGE/);
    });

    it('merges the logs of all running containers under their names with L and :logs all', async () => {
      const { frame, type, effects } = mount(cols, rows);
      await type('L');
      expect(effects).toEqual([{ kind: 'follow-logs', target: { kind: 'all' } }]);
      expect(frame()).toMatch(/Logs all running containers/);
      expect(frame()).toMatch(/^db +\| hello world$/m);
      expect(frame()).toMatch(/^web +\| GET \/ 200$/m);
      await type(ESC, ':', 'l', 'o', 'g', 's', ' ', 'w', 'e', 'b', ENTER);
      expect(effects.at(-1)).toEqual({ kind: 'follow-logs', target: { kind: 'one', id: snapshot.containers[0]!.id, name: 'web' } });
      expect(frame()).toMatch(/Logs web/);
      await type(':', 'a', 'l', 'l', ENTER);
      expect(effects.slice(-2)).toEqual([{ kind: 'stop-logs' }, { kind: 'follow-logs', target: { kind: 'all' } }]);
    });

    it('shows help that fits, and goes back with ? or Esc', async () => {
      const { frame, lines, type } = mount(cols, rows);
      await type(KEYS.tab, '?');
      expect(frame()).toMatch(/^Everywhere$/m);
      expect(frame()).toMatch(/filter as you type/);
      // Every line of the help is on the screen, the last one included.
      expect(frame()).toMatch(/t w Esc +logs: timestamps, wrapping; back to the list/);
      expect(Math.max(...lines().map((l) => l.length))).toBeLessThan(cols);
      await type('?');
      expect(frame()).toMatch(/REPOSITORY/);
      await type('?', ESC);
      expect(frame()).toMatch(/REPOSITORY/);
    });

    it('lists images and acts on them: inspect, remove (asked), pull prompt, prune', async () => {
      const { frame, lines, type, effects } = mount(cols, rows);
      await type(KEYS.tab);
      expect(lines()[0]).toMatch(/^boxctl Images \(2\)/);
      expect(lines()[1]).toMatch(/^ {2}REPOSITORY +TAG +IMAGE ID +CREATED +SIZE +USED BY/);
      expect(frame()).toMatch(/> .*busybox +latest +aaaaaaaaaaaa .* 4\.40 MB +web, db/);
      expect(frame()).toMatch(/<none> +<none> +bbbbbbbbbbbb/);
      await type('i');
      expect(effects.at(-1)).toEqual({ kind: 'inspect', what: 'images', key: snapshot.images[0]!.id });
      await type(ESC, 'D');
      // A long question is cut, but never its answer keys.
      expect(lines().at(-1)).toMatch(cols < 100 ? /^Remove image 127\.0\.0\.1:5000\/boxctl\/busybox:latest \(used by web, db: .*~ \[y\/N\]$/ : /^Remove image 127\.0\.0\.1:5000\/boxctl\/busybox:latest \(used by web, db: it will fail\)\? \[y\/N\]$/);
      expect(lines().at(-1)!.length).toBeLessThan(cols);
      await type('n', 'j', 'D', 'y');
      expect(effects.at(-1)).toEqual({ kind: 'remove-image', id: snapshot.images[1]!.id, name: 'bbbbbbbbbbbb' });
      await type('p');
      expect(lines().at(-1)).toBe(':pull _');
      await type(ESC, 'P', 'y');
      expect(effects.at(-1)).toEqual({ kind: 'prune', what: 'images' });
      await type('/', 'n', 'o', 'n', 'e');
      expect(frame()).not.toMatch(/busybox/);
    });

    it('lists volumes and acts on them: inspect, remove (asked), prune', async () => {
      const { frame, lines, type, effects } = mount(cols, rows);
      await type(':', 'v', 'o', 'l', 'u', 'm', 'e', 's', ENTER);
      expect(lines()[0]).toMatch(/^boxctl Volumes \(2\)/);
      expect(lines()[1]).toMatch(/^ {2}NAME +DRIVER +CREATED +USED BY/);
      expect(frame()).toMatch(/> data +local .* db/);
      expect(frame()).toMatch(/f00d \(anonymous\)/);
      if (cols >= 140) expect(frame()).toMatch(/MOUNTPOINT/);
      await type('i');
      expect(effects.at(-1)).toEqual({ kind: 'inspect', what: 'volumes', key: 'data' });
      await type(ESC, 'j', 'D');
      expect(lines().at(-1)).toBe('Remove volume f00d? [y/N]');
      await type('y', 'P');
      expect(lines().at(-1)).toBe('Remove all volumes no container uses? [y/N]');
      await type('y');
      expect(effects.slice(-2)).toEqual([
        { kind: 'remove-volume', name: 'f00d' },
        { kind: 'prune', what: 'volumes' },
      ]);
      await type(KEYS.tab);
      expect(lines()[0]).toMatch(/^boxctl Containers/);
    });

    it('reads everything at once after a first frame from a quick read, saying what is still being read', async () => {
      const quick: Snapshot = { ...snapshot, images: [], volumes: [], complete: false };
      const { lines } = mount(cols, rows, { first: { ...quick, images: [], volumes: [] }, reads: () => quick });
      await tick();
      expect(lines()[2]).toMatch(/^> (\w+ +)?db /);
      let reads = 0;
      const full = mount(cols, rows, { first: quick, reads: () => (reads++, snapshot) });
      await full.type(KEYS.tab);
      // The full read came at once, not at the refresh a minute later.
      expect(reads).toBe(1);
      expect(full.frame()).toMatch(/busybox/);
      cleanup();
      const waiting = mount(cols, rows, { first: quick, reads: () => quick });
      await waiting.type(KEYS.tab);
      expect(waiting.lines()[2]).toBe('  reading...');
      await waiting.type(KEYS.tab);
      expect(waiting.lines()[2]).toBe('  reading...');
    });

    it('draws CPU and memory sparklines from the refreshes', async () => {
      let n = 0;
      const { lines, type } = mount(cols, rows, {
        refreshMs: 20,
        reads: () => {
          n += 1;
          const containers = snapshot.containers.map((c) => (c.name === 'db' ? { ...c, cpuPercent: (n % 4) * 25, memBytes: 100_000_000 + n * 1_000_000 } : c));
          return { ...snapshot, containers };
        },
      });
      await type('t');
      expect(lines()[1]).toMatch(/^Stats db +Up 2 hours/);
      const cpu = () => lines().findIndex((l) => l.startsWith('CPU'));
      const mem = () => lines().findIndex((l) => l.startsWith('MEM'));
      for (let i = 0; i < 300 && (lines()[cpu() + 1]?.trim().length ?? 0) < 9; i++) await tick();
      expect(lines()[cpu()]).toMatch(/^CPU +\d+\.0% +peak 75\.0% +scale 0-100%/);
      // 0, 25, 50 and 75 % of the scale, over and over.
      expect(lines()[cpu() + 1]).toMatch(/^ {2}[▁▃▅▆]{9,}$/);
      expect(lines()[cpu() + 1]).toMatch(/▁▃▅▆/);
      expect(lines()[mem()]).toMatch(/^MEM +1\d\d MB +limit 1\.00 GB +scale 0-1\d\d MB/);
      // Growing: the newest is the highest.
      expect(lines()[mem() + 1]).toMatch(/^ {2}[▁▂▃▄▅▆▇█]+█$/);
      await type(ESC);
      expect(lines()[1]).toMatch(/NAME +IMAGE/);
    });

    it('shows inspect output as scrollable JSON', async () => {
      const { frame, lines, type } = mount(cols, rows);
      await type('i');
      expect(lines()[1]).toMatch(/^Inspect container db +lines 1-\d+ of 70/);
      expect(frame()).toMatch(/^ {2}"Id": "abc",$/m);
      await type('j', KEYS.down);
      expect(lines()[1]).toMatch(/lines 3-/);
      await type(KEYS.pageDown);
      expect(frame()).not.toMatch(/"Id"/);
      await type('G');
      expect(lines()[1]).toMatch(/lines \d+-70 of 70/);
      expect(frame()).toMatch(/^}$/m);
      await type('k', 'g');
      expect(lines()[1]).toMatch(/lines 1-/);
      await type(' ');
      expect(lines()[1]).not.toMatch(/lines 1-/);
      await type(KEYS.pageUp, ESC);
      expect(frame()).toMatch(/NAME +IMAGE/);
    });

    it('pulls an image from the command line, a line per layer with its progress', async () => {
      const { frame, lines, type, effects, dispatch } = mount(cols, rows);
      await type(...':pull 127.0.0.1:5000/boxctl/layers', ENTER);
      expect(effects.at(-1)).toEqual({ kind: 'pull', reference: '127.0.0.1:5000/boxctl/layers' });
      expect(lines()[1]).toBe('Pull 127.0.0.1:5000/boxctl/layers');
      const at = Date.now();
      const layer = (n: number) => `sha256:${String(n).repeat(64)}`;
      dispatch({ type: 'pull-event', at, event: { kind: 'trying', reference: '127.0.0.1:5000/boxctl/layers:latest' } });
      dispatch({ type: 'pull-event', at, event: { kind: 'layer', digest: layer(1), size: 1000, state: 'present' } });
      dispatch({ type: 'pull-event', at, event: { kind: 'layer', digest: layer(2), size: 4_000_000, state: 'downloading', received: 1_000_000 } });
      dispatch({ type: 'pull-event', at, event: { kind: 'layer', digest: layer(3), size: 2_000_000, state: 'downloading', received: 0 } });
      await tick();
      expect(frame()).toMatch(/Trying to pull 127\.0\.0\.1:5000\/boxctl\/layers:latest\.\.\./);
      expect(frame()).toMatch(/^111111111111 Already exists$/m);
      expect(frame()).toMatch(/^222222222222 Downloading +\[=+>-+\] 1\.00 MB \/ 4\.00 MB/m);
      expect(frame()).toMatch(/^333333333333 Downloading +\[-+\] +0 B \/ 2\.00 MB/m);
      dispatch({ type: 'pull-event', at, event: { kind: 'layer', digest: layer(2), size: 4_000_000, state: 'done' } });
      dispatch({ type: 'pull-event', at, event: { kind: 'layer', digest: layer(3), size: 2_000_000, state: 'done' } });
      dispatch({ type: 'pull-done', footer: 'Pulled 127.0.0.1:5000/boxctl/layers (abcdefabcdef)' });
      await tick();
      expect(frame()).toMatch(/^222222222222 Done +\[=+\] 4\.00 MB$/m);
      expect(frame()).toMatch(/^Pulled 127\.0\.0\.1:5000\/boxctl\/layers \(abcdefabcdef\)$/m);
      expect(Math.max(...lines().map((l) => l.length))).toBeLessThan(cols);
      await type(ESC);
      expect(lines()[0]).toMatch(/^boxctl Containers/);
    });

    it('takes the commands of the command line, and says which it does not know', async () => {
      const { frame, lines, type, effects } = mount(cols, rows);
      const command = (text: string) => type(':', ...text, ENTER);
      await command('img');
      expect(lines()[0]).toMatch(/Images/);
      await command('ctr');
      expect(lines()[0]).toMatch(/Containers/);
      await command('stats');
      expect(frame()).toMatch(/^Stats db/m);
      await command('help');
      expect(frame()).toMatch(/^Everywhere$/m);
      await command('containers');
      await command('prune');
      expect(lines().at(-1)).toBe('Remove all stopped containers? [y/N]');
      await type('n');
      await command('pull');
      expect(lines().at(-1)).toBe("pull takes one image: ':pull IMAGE'");
      await command('logs nothing');
      expect(lines().at(-1)).toBe("no container named 'nothing'");
      await command('bogus');
      expect(lines().at(-1)).toBe("unknown command 'bogus': '?' lists the commands");
      await type(':', 'x', KEYS.backspace, 'q', ENTER);
      expect(effects.at(-1)).toEqual({ kind: 'quit' });
    });

    it('quits on q, and on ^C from a prompt too', async () => {
      const { type, effects } = mount(cols, rows);
      await type('q');
      expect(effects).toEqual([{ kind: 'quit' }]);
      await type('/', 'a', KEYS.ctrlC);
      expect(effects).toEqual([{ kind: 'quit' }, { kind: 'quit' }]);
    });

    it('draws no colour without it, but still shows the selection', async () => {
      const { raw } = mount(cols, rows, { color: false });
      await tick();
      expect(raw()).not.toMatch(/\x1b\[(3\d|4\d|9\d|10\d)(;\d+)*m/);
      expect(raw()).toMatch(/\x1b\[7m> /);
    });

    it('draws with colour when it has it', async () => {
      const { raw } = mount(cols, rows, { color: true });
      await tick();
      expect(raw()).toMatch(/\x1b\[32mUp 3 minutes/);
      expect(raw()).toMatch(/\x1b\[7m> /);
    });
  });
}

describe('dashboard on a terminal that changes size', () => {
  it('redraws at the new size, the wide columns coming and going', async () => {
    const { lines, resize } = mount(80, 24);
    await tick();
    expect(lines()).toHaveLength(23);
    expect(lines()[1]).not.toMatch(/CONTAINER ID/);
    await resize(150, 30);
    expect(lines()).toHaveLength(29);
    expect(lines()[1]).toMatch(/CONTAINER ID/);
    expect(Math.max(...lines().map((l) => l.length))).toBeLessThan(150);
    await resize(80, 24);
    expect(lines()).toHaveLength(23);
    expect(Math.max(...lines().map((l) => l.length))).toBeLessThan(80);
  });
});
