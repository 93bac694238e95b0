// boxctl ui on a real terminal, the watching half: tmux runs it as the test user beside
// running containers (one printing a line a second), send-keys drives it and
// capture-pane reads the screen. The containers list at 80x24 (sort, filter, running or
// all, the rootless facts and the systemd unit, containers that another terminal starts,
// stops and removes), resizing, help, the command line, the log pane (live, scrolled
// back, searched, with timestamps, wrapped or cut), the merged log with a container that
// starts after it opened, the stats sparklines, NO_COLOR, and the terminal given back
// on q and on ^C. ui-actions.test.ts has the other half: actions, inspect, exec, pull.
import { beforeAll, describe, expect, it } from 'vitest';

import { host } from './harness.js';
import { expectGivenBack, uiSuite } from './ui-terminal.js';

const IMAGE = `${host.registry}/boxctl/busybox`;
const { bx, terminal } = uiSuite();
const LONG = 'x'.repeat(150);

async function run(...args: string[]): Promise<void> {
  const r = await bx(['run', '-d', ...args]);
  expect(r.code, r.stderr).toBe(0);
}

const rowOf = (screen: string, name: string) => screen.split('\n').findIndex((l) => new RegExp(`^[> ] ${name} `).test(l));
const widest = (screen: string) => Math.max(...screen.split('\n').map((l) => l.length));

beforeAll(async () => {
  const pulled = await bx(['pull', '-q', IMAGE]);
  expect(pulled.code, pulled.stderr).toBe(0);
  await run('--name', 'ticker', IMAGE, 'sh', '-c', `echo ${LONG}; i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done`);
  await run('--name', 'sleeper', '--label', 'io.boxctl.systemd.unit=sleeper.service', '-v', 'data:/data', IMAGE, 'sleep', '1000');
  await run('--name', 'done', IMAGE, 'true');
}, 120_000);

describe('boxctl ui on a terminal', () => {
  it('lists containers at 80x24, sorts, filters, shows running or all, sees another terminal, resizes, takes commands and gives the terminal back on q', async () => {
    const t = terminal('list');
    t.start({ cols: 80, rows: 24 });

    // Sorted by name: the exited one first; every line short of the last column.
    let text = await t.until(/^> done .*Exited \(0\)/m);
    expect(text).toMatch(/^ {2}sleeper .*Up /m);
    expect(text).toMatch(/^ {2}ticker .*Up /m);
    expect(text).toMatch(/^ {2}NAME +IMAGE +STATUS +CPU% +MEM +PORTS$/m);
    expect(text).toMatch(/^boxctl Containers \[all\] 3\/3, 2 running/m);
    expect(widest(text)).toBeLessThan(80);
    expect(t.escapes()).toMatch(/\x1b\[[0-9;]*32m/);

    // The rootless facts of the selected one: its user namespace mapping, the network,
    // and the unit its label names, whose state no user manager can tell here.
    text = await t.press('j', /^> sleeper /m);
    expect(text).toMatch(/^sleeper +userns 0:\d+:1,1:\d+:\d+ +net \w+/m);
    expect(text).toMatch(/^survives logout: (yes|no, stops at logout) \(linger (on|off); unit sleeper\.service unknown\)$/m);
    // Figures come with the refreshes: memory at once, CPU from the second sample.
    text = await t.until(/^> sleeper .*Up .* \d+\.\d +[\d.]+ [kM]?B /m);

    // Sort by status (running first, the exited last), by CPU, and by name again.
    text = await t.press('U', /sort status asc/);
    expect(rowOf(text, 'done')).toBeGreaterThan(rowOf(text, 'ticker'));
    expect(rowOf(text, 'done')).toBeGreaterThan(rowOf(text, 'sleeper'));
    text = await t.press('U', /sort status desc/);
    expect(rowOf(text, 'done')).toBeLessThan(rowOf(text, 'ticker'));
    await t.press('C', /sort cpu desc/);
    text = await t.press('N', /sort name asc/);
    expect(rowOf(text, 'done')).toBeLessThan(rowOf(text, 'sleeper'));
    expect(rowOf(text, 'sleeper')).toBeLessThan(rowOf(text, 'ticker'));

    // Filter as you type; Enter keeps it, Esc drops it.
    await t.press('/', /^\/_$/m);
    t.type('tic');
    text = await t.until(/filter 'tic'/);
    expect(text).toMatch(/^> ticker /m);
    expect(rowOf(text, 'sleeper')).toBe(-1);
    expect(text).toMatch(/^\/tic_$/m);
    text = await t.press('Enter', /^Enter logs/m);
    expect(text).toMatch(/Containers \[all\] 1\/3/);
    text = await t.press('Escape', /Containers \[all\] 3\/3/);

    // Running only, and all again.
    text = await t.press('a', /Containers \[running\] 2\/3/);
    expect(rowOf(text, 'done')).toBe(-1);
    await t.press('a', /Containers \[all\] 3\/3/);

    // Another terminal starts, stops and removes a container: each shows within a refresh.
    await run('--name', 'newcomer', IMAGE, 'sleep', '1000');
    let at = Date.now();
    await t.until(/^ {2}newcomer .*Up /m, 5000);
    const seen: number[] = [Date.now() - at];
    expect((await bx(['stop', '-t', '0', 'newcomer'])).code).toBe(0);
    at = Date.now();
    await t.until(/^ {2}newcomer .*Exited/m, 5000);
    seen.push(Date.now() - at);
    expect((await bx(['rm', 'newcomer'])).code).toBe(0);
    at = Date.now();
    await t.until((s) => rowOf(s, 'newcomer') < 0, 5000);
    seen.push(Date.now() - at);
    // One refresh is a second; the rest is this loaded machine drawing and capturing.
    expect(Math.max(...seen)).toBeLessThan(3000);

    // Wider: the container id column comes; narrower again: it goes, nothing wraps.
    t.resize(130, 30);
    text = await t.until(/^ {2}CONTAINER ID +NAME +IMAGE +STATUS +HEALTH/m);
    expect(widest(text)).toBeLessThan(130);
    expect(text.split('\n').filter((l) => l.startsWith('survives logout'))).toHaveLength(1);
    t.resize(80, 24);
    text = await t.until(/^ {2}NAME +IMAGE +STATUS +CPU%/m);
    expect(widest(text)).toBeLessThan(80);

    // Help, one key away, and back.
    text = await t.press('?', /^Everywhere$/m);
    expect(text).toMatch(/^ {2}t w Esc +logs: timestamps, wrapping; back to the list$/m);
    await t.press('?', /^ {2}NAME +IMAGE/m);

    // The command line jumps to the views, and says what it does not know.
    t.keys(':');
    t.type('images');
    text = await t.press('Enter', /^boxctl Images \(1\)/m);
    // At 80 columns the list of containers that use it is cut; the name keeps its end.
    expect(text).toMatch(/^> ~?[\w.:/]*boxctl\/busybox +latest +[0-9a-f]{12} .* [\d.]+ [kM]?B +(done|sleeper|ticker)/m);
    t.keys(':');
    t.type('vol');
    text = await t.press('Enter', /^boxctl Volumes \(1\)/m);
    expect(text).toMatch(/^> data +local .* sleeper$/m);
    t.keys(':');
    t.type('nope');
    await t.press('Enter', /^unknown command 'nope': '\?' lists the commands$/m);
    t.keys(':');
    t.type('ps');
    await t.press('Enter', /^boxctl Containers/m);

    // q: the alternate screen goes, the terminal is as it was.
    t.keys('q');
    await expectGivenBack(t);
  });

  it('follows a live log, scrolls back, searches, shows timestamps, wraps or cuts, merges logs, draws sparklines, and gives the terminal back on ^C', async () => {
    const t = terminal('logs');
    // Low, so that the log is longer than the screen within seconds.
    t.start({ cols: 100, rows: 16 });
    await t.until(/^> done /m);
    t.keys(':');
    t.type('logs ticker');
    let text = await t.press('Enter', /^Logs ticker +\(following\)/m);

    // Live: new lines come while we watch.
    text = await t.until(/^tick \d+$/m);
    const last = (s: string) => Math.max(...[...s.matchAll(/^tick (\d+)$/gm)].map((m) => Number(m[1])));
    const first = last(text);
    text = await t.until((s) => last(s) >= first + 2, 10_000);

    // Back to the start: the long first line wrapped over two lines, and the view stays
    // put while lines keep coming.
    text = await t.press('g', /\(line 1 of \d+\)/);
    expect(text).toMatch(/^x{99}$/m);
    expect(text).toMatch(/^x{51}$/m);
    const top = text.split('\n')[2];
    await new Promise((r) => setTimeout(r, 2000));
    expect(t.lines()[2]).toBe(top);
    text = await t.press('w', /wrap off/);
    expect(text).toMatch(/^x{99}$/m);
    expect(text).not.toMatch(/^x{51}$/m);
    await t.press('w', /wrap on/);

    // Following again from the end.
    text = await t.press('G', /\(following\)/);
    expect(last(text)).toBeGreaterThanOrEqual(first + 2);

    // A search: how many lines match, the view on one of them, the matches marked.
    await t.press('/', /^\/_$/m);
    t.type('tick 1');
    await t.until(/^\/tick 1_$/m);
    // Enter ends the prompt (its hints come back) and jumps to the last match.
    text = await t.press('Enter', /^\/ search +n N next/m);
    // The last match first ("11 of 11"), in the view and marked; N goes to the one before it.
    const [, at, of] = /search 'tick 1': (\d+) of (\d+)$/m.exec(text) ?? [];
    expect(at).toBe(of);
    expect(text).toMatch(/\(line \d+ of \d+\)/);
    expect(text).toMatch(/^tick 1\d*$/m);
    expect(t.escapes()).toMatch(/\x1b\[[0-9;]*7m(\x1b\[[0-9;]*m)*tick 1/);
    // (More lines may match by now: tick 10 to 19 come one a second.)
    await t.press('N', new RegExp(`search 'tick 1': ${Number(at) - 1} of \\d+$`, 'm'));

    // Timestamps: RFC 3339 with nanoseconds before each line.
    text = await t.press('t', /time on/);
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}(Z|[+-]\d\d:\d\d) tick \d+$/m);
    await t.press('t', /time off/);

    // The merged view of all running containers, joined by one that starts later.
    await t.press('Escape', /^Enter logs/m);
    text = await t.press('L', /^Logs all running containers/m);
    text = await t.until(/^ticker +\| tick \d+$/m);
    await run('--name', 'late', IMAGE, 'sh', '-c', 'echo late says hello; sleep 1000');
    text = await t.until(/^late +\| late says hello$/m, 10_000);
    expect(text).toMatch(/^ticker +\| tick \d+$/m);

    // Sparklines of the ticker's CPU and memory, one sample a refresh.
    await t.press('Escape', /^Enter logs/m);
    await t.press('/', /^\/_$/m);
    t.type('ticker');
    await t.press('Enter', /^> ticker /m);
    text = await t.press('t', /^Stats ticker +Up /m);
    const bars = (s: string, label: string) => {
      const lines = s.split('\n');
      return (lines[lines.findIndex((l) => l.startsWith(label)) + 1] ?? '').trim().length;
    };
    text = await t.until((s) => bars(s, 'CPU') >= 3 && bars(s, 'MEM') >= 3, 15_000);
    expect(text).toMatch(/^CPU +\d+\.\d% +peak \d+\.\d% +scale 0-\d+%$/m);
    expect(text).toMatch(/^MEM +[\d.]+ [kMG]?B +limit /m);
    expect(text).toMatch(/^ {2}[▁▂▃▄▅▆▇█]{3,}$/m);

    // ^C from anywhere leaves as q does.
    t.keys('C-c');
    await expectGivenBack(t);
  });

  it('shows no colour with NO_COLOR, only the selection in reverse video, and gives the terminal back on SIGTERM while following logs', async () => {
    const t = terminal('nocolor');
    t.start({ cols: 80, rows: 24, env: { NO_COLOR: '1' } });
    await t.until(/^> done /m);
    await t.until(/^ {2}ticker .* \d+\.\d +[\d.]+ [kM]?B /m);
    const escapes = t.escapes();
    // SGR with a colour: 30-38 and 90-97 foreground, 40-48 and 100-107 background (38 and
    // 48 extended). 39 and 49, the terminal's own colours, are what tmux writes for none.
    const colours = [...escapes.matchAll(/\x1b\[([0-9;]*)m/g)].flatMap((m) => m[1]!.split(';')).filter((p) => /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(p));
    expect(colours).toEqual([]);
    expect(escapes).toMatch(/\x1b\[[0-9;]*7m> done /);

    // A signal ends it as q does, log readers and all.
    await t.press('L', /^ticker +\| tick \d+$/m);
    process.kill(t.dashboardPid(), 'SIGTERM');
    await expectGivenBack(t);
  });
});
