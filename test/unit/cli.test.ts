import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';

import { toExit } from '../../src/cli/exit.js';
import { run } from '../../src/cli/run.js';
import { CommandNotRunError, UserError } from '../../src/errors.js';

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += String(d)));
  stderr.on('data', (d) => (err += String(d)));
  return { streams: { stdout, stderr, color: false }, out: () => out, err: () => err };
}

describe('command line', () => {
  it('refuses an unknown command with exit 125 and one line', async () => {
    const io = capture();
    expect(await run(['frobnicate'], io.streams)).toBe(125);
    expect(io.err()).toBe("Error: unknown command 'frobnicate': run 'boxctl --help' to list the commands\n");
  });

  it('refuses an unknown --format of info before probing the host, naming the valid ones', async () => {
    const io = capture();
    expect(await run(['info', '--format', 'yaml'], io.streams)).toBe(125);
    expect(io.err()).toBe("Error: unknown --format 'yaml': use 'text', 'json' or a Go template such as '{{.Host.Kernel}}'\n");
    expect(io.out()).toBe('');
  });

  // Each mistake: exit 125, one line on stderr that says what to do, nothing on stdout.
  it.each([
    [['info', '--no-such-flag'], "unknown flag: --no-such-flag: run 'boxctl info --help' to list the flags"],
    [['ps', '-x'], "unknown flag: -x: run 'boxctl ps --help' to list the flags"],
    [['--bogus', 'ps'], "unknown flag: --bogus: run 'boxctl ps --help' to list the flags"],
    [['--root', '/nonexistent', 'frobnicate'], "unknown command 'frobnicate': run 'boxctl --help' to list the commands"],
    [['frobnicate', '--help'], "unknown command 'frobnicate': run 'boxctl --help' to list the commands"],
    [['volume', 'frob'], "unknown command 'frob' for 'boxctl volume': run 'boxctl volume --help' to list its commands"],
    [['logs', 'a', 'b'], "unexpected argument 'b': usage: boxctl logs [options] <container>"],
    [['ps', 'extra'], "unexpected argument 'extra': usage: boxctl ps [options]"],
    [['run'], 'missing <image>: usage: boxctl run [options] <image> [command...]'],
    [['ps', '--format'], "flag needs an argument: --format: run 'boxctl ps --help' to list the flags"],
    [['ps', '-n', '--filter'], "flag needs an argument: --filter: run 'boxctl ps --help' to list the flags"],
    [['ps', '--all=maybe'], "invalid value 'maybe' for --all: it is true or false (or just --all)"],
    [['ps', '--last', 'abc'], "invalid value 'abc' for --last: give a number"],
    [['--log-level=loud', 'ps'], "invalid value 'loud' for --log-level: use debug, info, warn, error"],
    [['volume'], "missing subcommand: run 'boxctl volume --help' to list them"],
    [[], "missing command: run 'boxctl --help' to list them"],
    [['ps', '--format', '{{.Nmae}}'], /^invalid format template: unknown field \.Nmae \(valid fields: \.AutoRemove, .*\.Names, .*\)$/],
  ] as [string[], string | RegExp][])('boxctl %j', async (argv, message) => {
    const io = capture();
    expect(await run(argv, io.streams)).toBe(125);
    const err = io.err();
    expect(err.endsWith('\n') && !err.slice(0, -1).includes('\n'), err).toBe(true);
    expect(err.startsWith('Error: ')).toBe(true);
    expect(err.slice('Error: '.length, -1)).toMatch(message instanceof RegExp ? message : new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    expect(io.out()).toBe('');
  });
});

describe('toExit', () => {
  it("boxctl's errors: their exit code, one line even when the message has several", () => {
    expect(toExit(new UserError('bad thing\n  happened\n'))).toEqual({ message: 'Error: bad thing; happened', code: 125 });
    expect(toExit(new CommandNotRunError('exec: "x": not found', 127))).toEqual({ message: 'Error: exec: "x": not found', code: 127 });
  });

  it('anything else is 125; the stack only with --log-level debug', () => {
    const e = new TypeError('oops\nmore');
    expect(toExit(e)).toEqual({ message: 'Error: oops; more', code: 125 });
    expect(toExit(e, true).message).toContain('at ');
    expect(toExit('plain')).toEqual({ message: 'Error: plain', code: 125 });
  });
});
