// The first bytes of a stream, to tell its format, without losing them for the reader.
import { Readable } from 'node:stream';

export interface Peeked {
  /** Up to the bytes asked for; fewer only when the stream is that short. */
  head: Buffer;
  /** Everything, head included. */
  stream: Readable;
}

export function peek(input: Readable, bytes: number): Promise<Peeked> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (ended: boolean): void => {
      input.off('readable', onReadable);
      input.off('end', onEnd);
      input.off('error', onError);
      const head = Buffer.concat(chunks);
      // A stream that has ended takes nothing back: hand on what was read instead.
      if (ended) resolve({ head: head.subarray(0, bytes), stream: Readable.from(length > 0 ? [head] : []) });
      else {
        input.unshift(head);
        resolve({ head: head.subarray(0, bytes), stream: input });
      }
    };
    const onReadable = (): void => {
      let chunk: Buffer | null;
      while (length < bytes && (chunk = input.read() as Buffer | null) !== null) {
        chunks.push(chunk);
        length += chunk.length;
      }
      if (length >= bytes) finish(false);
    };
    const onEnd = (): void => finish(true);
    const onError = (e: Error): void => {
      input.off('readable', onReadable);
      input.off('end', onEnd);
      reject(e);
    };
    input.on('readable', onReadable);
    input.once('end', onEnd);
    input.once('error', onError);
  });
}
