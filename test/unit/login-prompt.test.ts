import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';

import { UserError } from '../../src/errors.js';
import { ask, readAll } from '../../src/cli/ui/prompt.js';

function terminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (d) => (shown += String(d)));
  return { input, output, shown: () => shown };
}

describe('ask', () => {
  it('echoes a plain answer and returns it', async () => {
    const t = terminal();
    const answer = ask(t.input, t.output, 'Username: ');
    t.input.write('alice\r');
    expect(await answer).toBe('alice');
    expect(t.shown()).toContain('Username: ');
    expect(t.shown()).toContain('alice');
  });

  it('shows nothing of a secret, not even its length, and ends the line', async () => {
    const t = terminal();
    const answer = ask(t.input, t.output, 'Password: ', { secret: true });
    t.input.write('wonder: lanx\x7fd\r');
    expect(await answer).toBe('wonder: land');
    // Only readline's cursor moves around the prompt, and the end of the line.
    expect(t.shown().replace(/\u001b\[[0-9;]*[A-Za-z]/g, '')).toBe('Password: \n');
  });

  it('fails, changing nothing, when input ends before an answer', async () => {
    const t = terminal();
    const answer = ask(t.input, t.output, 'Username: ');
    t.input.end();
    await expect(answer).rejects.toThrow(new UserError("input ended at 'Username:': nothing was changed"));
  });
});

describe('readAll', () => {
  it('joins the lines of stdin without their ends, as podman login --password-stdin does', async () => {
    expect(await readAll(Readable.from(['pass', 'word\n']))).toBe('password');
    expect(await readAll(Readable.from(['a\r\nb\n']))).toBe('ab');
    expect(await readAll(Readable.from([]))).toBe('');
  });
});
