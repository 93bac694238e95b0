import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';

import { run } from '../../src/cli/run.js';

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

  it('refuses an unknown --format with exit 125, naming the valid ones', async () => {
    const io = capture();
    expect(await run(['info', '--format', 'yaml'], io.streams)).toBe(125);
    expect(io.err()).toBe("Error: unknown --format 'yaml': use 'json' or 'text'\n");
    expect(io.out()).toBe('');
  });

  it('refuses an unknown flag with exit 125', async () => {
    const io = capture();
    expect(await run(['info', '--no-such-flag'], io.streams)).toBe(125);
    expect(io.err()).toMatch(/^Error: Unknown argument: no-such-flag\n$/);
  });
});
