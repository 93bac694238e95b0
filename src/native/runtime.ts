// Driving native/'s boxctl-runtime. Its stdio belong to the container, so it answers
// on fd 3: one JSON line, {"ok":true,...} or {"ok":false,"errno":N,"error":"..."}
// (native/README.md).
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import type { Readable } from 'node:stream';

import { BoxctlError, NativeError } from '../errors.js';
import { helperPath, type HelperName } from './helpers.js';

export interface RuntimeReport {
  pid?: number;
}

export interface RuntimeProcess {
  child: ChildProcess;
  /** Resolves with the report line; rejects with a NativeError when setup failed. */
  report: Promise<RuntimeReport>;
  /** Resolves with the exit code (128+N for a signal), as a shell reports it. */
  exit: Promise<number>;
}

type StdioMode = 'inherit' | 'ignore' | 'pipe';
/** One mode for stdin, stdout and stderr, or one each. */
export type RuntimeStdio = StdioMode | readonly [StdioMode, StdioMode, StdioMode];

function helper(name: HelperName): string {
  const path = helperPath(name);
  if (!existsSync(path)) throw new BoxctlError(`${name} is missing at ${path}: rebuild the native part with 'npm rebuild boxctl'`);
  return path;
}

/**
 * With `consoleSocket` (which must also be among `args` as --console-socket), the
 * runtime runs under boxctl-ttyrelay, which receives the pty master there and relays
 * it to this process's terminal (native/README.md); `stdio` are then the relay's.
 */
export function startRuntime(args: readonly string[], stdio: RuntimeStdio = 'inherit', consoleSocket?: string): RuntimeProcess {
  const path = helper('boxctl-runtime');
  const command = [path, ...args, '--report-fd', '3'];
  const argv = consoleSocket === undefined ? command : [helper('boxctl-ttyrelay'), '--console-socket', consoleSocket, '--', ...command];
  const [stdin, stdout, stderr] = typeof stdio === 'string' ? [stdio, stdio, stdio] : stdio;
  const streams: StdioOptions = [stdin, stdout, stderr, 'pipe'];
  const child = spawn(argv[0]!, argv.slice(1), { stdio: streams });
  const exit = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
  const pipe = child.stdio[3] as Readable;
  const report = new Promise<RuntimeReport>((resolve, reject) => {
    let text = '';
    pipe.setEncoding('utf8');
    pipe.on('data', (d: string) => {
      text += d;
      const nl = text.indexOf('\n');
      if (nl >= 0) {
        settle(text.slice(0, nl));
        pipe.destroy();
      }
    });
    pipe.on('end', () => settle(text));
    pipe.on('error', () => settle(text));
    let done = false;
    function settle(line: string): void {
      if (done) return;
      done = true;
      let parsed: { ok: boolean; pid?: number; errno?: number; error?: string };
      try {
        parsed = JSON.parse(line) as typeof parsed;
      } catch {
        exit.then(
          (code) => reject(new NativeError(`boxctl-runtime ${args[0]} exited with status ${code} without a report`, 0, 'boxctl-runtime')),
          reject,
        );
        return;
      }
      if (parsed.ok) resolve(parsed.pid === undefined ? {} : { pid: parsed.pid });
      else reject(new NativeError(parsed.error ?? 'unknown failure', parsed.errno ?? 0, 'boxctl-runtime'));
    }
  });
  return { child, report, exit };
}
