import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  AttachConnectError,
  attach,
  type AttachInput,
  type TerminalSource,
} from '../../src/engine/container/attach-client.js';
import { FrameDecoder } from '../../src/engine/container/attach-frames.js';

// The monitor's side of the protocol, written out byte by byte here rather than with
// the client's own encoder, so that both ends are not wrong the same way.
function frame(type: number, payload: string | Buffer = ''): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  const length = body.length;
  const header = Buffer.from([type, length >>> 24, (length >>> 16) & 255, (length >>> 8) & 255, length & 255]);
  return Buffer.concat([header, body]);
}

/** The client's frames, from the raw bytes the server read. */
function parseFrames(data: Buffer): { type: number; payload: string }[] {
  const frames = [];
  let at = 0;
  while (at + 5 <= data.length) {
    const length = data.readUInt32BE(at + 1);
    frames.push({ type: data[at] as number, payload: data.subarray(at + 5, at + 5 + length).toString('latin1') });
    at += 5 + length;
  }
  expect(at).toBe(data.length);
  return frames;
}

class Sink extends Writable {
  readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk);
    done();
  }
  get text(): string {
    return Buffer.concat(this.chunks).toString('latin1');
  }
}

interface Connection {
  socket: net.Socket;
  received: () => Buffer;
  frames: () => { type: number; payload: string }[];
  closed: Promise<void>;
}

let dir: string;
let socketPath: string;
let server: net.Server | undefined;
const sockets: net.Socket[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'boxctl-attach-'));
  socketPath = join(dir, 'attach.sock');
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** A monitor stand-in on socketPath; `onConnection` plays its part for each client. */
async function serve(onConnection: (c: Connection) => unknown): Promise<Connection[]> {
  const connections: Connection[] = [];
  server = net.createServer((socket) => {
    sockets.push(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {});
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    const c: Connection = {
      socket,
      received: () => Buffer.concat(chunks),
      frames: () => parseFrames(Buffer.concat(chunks)),
      closed,
    };
    connections.push(c);
    void onConnection(c);
  });
  await new Promise<void>((resolve) => server?.listen(socketPath, resolve));
  return connections;
}

const tick = (ms = 5): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await tick(5);
  }
}

function streams(): { stdout: Sink; stderr: Sink } {
  return { stdout: new Sink(), stderr: new Sink() };
}

describe('FrameDecoder', () => {
  const wire = Buffer.concat([frame(1, 'hello'), frame(2, ''), frame(3, '137')]);

  it('decodes frames cut at every possible place', () => {
    for (let cut = 0; cut <= wire.length; cut += 1) {
      const d = new FrameDecoder();
      const frames = [...d.push(wire.subarray(0, cut)), ...d.push(wire.subarray(cut))];
      expect(frames.map((f) => [f.type, f.payload.toString()]), `cut at ${cut}`).toEqual([
        [1, 'hello'],
        [2, ''],
        [3, '137'],
      ]);
      expect(d.buffered).toBe(0);
    }
  });

  it('decodes one byte at a time', () => {
    const d = new FrameDecoder();
    const frames = [...wire].flatMap((b) => d.push(Buffer.from([b])));
    expect(frames.map((f) => f.type)).toEqual([1, 2, 3]);
  });

  it('refuses a length no monitor sends', () => {
    expect(() => new FrameDecoder().push(Buffer.from([1, 0xff, 0xff, 0xff, 0xff]))).toThrow(/corrupt/);
  });
});

describe('attach', () => {
  it('writes stdout and stderr frames to their streams and returns the exit code', async () => {
    await serve(({ socket }) => {
      socket.write(frame(1, 'out 1\n'));
      socket.write(frame(2, 'err 1\n'));
      socket.write(frame(1, 'out 2\n'));
      socket.end(frame(3, '42'));
    });
    const out = streams();
    expect(await attach({ socketPath, ...out })).toEqual({ detached: false, exitCode: 42 });
    expect(out.stdout.text).toBe('out 1\nout 2\n');
    expect(out.stderr.text).toBe('err 1\n');
  });

  it('reassembles frames split across chunks', async () => {
    const wire = Buffer.concat([frame(1, 'x'.repeat(300)), frame(2, 'yz'), frame(3, '0')]);
    await serve(async ({ socket }) => {
      for (let at = 0; at < wire.length; at += 7) {
        socket.write(wire.subarray(at, at + 7));
        await tick(1);
      }
      socket.end();
    });
    const out = streams();
    expect(await attach({ socketPath, ...out })).toEqual({ detached: false, exitCode: 0 });
    expect(out.stdout.text).toBe('x'.repeat(300));
    expect(out.stderr.text).toBe('yz');
  });

  it('takes several frames from one chunk', async () => {
    await serve(({ socket }) => {
      socket.end(Buffer.concat([frame(1, 'a'), frame(2, 'b'), frame(1, 'c'), frame(3, '3')]));
    });
    const out = streams();
    expect(await attach({ socketPath, ...out })).toEqual({ detached: false, exitCode: 3 });
    expect(out.stdout.text).toBe('ac');
    expect(out.stderr.text).toBe('b');
  });

  it('gives no exit code when the socket closes without one', async () => {
    await serve(({ socket }) => {
      socket.end(frame(1, 'bye'));
    });
    expect(await attach({ socketPath, ...streams() })).toEqual({ detached: false, exitCode: undefined });
  });

  it('passes binary output through unchanged', async () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    await serve(({ socket }) => socket.end(Buffer.concat([frame(1, bytes), frame(3, '0')])));
    const out = streams();
    await attach({ socketPath, ...out });
    expect(Buffer.concat(out.stdout.chunks)).toEqual(bytes);
  });

  it('forwards stdin as frames and closes the process stdin at its end', async () => {
    const stdin = new PassThrough();
    const conns = await serve(() => {});
    const attached = attach({ socketPath, ...streams(), stdin, detachKeys: '' });
    await until(() => conns.length === 1, 'the connection');
    stdin.write('hello\n');
    await until(() => conns[0]?.received().length === 11, 'the first frame');
    stdin.end('bye');
    await until(() => conns[0]?.frames().some((f) => f.type === 2) === true, 'the close frame');
    conns[0]?.socket.end(frame(3, '0'));
    expect(await attached).toEqual({ detached: false, exitCode: 0 });
    expect(conns[0]?.frames()).toEqual([
      { type: 1, payload: 'hello\n' },
      { type: 1, payload: 'bye' },
      { type: 2, payload: '' },
    ]);
    expect(stdin.listenerCount('data')).toBe(0);
  });

  it('detaches on the detach keys, forwarding what came before and nothing after', async () => {
    const stdin = new PassThrough();
    const conns = await serve(() => {});
    const attached = attach({ socketPath, ...streams(), stdin });
    await until(() => conns.length === 1, 'the connection');
    stdin.write('ls\x10');
    await tick(20);
    stdin.write('\x11rm -rf /\n');
    expect(await attached).toEqual({ detached: true });
    await conns[0]?.closed;
    expect(conns[0]?.frames()).toEqual([{ type: 1, payload: 'ls' }]);
    expect(stdin.isPaused()).toBe(true);
  });

  it('forwards a started sequence that turns out not to be the detach keys', async () => {
    const stdin = new PassThrough();
    const conns = await serve(() => {});
    const attached = attach({ socketPath, ...streams(), stdin, detachKeys: 'ctrl-x,d' });
    await until(() => conns.length === 1, 'the connection');
    stdin.write('\x18');
    await tick(20);
    stdin.write('e\x10\x11');
    await until(() => conns[0]?.received().length === 9, 'the forwarded bytes');
    stdin.write('\x18d');
    expect(await attached).toEqual({ detached: true });
    expect(conns[0]?.frames()).toEqual([{ type: 1, payload: '\x18e\x10\x11' }]);
  });

  it('sends a held partial sequence before closing stdin', async () => {
    const stdin = new PassThrough();
    const conns = await serve(() => {});
    const attached = attach({ socketPath, ...streams(), stdin });
    await until(() => conns.length === 1, 'the connection');
    stdin.end('a\x10');
    await until(() => conns[0]?.frames().some((f) => f.type === 2) === true, 'the close frame');
    conns[0]?.socket.end(frame(3, '1'));
    expect(await attached).toEqual({ detached: false, exitCode: 1 });
    expect(conns[0]?.frames()).toEqual([
      { type: 1, payload: 'a' },
      { type: 1, payload: '\x10' },
      { type: 2, payload: '' },
    ]);
  });

  it('rejects bad detach keys before connecting', async () => {
    const conns = await serve(() => {});
    await expect(attach({ socketPath, ...streams(), detachKeys: 'ctrl-P' })).rejects.toThrow(/invalid detach key/);
    await tick(20);
    expect(conns).toHaveLength(0);
  });

  it('with a tty, sends the terminal size at the start and on every resize', async () => {
    let size = { rows: 24, cols: 80 };
    let resize: (() => void) | undefined;
    let unsubscribed = false;
    const terminal: TerminalSource = {
      size: () => size,
      onResize(listener) {
        resize = listener;
        return () => {
          unsubscribed = true;
        };
      },
    };
    const conns = await serve(() => {});
    const attached = attach({ socketPath, ...streams(), tty: true, terminal });
    await until(() => conns[0]?.received().length === 10, 'the first resize frame');
    size = { rows: 50, cols: 132 };
    resize?.();
    await until(() => conns[0]?.frames().length === 2, 'the second resize frame');
    conns[0]?.socket.end(frame(3, '0'));
    await attached;
    expect(conns[0]?.frames()).toEqual([
      { type: 3, payload: '24 80' },
      { type: 3, payload: '50 132' },
    ]);
    expect(unsubscribed).toBe(true);
  });

  it('sends no size when the terminal has none', async () => {
    const conns = await serve(({ socket }) => socket.end(frame(3, '0')));
    const terminal: TerminalSource = { size: () => undefined, onResize: () => () => {} };
    await attach({ socketPath, ...streams(), tty: true, terminal });
    expect(conns[0]?.received().length).toBe(0);
  });

  it('puts a terminal stdin in raw mode and restores it, on exit and on detach', async () => {
    const modes: boolean[] = [];
    const fakeTty = (): PassThrough & AttachInput =>
      Object.assign(new PassThrough(), {
        isTTY: true,
        isRaw: false,
        setRawMode(mode: boolean) {
          modes.push(mode);
        },
      });
    const terminal: TerminalSource = { size: () => undefined, onResize: () => () => {} };
    await serve(({ socket }) => setTimeout(() => socket.end(frame(3, '0')), 20));
    await attach({ socketPath, ...streams(), stdin: fakeTty(), tty: true, terminal });
    expect(modes).toEqual([true, false]);

    const stdin = fakeTty();
    const detached = attach({ socketPath, ...streams(), stdin, tty: true, terminal });
    await tick(5);
    stdin.write('\x10\x11');
    expect(await detached).toEqual({ detached: true });
    expect(modes).toEqual([true, false, true, false]);
  });

  it('hands the signals it catches to sigProxy while attached without a tty', async () => {
    const got: string[] = [];
    const before = process.listenerCount('SIGUSR2');
    const conns = await serve(() => {});
    const attached = attach({ socketPath, ...streams(), sigProxy: (s) => got.push(s) });
    await until(() => conns.length === 1, 'the connection');
    await tick(5);
    process.kill(process.pid, 'SIGUSR2');
    await until(() => got.length === 1, 'the proxied signal');
    conns[0]?.socket.end(frame(3, '0'));
    await attached;
    expect(got).toEqual(['SIGUSR2']);
    expect(process.listenerCount('SIGUSR2')).toBe(before);
  });

  it('does not proxy signals with a tty', async () => {
    const before = process.listenerCount('SIGINT');
    let during = -1;
    await serve(({ socket }) => setTimeout(() => socket.end(frame(3, '0')), 20));
    await attach({
      socketPath,
      ...streams(),
      tty: true,
      terminal: { size: () => undefined, onResize: () => () => {} },
      sigProxy: () => {},
      onConnected: () => {
        during = process.listenerCount('SIGINT');
      },
    });
    expect(during).toBe(before);
  });

  it('calls onConnected once listening, before the output it lets start', async () => {
    const out = streams();
    let release: (() => void) | undefined;
    await serve(({ socket }) => {
      release = () => socket.end(Buffer.concat([frame(1, 'started'), frame(3, '0')]));
    });
    let calls = 0;
    const onConnected = (): void => {
      calls += 1;
      setTimeout(() => release?.(), 10);
    };
    const result = await attach({ socketPath, ...out, onConnected });
    expect(result).toEqual({ detached: false, exitCode: 0 });
    expect(calls).toBe(1);
    expect(out.stdout.text).toBe('started');
  });

  it('says which socket it could not reach and why', async () => {
    const missing = join(dir, 'nope.sock');
    const err = await attach({ socketPath: missing, ...streams() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AttachConnectError);
    expect(err).toMatchObject({ code: 'ENOENT', socketPath: missing });
    expect((err as Error).message).toContain(missing);
  });

  it('reaches a socket whose path is too long for a socket address', async () => {
    await serve(({ socket }) => socket.end(Buffer.concat([frame(1, 'far'), frame(3, '7')])));
    const deep = join(dir, 'containers', 'a'.repeat(64));
    await mkdir(deep, { recursive: true });
    const longPath = join(deep, 'attach.sock');
    expect(Buffer.byteLength(longPath)).toBeGreaterThan(107);
    await rename(socketPath, longPath);
    const out = streams();
    expect(await attach({ socketPath: longPath, ...out })).toEqual({ detached: false, exitCode: 7 });
    expect(out.stdout.text).toBe('far');
  });

  it('stops reading the socket while a stream is full, losing nothing', async () => {
    const chunks: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        setTimeout(done, 1);
      },
    });
    const payloads = Array.from({ length: 50 }, (_, i) => `line ${i}\n`);
    await serve(({ socket }) => socket.end(Buffer.concat([...payloads.map((p) => frame(1, p)), frame(3, '0')])));
    await attach({ socketPath, stdout: slow, stderr: new Sink() });
    await new Promise<void>((resolve) => slow.end(resolve));
    expect(Buffer.concat(chunks).toString()).toBe(payloads.join(''));
  });
});
