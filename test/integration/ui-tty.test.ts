// boxctl ui on a real terminal: tmux runs it as the test user beside running
// containers (one printing a line a second), send-keys drives it and capture-pane reads
// the screen: the list, the live log, a search, stop taking effect, a container started
// from another terminal showing up, the exec shell round trip, and the terminal as it
// was after q.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

import { boxctl, host, testUser, userEnv, userTempDir } from './harness.js';

const IMAGE = `${host.registry}/boxctl/busybox`;
const scratch = userTempDir(testUser.uid);
const root = join(scratch.path, 'r');
const runroot = join(scratch.path, 'u');
const SOCKET = join(scratch.path, 'tmux.sock');

const bx = (args: readonly string[]) => boxctl(['--root', root, '--runroot', runroot, ...args], { ...testUser, inCgroup: true });
const tmux = (...args: string[]) => execFileSync('tmux', ['-S', SOCKET, ...args], { encoding: 'utf8' });
const shell = (words: readonly string[]) => words.map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(' ');
const screen = () => tmux('capture-pane', '-p', '-t', 'ui');
const keys = (...k: string[]) => tmux('send-keys', '-t', 'ui', ...k);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(pattern: RegExp, ms = 15_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const text = screen();
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`the pane never showed ${pattern}:\n${text}`);
    await sleep(100);
  }
}

beforeAll(async () => {
  const pulled = await bx(['pull', '-q', IMAGE]);
  expect(pulled.code, pulled.stderr).toBe(0);
  for (const args of [
    ['--name', 'ticker', IMAGE, 'sh', '-c', 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done'],
    ['--name', 'sleeper', IMAGE, 'sleep', '1000'],
  ]) {
    const r = await bx(['run', '-d', ...args]);
    expect(r.code, r.stderr).toBe(0);
  }
}, 120_000);

afterAll(async () => {
  spawnSync('tmux', ['-S', SOCKET, 'kill-server'], { stdio: 'ignore' });
  await bx(['rm', '-f', '--all']);
  scratch.remove();
});

describe('boxctl ui on a terminal', () => {
  it('lists, follows a log, searches, stops a container, sees another terminal, runs a shell and restores the terminal on q', async () => {
    const env = userEnv(testUser.user, testUser.uid, { TERM: 'screen' });
    const cli = [process.execPath, join(inject('appDir'), 'dist', 'boxctl.js'), '--root', root, '--runroot', runroot, 'ui'];
    const inner = shell(['runuser', '-u', testUser.user, '--', 'env', '-i', ...env, ...cli]);
    // The container commands need the delegated cgroup: the shell moves itself there first.
    const script = `echo BEFORE-UI; echo $$ > ${shell([`${host.cgroup}/cgroup.procs`])}; ${inner}; echo "EXIT=$?"; stty -a; sleep 600`;
    tmux('new-session', '-d', '-s', 'ui', '-x', '80', '-y', '24', script);

    // The list, with both containers running and the rootless facts of the selected one.
    let text = await until(/^> sleeper .*Up /m);
    expect(text).toMatch(/^ {2}ticker .*Up /m);
    expect(text).toMatch(/userns 0:\d+:1,1:\d+:\d+/);
    expect(text).toMatch(/survives logout: /);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThan(80);

    // The live log of ticker: new lines come while we watch.
    keys('j');
    await until(/^> ticker /m);
    keys('Enter');
    text = await until(/^tick \d+$/m);
    const last = (t: string) => Math.max(...[...t.matchAll(/^tick (\d+)$/gm)].map((m) => Number(m[1])));
    const first = last(text);
    text = await until(new RegExp(`^tick ${first + 2}$`, 'm'));

    // A search: the status line says how many lines match, and the view jumps to one.
    keys('/');
    keys('-l', 'tick 1');
    keys('Enter');
    text = await until(/search 'tick 1': \d+ lines/);
    expect(text).toMatch(/^tick 1\d*$/m);
    expect(tmux('capture-pane', '-p', '-e', '-t', 'ui')).toMatch(/\x1b\[[0-9;]*7m/);

    // Back to the list; a container started from another terminal shows within a refresh.
    keys('Escape');
    await until(/^ {0,2}[> ] ticker /m);
    expect((await bx(['run', '-d', '--name', 'newcomer', IMAGE, 'sleep', '1000'])).code).toBe(0);
    await until(/newcomer .*Up /, 5000);

    // Stop, confirmed: the status changes here and in ps.
    keys('g');
    await until(/^> newcomer /m);
    keys('x');
    await until(/Stop container newcomer\? \[y\/N\]/);
    keys('y');
    await until(/^> newcomer .*Exited /m, 20_000);
    const ps = await bx(['ps', '-a', '--format', '{{.Names}} {{.Status}}']);
    expect(ps.stdout).toMatch(/^newcomer Exited/m);

    // The shell: the dashboard gives the terminal to it and comes back after exit.
    keys('G');
    await until(/^> ticker /m);
    keys('e');
    await sleep(1500);
    keys('-l', 'echo IN-THE-$((6*7))-SHELL; exit 3');
    keys('Enter');
    text = await until(/the shell in ticker exited \(3\)/, 20_000);
    expect(text).toMatch(/^> ticker /m);

    // q: the alternate screen goes, the terminal is as before (cooked, echoing).
    keys('q');
    text = await until(/^EXIT=0$/m);
    expect(text).toMatch(/^BEFORE-UI$/m);
    expect(text).not.toMatch(/Containers \(/);
    expect(text).toMatch(/(^|\s)echo(\s|$)/m);
    expect(text).toMatch(/(^|\s)icanon(\s|$)/m);
  });
});
