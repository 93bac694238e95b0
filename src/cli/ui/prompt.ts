// Questions on the terminal, for login. readline does the line editing (backspace,
// Ctrl-U, arrows); a secret is typed into a muted copy of the output, so nothing of it
// is echoed, not even its length.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

import { UserError } from '../../errors.js';

export function ask(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  question: string,
  opts: { secret?: boolean } = {},
): Promise<string> {
  let muted = false;
  const shown = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) output.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input, output: shown, terminal: true });
  return new Promise((resolve, reject) => {
    let answered = false;
    // readline holds the terminal in raw mode, so Ctrl-C arrives as a key: give the
    // terminal back, then die of SIGINT as the user meant.
    rl.on('SIGINT', () => {
      rl.close();
      output.write('\n');
      process.kill(process.pid, 'SIGINT');
    });
    rl.on('close', () => {
      if (!answered) reject(new UserError(`input ended at '${question.trim()}': nothing was changed`));
    });
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      // The Enter that readline echoes was muted with the rest.
      if (opts.secret) output.write('\n');
      resolve(answer);
    });
    muted = opts.secret === true;
  });
}

/** Everything on input, as `podman login --password-stdin` takes it: the lines joined, without their ends. */
export async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  input.setEncoding('utf8');
  for await (const chunk of input) text += String(chunk);
  return text.replace(/\r?\n|\r$/g, '');
}
