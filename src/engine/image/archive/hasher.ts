// A pass-through stage that hashes and counts what flows, so a blob's digest is known
// the moment it has been written, without reading it again.
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export class Hasher extends Transform {
  readonly #hashes: Map<string, Hash>;
  size = 0;

  constructor(algorithms: readonly string[] = ['sha256']) {
    super();
    this.#hashes = new Map(algorithms.map((a) => [a, createHash(a)]));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    for (const h of this.#hashes.values()) h.update(chunk);
    done(null, chunk);
  }

  has(algorithm: string): boolean {
    return this.#hashes.has(algorithm);
  }

  /** "algorithm:hex"; valid once the stream has ended, and only once. */
  digest(algorithm = 'sha256'): string {
    return `${algorithm}:${this.#hashes.get(algorithm)!.digest('hex')}`;
  }
}
