// Containers on a real terminal: tmux runs a shell as the test user, which runs boxctl
// there, and the test types into it as a person would. The container's side must be a
// terminal of the window's size, ^C and ^Z must reach it, ctrl-p ctrl-q must detach,
// and the user's terminal must come back as it was. Typed commands compute their
// markers ($((6*7)) shows as 42 only in the output), so the pane's echo of what was
// typed never matches.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

import { boxctl, host, testUser, userEnv, userTempDir } from './harness.js';

const IMAGE = `${host.registry}/boxctl/busybox`;
const scratch = userTempDir(testUser.uid);
// Short paths: a unix socket address holds 107 bytes, and the runroot holds sockets.
const root = join(scratch.path, 'r');
const runroot = join(scratch.path, 'u');
// A tmux server of our own, its socket in the scratch dir, removed with it.
const SOCKET = join(scratch.path, 'tmux.sock');

const bx = (args: readonly string[], opts: { stdin?: string } = {}) => boxctl(['--root', root, '--runroot', runroot, ...args], { ...testUser, ...opts });

beforeAll(async () => {
  const r = await bx(['pull', '-q', IMAGE]);
  expect(r.code, r.stderr).toBe(0);
}, 60_000);

afterAll(async () => {
  spawnSync('tmux', ['-S', SOCKET, 'kill-server'], { stdio: 'ignore' });
  await bx(['rm', '-f', '--all']);
  scratch.remove();
});

const tmux = (...args: string[]) => execFileSync('tmux', ['-S', SOCKET, ...args], { encoding: 'utf8' });
const quote = (words: readonly string[]) => words.map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(' ');
const BOXCTL = quote([process.execPath, join(inject('appDir'), 'dist', 'boxctl.js'), '--root', root, '--runroot', runroot]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A tmux window running the test user's shell (dash, prompt "$ "). */
class Pane {
  private constructor(readonly name: string) {}

  static open(name: string, cols: number, rows: number): Pane {
    const env = userEnv(testUser.user, testUser.uid, { TERM: 'screen', PS1: '$ ' });
    tmux('new-session', '-d', '-s', name, '-x', String(cols), '-y', String(rows), quote(['runuser', '-u', testUser.user, '--', 'env', '-i', ...env, 'sh']));
    return new Pane(name);
  }

  text(): string {
    return tmux('capture-pane', '-p', '-J', '-S', '-', '-t', this.name);
  }

  type(line: string): void {
    tmux('send-keys', '-t', this.name, '-l', line);
    tmux('send-keys', '-t', this.name, 'Enter');
  }

  keys(...keys: string[]): void {
    tmux('send-keys', '-t', this.name, ...keys);
  }

  resize(cols: number, rows: number): void {
    tmux('resize-window', '-t', this.name, '-x', String(cols), '-y', String(rows));
  }

  async until(pattern: RegExp, ms = 30_000): Promise<RegExpExecArray> {
    const deadline = Date.now() + ms;
    for (;;) {
      const text = this.text();
      const m = pattern.exec(text);
      if (m) return m;
      if (Date.now() > deadline) throw new Error(`the pane never showed ${pattern}:\n${text}`);
      await sleep(100);
    }
  }

  close(): void {
    spawnSync('tmux', ['-S', SOCKET, 'kill-session', '-t', this.name], { stdio: 'ignore' });
  }
}

/** Waits until the container runs `sleep N` (as the test user's mapped root), so that a key typed now reaches it. */
async function sleeping(seconds: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (spawnSync('pgrep', ['-f', '-x', `sleep ${seconds}`]).status !== 0) {
    if (Date.now() > deadline) throw new Error(`sleep ${seconds} never started`);
    await sleep(100);
  }
  // Started is not yet the terminal's foreground group: give the shell a moment.
  await sleep(300);
}

const gone = (seconds: number) => spawnSync('pgrep', ['-f', '-x', `sleep ${seconds}`]).status !== 0;

/** stty -a less its first line, which has the window size. */
function modes(file: string): string {
  return readFileSync(file, 'utf8').split('\n').slice(1).join('\n');
}

function expectCooked(file: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(/(^|\s)echo(\s|$)/);
  expect(text).toMatch(/(^|\s)icanon(\s|$)/);
  expect(text).toMatch(/(^|\s)isig(\s|$)/);
}

async function inspect(name: string): Promise<Record<string, any>> {
  const r = await bx(['inspect', name]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as Record<string, any>[])[0]!;
}

/** The size the container's terminal reports, through a marker only the output has. */
async function sizeSeen(pane: Pane, tag: string): Promise<string> {
  pane.type(`echo ${tag}-$((1+1))-$(stty size)-END`);
  return (await pane.until(new RegExp(`^${tag}-2-(\\d+ \\d+)-END`, 'm')))[1]!;
}

describe('run -it, detach and attach', () => {
  it('gives the shell a terminal of the window size that follows resizes; ^C and ^Z reach the container; ctrl-p ctrl-q detaches; exit 3 comes back with the terminal as it was', async () => {
    const pane = Pane.open('run', 100, 30);
    const before = join(scratch.path, 'run-before');
    const after = join(scratch.path, 'run-after');
    try {
      pane.type(`stty -a > ${before}; ${BOXCTL} run -it --name tty-run ${IMAGE} sh; echo "RC1=$?"`);
      pane.type('echo UP-$((6*7))');
      await pane.until(/^UP-42$/m);

      pane.type('tty; test -t 0 && test -t 1 && echo TTY-$((2+3))');
      await pane.until(/^\/dev\/pts\/0\s*\nTTY-5$/m);
      expect(await sizeSeen(pane, 'SIZE1')).toBe('30 100');
      pane.resize(80, 24);
      expect(await sizeSeen(pane, 'SIZE2')).toBe('24 80');

      // ^C interrupts the sleep, not the shell, which reports 130 for it.
      pane.type('sleep 4711');
      await sleeping(4711);
      pane.keys('C-c');
      pane.type('echo INT-$?-$((1))');
      await pane.until(/^INT-130-1$/m);
      expect(gone(4711)).toBe(true);

      // ^Z stops it: job control inside the container.
      pane.type('sleep 4712');
      await sleeping(4712);
      pane.keys('C-z');
      await pane.until(/\[1\]\+\s+Stopped\s+sleep 4712/);
      pane.type('kill -9 %1; wait; echo KILLED-$((3+4))');
      await pane.until(/^KILLED-7$/m);

      // Detaching prints nothing, as Podman: the shell's output follows the container's prompt.
      pane.keys('C-p', 'C-q');
      await pane.until(/RC1=0$/m);
      expect((await inspect('tty-run')).State.Status).toBe('running');

      pane.type(`${BOXCTL} attach tty-run; echo "RC2=$?"; stty -a > ${after}; echo DONE-$((5+5))`);
      // Nothing is printed on attach: wait until what we type is echoed back.
      pane.type('echo BACK-$((7+7))');
      await pane.until(/^BACK-14$/m);
      pane.type('exit 3');
      await pane.until(/^RC2=3$/m);
      await pane.until(/^DONE-10$/m);
      expect((await inspect('tty-run')).State.ExitCode).toBe(3);
      expect(modes(after)).toBe(modes(before));
      expectCooked(after);
    } finally {
      pane.close();
    }
  }, 120_000);

  it('start -ai and attach reach a -t container through the same terminal', async () => {
    const created = await bx(['create', '-it', '--name', 'tty-start', IMAGE, 'sh']);
    expect(created.code, created.stderr).toBe(0);
    const pane = Pane.open('start', 90, 20);
    const before = join(scratch.path, 'start-before');
    const after = join(scratch.path, 'start-after');
    try {
      pane.type(`stty -a > ${before}; ${BOXCTL} start -ai tty-start; echo "RC1=$?"`);
      pane.type('tty; echo UP-$((6*7))');
      await pane.until(/^\/dev\/pts\/0\s*\nUP-42$/m);
      expect(await sizeSeen(pane, 'SIZE1')).toBe('20 90');
      pane.keys('C-p', 'C-q');
      await pane.until(/RC1=0$/m);
      expect((await inspect('tty-start')).State.Status).toBe('running');

      // A resize while detached shows on the next attach, which sends the size.
      pane.resize(70, 15);
      pane.type(`${BOXCTL} attach tty-start; echo "RC2=$?"; stty -a > ${after}; echo DONE-$((5+5))`);
      pane.type('echo BACK-$((7+7))');
      await pane.until(/^BACK-14$/m);
      expect(await sizeSeen(pane, 'SIZE2')).toBe('15 70');
      pane.type('exit 4');
      await pane.until(/^RC2=4$/m);
      await pane.until(/^DONE-10$/m);
      expect(modes(after)).toBe(modes(before));
      expectCooked(after);
    } finally {
      pane.close();
    }
  }, 120_000);
});

describe('exec -it', () => {
  beforeAll(async () => {
    const started = await bx(['run', '-d', '--name', 'tty-exec', IMAGE, 'sleep', '1000']);
    expect(started.code, started.stderr).toBe(0);
  }, 30_000);

  it('runs a shell on a terminal of its own: the window size and resizes, ^C inside, exit 5, the terminal restored', async () => {
    const pane = Pane.open('exec', 100, 30);
    const before = join(scratch.path, 'exec-before');
    const after = join(scratch.path, 'exec-after');
    try {
      pane.type(`stty -a > ${before}; ${BOXCTL} exec -it tty-exec sh; echo "RC=$?"; stty -a > ${after}; echo DONE-$((5+5))`);
      pane.type('tty; test -t 0 && test -t 1 && echo TTY-$((2+3)); echo TERM-$TERM-$((1))');
      await pane.until(/^\/dev\/pts\/\d+\s*\nTTY-5\s*\nTERM-xterm-1$/m);
      expect(await sizeSeen(pane, 'SIZE1')).toBe('30 100');
      pane.resize(80, 24);
      expect(await sizeSeen(pane, 'SIZE2')).toBe('24 80');

      pane.type('sleep 4713');
      await sleeping(4713);
      pane.keys('C-c');
      pane.type('echo INT-$?-$((1))');
      await pane.until(/^INT-130-1$/m);
      expect(gone(4713)).toBe(true);

      pane.type('exit 5');
      await pane.until(/^RC=5$/m);
      await pane.until(/^DONE-10$/m);
      expect(modes(after)).toBe(modes(before));
      expectCooked(after);
      // The container's own process goes on.
      expect((await inspect('tty-exec')).State.Status).toBe('running');
    } finally {
      pane.close();
    }
  }, 120_000);

  it('boxctl killed outright: the relay hangs up the shell in the container and restores the terminal', async () => {
    const pane = Pane.open('killed', 100, 30);
    const before = join(scratch.path, 'killed-before');
    const after = join(scratch.path, 'killed-after');
    const relay = `^${join(inject('appDir'), 'native', 'build', 'bin', 'boxctl-ttyrelay')} `;
    try {
      pane.type(`stty -a > ${before}; ${BOXCTL} exec -it tty-exec sh; echo "RC=$?"`);
      pane.type('echo IN-$((2*3))');
      await pane.until(/^IN-6$/m);
      const cli = spawnSync('pgrep', ['-f', '-x', `${process.execPath} ${join(inject('appDir'), 'dist', 'boxctl.js')} --root ${root} --runroot ${runroot} exec -it tty-exec sh`], { encoding: 'utf8' });
      const pids = cli.stdout.trim().split('\n').filter(Boolean);
      expect(pids).toHaveLength(1);
      process.kill(Number(pids[0]), 'SIGKILL');
      await pane.until(/RC=137$/m);
      const deadline = Date.now() + 15_000;
      while (spawnSync('pgrep', ['-f', relay]).status === 0) {
        if (Date.now() > deadline) throw new Error('boxctl-ttyrelay outlived the CLI');
        await sleep(100);
      }
      pane.type(`stty -a > ${after}; echo DONE-$((5+5))`);
      await pane.until(/^DONE-10$/m);
      expect(modes(after)).toBe(modes(before));
      expectCooked(after);
    } finally {
      pane.close();
    }
  }, 60_000);

  it("keeps the host's terminal out of the container: TIOCSTI from inside never types into the host shell", async () => {
    // A static program that pushes a command into the input of each of its stdio.
    const src = join(scratch.path, 'sti.c');
    const bin = join(scratch.path, 'sti');
    writeFileSync(
      src,
      `#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <errno.h>
int main(void) {
  const char *cmd = "echo INJECTED-$((40+2))\\n";
  for (int fd = 0; fd < 3; fd++) {
    int ok = 1;
    for (const char *c = cmd; *c; c++) if (ioctl(fd, TIOCSTI, c) < 0) { ok = 0; break; }
    dprintf(2, "STI-%d-%s\\n", fd, ok ? "pushed" : strerror(errno));
  }
  return 0;
}
`,
    );
    execFileSync('cc', ['-static', '-O2', '-o', bin, src]);
    const copied = await bx(['exec', '-i', 'tty-exec', 'sh', '-c', 'base64 -d > /sti && chmod 755 /sti'], { stdin: readFileSync(bin).toString('base64') });
    expect(copied.code, copied.stderr).toBe(0);

    const pane = Pane.open('sti', 100, 30);
    try {
      // -it: the process's stdio are the container's own pty, so whatever it pushes stays there.
      pane.type(`${BOXCTL} exec -it tty-exec /sti; echo "RC1=$?"`);
      await pane.until(/RC1=0$/m);
      // -i on a terminal: the process has ours, but in a session of its own, without it as controlling terminal.
      pane.type(`${BOXCTL} exec -i tty-exec /sti; echo "RC2=$?"`);
      await pane.until(/RC2=0$/m);
      pane.type('echo END-$((1+1))');
      const text = (await pane.until(/^END-2$/m)).input;
      expect(text).not.toMatch(/INJECTED-42/);
      expect(text).toMatch(/STI-0-pushed/);
      expect(text).toMatch(/STI-0-Operation not permitted/);
    } finally {
      pane.close();
    }
  }, 60_000);

  it('-t without a terminal on our side still gives the process one, and passes its exit code', async () => {
    const r = await bx(['exec', '-t', 'tty-exec', 'sh', '-c', 'tty; exit 6']);
    expect(r.code, r.stderr).toBe(6);
    expect(r.stdout).toMatch(/^\/dev\/pts\/\d+\r\n$/);
  });

  it('-i gives the process our stdin; without -i it reads /dev/null', async () => {
    const withInput = await bx(['exec', '-i', 'tty-exec', 'cat'], { stdin: 'typed\n' });
    expect(withInput.code, withInput.stderr).toBe(0);
    expect(withInput.stdout).toBe('typed\n');
    const without = await bx(['exec', 'tty-exec', 'sh', '-c', 'readlink /proc/self/fd/0; cat'], { stdin: 'typed\n' });
    expect(without.code, without.stderr).toBe(0);
    expect(without.stdout).toBe('/dev/null\n');
  });

  it('refuses -d with -t: the terminal would die with boxctl', async () => {
    const r = await bx(['exec', '-d', '-t', 'tty-exec', 'true']);
    expect(r.code).toBe(125);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
