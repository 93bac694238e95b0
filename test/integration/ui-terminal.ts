// A real terminal for `boxctl ui`: tmux runs it as the test user from inside the
// delegated cgroup, send-keys types, capture-pane reads the screen. The shell around it
// prints a line before the dashboard starts and the exit status and terminal modes
// after it leaves, so that a test can see the terminal given back as it was.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, expect, inject } from 'vitest';

import { boxctl, host, testUser, userEnv, userTempDir, type RunResult } from './harness.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quote = (words: readonly string[]) => words.map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(' ');

export interface UiStart {
  cols: number;
  rows: number;
  /** Added to the user's environment (TERM is screen unless given). */
  env?: Record<string, string>;
}

export class UiTerminal {
  private readonly socket: string;

  constructor(
    dir: string,
    private readonly root: string,
    private readonly runroot: string,
    private readonly name = 'ui',
  ) {
    this.socket = join(dir, `${name}.tmux`);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8' });
  }

  start({ cols, rows, env = {} }: UiStart): void {
    const vars = userEnv(testUser.user, testUser.uid, { TERM: 'screen', ...env });
    const cli = [process.execPath, join(inject('appDir'), 'dist', 'boxctl.js'), '--root', this.root, '--runroot', this.runroot, 'ui'];
    const inner = quote(['runuser', '-u', testUser.user, '--', 'env', '-i', ...vars, ...cli]);
    // The container commands need the delegated cgroup: the shell moves itself there first.
    const script = `echo BEFORE-UI; echo $$ > ${quote([`${host.cgroup}/cgroup.procs`])}; ${inner}; echo "EXIT=$?"; stty -a; sleep 600`;
    this.tmux('new-session', '-d', '-s', this.name, '-x', String(cols), '-y', String(rows), script);
  }

  /** The screen as text. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', this.name);
  }

  /** The screen with its escape sequences (colours, reverse video). */
  escapes(): string {
    return this.tmux('capture-pane', '-p', '-e', '-t', this.name);
  }

  lines(): string[] {
    return this.screen().split('\n');
  }

  /** Keys by tmux name (Enter, Escape, C-c, PageUp) or single characters. */
  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  /** Text typed as it is. */
  type(text: string): void {
    this.tmux('send-keys', '-t', this.name, '-l', text);
  }

  resize(cols: number, rows: number): void {
    this.tmux('resize-window', '-t', this.name, '-x', String(cols), '-y', String(rows));
  }

  /** Waits until the screen matches; the screen, or an error that shows it. */
  async until(pattern: RegExp | ((screen: string) => boolean), ms = 15_000): Promise<string> {
    const test = typeof pattern === 'function' ? pattern : (s: string) => pattern.test(s);
    const deadline = Date.now() + ms;
    for (;;) {
      const text = this.screen();
      if (test(text)) return text;
      if (Date.now() > deadline) throw new Error(`the terminal never showed ${String(pattern)}:\n${text}`);
      await sleep(100);
    }
  }

  /** Presses a key, and waits for what it should bring: keys that come too fast after Esc read as Alt+key. */
  async press(key: string, expect: RegExp | ((screen: string) => boolean), ms?: number): Promise<string> {
    this.keys(key);
    return this.until(expect, ms);
  }

  /** The pid of the dashboard's own process (node, under runuser under the pane's shell). */
  dashboardPid(): number {
    const children = (pid: number) =>
      spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter((p) => /^\d+$/.test(p))
        .map(Number);
    let level = [Number(this.tmux('display-message', '-p', '-t', this.name, '#{pane_pid}').trim())];
    for (let depth = 0; depth < 4 && level.length > 0; depth++) {
      const node = level.find((pid) => spawnSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim() === 'node');
      if (node !== undefined) return node;
      level = level.flatMap(children);
    }
    throw new Error(`no dashboard process in the ${this.name} terminal`);
  }

  kill(): void {
    spawnSync('tmux', ['-S', this.socket, 'kill-server'], { stdio: 'ignore' });
  }
}

/**
 * What both dashboard suites share: a scratch store of the test user, boxctl run on it,
 * terminals that a failed test leaves running killed before the next test, and
 * everything removed at the end.
 */
export function uiSuite(): { bx: (args: readonly string[]) => Promise<RunResult>; terminal: (name: string) => UiTerminal } {
  const scratch = userTempDir(testUser.uid);
  const root = join(scratch.path, 'r');
  const runroot = join(scratch.path, 'u');
  const bx = (args: readonly string[]) => boxctl(['--root', root, '--runroot', runroot, ...args], { ...testUser, inCgroup: true });
  const terminals: UiTerminal[] = [];
  afterEach(() => {
    for (const t of terminals.splice(0)) t.kill();
  });
  afterAll(async () => {
    await bx(['rm', '-f', '--all']);
    scratch.remove();
  });
  const terminal = (name: string) => {
    const t = new UiTerminal(scratch.path, root, runroot, name);
    terminals.push(t);
    return t;
  };
  return { bx, terminal };
}

/** The terminal after the dashboard left: the line before it, its exit status, a cooked and echoing terminal, nothing of the dashboard. */
export async function expectGivenBack(t: UiTerminal): Promise<void> {
  const text = await t.until(/^EXIT=\d+$/m);
  expect(text).toMatch(/^EXIT=0$/m);
  expect(text).toMatch(/^BEFORE-UI$/m);
  expect(text).not.toMatch(/boxctl (Containers|Images|Volumes)/);
  expect(text).toMatch(/(^|\s)echo(\s|$)/m);
  expect(text).toMatch(/(^|\s)icanon(\s|$)/m);
  expect(text).toMatch(/(^|\s)isig(\s|$)/m);
}
