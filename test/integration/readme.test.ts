// README.md cannot drift from what works: its quick start is read literally and run,
// command by command, as the unprivileged test user in a copy of this checkout, with a
// home of its own (a fresh user's ~/.profile) and a login shell, as a new user would.
// `sudo` is dropped: the test host already has every package, so the install script
// must find nothing missing, build, and link ~/.local/bin/boxctl. The test commands are
// the ones CI runs (.ci/run). And a host that lacks a prerequisite gets info's words.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { boxctl, nosubUser, runAs, testUser, userTempDir, type RunResult } from './harness.js';
import { sectionBlock, shellCommands } from './readme-commands.js';

const repo = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const quickStart = shellCommands(sectionBlock(readme, 'Quick start'));

const scratch = userTempDir(testUser.uid);
const checkout = join(scratch.path, 'boxctl');
const home = join(scratch.path, 'home');
const runtimeDir = join(scratch.path, 'run');

/** A command line as the test user would type it, in a login shell in the copy. */
function asNewUser(command: string, env: Record<string, string> = {}): Promise<RunResult> {
  return runAs(['/bin/bash', '-lc', `cd ${checkout} && ${command}`], { ...testUser, env: { HOME: home, XDG_RUNTIME_DIR: runtimeDir, ...env } });
}

/** What a fresh clone holds: tracked files and new ones not ignored; node_modules kept so npm need not fetch. */
function copyCheckout(): void {
  mkdirSync(checkout);
  // tar keeps modes and times (the install script compares package-lock.json's with node_modules').
  execFileSync('sh', ['-c', 'git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - | tar -xf - -C "$1" && cp -a node_modules "$1"/', 'sh', checkout], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  mkdirSync(home);
  for (const f of ['.profile', '.bashrc']) if (existsSync(`/etc/skel/${f}`)) copyFileSync(`/etc/skel/${f}`, join(home, f));
  mkdirSync(runtimeDir, { mode: 0o700 });
  chmodSync(runtimeDir, 0o700);
  execFileSync('chown', ['-R', `${testUser.uid}:${testUser.uid}`, checkout, home, runtimeDir]);
}

beforeAll(copyCheckout, 60_000);
// A --rm container's monitor may still be deleting its files when run returns.
const removeAll = (path: string) => rmSync(path, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
afterAll(() => removeAll(scratch.path));

function expectGreeting(stdout: string, uid: number, subordinate: boolean): void {
  expect(stdout).toMatch(/^Hello from boxctl!\n/);
  const map = subordinate ? new RegExp(`uid map: +0->${uid} \\(1\\), 1->\\d+ \\(\\d+\\)\\n`) : new RegExp(`uid map: +0->${uid} \\(1\\)\\n`);
  expect(stdout).toMatch(map);
  expect(stdout).toMatch(/hostname: +[0-9a-f]{12}\n/);
  expect(stdout).toMatch(/pid: +1 \(its own pid namespace/);
  expect(stdout).toMatch(/root file system: overlay/);
}

describe('README quick start', () => {
  it('is two commands: one installs, one runs hello', () => {
    expect(quickStart.map((c) => c.text)).toEqual(['sudo ./install.sh', 'boxctl run --rm hello']);
  });

  it('runs literally as the unprivileged user on this host: install, then hello prints its greeting', async () => {
    const [install, hello] = quickStart;
    const built = await asNewUser(install!.asUser);
    expect(built.code, built.stdout + built.stderr).toBe(0);
    expect(built.stdout).not.toMatch(/missing Debian packages/);
    expect(built.stdout).toContain(`boxctl is ${home}/.local/bin/boxctl`);
    expect(existsSync(join(checkout, 'native/build/bin/boxctl-hello'))).toBe(true);

    const ran = await asNewUser(hello!.asUser);
    expect(ran.code, ran.stderr).toBe(0);
    expectGreeting(ran.stdout, testUser.uid, true);
  }, 240_000);

  it('leaves a real image: listed, removable, made again with the same id, also with --pull=never', async () => {
    const listed = await asNewUser("boxctl images --format '{{.Repository}}:{{.Tag}} {{.ID}}'");
    expect(listed.code, listed.stderr).toBe(0);
    const line = listed.stdout.split('\n').find((l) => l.startsWith('localhost/hello:latest '));
    expect(line, listed.stdout).toBeDefined();
    const id = line!.split(' ')[1];

    const removed = await asNewUser('boxctl rmi hello');
    expect(removed.code, removed.stderr).toBe(0);
    expect((await asNewUser('boxctl image exists localhost/hello')).code).toBe(1);

    const again = await asNewUser('boxctl run --rm --pull=never localhost/hello:latest');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^Hello from boxctl!/);
    const relisted = await asNewUser("boxctl images --format '{{.Repository}}:{{.Tag}} {{.ID}}'");
    expect(relisted.stdout).toContain(`localhost/hello:latest ${id}`);
  });

  it('runs hello in single-id mode for a user without subordinate ids', async () => {
    const dir = userTempDir(nosubUser.uid);
    try {
      const r = await boxctl(['--root', join(dir.path, 'r'), '--runroot', join(dir.path, 'u'), 'run', '--rm', 'hello'], nosubUser);
      expect(r.code, r.stderr).toBe(0);
      expectGreeting(r.stdout, nosubUser.uid, false);
    } finally {
      removeAll(dir.path);
    }
  });

  it('install without root names the missing packages and the exact command, and stops only when the build needs them', async () => {
    // dpkg-query that reports two packages as not installed, one to build, one to run.
    const fake = join(scratch.path, 'fakedpkg');
    mkdirSync(fake);
    writeFileSync(join(fake, 'dpkg-query'), '#!/bin/sh\ncase "$3" in libjson-c-dev|uidmap) exit 1;; esac\nexec /usr/bin/dpkg-query "$@"\n', { mode: 0o755 });
    // Not a login shell: Debian's /etc/profile would reset PATH.
    const r = await runAs(['/bin/bash', '-c', `cd ${checkout} && ./install.sh`], { ...testUser, env: { HOME: home, PATH: `${fake}:/usr/bin:/bin` } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('install.sh: missing Debian packages: libjson-c-dev uidmap\n');
    expect(r.stdout).toContain('install.sh: install them with: sudo apt-get install -y libjson-c-dev uidmap');
    expect(r.stderr).toBe('install.sh: cannot build without libjson-c-dev\n');
  });

  it('fails with info\'s one-line diagnosis and fix when newuidmap is missing, made or not yet made', async () => {
    // A PATH with node and nothing else: no newuidmap, as on a host without uidmap.
    const bin = join(scratch.path, 'nouidmap');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const env = { PATH: `${home}/.local/bin:${bin}` };
    const info = await runAs(['/bin/bash', '-c', `cd ${checkout} && boxctl info`], { ...testUser, env: { HOME: home, XDG_RUNTIME_DIR: runtimeDir, ...env } });
    expect(info.stdout).toMatch(/FAIL +newuidmap +newuidmap not found\n +fix \(needs root\): sudo apt-get install -y uidmap\n/);
    const expected = 'Error: newuidmap not found; fix (needs root): sudo apt-get install -y uidmap\n';

    // The image is in the store: the runtime fails to map the ids.
    const present = await runAs(['/bin/bash', '-c', 'boxctl run --rm hello'], { ...testUser, env: { HOME: home, XDG_RUNTIME_DIR: runtimeDir, ...env } });
    expect(present.code).toBe(125);
    expect(present.stderr).toBe(expected);

    // A fresh store: unpacking the image fails first.
    const fresh = await runAs(['/bin/bash', '-c', `boxctl --root ${scratch.path}/fresh run --rm hello`], { ...testUser, env: { HOME: home, XDG_RUNTIME_DIR: runtimeDir, ...env } });
    expect(fresh.code).toBe(125);
    expect(fresh.stderr).toBe(expected);
  });
});

describe("README's test commands", () => {
  it('are the ones CI runs, in that order', () => {
    const commands = shellCommands(sectionBlock(readme, 'Development and tests'));
    // CI runs as root, so without sudo; it may add flags after the command.
    const ci = readFileSync(join(repo, '.ci/run'), 'utf8').split('\n').map((l) => l.trim());
    let at = -1;
    for (const c of commands) {
      const found = ci.findIndex((l, i) => i > at && (l === c.asUser || l.startsWith(`${c.asUser} `)));
      expect(found, `.ci/run lacks '${c.asUser}' after line ${at + 1}`).toBeGreaterThan(at);
      at = found;
    }
  });
});
