import { extract } from 'tar-stream';
import { describe, expect, it } from 'vitest';

import { helloLayer, isBuiltinHello } from '../../src/engine/image/builtin-hello.js';

async function entries(tar: Buffer): Promise<{ name: string; type: string; mode: number; uid: number; body: string }[]> {
  const out: { name: string; type: string; mode: number; uid: number; body: string }[] = [];
  const x = extract();
  x.on('entry', (h, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c) => chunks.push(c as Buffer));
    stream.on('end', () => {
      out.push({ name: h.name, type: h.type ?? '', mode: h.mode ?? 0, uid: h.uid ?? -1, body: Buffer.concat(chunks).toString() });
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    x.on('finish', resolve);
    x.on('error', reject);
    x.end(tar);
  });
  return out;
}

describe('the built-in hello image', () => {
  it('answers to hello and localhost/hello, with no tag or :latest', () => {
    for (const n of ['hello', 'hello:latest', 'localhost/hello', 'localhost/hello:latest']) expect(isBuiltinHello(n), n).toBe(true);
    for (const n of ['hello:1', 'docker.io/library/hello', 'hello-world', 'localhost/hello:2', 'library/hello', `hello@sha256:${'a'.repeat(64)}`]) {
      expect(isBuiltinHello(n), n).toBe(false);
    }
  });

  it('has one layer: /hello executable, owned by root, beside the mount point directories', async () => {
    const tar = await helloLayer(Buffer.from('#!program'), new Date('2024-05-01T10:00:00Z'));
    const list = await entries(tar);
    expect(list.map((e) => e.name).sort()).toEqual(['dev/', 'etc/', 'hello', 'proc/', 'sys/', 'tmp/']);
    const hello = list.find((e) => e.name === 'hello')!;
    expect(hello).toMatchObject({ type: 'file', mode: 0o755, uid: 0, body: '#!program' });
    expect(list.find((e) => e.name === 'tmp/')!.mode).toBe(0o1777);
  });

  it('is the same bytes for the same program and date, so its digest is stable', async () => {
    const when = new Date('2024-05-01T10:00:00Z');
    const a = await helloLayer(Buffer.from('x'), when);
    expect((await helloLayer(Buffer.from('x'), when)).equals(a)).toBe(true);
    expect((await helloLayer(Buffer.from('y'), when)).equals(a)).toBe(false);
  });
});
