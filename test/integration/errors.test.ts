// Errors and exit codes as Podman has them, run as the test user: 125 and one line
// `Error: ...` for boxctl's own failures (a bad flag, an unknown command, a missing
// container or image), 126 when the container's command cannot be run, 127 when it
// does not exist, and otherwise the container's own code. Escape codes only where
// boxctl colours things on a terminal, never under NO_COLOR nor through a pipe.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

import { boxctl, host, runAs, testUser, userTempDir } from './harness.js';

const IMAGE = `${host.registry}/boxctl/busybox`;
const CONTAINER = 'err-box';
const scratch = userTempDir(testUser.uid);
const store = ['--root', join(scratch.path, 'root'), '--runroot', join(scratch.path, 'run')];

const bx = (args: readonly string[], env: Record<string, string> = {}) => boxctl([...store, ...args], { ...testUser, env });

/** The command on a terminal of its own (script(1) gives it a pty); the exit code is the command's. */
function onTerminal(args: readonly string[], env: Record<string, string>) {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const line = [process.execPath, join(inject('appDir'), 'dist', 'boxctl.js'), ...store, ...args].map(quote).join(' ');
  return runAs(['script', '-qec', line, '/dev/null'], { ...testUser, env: { TERM: 'xterm-256color', ...env } });
}

const ESC = /\x1b/;
const SGR_COLOUR = /\x1b\[[0-9;]*3[0-7]m/;

beforeAll(async () => {
  expect((await bx(['pull', '-q', IMAGE])).code).toBe(0);
  const r = await bx(['run', '-d', '--name', CONTAINER, IMAGE, 'sleep', '1000']);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await bx(['rm', '-f', '--all']);
  scratch.remove();
});

describe('exit codes', () => {
  it.each([
    ['a bad flag', ['ps', '--bogus'], /^unknown flag: --bogus: run 'boxctl ps --help' to list the flags$/],
    ['a flag before the command', ['--bogus', 'ps'], /^unknown flag: --bogus: /],
    ['an unknown command', ['frobnicate'], /^unknown command 'frobnicate': run 'boxctl --help' to list the commands$/],
    ['an unknown subcommand', ['volume', 'frob'], /^unknown command 'frob' for 'boxctl volume': /],
    ['a missing argument', ['logs'], /^missing <container>: usage: boxctl logs /],
    ['a flag without its value', ['ps', '--format'], /^flag needs an argument: --format: /],
    ['a value that is no number', ['ps', '--last', 'many'], /^invalid value 'many' for --last: give a number$/],
    ['a missing container', ['start', 'no-such-box'], /^no container named or with id 'no-such-box': 'boxctl ps -a' lists them$/],
    ['a missing container for exec', ['exec', 'no-such-box', 'true'], /^no container named or with id 'no-such-box'/],
    ['a name that is neither container nor image', ['inspect', 'no-such-thing'], /^no container or image named 'no-such-thing': /],
    ['a missing image that may not be pulled', ['run', '--rm', '--pull=never', 'localhost/no-such-image', 'true'], /^image localhost\/no-such-image is not in the local store/],
    ['a bad template', ['ps', '--format', '{{.Nmae}}'], /^invalid format template: unknown field \.Nmae \(valid fields: /],
    ['a bad restart policy', ['run', '--rm', '--restart', 'sometimes', IMAGE, 'true'], /^invalid restart policy 'sometimes': /],
  ])('125 and one line for %s', async (_what, args, message) => {
    const r = await bx(args);
    expect(r.code).toBe(125);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Error: [^\n]+\n$/);
    expect(r.stderr.slice('Error: '.length, -1)).toMatch(message);
  });

  it.each([
    ['run', ['run', '--rm', IMAGE]],
    ['exec', ['exec', CONTAINER]],
  ])('%s: 126 for a command that cannot be run, 127 for one that does not exist', async (_cmd, prefix) => {
    const notExecutable = await bx([...prefix, '/etc/passwd']);
    expect(notExecutable.code).toBe(126);
    expect(notExecutable.stderr).toMatch(/^Error: [^\n]*\/etc\/passwd[^\n]*Permission denied\n$/);
    const directory = await bx([...prefix, '/']);
    expect(directory.code).toBe(126);
    const missing = await bx([...prefix, 'no-such-command']);
    expect(missing.code).toBe(127);
    expect(missing.stderr).toMatch(/^Error: [^\n]*no-such-command[^\n]*not found[^\n]*\n$/);
  });

  it("passes the container's exit code through: run, exec, start -a, wait", async () => {
    expect((await bx(['run', '--rm', IMAGE, 'sh', '-c', 'exit 3'])).code).toBe(3);
    expect((await bx(['run', '--rm', IMAGE, 'sh', '-c', 'exit 255'])).code).toBe(255);
    expect((await bx(['run', '--rm', IMAGE, 'true'])).code).toBe(0);
    expect((await bx(['exec', CONTAINER, 'sh', '-c', 'exit 4'])).code).toBe(4);
    const created = await bx(['create', '--name', 'err-seven', IMAGE, 'sh', '-c', 'exit 7']);
    expect(created.code, created.stderr).toBe(0);
    expect((await bx(['start', '-a', 'err-seven'])).code).toBe(7);
    const waited = await bx(['wait', 'err-seven']);
    expect(waited).toMatchObject({ code: 0, stdout: '7\n' });
  });

  it('128+N for a container killed by signal N', async () => {
    await bx(['run', '-d', '--name', 'err-killed', IMAGE, 'sleep', '1000']);
    expect((await bx(['kill', '-s', 'KILL', 'err-killed'])).code).toBe(0);
    expect(await bx(['wait', 'err-killed'])).toMatchObject({ code: 0, stdout: '137\n' });
  });
});

describe('escape codes', () => {
  // What boxctl prints for people and for scripts; none of it may hold an escape code through a pipe.
  const COMMANDS: string[][] = [
    ['info'],
    ['ps', '-a'],
    ['images'],
    ['image', 'history', IMAGE],
    ['volume', 'ls'],
    ['inspect', CONTAINER],
    ['system', 'df'],
    ['stats', '--no-stream', CONTAINER],
    ['version'],
    ['pull', IMAGE],
    ['ps', '--help'],
    ['ps', '--bogus'],
  ];

  it.each(COMMANDS.map((c) => [c.join(' '), c]))('none through a pipe: %s', async (_line, args) => {
    const r = await bx(args, { TERM: 'xterm-256color' });
    expect(r.stdout + r.stderr).not.toMatch(ESC);
    expect(r.stdout + r.stderr).not.toBe('');
  });

  it.each(COMMANDS.filter((c) => c[0] !== 'pull').map((c) => [c.join(' '), c]))('none on a terminal under NO_COLOR: %s', async (_line, args) => {
    const r = await onTerminal(args, { NO_COLOR: '1' });
    expect(r.stdout).not.toMatch(ESC);
  });

  it('pull draws its bars on a terminal under NO_COLOR, without colour', async () => {
    const r = await onTerminal(['pull', IMAGE], { NO_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(SGR_COLOUR);
  });

  it('info colours its verdicts on a terminal, not under NO_COLOR nor TERM=dumb', async () => {
    const coloured = await onTerminal(['info'], {});
    expect(coloured.stdout).toMatch(/\x1b\[3[123]m(ok|warn|FAIL) *\x1b\[0m +kernel/);
    expect((await onTerminal(['info'], { NO_COLOR: '1' })).stdout).not.toMatch(ESC);
    expect((await onTerminal(['info'], { TERM: 'dumb' })).stdout).not.toMatch(ESC);
  });

  it('errors are plain on a terminal too', async () => {
    const r = await onTerminal(['start', 'no-such-box'], {});
    expect(r.code).toBe(125);
    expect(r.stdout).not.toMatch(ESC);
    expect(r.stdout).toMatch(/^Error: no container named or with id 'no-such-box'/);
  });
});
