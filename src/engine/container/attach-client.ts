// The client end of a container's attach socket (docs/containers.md, "Attach
// protocol"): output frames go to the caller's streams, the caller's stdin goes to the
// process until the detach keys are typed, and the call ends with the exit code the
// monitor reports, or with a detach.

import { open } from 'node:fs/promises';
import { constants } from 'node:fs';
import net from 'node:net';
import { basename, dirname } from 'node:path';

import { BoxctlError } from '../../errors.js';
import {
  FRAME_EXIT,
  FRAME_STDERR,
  FRAME_STDIN,
  FRAME_STDIN_CLOSE,
  FRAME_STDOUT,
  FrameDecoder,
  encodeFrame,
  resizeFrame,
} from './attach-frames.js';
import { DEFAULT_DETACH_KEYS, DetachMatcher, parseDetachKeys } from './detach-keys.js';

export interface TerminalSize {
  rows: number;
  cols: number;
}

/** Where the local terminal's size comes from; process.stdout and SIGWINCH by default. */
export interface TerminalSource {
  size(): TerminalSize | undefined;
  /** Calls the listener on every resize; returns the function that stops it. */
  onResize(listener: () => void): () => void;
}

export const processTerminal: TerminalSource = {
  size: () =>
    process.stdout.isTTY && process.stdout.rows > 0 && process.stdout.columns > 0
      ? { rows: process.stdout.rows, cols: process.stdout.columns }
      : undefined,
  onResize(listener) {
    process.on('SIGWINCH', listener);
    return () => process.off('SIGWINCH', listener);
  },
};

/** A readable that may be a terminal (process.stdin is a tty.ReadStream there). */
export type AttachInput = NodeJS.ReadableStream & {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?: (mode: boolean) => unknown;
};

export interface AttachOptions {
  /** RUNDIR/attach.sock. Paths past the 107 bytes a socket address holds are reached through /proc/self/fd. */
  socketPath: string;
  /** Frame 1 (the process's stdout, or its terminal) is written here. */
  stdout: NodeJS.WritableStream;
  /** Frame 2 (the process's stderr) is written here. */
  stderr: NodeJS.WritableStream;
  /** Forwarded to the process's stdin; its end closes the process's stdin (frame 2). */
  stdin?: AttachInput;
  /**
   * The container has a terminal and the user's side is one: puts `stdin` in raw mode
   * when it is a TTY (restored on every way out) and sends the terminal size at the
   * start and on every resize.
   */
  tty?: boolean;
  /** Podman's syntax; default "ctrl-p,ctrl-q"; "" turns detaching off. */
  detachKeys?: string;
  /**
   * Without a tty, the signals in PROXIED_SIGNALS are caught while attached and given
   * here (the caller signals the container's process) instead of ending boxctl.
   */
  sigProxy?: (signal: NodeJS.Signals) => void;
  /** The terminal size source; tests give a fake one. */
  terminal?: TerminalSource;
  /** Called once connected: `run` starts the process only then, so no output is missed. */
  onConnected?: () => void;
}

export type AttachResult =
  | { detached: true }
  /** exitCode is undefined when the socket closed without an exit frame (the monitor went away). */
  | { detached: false; exitCode: number | undefined };

/**
 * Podman's sig-proxy set, less what Node cannot or must not catch (SIGKILL, SIGSTOP,
 * SIGUSR1 for the inspector, SIGSEGV and kin) and what is no request to the process
 * (SIGCHLD, SIGPIPE, SIGURG, SIGWINCH).
 */
export const PROXIED_SIGNALS: readonly NodeJS.Signals[] = [
  'SIGHUP',
  'SIGINT',
  'SIGQUIT',
  'SIGTERM',
  'SIGUSR2',
  'SIGALRM',
  'SIGCONT',
  'SIGTSTP',
  'SIGTTIN',
  'SIGTTOU',
  'SIGVTALRM',
  'SIGPROF',
  'SIGXCPU',
  'SIGXFSZ',
];

/** Signals that would end boxctl with the terminal still raw: restore it, then die of them. */
const FATAL_IN_RAW_MODE: readonly NodeJS.Signals[] = ['SIGHUP', 'SIGTERM', 'SIGQUIT'];

/** The attach socket could not be reached: usually the container is not running. */
export class AttachConnectError extends BoxctlError {
  constructor(
    readonly socketPath: string,
    readonly code: string | undefined,
    cause: unknown,
  ) {
    super(`cannot connect to the attach socket ${socketPath}: ${code ?? String(cause)}; is the container running?`, {
      cause,
    });
  }
}

/** sun_path holds 108 bytes with the terminating NUL. */
const MAX_SOCKET_PATH = 107;

function dial(path: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(path);
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}

async function connect(socketPath: string): Promise<net.Socket> {
  try {
    if (Buffer.byteLength(socketPath) <= MAX_SOCKET_PATH) return await dial(socketPath);
    // The runroot can be deep (/run/user/UID/boxctl/containers/<64 hex>/attach.sock is
    // 109 bytes): go through a descriptor of the directory instead, as Podman does.
    const dir = await open(dirname(socketPath), constants.O_RDONLY | constants.O_DIRECTORY);
    try {
      return await dial(`/proc/self/fd/${dir.fd}/${basename(socketPath)}`);
    } finally {
      await dir.close();
    }
  } catch (err) {
    throw new AttachConnectError(socketPath, (err as NodeJS.ErrnoException).code, err);
  }
}

function parseExitCode(payload: Buffer): number | undefined {
  const text = payload.toString('latin1').trim();
  return /^-?\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * Attaches to a running container until its process exits (the monitor's exit frame,
 * then close), the socket closes, or the detach keys are typed. Output is written to
 * the given streams as it comes; a caller about to exit should let them drain (set
 * process.exitCode rather than calling process.exit).
 */
export async function attach(options: AttachOptions): Promise<AttachResult> {
  const matcher = new DetachMatcher(parseDetachKeys(options.detachKeys ?? DEFAULT_DETACH_KEYS));
  const socket = await connect(options.socketPath);
  const cleanups: (() => void)[] = [];
  try {
    return await new Promise<AttachResult>((resolve, reject) => {
      let settled = false;
      const settle = (result: AttachResult | Error): void => {
        if (settled) return;
        settled = true;
        if (result instanceof Error) reject(result);
        else resolve(result);
      };
      const send = (frame: Buffer): boolean => !socket.destroyed && socket.write(frame);

      receiveOutput(socket, options, settle);
      if (options.tty) cleanups.push(...setUpTerminal(options, send));
      if (options.sigProxy && !options.tty) cleanups.push(proxySignals(options.sigProxy));
      if (options.stdin) {
        cleanups.push(forwardInput(options.stdin, socket, matcher, send, () => settle({ detached: true })));
      }
      try {
        options.onConnected?.();
      } catch (err) {
        settle(err as Error);
      }
    });
  } finally {
    for (const cleanup of cleanups.reverse()) cleanup();
    socket.destroy();
  }
}

function receiveOutput(
  socket: net.Socket,
  options: AttachOptions,
  settle: (result: AttachResult | Error) => void,
): void {
  const decoder = new FrameDecoder();
  let exitCode: number | undefined;
  const full = new Set<NodeJS.WritableStream>();
  const write = (stream: NodeJS.WritableStream, payload: Buffer): void => {
    if (stream.write(payload) || full.has(stream)) return;
    // The reader is slow (a pager, a pipe): stop reading the socket until it catches up.
    full.add(stream);
    socket.pause();
    stream.once('drain', () => {
      full.delete(stream);
      if (full.size === 0) socket.resume();
    });
  };
  socket.on('data', (chunk: Buffer) => {
    let frames;
    try {
      frames = decoder.push(chunk);
    } catch (err) {
      settle(err as Error);
      return;
    }
    for (const frame of frames) {
      if (frame.type === FRAME_STDOUT) write(options.stdout, frame.payload);
      else if (frame.type === FRAME_STDERR) write(options.stderr, frame.payload);
      else if (frame.type === FRAME_EXIT) exitCode = parseExitCode(frame.payload);
    }
  });
  // A reset or any other socket error ends the attach like a close without an exit frame.
  socket.on('error', () => {});
  socket.on('close', () => settle({ detached: false, exitCode }));
}

/** Raw mode and size updates; returns the cleanups, the raw mode restore last to run. */
function setUpTerminal(options: AttachOptions, send: (frame: Buffer) => boolean): (() => void)[] {
  const cleanups: (() => void)[] = [];
  const stdin = options.stdin;
  if (stdin?.isTTY && stdin.setRawMode) {
    const setRawMode = stdin.setRawMode.bind(stdin);
    const wasRaw = stdin.isRaw === true;
    let restored = false;
    const restore = (): void => {
      if (restored) return;
      restored = true;
      setRawMode(wasRaw);
    };
    const dieOf = (signal: NodeJS.Signals): void => {
      restore();
      removeFatal();
      process.kill(process.pid, signal);
    };
    const removeFatal = (): void => {
      for (const signal of FATAL_IN_RAW_MODE) process.off(signal, dieOf);
      process.off('exit', restore);
    };
    setRawMode(true);
    for (const signal of FATAL_IN_RAW_MODE) process.on(signal, dieOf);
    process.on('exit', restore);
    cleanups.push(() => {
      removeFatal();
      restore();
    });
  }
  const terminal = options.terminal ?? processTerminal;
  const sendSize = (): void => {
    const size = terminal.size();
    if (size) send(resizeFrame(size.rows, size.cols));
  };
  sendSize();
  cleanups.push(terminal.onResize(sendSize));
  return cleanups;
}

function proxySignals(proxy: (signal: NodeJS.Signals) => void): () => void {
  const handlers = PROXIED_SIGNALS.map((signal) => {
    const handler = (): void => proxy(signal);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}

function forwardInput(
  stdin: AttachInput,
  socket: net.Socket,
  matcher: DetachMatcher,
  send: (frame: Buffer) => boolean,
  detach: () => void,
): () => void {
  let stopped = false;
  let waiting = false;
  const pushOut = (data: Buffer): void => {
    if (data.length === 0 || send(encodeFrame(FRAME_STDIN, data)) || waiting) return;
    waiting = true;
    stdin.pause();
    socket.once('drain', () => {
      waiting = false;
      if (!stopped) stdin.resume();
    });
  };
  const onData = (chunk: Buffer | string): void => {
    if (stopped) return;
    const { forward, detached } = matcher.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    pushOut(forward);
    if (detached) {
      stopped = true;
      detach();
    }
  };
  const onEnd = (): void => {
    if (stopped) return;
    stopped = true;
    pushOut(matcher.flush());
    send(encodeFrame(FRAME_STDIN_CLOSE));
  };
  stdin.on('data', onData);
  stdin.on('end', onEnd);
  return () => {
    stopped = true;
    stdin.off('data', onData);
    stdin.off('end', onEnd);
    stdin.pause();
  };
}
